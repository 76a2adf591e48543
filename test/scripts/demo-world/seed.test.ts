import { parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startLocalStack, type LocalStack, type StackParticipant } from "../../../scripts/bench/storage/local-stack.js";
import { isDemoWorldSeeded, seedDemoWorld, type DemoWorldSummary, type DemoWorldTarget } from "../../../scripts/demo-world/seed.js";
import { readLedgerEvents } from "../../../web/src/core/chain/events.js";
import { readLedgerView, readParticipant, ZERO_KEY } from "../../../web/src/core/chain/views.js";
import { readProviderDirectory } from "../../../web/src/core/directory/directory.js";
import { renderClinicalResource } from "../../../web/src/core/clinical/render.js";
import { createIpfsStore } from "../../../web/src/core/ipfs/store.js";
import { openRecord } from "../../../web/src/core/records/open-record.js";
import type { RecordServices } from "../../../web/src/core/records/services.js";
import { NoScopeKeyError } from "../../../web/src/core/scope-keys/errors.js";
import { ScopeKeyring } from "../../../web/src/core/scope-keys/keyring.js";
import { readAllBytes } from "../../../web/src/core/streams.js";
import { DEMO_PERSONAS, demoPersona, type DemoPersona } from "../../../web/src/portal/wallet/demo-personas.js";

let stack: LocalStack;
let target: DemoWorldTarget;
let seededBefore: boolean;
let first: DemoWorldSummary;
const lines: string[] = [];
const participants = new Map<DemoPersona["id"], StackParticipant>();

/** The persona signed in through the core, independently of the seeder. */
async function signIn(id: DemoPersona["id"]): Promise<RecordServices & { account: `0x${string}` }> {
  let participant = participants.get(id);
  if (participant === undefined) {
    participant = await stack.participant(demoPersona(id).accountIndex);
    participants.set(id, participant);
  }
  const { connection, identity, account } = participant;
  return { connection, identity, account, keyring: new ScopeKeyring(identity), ipfs: createIpfsStore({ apiUrl: stack.ipfs.apiUrl, retries: 0 }) };
}

async function nonceSum(): Promise<number> {
  const nonces = await Promise.all(DEMO_PERSONAS.map(async (persona) => stack.publicClient.getTransactionCount({ address: (await signIn(persona.id)).account })));
  return nonces.reduce((total, nonce) => total + nonce, 0);
}

beforeAll(async () => {
  stack = await startLocalStack(() => {});
  const admin = await signIn("admin");
  target = {
    rpcUrl: stack.rpcUrl,
    chainId: admin.connection.chainId,
    ledgerAddress: admin.connection.address,
    deploymentBlock: Number(admin.connection.deploymentBlock),
    ipfsApiUrl: stack.ipfs.apiUrl,
    log: (line) => lines.push(line),
  };
  seededBefore = await isDemoWorldSeeded(target);
  first = await seedDemoWorld(target);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe("seedDemoWorld", () => {
  it("isDemoWorldSeeded is false on a fresh ledger and true after seeding", async () => {
    expect(seededBefore).toBe(false);
    expect(await isDemoWorldSeeded(target)).toBe(true);
    expect(first.seededNow).toBe(true);
  });

  it("registers every persona in its role, staff affiliated with the hospital, providers with profile and key", async () => {
    const { connection } = await signIn("admin");
    const hospital = (await signIn("hospital")).account;
    const kinds: Record<DemoPersona["role"], number> = { admin: 0, patient: 1, doctor: 2, hospital: 3, insurer: 4, lab: 5, auditor: 6 };
    for (const persona of DEMO_PERSONAS) {
      const participant = await readParticipant(connection, (await signIn(persona.id)).account);
      const provider = ["doctor", "hospital", "insurer", "lab"].includes(persona.role);
      const keyed = persona.role !== "admin" && persona.role !== "auditor";
      expect({ id: persona.id, kind: participant.kind, affiliated: participant.affiliation === hospital, profile: participant.profileDigest !== ZERO_KEY, key: participant.encryptionKey !== ZERO_KEY }).toEqual({
        id: persona.id,
        kind: kinds[persona.role],
        affiliated: persona.id === "doctor1" || persona.id === "doctor2" || persona.id === "lab",
        profile: provider,
        key: keyed,
      });
    }
    expect(first.participants.every((participant) => participant.registered)).toBe(true);
    expect(await readLedgerView(connection, "signUpFee", [])).toBe(parseEther("0.001"));
  });

  it("publishes every provider's public profile for the directory, staff under the hospital's name", async () => {
    const { connection, ipfs } = await signIn("patient1");
    const directory = await readProviderDirectory(connection, ipfs);
    const label = (id: DemoPersona["id"]) => demoPersona(id).label;
    expect(directory.map((entry) => [entry.profile?.name, entry.profile?.specialty, entry.facility])).toEqual([
      [label("hospital"), "General hospital", undefined],
      [label("insurer"), "Health insurer", undefined],
      [label("doctor1"), "Cardiology", label("hospital")],
      [label("doctor2"), "General practice", label("hospital")],
      [label("lab"), "Clinical chemistry", label("hospital")],
    ]);
  });

  it("adds the planned records per patient, amendments included", () => {
    expect(first.recordsPerPatient).toEqual({ patient1: 7, patient2: 5, patient3: 2 });
  });

  it("lets a granted doctor open an imaging record and its attached X-ray", async () => {
    const doctor1 = await signIn("doctor1");
    const patient1 = (await signIn("patient1")).account;
    const opened = await openRecord(doctor1, patient1, 4n);
    try {
      expect(renderClinicalResource(opened.document.resource).kind).toBe("Imaging report");
      expect(opened.document.attachments.map(({ title, contentType }) => [title, contentType])).toEqual([
        ["chest-xray.png", "image/png"],
        ["radiology-report.pdf", "application/pdf"],
      ]);
      const png = await readAllBytes(opened.openAttachment(1));
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(new TextDecoder().decode((await readAllBytes(opened.openAttachment(2))).subarray(0, 8))).toBe("%PDF-1.4");
    } finally {
      opened.close();
    }
  });

  it("shows one prescription Given (an amendment) and one Pending", async () => {
    const patient1 = await signIn("patient1");
    const patient2 = await signIn("patient2");
    const given = await openRecord(patient1, patient1.account, 6n);
    const pending = await openRecord(patient2, patient2.account, 4n);
    expect([given.entry.supersedes, renderClinicalResource(given.document.resource).status, renderClinicalResource(pending.document.resource).status]).toEqual([5n, "Given", "Pending"]);
    expect((await readLedgerView(patient1.connection, "record", [patient1.account, 5n])).status).toBe(2); // Superseded
  });

  it("leaves the revoked doctor unable to open a record added after the revoke, though it opens its own earlier one", async () => {
    const doctor2 = await signIn("doctor2");
    const patient2 = (await signIn("patient2")).account;
    const earlier = await openRecord(doctor2, patient2, 2n);
    expect(earlier.entry.author).toBe(doctor2.account);
    earlier.close();
    await expect(openRecord(doctor2, patient2, 5n)).rejects.toThrowError(NoScopeKeyError);
    expect((await readLedgerView(doctor2.connection, "grantOf", [patient2, doctor2.account])).readScope).toBe(0);
  });

  it("leaves read receipts by the doctors and the insurer, and doctor2's request to patient3 pending", async () => {
    const { connection } = await signIn("admin");
    const name = new Map(await Promise.all(DEMO_PERSONAS.map(async (persona) => [(await signIn(persona.id)).account.toLowerCase(), persona.id] as const)));
    const receipts = await readLedgerEvents(connection, "RecordAccessed");
    expect(receipts.map(({ args }) => `${name.get(args.reader.toLowerCase())} read ${name.get(args.patient.toLowerCase())} #${args.recordId}`)).toEqual([
      "doctor1 read patient1 #1",
      "doctor1 read patient1 #3",
      "insurer read patient1 #7",
      "doctor2 read patient2 #1",
      "doctor1 read patient2 #3",
      "doctor1 read patient3 #1",
    ]);
    const [patient3, doctor2] = [(await signIn("patient3")).account, (await signIn("doctor2")).account];
    expect(await readLedgerView(connection, "requestedAt", [patient3, doctor2])).toBeGreaterThan(0);
  });

  it("logs progress without addresses or record content", () => {
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.join("\n")).not.toMatch(/0x[0-9a-f]{6}|atorvastatin|metformin|hba1c|cholesterol|chest|thirst|sneez/i);
  });

  it("a second call sends no transaction and returns the same world", async () => {
    const before = await nonceSum();
    const again = await seedDemoWorld(target);
    expect(await nonceSum()).toBe(before);
    expect([again.seededNow, again.transactions, again.recordsPerPatient, again.participants]).toEqual([false, 0, first.recordsPerPatient, first.participants]);
    expect(first.transactions).toBeGreaterThan(40);
  });
});
