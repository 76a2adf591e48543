/**
 * The steps between a valid registration form and the `registerParticipant` transaction: make sure
 * the wallet is free, compute the identity commitment here (the National ID never leaves the
 * browser), and publish a provider's public profile so its digest can go on chain.
 */
import type { LedgerConnection } from "../../core/chain/connection.js";
import { kindName } from "../../core/chain/categories.js";
import { sameAddress } from "../../core/chain/address.js";
import type { LedgerWriteArgs } from "../../core/chain/transactions.js";
import { readLedgerView, readParticipant, ZERO_KEY } from "../../core/chain/views.js";
import { publishProviderProfile } from "../../core/directory/publish.js";
import { identityCommitment } from "../../core/identity/commitment.js";
import type { IpfsStore } from "../../core/ipfs/store.js";
import type { Address } from "../../core/ledger-context.js";
import type { ValidRegistration } from "./registration-fields.js";

const ZERO_ADDRESS: Address = `0x${"00".repeat(20)}`;

export type RegistrationStep = "checking-account" | "computing-commitment" | "publishing-profile";

/** The wallet cannot be registered: it already is, or it is the administrator's. */
export class AccountNotRegistrableError extends Error {
  readonly code = "ACCOUNT_NOT_REGISTRABLE";

  constructor(
    readonly account: Address,
    reason: string,
  ) {
    super(`${account} ${reason}`);
    this.name = "AccountNotRegistrableError";
  }
}

/** Throws AccountNotRegistrableError when `account` is registered already or is the administrator. */
export async function assertRegistrable(connection: LedgerConnection, account: Address): Promise<void> {
  const [participant, admin] = await Promise.all([readParticipant(connection, account), readLedgerView(connection, "defaultAdmin", [])]);
  if (participant.kind !== 0) {
    throw new AccountNotRegistrableError(account, `is already registered as ${article(kindName(participant.kind))}; a wallet has one kind for life.`);
  }
  if (sameAddress(admin, account)) throw new AccountNotRegistrableError(account, "is the administrator's wallet, which cannot also be a participant.");
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

export interface PrepareOptions {
  loadIpfs: () => Promise<IpfsStore>;
  onStep?: (step: RegistrationStep) => void;
}

/**
 * Checks the account, computes the commitment and publishes the profile; resolves to the arguments
 * of `registerParticipant`. The encryption key stays zero: the participant sets it up on first sign-in.
 */
export async function prepareRegistration(
  connection: LedgerConnection,
  registration: ValidRegistration,
  { loadIpfs, onStep }: PrepareOptions,
): Promise<LedgerWriteArgs<"registerParticipant">> {
  onStep?.("checking-account");
  await assertRegistrable(connection, registration.account);
  onStep?.("computing-commitment");
  const commitment = identityCommitment(registration.nationalId, registration.salt);
  let profileDigest = ZERO_KEY;
  if (registration.profile !== undefined) {
    onStep?.("publishing-profile");
    profileDigest = await publishProviderProfile(await loadIpfs(), registration.profile);
  }
  return [registration.account, registration.kind, registration.affiliation ?? ZERO_ADDRESS, ZERO_KEY, commitment, profileDigest];
}
