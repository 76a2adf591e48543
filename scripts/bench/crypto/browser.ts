/**
 * The encryption throughput race in headless Chromium: throughput.ts bundled by esbuild, served
 * from 127.0.0.1 (a secure context, which WebCrypto requires) and driven by playwright-core
 * against the system Chromium.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";
import { chromium } from "playwright-core";

import { CHROMIUM_ARGS } from "./chromium.js";
import type { ThroughputOptions, ThroughputResult } from "./throughput.js";

/** The name the bundle registers its entry points under in the page. */
const PAGE_GLOBAL = "envelopeBench";

export interface BrowserThroughput extends ThroughputResult {
  browserVersion: string;
}

/** throughput.ts as one browser script that exposes measureEncryption(options) on globalThis.envelopeBench. */
export async function bundleForBrowser(): Promise<string> {
  const result = await build({
    stdin: {
      // Progress goes to the page console, which the driver forwards to stderr.
      contents:
        `import { measureEncryption } from "./throughput.js";\n` +
        `globalThis.${PAGE_GLOBAL} = { measureEncryption: (options) => measureEncryption({ ...options, onProgress: (message) => console.log(message) }) };\n`,
      resolveDir: path.dirname(fileURLToPath(import.meta.url)),
      sourcefile: "browser-entry.ts",
      loader: "ts",
    },
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error("esbuild produced no bundle");
  return output.text;
}

async function serve(bundle: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.url === "/bench.js") {
      response.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
    } else {
      response.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

export async function measureEncryptionInChromium(executablePath: string, options: ThroughputOptions): Promise<BrowserThroughput> {
  const { server, url } = await serve(await bundleForBrowser());
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    page.on("console", (message) => options.onProgress?.(`chromium: ${message.text()}`));
    await page.goto(url);
    // A string, not a function: tsx's transpiled functions reference helpers the page does not have.
    const call = `globalThis.${PAGE_GLOBAL}.measureEncryption(${JSON.stringify({ sizeBytes: options.sizeBytes, runs: options.runs })})`;
    const result = (await page.evaluate(call)) as ThroughputResult;
    return { ...result, browserVersion: browser.version() };
  } finally {
    await browser.close();
    server.close();
  }
}
