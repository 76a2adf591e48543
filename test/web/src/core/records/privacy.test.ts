/**
 * The privacy check: a unique marker in a record's FHIR text and in its attachment never reaches
 * the chain or the IPFS node in any form, while the scans do find it where it is in clear.
 */
import { writeFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { toHex, utf8 } from "../../../../../web/src/core/bytes.js";
import { randomBytes } from "../../../../../web/src/core/crypto/webcrypto.js";
import { addRecord } from "../../../../../web/src/core/records/add-record.js";
import { openRecord } from "../../../../../web/src/core/records/open-record.js";
import { grantAccess } from "../../../../../web/src/core/scope-keys/grants.js";
import { readAllBytes } from "../../../../../web/src/core/streams.js";
import { filesContaining, publishedChainData } from "../../../../helpers/chainScan.js";
import { Category } from "../../../../helpers/fixture.js";
import { attachment, observation, useRecordWorld } from "../../../../helpers/recordWorld.js";

describe("privacy", () => {
  const world = useRecordWorld();

  it("a marker in the FHIR text and in an attachment appears in no IPFS block, calldata or log", async () => {
    const { personas, publicClient } = world.viem();
    const marker = `PHI-MARKER-${toHex(randomBytes(8)).slice(2)}`;
    const report = utf8(`Discharge summary.\nDiagnosis: ${marker}\n`.repeat(200));
    const patient = world.services("patient");
    const labs = 1 << Category.LabResults;
    await grantAccess(patient.connection, patient.keyring, [{ grantee: personas.lab.account, readScope: labs, writeScope: labs, expiresAt: 0 }]);

    const records = [
      await addRecord(patient, { patient: personas.patient.account, category: Category.PatientReported, resource: observation(`I was told: ${marker}`), attachments: [attachment(report, `${marker}.txt`, "text/plain")] }),
      await addRecord(world.services("lab"), { patient: personas.patient.account, category: Category.LabResults, resource: observation(`Result: ${marker}`), attachments: [attachment(report, "result.txt", "text/plain")] }, { chunkSize: 4096 }),
    ];

    // Positive control: the records do hold the marker, once decrypted.
    for (const record of records) {
      const opened = await openRecord(world.services("patient"), personas.patient.account, record.recordId);
      expect(JSON.stringify(opened.document)).toContain(marker);
      expect(new TextDecoder().decode(await readAllBytes(opened.openAttachment(1)))).toContain(marker);
    }

    const blocks = world.ipfs.blockFiles();
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    const { haystack } = await publishedChainData(publicClient);
    for (const form of [utf8(marker), utf8(marker.toLowerCase()), utf8(JSON.stringify(marker).slice(1, -1))]) {
      expect(filesContaining(blocks, form)).toEqual([]);
      expect(haystack).not.toContain(toHex(form).slice(2));
    }
    // Control for the block scan: a file holding the marker is found.
    const control = `${world.ipfs.dataDir}/control.txt`;
    writeFileSync(control, `x${marker}y`);
    expect(filesContaining([...blocks, control], utf8(marker))).toEqual([control]);
  });
});
