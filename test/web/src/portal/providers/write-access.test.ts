import { describe, expect, it } from "vitest";

import { sendLedgerTransaction } from "../../../../../web/src/core/chain/transactions.js";
import { ScopeKeyring } from "../../../../../web/src/core/scope-keys/keyring.js";
import { grantAccess } from "../../../../../web/src/core/scope-keys/grants.js";
import { writableCategories, writeAccessNotice } from "../../../../../web/src/portal/providers/write-access.js";
import { Category } from "../../../../helpers/fixture.js";
import { useViemWorld } from "../../../../helpers/viemWorld.js";

describe("writableCategories", () => {
  const viem = useViemWorld();

  async function grant(readScope: number, writeScope: number, expiresAt = 0) {
    const { patient, doctor } = viem().personas;
    await grantAccess(patient.connection, new ScopeKeyring(patient.identity), [{ grantee: doctor.account, readScope, writeScope, expiresAt }]);
    return { patient: patient.account, doctor: doctor.account };
  }

  it("writableCategories keeps exactly the categories the grant lets the provider write", async () => {
    const { patient, doctor } = await grant(0b1011, 0b1001);
    expect(await writableCategories(viem().connection, patient, doctor, [3, 0, 1, 2])).toEqual([Category.GeneralNotes, Category.Prescriptions]);
  });

  it("writableCategories without a grant is empty", async () => {
    const { patient, doctor } = viem().personas;
    expect(await writableCategories(viem().connection, patient.account, doctor.account, [0, 1, 2, 3])).toEqual([]);
  });

  it("writableCategories is empty while the provider is suspended, whatever the grant says", async () => {
    const { patient, doctor } = await grant(0b1, 0b1);
    await sendLedgerTransaction(viem().personas.hospital.connection, "suspend", [doctor]);
    expect(await writableCategories(viem().connection, patient, doctor, [0])).toEqual([]);
  });
});

describe("writeAccessNotice", () => {
  it("writeAccessNotice says nothing when every wanted category is writable", () => {
    expect(writeAccessNotice([0, 3], [0, 1, 3])).toBeUndefined();
  });

  it("writeAccessNotice says up front that a read-only grant allows no new records", () => {
    expect(writeAccessNotice([0, 1, 2, 3], [])).toMatch(/not given you permission to add records/);
  });

  it("writeAccessNotice names what may and may not be added", () => {
    expect(writeAccessNotice([0, 1, 3], [0])).toBe("You may add general notes for this patient, but not lab results, prescriptions.");
  });
});
