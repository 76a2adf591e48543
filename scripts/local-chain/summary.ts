import { metaMaskHelp } from "./metamask-help.js";
import { renderPersonasTable, type PersonaRow } from "./personas-table.js";

/** A labelled line of the summary, e.g. ["RPC URL", "http://127.0.0.1:8545"]. */
export type SummaryRow = readonly [label: string, value: string];

export interface StartSummary {
  portalUrl: string;
  readySeconds: number;
  /** e.g. "EHR Ledger local chain is running". */
  heading: string;
  chainRows: readonly SummaryRow[];
  /** Already rendered lines about IPFS (the dev node describes itself). */
  ipfsLines: string;
  /** The demo personas and how to use their keys in MetaMask; only on the local dev chain. */
  devAccounts?: { personas: readonly PersonaRow[]; rpcUrl: string; chainId: number };
}

/** Labels in one column, as the IPFS node's own summary lines have them. */
export function renderSummaryRows(rows: readonly SummaryRow[]): string {
  return rows.map(([label, value]) => `    ${label.padEnd(18)}${value}`).join("\n");
}

/** What npm start prints once everything is up: the portal's URL first, since that is what the user came for. */
export function renderStartSummary(summary: StartSummary): string {
  const sections = [
    `  Portal: ${summary.portalUrl}   (ready in ${summary.readySeconds.toFixed(1)} s)`,
    [`  ${summary.heading}`, renderSummaryRows(summary.chainRows), summary.ipfsLines].join("\n"),
  ];
  if (summary.devAccounts !== undefined) {
    sections.push(
      `  Demo personas (the portal's demo wallet switches between them):\n${renderPersonasTable(summary.devAccounts.personas)}`,
      `  MetaMask instead of the demo wallet:\n${metaMaskHelp(summary.devAccounts.rpcUrl, summary.devAccounts.chainId)}`,
    );
  }
  sections.push("  Press Ctrl-C to stop.");
  return `\n${sections.join("\n\n")}\n`;
}
