/** What the patient sign-up form checks before any signature, and how the fee reads. Framework-free. */
import { formatEther } from "viem";

import { InvalidNationalIdError, normalizeNationalId } from "../../../core/identity/commitment.js";

/** Why `nationalId` cannot be committed to, in a sentence for the field; undefined when it can. */
export function nationalIdError(nationalId: string): string | undefined {
  try {
    normalizeNationalId(nationalId);
    return undefined;
  } catch (error) {
    if (!(error instanceof InvalidNationalIdError)) throw error;
    return nationalId.trim() === "" ? "Enter your National ID. It stays in this browser: only a salted hash of it is sent." : error.message;
  }
}

/** The sign-up fee as people read it: "0.01 ETH", or "free" when the administrator set none. */
export function formatSignUpFee(wei: bigint): string {
  return wei === 0n ? "free" : `${formatEther(wei)} ETH`;
}

export type SignUpStep = "deriving-key" | "signing-up" | "opening";

export const SIGN_UP_STEP_LABELS: Record<SignUpStep, string> = {
  "deriving-key": "Creating your encryption key: your wallet asks you to sign the same message twice",
  "signing-up": "Signing up on the ledger: your wallet asks you to confirm one transaction with the fee",
  opening: "Opening your records",
};
