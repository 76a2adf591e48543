/** Dates and addresses as people read them: the user's own locale, shortened addresses. */

export function formatDateTime(unixSeconds: number | bigint): string {
  return new Date(Number(unixSeconds) * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function formatDate(unixSeconds: number | bigint): string {
  return new Date(Number(unixSeconds) * 1000).toLocaleDateString(undefined, { dateStyle: "medium" });
}

export { shortAddress } from "../../core/chain/address.js";
