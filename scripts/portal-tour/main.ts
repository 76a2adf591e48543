/**
 * A walk through the running demo portal (`npm start` in another terminal): every demo persona
 * connects through the local demo wallet, unlocks, and opens every page of their role in headless
 * Chromium. Each page is photographed (the README shows some of these) and timed.
 * Fails on any error notice, page wider than the window, console error or uncaught exception.
 *
 *   npm run tour                              Markdown table on stdout, progress on stderr
 *   npm run tour -- --json                    JSON array of visited pages
 *   --portal-url <url>   the portal (default http://127.0.0.1:5173)
 *   --out <dir>          where screenshots go (default test-artifacts/tour)
 *   --persona <id>       only this persona (repeatable; ids as in the demo wallet: admin, doctor1, …)
 *   --width <px>         viewport width (default 1280; 390 shows the phone layout)
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { chromium } from "playwright-core";

import { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, findChromium } from "../bench/crypto/chromium.js";
import { projectRoot } from "../lib/project-paths.js";
import { DEMO_PERSONAS } from "../../web/src/portal/wallet/demo-personas.js";
import { walkPersona, type VisitedPage } from "./walk.js";

const { values } = parseArgs({
  options: {
    "portal-url": { type: "string", default: "http://127.0.0.1:5173" },
    out: { type: "string", default: path.join(projectRoot, "test-artifacts", "tour") },
    persona: { type: "string", multiple: true },
    width: { type: "string", default: "1280" },
    json: { type: "boolean", default: false },
  },
});

const width = Number(values.width);
if (!Number.isInteger(width) || width < 320) throw new Error(`--width must be a whole number of pixels, at least 320 (got ${values.width})`);
const wanted = values.persona ?? DEMO_PERSONAS.map((persona) => persona.id);
const unknown = wanted.filter((id) => !DEMO_PERSONAS.some((persona) => persona.id === id));
if (unknown.length > 0) throw new Error(`unknown persona ${unknown.join(", ")}; choose from ${DEMO_PERSONAS.map((persona) => persona.id).join(", ")}`);
const executablePath = findChromium();
if (executablePath === undefined) throw new Error(`no Chromium on PATH: ${CHROMIUM_INSTALL_HINT}`);
const portalUrl = values["portal-url"];
const configResponse = await fetch(new URL("/config.json", portalUrl)).catch((error: unknown) => {
  throw new Error(`the portal does not answer at ${portalUrl} (${String(error)}): start it with npm start in another terminal`);
});
const config = (await configResponse.json()) as { demoWallet?: boolean };
if (config.demoWallet !== true) throw new Error(`the portal at ${portalUrl} offers no demo wallet: the tour needs the local demo chain (npm start without --rpc-url)`);

mkdirSync(values.out, { recursive: true });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const visited: VisitedPage[] = [];
try {
  for (const persona of DEMO_PERSONAS.filter((candidate) => wanted.includes(candidate.id))) {
    process.stderr.write(`[tour] ${persona.label} (${persona.role})\n`);
    const pages = await walkPersona(browser, persona, { portalUrl, outDir: values.out, viewport: { width, height: 900 } });
    for (const page of pages) process.stderr.write(`[tour]   ${page.page}: ${page.milliseconds} ms\n`);
    visited.push(...pages);
  }
} finally {
  await browser.close();
}

if (values.json) {
  process.stdout.write(`${JSON.stringify(visited.map((page) => ({ ...page, screenshot: path.relative(projectRoot, page.screenshot) })), null, 2)}\n`);
} else {
  process.stdout.write("| persona | page | heading | ready in | screenshot |\n|---|---|---|---:|---|\n");
  for (const page of visited) {
    process.stdout.write(`| ${page.persona} | ${page.page} | ${page.heading} | ${page.milliseconds} ms | ${path.relative(projectRoot, page.screenshot)} |\n`);
  }
}
