/** The text file a registrar hands to a new participant: their wallet and salt, never their National ID. */

export function saltFileText(account: string, salt: string): string {
  return [
    "EHR Ledger identity salt",
    "",
    `Wallet: ${account === "" ? "(not entered yet)" : account}`,
    `Salt: ${salt}`,
    "",
    "Keep this file. Together with your National ID, the salt proves that this wallet's registration is yours:",
    "the ledger stores only the hash of salt and ID. Nobody else keeps a copy.",
    "",
  ].join("\n");
}

export function saltFileName(account: string): string {
  const suffix = /^0x[0-9a-fA-F]{40}$/.test(account) ? `-${account.slice(2, 10).toLowerCase()}` : "";
  return `ehr-ledger-salt${suffix}.txt`;
}
