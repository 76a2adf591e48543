import { toHex } from "viem";
import { mnemonicToAccount } from "viem/accounts";

import type { DemoPersona } from "../../web/src/portal/wallet/demo-personas.js";

export interface PersonaRow {
  label: string;
  role: string;
  address: string;
  privateKey: string;
}

/** Each persona's dev account, derived from the public mnemonic at m/44'/60'/0'/0/<accountIndex>. */
export function personaRows(personas: readonly DemoPersona[], mnemonic: string): PersonaRow[] {
  return personas.map((persona) => {
    const account = mnemonicToAccount(mnemonic, { addressIndex: persona.accountIndex });
    const privateKey = account.getHdKey().privateKey;
    if (privateKey === null) throw new Error(`the dev mnemonic gave no private key for account ${persona.accountIndex}`);
    return { label: persona.label, role: persona.role, address: account.address, privateKey: toHex(privateKey) };
  });
}

const HEADINGS: PersonaRow = { label: "Persona", role: "Role", address: "Address", privateKey: "Private key" };
const COLUMNS = ["label", "role", "address", "privateKey"] as const;

/** A plain-text table, one persona a line, columns as wide as their widest cell; every line indented by `indent`. */
export function renderPersonasTable(rows: readonly PersonaRow[], indent = "    "): string {
  const widths = COLUMNS.map((column) => Math.max(...[HEADINGS, ...rows].map((row) => row[column].length)));
  const line = (row: PersonaRow) => indent + COLUMNS.map((column, index) => row[column].padEnd(widths[index] ?? 0)).join("  ").trimEnd();
  return [HEADINGS, ...rows].map(line).join("\n");
}
