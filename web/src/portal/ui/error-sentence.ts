import { BaseError } from "viem";

/**
 * One sentence a user can act on. The core's errors already speak in sentences (reverts decoded from
 * the contract's custom errors, a declined signature, IPFS and integrity failures); viem's own errors
 * carry a short message next to a long technical one.
 */
export function errorSentence(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage;
  if (error instanceof Error) return error.message;
  return String(error);
}
