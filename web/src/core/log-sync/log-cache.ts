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
  return JSON.parse(text, (_key, item: unknown) => {
    if (typeof item === "object" && item !== null && !Array.isArray(item)) {
      const tagged = item as Record<string, unknown>;
      const digits = tagged[BIGINT_TAG];
      if (typeof digits === "string" && Object.keys(tagged).length === 1) return BigInt(digits);
    }
    return item;
  });
}
