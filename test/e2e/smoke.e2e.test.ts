import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { screenshot, useE2EBrowser } from "./support/browser.js";
import { E2E_WALLET_NAME } from "./support/injected-wallet.js";
import { startE2EStack, type E2EStack } from "./support/stack.js";

describe("portal smoke test", () => {
  const chromium = useE2EBrowser();
  let stack: E2EStack;

  beforeAll(async () => {
    stack = await startE2EStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("home_withAnInjectedWallet_offersItByNameAndSignsTheAdminIn", async () => {
    const { page, wallet } = await chromium.open(stack, "admin");
    await page.goto(stack.portalUrl);
    expect(await page.title()).toContain("EHR Ledger");

    const connect = page.getByRole("button", { name: new RegExp(`connect.*${E2E_WALLET_NAME}`, "i") });
    await connect.waitFor();
    await screenshot(page, "smoke-home");
    await connect.click();

    await page.getByLabel(`Signed in as ${stack.account("admin").address}`).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin");
    expect(wallet.requests).toContain("eth_requestAccounts");
    await screenshot(page, "smoke-admin");
  });
});
