/**
 * "Share it with several hospitals at once": after adding a record, the patient grants read access
 * to the record's category to every chosen hospital in one transaction. A hospital that already
 * holds a live grant keeps it, with this category added: a grant replaces the previous one, and a
 * category left out would lose its access.
 */
import type { TransactionStatus } from "../../../../core/chain/transactions.js";
import { readGrantOf, type Grant } from "../../../../core/chain/views.js";
import type { Address } from "../../../../core/ledger-context.js";
import type { RecordServices } from "../../../../core/records/services.js";
import { grantAccess, type GrantRequest } from "../../../../core/scope-keys/grants.js";
import type { LedgerTransactionResult } from "../../../../core/chain/transactions.js";

export interface CurrentGrant {
  grantee: Address;
  grant: Pick<Grant, "readScope" | "writeScope" | "expiresAt">;
}

function isLive(grant: CurrentGrant["grant"], nowSeconds: number): boolean {
  return grant.readScope !== 0 && (grant.expiresAt === 0 || grant.expiresAt > nowSeconds);
}

/** One grant request per grantee: its live grant widened by `category`, or read access to `category` alone. */
export function shareRequests(current: readonly CurrentGrant[], category: number, nowSeconds: number): GrantRequest[] {
  const bit = 1 << category;
  return current.map(({ grantee, grant }) =>
    isLive(grant, nowSeconds)
      ? { grantee, readScope: grant.readScope | bit, writeScope: grant.writeScope, expiresAt: grant.expiresAt }
      : { grantee, readScope: bit, writeScope: 0, expiresAt: 0 },
  );
}

/** Grants read access to `category` to every one of `hospitals` in one transaction. */
export async function shareCategory(
  services: Pick<RecordServices, "connection" | "keyring" | "identity">,
  hospitals: readonly Address[],
  category: number,
  onStatus?: (status: TransactionStatus) => void,
): Promise<LedgerTransactionResult> {
  const { connection, keyring, identity } = services;
  const current = await Promise.all(hospitals.map(async (grantee) => ({ grantee, grant: await readGrantOf(connection, identity.account, grantee) })));
  const nowSeconds = Math.floor(Date.now() / 1000);
  return grantAccess(connection, keyring, shareRequests(current, category, nowSeconds), { onStatus });
}
