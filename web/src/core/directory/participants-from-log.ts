/**
 * The participant list readParticipants reads from the chain, rebuilt from a synced access log
 * instead: the console already holds every registry event, so it needs no second scan of the chain.
 */
import { zeroAddress } from "viem";

import type { AccessLogEntry } from "../access-log/entry.js";
import { ZERO_KEY } from "../chain/views.js";
import type { ParticipantEntry } from "./directory.js";

/** Every registered participant as of the newest of `entries` (chain order), in registration order. */
export function participantsFromLog(entries: readonly AccessLogEntry[]): ParticipantEntry[] {
  const byAccount = new Map<string, ParticipantEntry>();
  const of = (account: string) => byAccount.get(account.toLowerCase());
  for (const entry of entries) {
    switch (entry.action) {
      case "participant-registered":
        byAccount.set(entry.subject.toLowerCase(), {
          account: entry.subject,
          kind: entry.kind,
          affiliation: entry.affiliation ?? zeroAddress,
          registeredBy: entry.actor,
          active: true,
          profileDigest: entry.profileDigest,
          hasEncryptionKey: entry.encryptionKey !== ZERO_KEY,
          registeredAtBlock: entry.blockNumber,
        });
        break;
      case "participant-suspended":
      case "participant-reactivated": {
        const participant = of(entry.subject);
        if (participant !== undefined) participant.active = entry.action === "participant-reactivated";
        break;
      }
      case "profile-changed": {
        const participant = of(entry.actor);
        if (participant !== undefined) participant.profileDigest = entry.profileDigest;
        break;
      }
      case "encryption-key-changed": {
        const participant = of(entry.actor);
        if (participant !== undefined) participant.hasEncryptionKey = entry.encryptionKey !== ZERO_KEY;
        break;
      }
      default:
        break;
    }
  }
  return [...byAccount.values()];
}
