/**
 * The accounts the synced log saw registered, in the order they joined: the actors the access log
 * can be narrowed to. Taken from the log the page already holds rather than read from the chain
 * again, which at 100,000 entries cost five more full-range eth_getLogs on the way to the first page.
 */
import type { AccessLogEntry } from "../../../core/access-log/entry.js";
import type { Address } from "../../../core/ledger-context.js";

export function registeredAccounts(entries: readonly AccessLogEntry[]): Address[] {
  const accounts: Address[] = [];
  for (const entry of entries) if (entry.action === "participant-registered") accounts.push(entry.subject);
  return accounts;
}
