/**
 * One persona's walk through the running portal: choose them in the local demo wallet, connect,
 * unlock when their role uses keys, then open every page their navigation offers (and a provider's
 * first patient chart) and photograph it once its loading notices are gone. A page that shows an error notice, is wider than the window, or
 * meets any console error or uncaught exception on the way fails the walk.
 */
import path from "node:path";

import type { Browser, Page } from "playwright-core";

import type { DemoPersona } from "../../web/src/portal/wallet/demo-personas.js";

const DEMO_WALLET_NAME = "Local demo wallet";
const PAGE_TIMEOUT_MS = 60_000;
const CHART_LINK = /^Open the chart of patient /;

export interface VisitedPage {
  persona: string;
  page: string;
  heading: string;
  /** From the click on the navigation link to the page without loading notices. */
  milliseconds: number;
  screenshot: string;
}

export class TourPageError extends Error {
  constructor(persona: string, page: string, problems: readonly string[]) {
    super(`${persona} › ${page}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "TourPageError";
  }
}

export interface WalkOptions {
  portalUrl: string;
  outDir: string;
  viewport: { width: number; height: number };
}

/** File name for a page's screenshot: role, then the page label in kebab case. */
export function screenshotName(persona: DemoPersona, pageLabel: string, first: boolean): string {
  const slug = pageLabel.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return first ? `${persona.id}.png` : `${persona.id}-${slug}.png`;
}

export async function walkPersona(browser: Browser, persona: DemoPersona, options: WalkOptions): Promise<VisitedPage[]> {
  const context = await browser.newContext({ viewport: options.viewport });
  const problems: string[] = [];
  context.on("console", (message) => {
    if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
  });
  context.on("weberror", (error) => problems.push(`uncaught: ${error.error().message}`));
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    await page.goto(options.portalUrl);
    await page.getByRole("region", { name: "Local demo wallet" }).getByRole("combobox").selectOption(persona.id);
    await page.getByRole("button", { name: new RegExp(`connect ${DEMO_WALLET_NAME}`, "i") }).click();
    const unlock = page.getByRole("button", { name: "Unlock" });
    const nav = page.locator("nav.role-nav");
    await Promise.race([unlock.waitFor(), nav.waitFor()]);
    if (await unlock.isVisible()) {
      await unlock.click();
      await page.getByRole("button", { name: "Lock" }).waitFor();
    }
    const links = await nav.getByRole("link").evaluateAll((anchors) => anchors.map((anchor) => ({ label: anchor.textContent ?? "", href: (anchor as HTMLAnchorElement).href })));
    const visited: VisitedPage[] = [];
    let previousHeading: string | undefined;
    const visit = async (label: string, fileName: string, go: () => Promise<void>) => {
      const started = performance.now();
      await go();
      const heading = await settledHeading(page, previousHeading);
      previousHeading = heading;
      const milliseconds = Math.round(performance.now() - started);
      const errors = await page.locator(".notice-error").allInnerTexts();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) errors.push(`the page is ${overflow} px wider than the ${options.viewport.width} px window (wide content belongs in a scrolling box)`);
      if (errors.length > 0 || problems.length > 0) throw new TourPageError(persona.label, label, [...errors, ...problems]);
      const screenshot = path.join(options.outDir, fileName);
      await page.screenshot({ path: screenshot, fullPage: false });
      visited.push({ persona: persona.label, page: label, heading, milliseconds, screenshot });
    };
    for (const [index, { label, href }] of links.entries()) {
      await visit(label, screenshotName(persona, label, index === 0), async () => {
        await nav.getByRole("link", { name: label, exact: true }).click();
        await page.waitForURL(href);
      });
    }
    // A provider's chart is reached from a patient, not from the navigation: open the first one.
    const [first] = links;
    if (first !== undefined) {
      await nav.getByRole("link", { name: first.label, exact: true }).click();
      previousHeading = await settledHeading(page, previousHeading);
      const chart = page.locator("main").getByRole("link", { name: CHART_LINK }).first();
      if ((await chart.count()) > 0) {
        await visit("Chart of the first patient", screenshotName(persona, "chart", false), async () => {
          await chart.click();
          await page.waitForURL(/\/patients\//);
        });
      }
    }
    return visited;
  } finally {
    await context.close();
  }
}

/** How long a new page may take to replace the previous one's heading before the tour takes them as alike. */
const HEADING_CHANGE_MS = 3_000;

/**
 * The page's main heading once no loading notice is left on it. The router moves the URL before
 * the new page is drawn, so after a navigation the heading is awaited to differ from `previous`
 * (two pages of a role with the same heading pass after HEADING_CHANGE_MS).
 */
async function settledHeading(page: Page, previous?: string): Promise<string> {
  const main = page.locator("main");
  await main.getByRole("heading", { level: 1 }).first().waitFor();
  if (previous !== undefined) {
    await page
      .waitForFunction((text) => document.querySelector("main h1")?.textContent?.trim() !== text, previous, { timeout: HEADING_CHANGE_MS })
      .catch(() => undefined);
  }
  await page.waitForLoadState("networkidle");
  await main.locator(".notice-loading").first().waitFor({ state: "detached" });
  return (await main.getByRole("heading", { level: 1 }).first().innerText()).trim();
}
