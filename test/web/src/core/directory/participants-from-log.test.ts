import { zeroAddress } from "viem";
import { describe, expect, it } from "vitest";

import { readAccessLog } from "../../../../../web/src/core/access-log/entries.js";
import type { Hex } from "../../../../../web/src/core/bytes.js";
import { sendLedgerTransaction } from "../../../../../web/src/core/chain/transactions.js";
import { ZERO_KEY } from "../../../../../web/src/core/chain/views.js";
import { readParticipants } from "../../../../../web/src/core/directory/directory.js";
import { participantsFromLog } from "../../../../../web/src/core/directory/participants-from-log.js";
import { Kind } from "../../../../helpers/fixture.js";
import { useViemWorld } from "../../../../helpers/viemWorld.js";

const viem = useViemWorld();

describe("participantsFromLog", () => {
  it("participantsFromLog_freshWorld_equalsReadParticipants", async () => {
    const { connection } = viem();
    expect(participantsFromLog(await readAccessLog(connection))).toEqual(await readParticipants(connection));
  });

  it("participantsFromLog_afterSuspensionsProfilesAndKeys_followsThemAsTheChainDoes", async () => {
    const { personas, connection } = viem();
    await sendLedgerTransaction(personas.admin.connection, "registerParticipant", [personas.stranger.account, Kind.Lab, zeroAddress, ZERO_KEY, `0x${"22".repeat(32)}`, `0x${"44".repeat(32)}`]);
    await sendLedgerTransaction(personas.admin.connection, "suspend", [personas.doctor2.account]);
    await sendLedgerTransaction(personas.hospital.connection, "suspend", [personas.lab.account]);
    await sendLedgerTransaction(personas.admin.connection, "reactivate", [personas.lab.account]);
    await sendLedgerTransaction(personas.doctor.connection, "setProfileDigest", [`0x${"33".repeat(32)}` as Hex]);
    const participants = participantsFromLog(await readAccessLog(connection));
    expect(participants).toEqual(await readParticipants(connection));
    const byAccount = new Map(participants.map((entry) => [entry.account, entry]));
    expect(byAccount.get(personas.stranger.account)).toMatchObject({ kind: Kind.Lab, hasEncryptionKey: false, profileDigest: `0x${"44".repeat(32)}` });
    expect([byAccount.get(personas.doctor2.account)?.active, byAccount.get(personas.lab.account)?.active]).toEqual([false, true]);

    await sendLedgerTransaction(personas.stranger.connection, "setEncryptionKey", [personas.stranger.identity.publicKeyHex]);
    expect(participantsFromLog(await readAccessLog(connection)).find((entry) => entry.account === personas.stranger.account)?.hasEncryptionKey).toBe(true);
  });
});
