import { CID } from "multiformats/cid";

import { badRequest } from "../errors.js";

/** Kubo parses flags with Go's strconv.ParseBool; the same spellings are accepted here. */
const TRUE_SPELLINGS = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE_SPELLINGS = new Set(["0", "f", "F", "FALSE", "false", "False"]);

export function booleanOption(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name);
  if (value === null) return fallback;
  // A bare flag (`?pin`) means true, as in Kubo.
  if (value === "" || TRUE_SPELLINGS.has(value)) return true;
  if (FALSE_SPELLINGS.has(value)) return false;
  throw badRequest(`option "${name}" must be true or false, got "${value}"`);
}

/** A non-negative integer option, or undefined when absent. */
export function countOption(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  const parsed = Number(value);
  if (value === "" || !Number.isSafeInteger(parsed) || parsed < 0) {
    throw badRequest(`option "${name}" must be a non-negative integer, got "${value}"`);
  }
  return parsed;
}

/**
 * A CID, or an /ipfs/ path to one. This node has no path resolution beyond the CID itself (no
 * IPNS, no directory walking for pins), so anything more is rejected as a bad argument.
 */
export function cidArgument(value: string): CID {
  const withoutPrefix = value.replace(/^\/?ipfs\//, "");
  if (withoutPrefix.includes("/")) {
    throw badRequest(`"${value}" is a path; this dev node takes a bare CID or /ipfs/<cid>`);
  }
  try {
    return CID.parse(withoutPrefix);
  } catch (error) {
    throw badRequest(`invalid CID "${value}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function requiredArguments(query: URLSearchParams, command: string): string[] {
  const values = query.getAll("arg");
  if (values.length === 0) throw badRequest(`argument "arg" is required (${command} needs a CID)`);
  return values;
}
