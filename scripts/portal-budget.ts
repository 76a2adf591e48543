/**
 * After `vite build`: the JavaScript a first visit downloads (the entry script and every chunk it
 * preloads), gzip-compressed, against the budget. Route chunks load later and are listed
 * for information. Exits 1 over budget, so `npm run build` fails instead of shipping a slow portal.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { projectRoot } from "./lib/project-paths.js";

export const INITIAL_JS_BUDGET_BYTES = 300 * 1024;

/** Script and modulepreload URLs of index.html: what the browser fetches before the first render. */
export function initialScripts(indexHtml: string): string[] {
  const urls = new Set<string>();
  for (const match of indexHtml.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) urls.add(match[1] ?? "");
  for (const match of indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) urls.add(match[1] ?? "");
  urls.delete("");
  return [...urls];
}

export const gzipBytes = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function main(): void {
  const distDir = path.join(projectRoot, "web", "dist");
  const initial = initialScripts(readFileSync(path.join(distDir, "index.html"), "utf8")).map((url) => url.replace(/^\//, ""));
  const assets = readdirSync(path.join(distDir, "assets")).filter((name) => name.endsWith(".js"));
  let initialTotal = 0;
  const rows = assets
    .map((name) => {
      const file = `assets/${name}`;
      const gzip = gzipBytes(readFileSync(path.join(distDir, file)));
      const isInitial = initial.includes(file);
      if (isInitial) initialTotal += gzip;
      return { file, gzip, isInitial };
    })
    .sort((a, b) => Number(b.isInitial) - Number(a.isInitial) || b.gzip - a.gzip);
  console.log("\n| Chunk | Loaded | Gzip |\n|---|---|---:|");
  for (const row of rows) console.log(`| ${row.file} | ${row.isInitial ? "first visit" : "on demand"} | ${kib(row.gzip)} |`);
  const verdict = initialTotal <= INITIAL_JS_BUDGET_BYTES ? "✅" : "❌";
  console.log(`\nInitial JavaScript: ${kib(initialTotal)} gzip (budget ${kib(INITIAL_JS_BUDGET_BYTES)}) ${verdict}\n`);
  if (initialTotal > INITIAL_JS_BUDGET_BYTES) process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
