/**
 * What the console benchmark waits for, checked in the page on every animation frame. Playwright's
 * locator waits poll at growing intervals, which rounds a figure up by up to several hundred
 * milliseconds; these are exact to a frame.
 */
import type { Page } from "playwright-core";

/** Something the page shows, as plain data the page can check. */
export type PageCondition =
  /** An element matching `selector` whose text matches the pattern. */
  | { kind: "text"; selector: string; source: string; flags: string }
  /** The table whose caption starts with `caption` has at least one body row. */
  | { kind: "rows"; caption: string }
  /** An element of role img (a chart) whose label matches the pattern. */
  | { kind: "chart"; source: string; flags: string };

export const textShown = (selector: string, pattern: RegExp): PageCondition => ({ kind: "text", selector, source: pattern.source, flags: pattern.flags });
export const tableRowsShown = (caption: string): PageCondition => ({ kind: "rows", caption });
export const chartShown = (pattern: RegExp): PageCondition => ({ kind: "chart", source: pattern.source, flags: pattern.flags });

/**
 * Runs in the page (serialised by Playwright, which is why it names no helper: the page has none of
 * this module's, nor the transpiler's). The portal's CSP forbids eval, so it cannot be a string.
 */
function allHold(conditions: readonly PageCondition[]): boolean {
  return conditions.every((condition) => {
    if (condition.kind === "rows") {
      return Array.from(document.querySelectorAll("table")).some((table) => (table.caption?.textContent ?? "").startsWith(condition.caption) && (table.tBodies[0]?.rows.length ?? 0) > 0);
    }
    const pattern = new RegExp(condition.source, condition.flags);
    if (condition.kind === "chart") return Array.from(document.querySelectorAll('[role="img"][aria-label]')).some((chart) => pattern.test(chart.getAttribute("aria-label") ?? ""));
    return Array.from(document.querySelectorAll(condition.selector)).some((element) => pattern.test(element.textContent ?? ""));
  });
}

/** Resolves once every condition holds at the same frame. */
export async function until(page: Page, conditions: readonly PageCondition[], timeoutMs: number): Promise<void> {
  await page.waitForFunction(allHold, conditions, { polling: "raf", timeout: timeoutMs });
}
