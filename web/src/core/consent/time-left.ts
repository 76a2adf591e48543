/** How long a grant still runs, in the two largest units a person reads at a glance. */

const UNITS = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
] as const;

function count(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

/**
 * "3 days 4 hours", "2 hours", "45 minutes", "10 seconds"; "expired" at zero or below. The largest
 * unit and the next one (left out when zero; seconds only under a minute), rounded down.
 */
export function formatTimeLeft(seconds: bigint | number): string {
  const total = Math.floor(Number(seconds));
  if (!(total > 0)) return "expired";
  const largest = UNITS.findIndex(([, size]) => total >= size);
  const [unit, size] = UNITS[largest] as (typeof UNITS)[number];
  const text = count(Math.floor(total / size), unit);
  const next = UNITS[largest + 1];
  if (next === undefined || next[0] === "second") return text;
  const nextAmount = Math.floor((total % size) / next[1]);
  return nextAmount === 0 ? text : `${text} ${count(nextAmount, next[0])}`;
}
