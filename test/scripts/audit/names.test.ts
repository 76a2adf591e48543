import { describe, expect, it } from "vitest";

import { sendLedgerTransaction } from "../../../web/src/core/chain/transactions.js";
import { publishProviderProfile } from "../../../web/src/core/directory/publish.js";
import { createIpfsStore } from "../../../web/src/core/ipfs/store.js";
import { ADMIN_NAME, loadNames } from "../../../scripts/audit/names.js";
import { freePort } from "../../../scripts/bench/storage/local-stack.js";
import { useRecordWorld } from "../../helpers/recordWorld.js";

const world = useRecordWorld();

describe("loadNames", () => {
  it("loadNames_publishedProfile_namesTheProviderWithItsFacilityAndTheAdmin", async () => {
    const { personas } = world.viem();
    const ipfs = world.services("patient").ipfs;
    const digest = await publishProviderProfile(ipfs, { name: "Dr. Ada Osei", specialty: "Cardiology", facility: "Cardiology wing" });
    await sendLedgerTransaction(personas.doctor2.connection, "setProfileDigest", [digest]);

    const names = await loadNames(world.viem().connection, ipfs);
    expect(names.warning).toBeUndefined();
    expect(names.nameOf(personas.doctor2.account)).toBe("Dr. Ada Osei (Cardiology wing)");
    expect(names.nameOf(personas.admin.account)).toBe(ADMIN_NAME);
    expect(names.nameOf(personas.patient.account)).toBeUndefined();
  });

  it("loadNames_ipfsNodeDown_keepsTheAdminAndSaysWhyProvidersAreUnnamed", async () => {
    const { personas } = world.viem();
    const nowhere = createIpfsStore({ apiUrl: `http://127.0.0.1:${await freePort()}`, timeoutMs: 2_000, retries: 0 });
    const names = await loadNames(world.viem().connection, nowhere);
    expect(names.named).toBe(0);
    expect(names.warning).toMatch(/^provider names are not shown: the directory could not be read from IPFS at http:\/\/127\.0\.0\.1:\d+ \(IPFS cat of \S+ failed: the node at .* could not be reached.*\); pass --ipfs-api-url for another node$/);
    expect(names.nameOf(personas.admin.account)).toBe(ADMIN_NAME);
    expect(names.nameOf(personas.doctor2.account)).toBeUndefined();
  });
});
