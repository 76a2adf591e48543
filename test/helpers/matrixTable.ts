import type { Signer } from "./fixture.js";
import type { MatrixWorld } from "./matrixWorld.js";

/** The personas that have a column of their own in the role × function matrix. */
export const PERSONA_COLUMNS = [
  "admin",
  "patient",
  "caregiver",
  "doctor",
  "hospital",
  "lab",
  "insurer",
  "auditor",
  "stranger",
] as const;

export type PersonaName = (typeof PERSONA_COLUMNS)[number];

/**
 * Every caller class: the personas, then a suspended participant and the paused system. Which
 * persona is suspended, and which one calls while paused, is chosen per row: the one the row
 * would otherwise let through, so that the column isolates the suspension or the pause.
 */
export const COLUMNS = [...PERSONA_COLUMNS, "suspended", "paused"] as const;

export type Column = (typeof COLUMNS)[number];

/** What a row's argument and expectation builders see for one cell. */
export interface Cell {
  world: MatrixWorld;
  column: Column;
  /** The persona sending the call (for `suspended` and `paused`, the row's chosen persona). */
  as: PersonaName;
  caller: Signer;
  /** Timestamp of the block that will include the call (set before sending it). */
  callTime: number;
}

type Args = (cell: Cell) => unknown[] | Promise<unknown[]>;

export interface ExpectedEvent {
  name: string;
  args: Args;
}

export type Outcome =
  | { kind: "success"; events: ExpectedEvent[]; silent: string[] }
  | { kind: "revert"; error: string; args: Args };

export interface MatrixRow {
  /** ABI function name, or full signature once the name is overloaded. */
  fn: string;
  /** Distinguishes several rows of one function (other arguments or another prepared state). */
  variant?: string;
  /** Extra state on top of the shared world, applied before the caller is suspended or the system paused. */
  prepare?: (world: MatrixWorld) => Promise<void>;
  args: (cell: Cell) => unknown[];
  value?: (cell: Cell) => bigint;
  /** Persona of the `suspended` column; the admin suspends it before the call. */
  suspended: PersonaName;
  /** Persona of the `paused` column; the admin pauses the system before the call. */
  paused: PersonaName;
  expect: Record<Column, Outcome>;
}

/** The call succeeds and emits each event with exactly these arguments. */
export function succeeds(...events: ExpectedEvent[]): Outcome {
  if (events.length === 0) throw new Error("a success must name its key event; use succeedsSilently for no-ops");
  return { kind: "success", events, silent: [] };
}

/** The call succeeds as a no-op: none of these events is emitted. */
export function succeedsSilently(...silent: string[]): Outcome {
  if (silent.length === 0) throw new Error("a no-op must name the events it must not emit");
  return { kind: "success", events: [], silent };
}

export function event(name: string, args: Args): ExpectedEvent {
  return { name, args };
}

/** The call reverts with exactly this custom error and these arguments. */
export function reverts(error: string, args: Args = () => []): Outcome {
  return { kind: "revert", error, args };
}

/**
 * Spells out every column: the named ones, and `others` for the rest. Each row still states one
 * outcome per column; `others` only saves repeating the most common one.
 */
export function outcomes(
  named: Partial<Record<Column, Outcome>> & { others?: Outcome },
): Record<Column, Outcome> {
  const { others, ...explicit } = named;
  const table = {} as Record<Column, Outcome>;
  for (const column of COLUMNS) {
    const outcome = explicit[column] ?? others;
    if (outcome === undefined) throw new Error(`no outcome for column ${column}`);
    table[column] = outcome;
  }
  return table;
}

export const DEFAULT_ADMIN_ROLE = "0x" + "00".repeat(32);

export const enforcedPause = reverts("EnforcedPause");

/** AccessControl's refusal of anyone but the default admin. */
export const notAdmin = reverts("AccessControlUnauthorizedAccount", (c) => [c.caller.address, DEFAULT_ADMIN_ROLE]);

/** Columns of a function only the admin may call, paused or not. */
export function adminOnly(success: Outcome, whilePaused: Outcome = success): Record<Column, Outcome> {
  return outcomes({ admin: success, paused: whilePaused, others: notAdmin });
}

/** `it` name of one cell, e.g. `registerParticipant_byStranger_revertsRegistryUnauthorizedRegistrar`. */
export function cellName(row: MatrixRow, column: Column): string {
  const fn = row.fn.replace(/\(.*$/, "");
  const subject = row.variant === undefined ? fn : `${fn}_${row.variant}`;
  return `${subject}_${callerLabel(row, column)}_${outcomeLabel(row.expect[column])}`;
}

function callerLabel(row: MatrixRow, column: Column): string {
  if (column === "suspended") return `bySuspended${capitalize(row.suspended)}`;
  if (column === "paused") return `by${capitalize(row.paused)}WhenPaused`;
  return `by${capitalize(column)}`;
}

function outcomeLabel(outcome: Outcome): string {
  if (outcome.kind === "revert") return `reverts${outcome.error}`;
  if (outcome.events.length === 0) return "succeedsAsNoOp";
  return `succeedsEmitting${outcome.events.map((e) => e.name).join("And")}`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
