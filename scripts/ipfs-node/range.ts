import type { ByteRange } from "./content.js";

export type RangeRequest = { kind: "whole" } | { kind: "partial"; range: ByteRange } | { kind: "unsatisfiable" };

/**
 * A `Range: bytes=…` header against a file of `size` bytes. One range only: a list, another unit
 * or bad syntax gets the whole file, which RFC 9110 allows a server to send instead.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: "whole" };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (match === null) return { kind: "whole" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "whole" };

  if (first === "") {
    // A suffix: the last N bytes.
    const suffixLength = Number(last);
    if (suffixLength === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", range: { start: Math.max(0, size - suffixLength), end: size } };
  }
  const start = Number(first);
  const requestedEnd = last === "" ? Number.POSITIVE_INFINITY : Number(last) + 1;
  if (requestedEnd <= start) return { kind: "whole" };
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", range: { start, end: Math.min(requestedEnd, size) } };
}
