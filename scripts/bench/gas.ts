/**
 * Gas benchmark: full transaction gas (receipt.gasUsed, refunds and the calldata floor included) of
 * each user-facing operation, measured once against a small state (n = 1) and once against a large
 * one (n = 1,000), on Hardhat's in-process network.
 *
 *   npm run bench:gas            Markdown table
 *   npm run bench:gas -- --json  JSON array of { op, gasAt1, gasAtN, n } on stdout
 */
import hre from "hardhat";
import type { ContractTransactionResponse } from "ethers";

import type { EHRLedger } from "../../types/ethers-contracts/index.js";

const N = 1_000;
const BATCH = 100;
const PATIENT = 1;
const DOCTOR = 2;
const HOSPITAL = 3;
const NOTES = 0;
const LABS = 1;
const TARGETS: Record<string, number | undefined> = {
  "self sign-up": 80_000,
  "grant (1 category + key wrap)": 65_000,
  "grant with expiry (1 category + key wrap)": 65_000,
  "revoke": 35_000,
  "add record (doctor)": 60_000,
  "add record (patient)": 60_000,
  "read receipt": 27_000,
};
const MAX_RATIO = 1.02;

interface Measurement {
  op: string;
  gasAt1: number;
  gasAtN: number;
  n: number;
  scalesWith: string;
}

const json = process.argv.includes("--json");
const progress = (message: string) => process.stderr.write(`${message}\n`);

const { ethers } = await hre.network.create();
const [adminSigner, hospitalSigner, funderSigner] = await ethers.getSigners();
if (adminSigner === undefined || hospitalSigner === undefined || funderSigner === undefined) {
  throw new Error("the in-process network needs 3 accounts");
}
const admin = adminSigner;
const hospital = hospitalSigner;
const funder = funderSigner;

const ledger: EHRLedger = await ethers.deployContract("EHRLedger", [admin.address, 3 * 24 * 3600]);
await ledger.waitForDeployment();

let nonce = 0;
const randomAddress = () => ethers.getAddress(ethers.toBeHex(0xe4e0000000n + BigInt(++nonce), 20));
const bytes32 = (label: string) => ethers.id(label);
const wrap = (tag: number) => "0x" + tag.toString(16).padStart(2, "0").repeat(80);
const gasOf = async (tx: Promise<ContractTransactionResponse>) => {
  const receipt = await (await tx).wait();
  if (receipt === null) throw new Error("transaction was not mined");
  return Number(receipt.gasUsed);
};
const profile = bytes32("profile");

async function newSigner() {
  const wallet = ethers.Wallet.createRandom(ethers.provider);
  await (await funder.sendTransaction({ to: wallet.address, value: ethers.parseEther("10") })).wait();
  return wallet;
}

/** Registers `count` filler participants in batches, through the admin's multicall. */
async function registerMany(count: number, kind: number, affiliation = ethers.ZeroAddress) {
  const accounts: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const calls: string[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const account = randomAddress();
      accounts.push(account);
      const digest = kind === PATIENT ? ethers.ZeroHash : profile;
      calls.push(
        ledger.interface.encodeFunctionData("registerParticipant", [
          account, kind, affiliation, bytes32(`key ${account}`), bytes32(`id ${account}`), digest,
        ]),
      );
    }
    await (await ledger.connect(admin).multicall(calls)).wait();
  }
  return accounts;
}

await (await ledger.connect(admin).registerParticipant(hospital.address, HOSPITAL, ethers.ZeroAddress,
  bytes32("hospital key"), bytes32("hospital id"), profile)).wait();

async function measureWorld(n: number): Promise<Map<string, number>> {
  const gas = new Map<string, number>();
  progress(`n = ${n}: ${n} existing patients`);
  const existingPatients = n === 1 ? 1 : N - 1;
  await registerMany(existingPatients, PATIENT);
  const patient = await newSigner();
  gas.set("self sign-up", await gasOf(ledger.connect(patient).signUp(bytes32("pk"), bytes32("commitment"))));

  const doctor = await newSigner();
  gas.set("provider registration", await gasOf(ledger.connect(hospital).registerParticipant(
    doctor.address, DOCTOR, hospital.address, bytes32("doctor key"), bytes32("doctor id"), profile)));
  const [reader2, reader3, reader4] = await registerMany(3, DOCTOR, hospital.address);
  if (reader2 === undefined || reader3 === undefined || reader4 === undefined) throw new Error("registration failed");

  const asPatient = ledger.connect(patient);
  for (const category of [NOTES, LABS]) {
    await (await asPatient.rotateScopeKey(patient.address, category, 0, "0x", [
      { recipient: patient.address, wrap: wrap(category) },
    ])).wait();
  }

  progress(`n = ${n}: ${n} existing grants of the patient`);
  const fillers = await registerMany(n, DOCTOR, hospital.address);
  for (let start = 0; start < n; start += BATCH) {
    const inputs = fillers.slice(start, start + BATCH).map((grantee) => ({
      grantee, readScope: 1 << LABS, writeScope: 0, expiresAt: 0, scopeKeyWraps: [wrap(7)],
    }));
    await (await asPatient.grant(inputs)).wait();
  }

  progress(`n = ${n}: ${n} existing records of the patient`);
  for (let start = 0; start < n; start += BATCH) {
    const calls: string[] = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      calls.push(ledger.interface.encodeFunctionData("addRecord", [patient.address, NOTES, 1, bytes32(`filler ${i}`)]));
    }
    await (await asPatient.multicall(calls)).wait();
  }

  gas.set("grant (1 category + key wrap)", await gasOf(asPatient.grant([
    { grantee: doctor.address, readScope: 1 << NOTES, writeScope: 1 << NOTES, expiresAt: 0, scopeKeyWraps: [wrap(1)] },
  ])));
  // A new grantee, so the measured grant writes a fresh grant slot like the one above.
  const [expiringGrantee] = await registerMany(1, DOCTOR, hospital.address);
  const latest = await ethers.provider.getBlock("latest");
  if (latest === null || expiringGrantee === undefined) throw new Error("setup failed");
  gas.set("grant with expiry (1 category + key wrap)", await gasOf(asPatient.grant([{
    grantee: expiringGrantee, readScope: 1 << LABS, writeScope: 0, expiresAt: latest.timestamp + 365 * 24 * 3600,
    scopeKeyWraps: [wrap(3)],
  }])));
  gas.set("grant (3 grantees, 1 tx)", await gasOf(asPatient.grant([reader2, reader3, reader4].map((grantee) => ({
    grantee, readScope: 1 << NOTES, writeScope: 0, expiresAt: 0, scopeKeyWraps: [wrap(2)],
  })))));

  const asDoctor = ledger.connect(doctor);
  gas.set("add record (doctor)", await gasOf(asDoctor.addRecord(patient.address, NOTES, 1, bytes32("note"))));
  gas.set("add record (patient)", await gasOf(asPatient.addRecord(patient.address, NOTES, 1, bytes32("own note"))));
  const doctorRecord = BigInt(n) + 1n;
  gas.set("amend record", await gasOf(asDoctor.amendRecord(patient.address, doctorRecord, 1, bytes32("amended"))));
  gas.set("read receipt", await gasOf(asDoctor.logAccess(patient.address, doctorRecord + 2n, 0)));

  gas.set("revoke", await gasOf(asPatient.revoke(reader4)));
  gas.set("rotate (3 remaining readers)", await gasOf(asPatient.rotateScopeKey(patient.address, NOTES, 1, wrap(9), [
    { recipient: patient.address, wrap: wrap(10) },
    { recipient: doctor.address, wrap: wrap(11) },
    { recipient: reader2, wrap: wrap(12) },
    { recipient: reader3, wrap: wrap(13) },
  ])));
  return gas;
}

const SCALES_WITH: Record<string, string> = {
  "self sign-up": "patients",
  "provider registration": "patients",
};

const small = await measureWorld(1);
const large = await measureWorld(N);
const results: Measurement[] = [...small].map(([op, gasAt1]) => ({
  op,
  gasAt1,
  gasAtN: large.get(op) ?? Number.NaN,
  n: N,
  scalesWith: SCALES_WITH[op] ?? (op.includes("record") || op === "read receipt" ? "records of the patient" : "grants of the patient"),
}));

if (json) {
  process.stdout.write(JSON.stringify(results.map(({ op, gasAt1, gasAtN, n }) => ({ op, gasAt1, gasAtN, n })), null, 2) + "\n");
} else {
  const fmt = (value: number) => value.toLocaleString("en-US");
  const lines = [
    `| operation | gas at 1 | gas at ${fmt(N)} | ratio | target | n counts |`,
    "|---|---:|---:|---:|---|---|",
  ];
  let failures = 0;
  for (const { op, gasAt1, gasAtN, scalesWith } of results) {
    const ratio = gasAtN / gasAt1;
    const target = TARGETS[op];
    const meets = ratio <= MAX_RATIO && (target === undefined || Math.max(gasAt1, gasAtN) <= target);
    if (!meets) failures++;
    const targetText = `${target === undefined ? "" : `≤ ${fmt(target)}, `}ratio ≤ ${MAX_RATIO} ${meets ? "✅" : "❌"}`;
    lines.push(`| ${op} | ${fmt(gasAt1)} | ${fmt(gasAtN)} | ${ratio.toFixed(3)} | ${targetText} | ${scalesWith} |`);
  }
  process.stdout.write(lines.join("\n") + "\n");
  if (failures > 0) progress(`${failures} operation(s) miss their target`);
}
