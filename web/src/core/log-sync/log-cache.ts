/**
 * Where a synced log is kept between visits: the browser's IndexedDB, a file for the CLI, memory in
 * tests. The engine hands over one JSON text (bigints encoded), so a cache is two calls.
 */
export interface LogCache {
  load(): Promise<string | undefined>;
  save(text: string): Promise<void>;
}

export class MemoryLogCache implements LogCache {
  #text: string | undefined;

  async load(): Promise<string | undefined> {
    return this.#text;
  }

  async save(text: string): Promise<void> {
    this.#text = text;
  }
}

const BIGINT_TAG = "$bigint";

/** JSON with bigints kept exact: `{ "$bigint": "123" }`. */
export function stringifyWithBigints(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? { [BIGINT_TAG]: item.toString() } : item));
}

export function parseWithBigints(text: string): unknown {
  // A reviver would be called for every value of a 100,000-entry log (three times slower than
  // parsing plainly and then walking only the objects).
  return reviveBigints(JSON.parse(text));
}

/** `value` with every `{ "$bigint": "…" }` (and nothing else in it) turned into a bigint, children first as a reviver would. */
function reviveBigints(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveBigints(value[i]);
    return value;
  }
  const tagged = value as Record<string, unknown>;
  let keys = 0;
  for (const key in tagged) {
    keys++;
    const item = tagged[key];
    if (typeof item === "object" && item !== null) tagged[key] = reviveBigints(item);
  }
  const digits = tagged[BIGINT_TAG];
  return keys === 1 && typeof digits === "string" ? BigInt(digits) : value;
}
