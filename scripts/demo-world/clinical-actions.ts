/** The demo world's clinical moves, each one call into the client core as the portal would make it. */
import type { Resource } from "@medplum/fhirtypes";

import { PURPOSE_NAMES } from "../../web/src/core/access-log/codes.js";
import { CATEGORY_NAMES } from "../../web/src/core/chain/categories.js";
import { sendLedgerTransaction } from "../../web/src/core/chain/transactions.js";
import { categoryOfResource } from "../../web/src/core/clinical/resource-category.js";
import type { AttachmentSource } from "../../web/src/core/records/attachment-source.js";
import { addRecord } from "../../web/src/core/records/add-record.js";
import { openRecord } from "../../web/src/core/records/open-record.js";
import { grantAccess, revokeAccess } from "../../web/src/core/scope-keys/grants.js";
import type { DemoStack, PersonaId } from "./stack.js";

export type CategoryName = (typeof CATEGORY_NAMES)[number];
export type PurposeName = (typeof PURPOSE_NAMES)[number];

const DAY_SECONDS = 86_400;

export function scopeOf(categories: readonly CategoryName[]): number {
  return categories.reduce((scope, name) => scope | (1 << CATEGORY_NAMES.indexOf(name)), 0);
}

export interface DemoGrant {
  grantee: PersonaId;
  read: readonly CategoryName[];
  write?: readonly CategoryName[];
  /** Days from now (chain time) until it expires. */
  days: number;
}

export async function grant(stack: DemoStack, patient: PersonaId, grants: readonly DemoGrant[]): Promise<void> {
  const { connection, keyring } = await stack.actor(patient).services();
  const { timestamp } = await stack.publicClient.getBlock({ blockTag: "latest" });
  await grantAccess(
    connection,
    keyring,
    grants.map(({ grantee, read, write = [], days }) => ({
      grantee: stack.actor(grantee).account,
      readScope: scopeOf(read),
      writeScope: scopeOf(write),
      expiresAt: Number(timestamp) + days * DAY_SECONDS,
    })),
  );
}

export interface AddOptions {
  attachments?: readonly AttachmentSource[];
  /** Amend this record of the author's instead of adding a new one. */
  supersedes?: bigint;
}

/** `author` files `resource` for `patient` under the resource's own category; resolves to the record ID. */
export async function add(stack: DemoStack, author: PersonaId, patient: PersonaId, resource: Resource, options: AddOptions = {}): Promise<bigint> {
  const services = await stack.actor(author).services();
  const { recordId } = await addRecord(services, { patient: stack.actor(patient).account, category: categoryOfResource(resource), resource, ...options });
  return recordId;
}

/** `reader` opens the record, as the portal's chart does, and leaves its read receipt. */
export async function readWithReceipt(stack: DemoStack, reader: PersonaId, patient: PersonaId, recordId: bigint, purpose: PurposeName): Promise<void> {
  const services = await stack.actor(reader).services();
  const patientAccount = stack.actor(patient).account;
  const opened = await openRecord(services, patientAccount, recordId);
  opened.close();
  await sendLedgerTransaction(services.connection, "logAccess", [patientAccount, recordId, PURPOSE_NAMES.indexOf(purpose)]);
}

export async function revoke(stack: DemoStack, patient: PersonaId, grantee: PersonaId): Promise<void> {
  const { connection, keyring } = await stack.actor(patient).services();
  await revokeAccess(connection, keyring, stack.actor(grantee).account);
}

export async function requestAccess(stack: DemoStack, provider: PersonaId, patient: PersonaId, read: readonly CategoryName[], write: readonly CategoryName[], purpose: PurposeName): Promise<void> {
  await sendLedgerTransaction(stack.actor(provider).connection, "requestAccess", [stack.actor(patient).account, scopeOf(read), scopeOf(write), PURPOSE_NAMES.indexOf(purpose)]);
}
