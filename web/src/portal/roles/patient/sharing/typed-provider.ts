/**
 * The "Enter an address instead" path of the provider picker: a typed address is accepted only
 * once the chain says it is an active provider with an encryption key, so a grant to it can work.
 */
import { isAddress } from "viem";

import { sameAddress } from "../../../../core/chain/address.js";
import { kindName } from "../../../../core/chain/categories.js";
import type { LedgerConnection } from "../../../../core/chain/connection.js";
import { readParticipant, ZERO_KEY } from "../../../../core/chain/views.js";
import { PROVIDER_KINDS } from "../../../../core/directory/directory.js";
import type { Address } from "../../../../core/ledger-context.js";

const SUSPENDED = 1;

const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;

export type TypedProviderProblem = "not-registered" | "not-a-provider" | "suspended" | "no-encryption-key";

/** The typed address cannot receive a grant; the message says why and what to do. */
export class TypedProviderError extends Error {
  readonly code = "TYPED_PROVIDER_REFUSED";

  constructor(
    readonly account: Address,
    readonly problem: TypedProviderProblem,
    message: string,
  ) {
    super(message);
    this.name = "TypedProviderError";
  }
}

/** What is wrong with the text typed, before asking the chain; undefined when it is a new address. */
export function typedAddressError(value: string, self: Address | undefined, alreadyChosen: readonly Address[]): string | undefined {
  const address = value.trim();
  if (address === "") return "Enter the provider's wallet address.";
  if (!isAddress(address, { strict: false })) return "A wallet address is 0x followed by 40 hexadecimal characters.";
  if (self !== undefined && sameAddress(address as Address, self)) return "That is your own address: you always have access to your records.";
  if (alreadyChosen.some((chosen) => sameAddress(chosen, address as Address))) return "That provider is already chosen.";
  return undefined;
}

/** `account`'s kind once the chain confirms it may receive a grant; TypedProviderError otherwise. */
export async function checkTypedProvider(connection: LedgerConnection, account: Address): Promise<{ account: Address; kind: number }> {
  const participant = await readParticipant(connection, account);
  if (participant.kind === 0) {
    throw new TypedProviderError(account, "not-registered", "No participant is registered with this address. Check it with the provider, or choose them from the list.");
  }
  if (!PROVIDER_KINDS.includes(participant.kind)) {
    throw new TypedProviderError(account, "not-a-provider", `This address belongs to ${withArticle(kindName(participant.kind))}, not to a healthcare provider; access can only be shared with doctors, hospitals, laboratories and insurers.`);
  }
  if (participant.status === SUSPENDED) {
    throw new TypedProviderError(account, "suspended", "This provider is suspended: nothing can be shared with them until they are reactivated.");
  }
  if (participant.encryptionKey === ZERO_KEY) {
    throw new TypedProviderError(account, "no-encryption-key", "This provider has not set up their encryption key yet, so no key can be sealed to them. Ask them to sign in to the portal once, then try again.");
  }
  return { account, kind: participant.kind };
}
