/**
 * Who was registered as what, who was active and whether the ledger was paused, at any point of
 * the log: the parts of ParticipantRegistry that `hasAccess` consults besides the grant itself.
 */
import type { AccessLogEntry } from "../access-log/entry.js";
import type { Address } from "../ledger-context.js";
import { AddressKeys } from "./address-keys.js";
import { isBefore, lastIndexBefore, positionOf, type EntryPosition } from "./chain-order.js";

interface Change {
  at: EntryPosition;
  on: boolean;
}

interface Registration {
  kind: number;
  at: EntryPosition;
  /** Registration first (active), then every suspension and reactivation. */
  activity: Change[];
}

const atOf = (change: Change) => change.at;

/** The state after the last change before `at` (or after the last change), false before the first. */
function stateAt(changes: readonly Change[], at: EntryPosition | undefined): boolean {
  const index = at === undefined ? changes.length - 1 : lastIndexBefore(changes, at, atOf);
  return changes[index]?.on ?? false;
}

export class LedgerStatus {
  private constructor(
    private readonly registrations: ReadonlyMap<string, Registration>,
    private readonly pauses: readonly Change[],
    private readonly keys: AddressKeys,
  ) {}

  /** Built in one pass over `entries` (chain order); every other action is skipped. */
  static of(entries: readonly AccessLogEntry[], keys = new AddressKeys()): LedgerStatus {
    const registrations = new Map<string, Registration>();
    const pauses: Change[] = [];
    for (const entry of entries) {
      switch (entry.action) {
        case "participant-registered":
          registrations.set(keys.of(entry.subject), { kind: entry.kind, at: positionOf(entry), activity: [{ at: positionOf(entry), on: true }] });
          break;
        case "participant-suspended":
        case "participant-reactivated":
          registrations.get(keys.of(entry.subject))?.activity.push({ at: positionOf(entry), on: entry.action === "participant-reactivated" });
          break;
        case "paused":
        case "unpaused":
          pauses.push({ at: positionOf(entry), on: entry.action === "paused" });
          break;
        default:
          break;
      }
    }
    return new LedgerStatus(registrations, pauses, keys);
  }

  /**
   * The participant kind (IParticipantRegistry.Kind; 0 when unregistered) before `at`, or as of the
   * newest entry when `at` is left out.
   */
  kindOf(account: Address, at?: EntryPosition): number {
    const registration = this.registrations.get(this.keys.of(account));
    if (registration === undefined) return 0;
    return at === undefined || isBefore(registration.at, at) ? registration.kind : 0;
  }

  /** Registered and not suspended (the contract's `isActive`), before `at` or as of the newest entry. */
  isActive(account: Address, at?: EntryPosition): boolean {
    const registration = this.registrations.get(this.keys.of(account));
    return registration !== undefined && stateAt(registration.activity, at);
  }

  /** The admin's emergency stop was on, before `at` or as of the newest entry. */
  isPaused(at?: EntryPosition): boolean {
    return stateAt(this.pauses, at);
  }
}
