/**
 * Chromium for the E2E tests: the system (Debian) Chromium through playwright-core, one browser per
 * test file and a fresh context per persona, each with its own injected wallet. Console errors and
 * uncaught page errors fail the test they happen in, unless the test allowed them.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";

import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";

import { CHROMIUM_ARGS, findChromium } from "../../../scripts/bench/crypto/chromium.js";
import { projectRoot } from "../../../scripts/lib/project-paths.js";
import { InjectedWallet } from "./injected-wallet.js";
import type { E2EStack, PersonaId } from "./stack.js";

export const screenshotDir = path.join(projectRoot, "test-artifacts", "e2e");

/** A message matches by substring (string) or by pattern. */
export type AllowedError = string | RegExp;

export class ChromiumMissingError extends Error {
  constructor() {
    super("The E2E tests need Chromium and none is on PATH: install it with `apt-get update && apt-get install -y chromium` (as root; bash .ci/run does), or set CHROMIUM_PATH.");
    this.name = "ChromiumMissingError";
  }
}

export class PageErrorsError extends Error {
  constructor(errors: readonly string[]) {
    super(`The page reported ${errors.length} unexpected error(s):\n${errors.map((error) => `  - ${error}`).join("\n")}`);
    this.name = "PageErrorsError";
  }
}

export function chromiumPath(): string {
  const found = process.env.CHROMIUM_PATH ?? findChromium();
  if (found === undefined || found === "") throw new ChromiumMissingError();
  return found;
}

export async function launchChromium(): Promise<Browser> {
  return await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** Console errors and uncaught exceptions of every page of a context, as they happen. */
export class PageErrorLog {
  readonly #errors: string[] = [];
  #checked = 0;

  constructor(
    context: BrowserContext,
    private readonly allowed: readonly AllowedError[] = [],
  ) {
    context.on("console", (message) => {
      if (message.type() === "error") this.#errors.push(`console.error: ${message.text()}`);
    });
    context.on("weberror", (error) => this.#errors.push(`uncaught: ${error.error().stack ?? error.error().message}`));
  }

  get all(): readonly string[] {
    return this.#errors;
  }

  /** The errors since the last call that no allow-list entry matches. */
  takeUnexpected(): string[] {
    const fresh = this.#errors.slice(this.#checked);
    this.#checked = this.#errors.length;
    return fresh.filter((error) => !this.allowed.some((allowed) => (typeof allowed === "string" ? error.includes(allowed) : allowed.test(error))));
  }
}

export interface PersonaSession {
  persona: PersonaId;
  context: BrowserContext;
  page: Page;
  wallet: InjectedWallet;
  errors: PageErrorLog;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Errors the test expects (a rejected signature logged by a library, say). */
  allowErrors?: readonly AllowedError[];
  viewport?: { width: number; height: number };
}

export interface E2EBrowser {
  readonly browser: Browser;
  /** A new context with `persona`'s wallet injected and one blank page; closed after the file at the latest. */
  open(stack: E2EStack, persona: PersonaId, options?: OpenOptions): Promise<PersonaSession>;
}

/**
 * Launches Chromium before the file's tests and closes it after them. After every test, the errors
 * of every page opened so far that no allow-list matches fail that test.
 */
export function useE2EBrowser(): E2EBrowser {
  let browser: Browser | undefined;
  const sessions = new Set<PersonaSession>();
  /** Unexpected errors of sessions closed during the current test. */
  let fromClosedSessions: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(() => {
    const unexpected = [...fromClosedSessions, ...[...sessions].flatMap(unexpectedErrorsOf)];
    fromClosedSessions = [];
    if (unexpected.length > 0) throw new PageErrorsError(unexpected);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const running = (): Browser => {
    if (browser === undefined) throw new Error("Chromium is not running: open sessions inside tests or hooks of the file that called useE2EBrowser");
    return browser;
  };

  return {
    get browser() {
      return running();
    },
    async open(stack, persona, options = {}) {
      const context = await running().newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
      const wallet = new InjectedWallet({ rpcUrl: stack.rpcUrl, chainId: stack.chainId, persona, accountOf: stack.account });
      await wallet.install(context);
      const errors = new PageErrorLog(context, options.allowErrors);
      const page = await context.newPage();
      const session: PersonaSession = {
        persona,
        context,
        page,
        wallet,
        errors,
        async close() {
          sessions.delete(session);
          fromClosedSessions.push(...unexpectedErrorsOf(session));
          await context.close();
        },
      };
      sessions.add(session);
      return session;
    },
  };
}

function unexpectedErrorsOf(session: PersonaSession): string[] {
  return session.errors.takeUnexpected().map((error) => `${session.persona}: ${error}`);
}

/** Saves a full-page PNG as test-artifacts/e2e/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`screenshot name "${name}" must be letters, digits, ".", "_" or "-" (it becomes a file name)`);
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
