/**
 * The auditor's console on the synthetic history, in headless Chromium (the system `chromium`
 * through playwright-core): signed in with the portal's local demo wallet as the persona "auditor",
 * as scripts/portal-tour/walk.ts does, then timed from the driver's side until the page shows
 * what was asked for (checked in the page every frame, page-conditions.ts):
 *  - the cold sync, from the connect click until the status line shows every entry (empty IndexedDB);
 *  - the first page from the browser's copy: from a reload (the demo wallet signs in again) until
 *    the access log's first row is visible;
 *  - the log narrowed to one busy patient until only their rows show, with their total;
 *  - that patient's page until its grants, records and read receipts tables show;
 *  - the Overview's charts, for the default range and for the whole log;
 *  - the page's JS heap after the sync.
 * A page that shows an error notice or logs an unexpected console error stops the run.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";

import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { getAddress } from "viem";

import { shortAddress } from "../../../web/src/core/chain/address.js";
import type { Address } from "../../../web/src/core/ledger-context.js";
import { CHROMIUM_ARGS } from "../crypto/chromium.js";
import { CONSOLE_PERSONA, type ConsoleStack } from "./console-stack.js";
import { chartShown, tableRowsShown, textShown, until, type PageCondition } from "./page-conditions.js";

const STEP_TIMEOUT_MS = 120_000;
const VIEWPORT = { width: 1280, height: 900 };
const SHOT_HEIGHT = 1400;
const PAGE_SIZE = 50;
const LOG_CAPTION = "Access log entries, newest first";
/** A record whose content the IPFS node does not hold is a 500 from its RPC API, which Chromium logs. */
const EXPECTED_ERRORS = ["Failed to load resource: the server responded with a status of 500 (Internal Server Error)"];

export class ConsoleBenchError extends Error {
  readonly code = "CONSOLE_BENCH";
  constructor(step: string, problems: readonly string[]) {
    super(`The auditor's console went wrong while measuring ${step}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}\nNo figure of a broken console means anything; fix the portal first.`);
    this.name = "ConsoleBenchError";
  }
}

export interface ConsoleBenchOptions {
  executablePath: string;
  stack: ConsoleStack;
  /** A patient with many entries, and how many entries of the log concern them. */
  patient: { address: Address; entries: number };
  screenshotDir: string;
  log(message: string): void;
}

export interface ConsoleMeasurements {
  browserVersion: string;
  coldSyncSeconds: number;
  /** The count the status line showed when the cold sync was done. */
  shownEntries: number;
  firstPageSeconds: number;
  /** Of which from the connect click: what the portal does with its copy, without the page's own loading. */
  firstPageFromConnectSeconds: number;
  filteredSeconds: number;
  patientPageSeconds: number;
  overviewSeconds: number;
  overviewEverythingSeconds: number;
  heapUsedBytes: number;
  screenshots: string[];
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const count = (value: number | bigint) => value.toLocaleString("en-US");

/** Console errors and uncaught exceptions of the context, and error notices on the page, as problems. */
class ProblemLog {
  readonly #problems: string[] = [];

  constructor(context: BrowserContext) {
    context.on("console", (message) => {
      if (message.type() === "error" && !EXPECTED_ERRORS.some((expected) => message.text().includes(expected))) this.#problems.push(`console.error: ${message.text()}`);
    });
    context.on("weberror", (error) => this.#problems.push(`uncaught: ${error.error().stack ?? error.error().message}`));
  }

  /** Throws ConsoleBenchError when anything went wrong so far. */
  async check(page: Page, step: string): Promise<void> {
    const notices = await page.locator(".notice-error").allInnerTexts();
    const problems = [...notices.map((notice) => `error notice: ${notice.replace(/\s+/g, " ").trim()}`), ...this.#problems];
    if (problems.length > 0) throw new ConsoleBenchError(step, problems);
  }
}

/** Seconds `work` takes, from the driver's side. */
async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/** Body rows of the table whose caption contains `caption`. */
function rowsOf(page: Page, caption: string): Locator {
  return page.locator("table", { has: page.locator("caption", { hasText: caption }) }).locator("tbody tr");
}

export async function measureConsole(options: ConsoleBenchOptions): Promise<ConsoleMeasurements> {
  const { stack, patient } = options;
  // The chain gives addresses checksummed, and the console shows them so.
  const shortPatient = shortAddress(getAddress(patient.address));
  mkdirSync(options.screenshotDir, { recursive: true });
  const screenshots: string[] = [];
  /** A window's width and SHOT_HEIGHT of the page from `from` down: what the step is about, readable at a glance. */
  const screenshot = async (page: Page, name: string, from: Locator) => {
    const file = path.join(options.screenshotDir, `${name}.png`);
    const top = await from.first().evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: Math.max(0, top - 16), width: VIEWPORT.width, height: SHOT_HEIGHT } });
    screenshots.push(file);
  };

  const browser = await chromium.launch({ executablePath: options.executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: "en-US", timezoneId: "UTC" });
    const problems = new ProblemLog(context);
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const status = page.locator(".log-status [role=status]");
    const synced = textShown(".log-status [role=status]", new RegExp(`^${escaped(count(stack.entries))} entries, read up to block ${escaped(count(stack.headBlock))}, checked `));
    const firstRow = tableRowsShown(LOG_CAPTION);
    const wait = (...conditions: PageCondition[]) => until(page, conditions, STEP_TIMEOUT_MS);
    const choosePersona = async () => {
      await wait(textShown(".demo-bar", /Act as/), textShown("button", /Connect Local demo wallet/));
      await page.getByRole("region", { name: "Local demo wallet" }).getByRole("combobox").selectOption(CONSOLE_PERSONA.id);
    };
    const connect = () => page.getByRole("button", { name: /connect Local demo wallet/i }).click();

    options.log(`console: cold sync of ${count(stack.entries)} entries in Chromium ${browser.version()}`);
    await page.goto(`${stack.portalUrl}/auditor`);
    await choosePersona();
    const coldSyncSeconds = await timed(async () => {
      await connect();
      await wait(synced);
    });
    await problems.check(page, "the cold sync");
    const shownEntries = Number((await status.innerText()).split(" entries")[0]?.replaceAll(",", ""));
    await wait(firstRow);
    const heapUsedBytes = await heapAfterGarbageCollection(context, page);
    await screenshot(page, "access-log", page.locator(".log-status"));

    options.log("console: first page from the browser's copy, after a reload");
    // The demo wallet keeps no session across a reload: the driver signs in again as soon as the page lets it.
    const reloadedAt = performance.now();
    await page.reload();
    await choosePersona();
    const connectedAt = performance.now();
    await connect();
    await wait(firstRow);
    const firstPageSeconds = (performance.now() - reloadedAt) / 1000;
    const firstPageFromConnectSeconds = (performance.now() - connectedAt) / 1000;
    // Shown from IndexedDB, the whole log is there before any sync has read a block.
    const onFirstRow = await status.innerText();
    if (!onFirstRow.startsWith(`${count(stack.entries)} entries`)) throw new ConsoleBenchError("the first page from the browser's copy", [`the status line said "${onFirstRow}" when the first row showed: the log did not come from IndexedDB`]);
    await wait(synced);
    await problems.check(page, "the first page from the browser's copy");

    options.log(`console: the log narrowed to patient ${patient.address} (${count(patient.entries)} entries)`);
    const filteredSeconds = await timed(async () => {
      await page.getByLabel("Patient address").fill(patient.address);
      await wait(textShown("p", new RegExp(`^Showing 1–${escaped(count(Math.min(PAGE_SIZE, patient.entries)))} of ${escaped(count(patient.entries))} entries\\.$`)));
    });
    const patientCells = await rowsOf(page, LOG_CAPTION).locator("td:nth-child(4)").allInnerTexts();
    const others = patientCells.filter((cell) => cell !== shortPatient);
    if (patientCells.length !== Math.min(PAGE_SIZE, patient.entries) || others.length > 0) {
      throw new ConsoleBenchError("the filtered view", [`${patientCells.length} rows, ${others.length} of them of another patient (${others.slice(0, 3).join(", ")})`]);
    }
    await problems.check(page, "the filtered view");
    await screenshot(page, "access-log-patient", page.locator(".log-status"));

    options.log("console: the patient's page");
    const patientPageSeconds = await timed(async () => {
      await rowsOf(page, LOG_CAPTION).first().getByRole("link", { name: shortPatient }).click();
      await wait(textShown("h1", new RegExp(`^Patient ${escaped(shortPatient)}$`)), ...["Every grant this patient gave", "This patient's record versions", "Who opened which record"].map(tableRowsShown));
    });
    await problems.check(page, "the patient's page");
    await screenshot(page, "patient", page.locator("main h1"));
    await screenshot(page, "patient-records-and-reads", page.locator("#records-title"));

    options.log("console: the overview's charts");
    const charts = (entries: string) => [chartShown(new RegExp(`^${entries} entries over \\d+ days`)), chartShown(/^Grants in force: /), tableRowsShown("Who opened the most records")];
    const overviewSeconds = await timed(async () => {
      await page.locator("nav.role-nav").getByRole("link", { name: "Overview", exact: true }).click();
      await wait(...charts("[\\d,]+"));
    });
    const overviewEverythingSeconds = await timed(async () => {
      await page.getByRole("combobox", { name: "Range" }).selectOption("all");
      await wait(...charts(escaped(count(stack.entries))));
    });
    await problems.check(page, "the overview");
    await screenshot(page, "overview", page.locator("main h1"));

    return { browserVersion: browser.version(), coldSyncSeconds, shownEntries, firstPageSeconds, firstPageFromConnectSeconds, filteredSeconds, patientPageSeconds, overviewSeconds, overviewEverythingSeconds, heapUsedBytes, screenshots };
  } finally {
    await browser.close();
  }
}

/** JSHeapUsedSize of the page once V8 has collected what the sync left behind. */
async function heapAfterGarbageCollection(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const used = metrics.find((metric) => metric.name === "JSHeapUsedSize")?.value;
    if (used === undefined) throw new ConsoleBenchError("the heap", ["Chromium reported no JSHeapUsedSize"]);
    return used;
  } finally {
    await cdp.detach();
  }
}
