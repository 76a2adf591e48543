/** The admin's settings forms, checked before the wallet is asked to sign. */
import { isAddress, parseEther } from "viem";

import type { Address } from "../../../core/ledger-context.js";

/** The contract stores the fee in 96 bits (RegistryFeeTooLarge above). */
export const MAX_SIGN_UP_FEE_WEI = 2n ** 96n - 1n;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A fee typed in ETH ("0.01", "0", "1.5") as wei. */
export function parseSignUpFee(text: string): Parsed<bigint> {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Enter the fee in ETH, for example 0.01 (0 makes sign-up free)." };
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, error: "Enter a number of ETH using digits and at most one decimal point, for example 0.01." };
  const fraction = trimmed.split(".")[1] ?? "";
  if (fraction.length > 18) return { ok: false, error: "ETH has at most 18 decimal places." };
  const wei = parseEther(trimmed);
  if (wei > MAX_SIGN_UP_FEE_WEI) return { ok: false, error: "That fee is larger than the contract can hold; enter a smaller amount." };
  return { ok: true, value: wei };
}

/** Where collected fees go: any address but zero. */
export function parseTreasury(text: string): Parsed<Address> {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Enter the address that receives the fees." };
  if (!isAddress(trimmed, { strict: false })) return { ok: false, error: "The address must be 0x followed by 40 hexadecimal characters." };
  if (/^0x0{40}$/i.test(trimmed)) return { ok: false, error: "Fees sent to the zero address would be lost; enter another address." };
  return { ok: true, value: trimmed as Address };
}
