/**
 * The E2E harness itself, through a page of the portal's origin that does not run the portal
 * (/config.json), so only this test talks to the injected wallet.
 */
import type { Page } from "playwright-core";
import { decodeErrorResult, encodeFunctionData, getTypesForEIP712Domain, numberToHex, parseGwei, recoverMessageAddress, stringToHex, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { encryptionKeyRequest } from "../../web/src/core/identity/typed-data.js";
import { abis } from "../../web/src/generated/contracts.js";
import { useE2EBrowser, type PersonaSession } from "./support/browser.js";
import { E2E_WALLET_NAME, E2E_WALLET_RDNS } from "./support/injected-wallet.js";
import { startE2EStack, type E2EStack } from "./support/stack.js";

interface PageReply {
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** The provider a dapp finds through EIP-6963, as a page expression. */
const DISCOVER = `new Promise((resolve) => {
  window.addEventListener("eip6963:announceProvider", (event) => resolve(event.detail), { once: true });
  window.dispatchEvent(new Event("eip6963:requestProvider"));
})`;

async function requestInPage(page: Page, method: string, params: unknown[] = []): Promise<PageReply> {
  return (await page.evaluate(`(async () => {
    const { provider } = await ${DISCOVER};
    try {
      return { result: await provider.request(${JSON.stringify({ method, params })}) };
    } catch (error) {
      return { error: { code: error.code, message: error.message, data: error.data } };
    }
  })()`)) as PageReply;
}

/** Records the provider's events in window.seenEvents. */
async function recordEvents(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    const { provider } = await ${DISCOVER};
    window.seenEvents = [];
    for (const event of ["accountsChanged", "chainChanged"]) provider.on(event, (value) => window.seenEvents.push([event, value]));
  })()`);
}

/** The `count`th event, once it has arrived (polled from Node: the portal's CSP forbids waitForFunction's eval). */
async function nthEvent(page: Page, count: number): Promise<unknown> {
  await expect.poll(() => page.evaluate("window.seenEvents.length")).toBeGreaterThanOrEqual(count);
  return await page.evaluate(`window.seenEvents[${count - 1}]`);
}

describe("E2E harness", () => {
  const chromium = useE2EBrowser();
  let stack: E2EStack;
  let admin: PersonaSession;

  beforeAll(async () => {
    stack = await startE2EStack({ idleLockMinutes: 2 });
    // Chromium asks a JSON page's origin for /favicon.ico, which the portal does not have.
    admin = await chromium.open(stack, "admin", { allowErrors: ["status of 404 (Not Found)"] });
    await admin.page.goto(`${stack.portalUrl}/config.json`);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("startE2EStack_servesTheRuntimeConfig_withoutTheDemoWalletAndWithTheGivenIdleLock", async () => {
    const config = JSON.parse((await admin.page.textContent("body")) ?? "") as Record<string, unknown>;
    expect(config).toMatchObject({ chainId: 1337, ledgerAddress: stack.ledgerAddress, ipfsApiUrl: stack.ipfsApiUrl, demoWallet: false, idleLockMinutes: 2 });
    expect(await stack.publicClient.getCode({ address: stack.ledgerAddress })).toMatch(/^0x[0-9a-f]{100,}/);
  });

  it("injectedWallet_onRequestProvider_announcesItselfByEip6963", async () => {
    const detail = (await admin.page.evaluate(`(async () => (await ${DISCOVER}).info)()`)) as { name: string; rdns: string; icon: string; uuid: string };
    expect(detail).toMatchObject({ name: E2E_WALLET_NAME, rdns: E2E_WALLET_RDNS, uuid: admin.wallet.info.uuid });
    expect(detail.icon).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it("injectedWallet_beforeAndAfterEthRequestAccounts_showsThePersonasAccountOnlyOnceApproved", async () => {
    expect(await requestInPage(admin.page, "eth_accounts")).toEqual({ result: [] });
    expect(await requestInPage(admin.page, "eth_requestAccounts")).toEqual({ result: [stack.account("admin").address] });
    expect(await requestInPage(admin.page, "eth_chainId")).toEqual({ result: "0x539" });
    expect(await requestInPage(admin.page, "net_version")).toEqual({ result: "1337" });
    expect(admin.wallet.requests).toEqual(expect.arrayContaining(["eth_accounts", "eth_requestAccounts", "eth_chainId", "net_version"]));
  });

  it("rejectNext_personalSign_failsOnceWithCode4001ThenSigns", async () => {
    const message = stringToHex("harness");
    const address = stack.account("admin").address;
    admin.wallet.rejectNext("personal_sign");
    expect((await requestInPage(admin.page, "personal_sign", [message, address])).error).toMatchObject({ code: 4001, message: "User rejected the request." });

    const signed = await requestInPage(admin.page, "personal_sign", [message, address]);
    expect(await recoverMessageAddress({ message: { raw: message }, signature: signed.result as Hex })).toBe(address);
  });

  it("injectedWallet_ethSignTypedDataV4_signsTheEncryptionKeyRequestWithThePersonasKey", async () => {
    const address = stack.account("admin").address;
    const request = encryptionKeyRequest({ chainId: stack.chainId, contract: stack.ledgerAddress }, address);
    // As viem's wallet client sends it to an injected wallet: JSON, the domain's type spelled out.
    const json = JSON.stringify({ ...request, types: { EIP712Domain: getTypesForEIP712Domain({ domain: request.domain }), ...request.types } });
    const signed = await requestInPage(admin.page, "eth_signTypedData_v4", [address, json]);
    expect(signed.result).toBe(await stack.account("admin").signTypedData(request));
  });

  it("injectedWallet_ethSendTransaction_fillsSignsAndSendsFromThePersona", async () => {
    const to = stack.account("patient3").address;
    const before = await stack.publicClient.getBalance({ address: to });
    const sent = await requestInPage(admin.page, "eth_sendTransaction", [{ from: stack.account("admin").address, to, value: numberToHex(parseGwei("1")) }]);
    const receipt = await stack.publicClient.waitForTransactionReceipt({ hash: sent.result as Hex });
    expect(receipt.status).toBe("success");
    expect(receipt.from).toBe(stack.account("admin").address.toLowerCase());
    expect((await stack.publicClient.getBalance({ address: to })) - before).toBe(parseGwei("1"));
  });

  it("injectedWallet_ethSendTransactionThatReverts_passesTheRevertDataToThePage", async () => {
    admin.wallet.switchAccount("patient3");
    const data = encodeFunctionData({ abi: abis.EHRLedger, functionName: "pause" });
    const reply = await requestInPage(admin.page, "eth_sendTransaction", [{ from: stack.account("patient3").address, to: stack.ledgerAddress, data }]);
    admin.wallet.switchAccount("admin");
    expect(reply.error?.code).toBe(3);
    expect(decodeErrorResult({ abi: abis.EHRLedger, data: reply.error?.data as Hex }).errorName).toBe("AccessControlUnauthorizedAccount");
  });

  it("setChainAndSwitchAccount_connectedPage_hearsChainChangedAndAccountsChanged", async () => {
    await recordEvents(admin.page);
    admin.wallet.setChain(1);
    expect(await nthEvent(admin.page, 1)).toEqual(["chainChanged", "0x1"]);
    expect(await requestInPage(admin.page, "eth_chainId")).toEqual({ result: "0x1" });
    expect((await requestInPage(admin.page, "eth_sendTransaction", [{ to: stack.ledgerAddress }])).error?.code).toBe(4901);

    expect((await requestInPage(admin.page, "wallet_switchEthereumChain", [{ chainId: "0x2a" }])).error?.code).toBe(4902);
    expect(await requestInPage(admin.page, "wallet_switchEthereumChain", [{ chainId: "0x539" }])).toEqual({ result: null });
    expect(await nthEvent(admin.page, 2)).toEqual(["chainChanged", "0x539"]);

    admin.wallet.switchAccount("patient1");
    expect(await nthEvent(admin.page, 3)).toEqual(["accountsChanged", [stack.account("patient1").address]]);
    expect(await requestInPage(admin.page, "eth_accounts")).toEqual({ result: [stack.account("patient1").address] });
    admin.wallet.switchAccount("admin");
  });

  it("switchAccount_afterAReload_reachesTheNewDocumentOnly", async () => {
    await admin.page.reload();
    await recordEvents(admin.page);
    admin.wallet.switchAccount("doctor1");
    expect(await nthEvent(admin.page, 1)).toEqual(["accountsChanged", [stack.account("doctor1").address]]);
    admin.wallet.switchAccount("admin");
    expect(await nthEvent(admin.page, 2)).toEqual(["accountsChanged", [stack.account("admin").address]]);
    expect(await admin.page.evaluate("window.seenEvents.length")).toBe(2);
  });

  it("pageErrorLog_consoleErrors_reportsThoseTheAllowListDoesNotMatch", async () => {
    const session = await chromium.open(stack, "auditor", { allowErrors: ["status of 404 (Not Found)", "expected by the harness", /^uncaught: Error: tolerated/] });
    await session.page.goto(`${stack.portalUrl}/config.json`);
    await session.page.evaluate(`console.error("expected by the harness"); console.error("not expected"); setTimeout(() => { throw new Error("tolerated"); }); setTimeout(() => { throw new Error("boom"); });`);
    await expect.poll(() => session.errors.all.length).toBeGreaterThanOrEqual(4);
    const unexpected = session.errors.takeUnexpected();
    expect(unexpected).toHaveLength(2);
    expect(unexpected[0]).toBe("console.error: not expected");
    expect(unexpected[1]).toMatch(/^uncaught: Error: boom/);
    expect(session.errors.takeUnexpected()).toEqual([]);
    await session.close();
  });

  it("increaseTime_anHour_movesTheNextBlocksTimestamp", async () => {
    const before = await stack.publicClient.getBlock();
    await stack.increaseTime(3600);
    const after = await stack.publicClient.getBlock();
    expect(after.number).toBe(before.number + 1n);
    expect(after.timestamp - before.timestamp).toBeGreaterThanOrEqual(3600n);
  });

  it("stopIpfsThenStartIpfs_sameAddress_isDownThenUpAgain", async () => {
    const version = () => fetch(`${stack.ipfsApiUrl}/api/v0/version`, { method: "POST" });
    expect((await version()).ok).toBe(true);
    await stack.stopIpfs();
    await expect(version()).rejects.toThrow();
    await stack.startIpfs();
    expect((await version()).ok).toBe(true);
  });
});
