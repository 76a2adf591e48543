/**
 * Storage benchmark: records end to end on the local stack (anvil + the embedded IPFS node, both
 * started fresh for the run), through the same client core the portal uses.
 *  - a 100 MiB record (a FHIR observation with one 100 MiB attachment): encrypt, add to IPFS in
 *    pinned parts, store the manifest, add on chain and wait for the receipt (target ≤ 3 s); then
 *    open it and stream the attachment back through verification and decryption;
 *  - a 1 KiB record: latency of adding and of opening, median and p95 over repeated runs.
 *
 *   npm run bench:storage                 Markdown table on stdout, progress on stderr
 *   npm run bench:storage -- --json       JSON array of { metric, value, unit, target } on stdout
 *   --size-mb N      size of the large record's attachment in MiB (default 100)
 *   --small-runs N   runs of the 1 KiB record (default 20)
 */
import { pathToFileURL } from "node:url";
import path from "node:path";

import type { Observation } from "@medplum/fhirtypes";

import { createIpfsStore } from "../../web/src/core/ipfs/store.js";
import { addRecord, type AddRecordProgress } from "../../web/src/core/records/add-record.js";
import { openRecord } from "../../web/src/core/records/open-record.js";
import type { RecordServices } from "../../web/src/core/records/services.js";
import { ScopeKeyring } from "../../web/src/core/scope-keys/keyring.js";
import { createScopeKey } from "../../web/src/core/scope-keys/rotation.js";
import { memorySampler, type MemorySampler } from "./memory-sampler.js";
import { renderJson, renderMarkdown, type Metric } from "./metrics.js";
import { signUpPatient, startLocalStack, type StackParticipant } from "./storage/local-stack.js";

const MiB = 2 ** 20;
const IMAGING = 2;
const NOTES = 0;
const LARGE_RECORD_TARGET_SECONDS = 3;

export interface StorageBenchOptions {
  json: boolean;
  sizeBytes: number;
  smallRuns: number;
}

export function parseStorageBenchArgs(args: readonly string[]): StorageBenchOptions {
  const options: StorageBenchOptions = { json: false, sizeBytes: 100 * MiB, smallRuns: 20 };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === "--json") {
      options.json = true;
      continue;
    }
    const value = Number(args[++i]);
    if (flag === "--size-mb" && value > 0) options.sizeBytes = Math.round(value * MiB);
    else if (flag === "--small-runs" && Number.isInteger(value) && value > 0) options.smallRuns = value;
    else throw new Error(`unknown flag or bad value: ${flag} ${args[i] ?? ""}`.trim());
  }
  return options;
}

const progress = (message: string) => process.stderr.write(`${message}\n`);

function randomContent(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65_536) crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
  return bytes;
}

/**
 * The attachment as a browser File delivers it: pulled 1 MiB at a time, only when the reader asks.
 * (Node's own Blob.stream() reads ahead of a slow reader until the whole Blob is queued, which
 * would make this benchmark measure Node's Blob rather than the upload.)
 */
function pulledStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(offset, offset + MiB));
        offset += MiB;
      },
    },
    { highWaterMark: 0 },
  );
}

function note(text: string): Observation {
  return { resourceType: "Observation", status: "final", code: { text: "Benchmark note" }, note: [{ text }] };
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) bytes += next.value.length;
  return bytes;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function servicesOf(patient: StackParticipant, apiUrl: string): RecordServices {
  return { connection: patient.connection, identity: patient.identity, keyring: new ScopeKeyring(patient.identity), ipfs: createIpfsStore({ apiUrl }) };
}

interface PhaseClock {
  onProgress(step: AddRecordProgress): void;
  /** Seconds from the start to the first report of each step. */
  phases: Map<string, number>;
}

function phaseClock(start: number): PhaseClock {
  const phases = new Map<string, number>();
  return {
    phases,
    onProgress(step) {
      const name = step.step === "transaction" ? `transaction ${step.status.stage}` : step.step;
      if (!phases.has(name)) phases.set(name, (performance.now() - start) / 1000);
    },
  };
}

/** Adds a record with `content` as its attachment while `sampler` watches memory. */
async function addSampled(services: RecordServices, patient: StackParticipant, content: Uint8Array, sampler: MemorySampler, clock?: PhaseClock) {
  try {
    const added = await addRecord(
      services,
      { patient: patient.account, category: IMAGING, resource: note("benchmark scan"), attachments: [{ title: "scan.dcm", contentType: "application/dicom", size: content.length, open: () => pulledStream(content) }] },
      { onProgress: (step) => clock?.onProgress(step) },
    );
    return { added, peakRss: sampler.stop() };
  } catch (error) {
    // The sampling timer would keep the process alive after the failure is reported.
    sampler.stop();
    throw error;
  }
}

export async function runStorageBench(options: StorageBenchOptions): Promise<Metric[]> {
  const stack = await startLocalStack(progress);
  try {
    const patient = await stack.participant(1);
    await signUpPatient(patient);
    const services = servicesOf(patient, stack.ipfs.apiUrl);
    // Key creation is a one-time step per category, not part of adding a record.
    for (const category of [IMAGING, NOTES]) await createScopeKey(patient.connection, patient.identity, services.keyring, patient.account, category);

    const sizeMiB = +(options.sizeBytes / MiB).toFixed(2);
    progress(`adding a ${sizeMiB} MiB record`);
    const content = randomContent(options.sizeBytes);
    const start = performance.now();
    const clock = phaseClock(start);
    const { added: large, peakRss: addPeakRss } = await addSampled(services, patient, content, memorySampler(), clock);
    const addSeconds = (performance.now() - start) / 1000;
    const uploadStart = clock.phases.get("encrypting-and-uploading") ?? 0;
    const manifestAt = clock.phases.get("storing-manifest") ?? addSeconds;

    progress(`reading the ${sizeMiB} MiB record back`);
    const readStart = performance.now();
    const opened = await openRecord(servicesOf(patient, stack.ipfs.apiUrl), patient.account, large.recordId);
    const readBytes = await drain(opened.openAttachment(1));
    const readSeconds = (performance.now() - readStart) / 1000;
    opened.close();
    if (readBytes !== options.sizeBytes) throw new Error(`read back ${readBytes} bytes instead of ${options.sizeBytes}`);

    progress(`adding the ${sizeMiB} MiB record again, collecting garbage every 10 ms (untimed)`);
    const { peakRss: livePeakRss } = await addSampled(services, patient, content, memorySampler({ collecting: true }));

    progress(`adding and opening a 1 KiB record ${options.smallRuns} times`);
    const text = "x".repeat(1024 - JSON.stringify(note("")).length);
    const adds: number[] = [];
    const opens: number[] = [];
    for (let run = 0; run < options.smallRuns; run++) {
      const addStart = performance.now();
      const small = await addRecord(services, { patient: patient.account, category: NOTES, resource: note(text) });
      adds.push(performance.now() - addStart);
      const openStart = performance.now();
      (await openRecord(servicesOf(patient, stack.ipfs.apiUrl), patient.account, small.recordId)).close();
      opens.push(performance.now() - openStart);
    }
    adds.sort((a, b) => a - b);
    opens.sort((a, b) => a - b);

    const large_ = `${sizeMiB} MiB record`;
    const round = (value: number, digits = 3) => Number(value.toFixed(digits));
    return [
      { metric: `${large_}: encrypt + add to IPFS + add on chain, end to end`, value: round(addSeconds), unit: "s", target: { atMost: LARGE_RECORD_TARGET_SECONDS } },
      { metric: `${large_}: of which encrypting and uploading the parts`, value: round(manifestAt - uploadStart), unit: "s" },
      { metric: `${large_}: of which the manifest and the transaction`, value: round(addSeconds - manifestAt), unit: "s" },
      { metric: `${large_}: of which reading keys before the upload`, value: round(uploadStart), unit: "s" },
      { metric: `${large_}: upload throughput`, value: round(options.sizeBytes / 1e6 / (manifestAt - uploadStart), 1), unit: "MB/s" },
      { metric: `${large_}: peak extra RSS of the client while adding (source buffer excluded)`, value: round(addPeakRss / 1e6, 1), unit: "MB" },
      { metric: `${large_}: peak live memory (heap + ArrayBuffers) of the client while adding, garbage collected every 10 ms (untimed pass)`, value: round(livePeakRss / 1e6, 1), unit: "MB" },
      { metric: `${large_}: open, verify and decrypt the attachment`, value: round(readSeconds), unit: "s" },
      { metric: `1 KiB record: add, median of ${options.smallRuns}`, value: round(quantile(adds, 0.5), 1), unit: "ms" },
      { metric: `1 KiB record: add, p95 of ${options.smallRuns}`, value: round(quantile(adds, 0.95), 1), unit: "ms" },
      { metric: `1 KiB record: open, median of ${options.smallRuns}`, value: round(quantile(opens, 0.5), 1), unit: "ms" },
    ];
  } finally {
    await stack.stop();
  }
}

async function main(args: readonly string[]): Promise<number> {
  let options: StorageBenchOptions;
  try {
    options = parseStorageBenchArgs(args);
  } catch (error) {
    progress(`bench:storage: ${(error as Error).message}`);
    return 2;
  }
  const metrics = await runStorageBench(options);
  process.stdout.write(options.json ? renderJson(metrics) : renderMarkdown(metrics));
  return 0;
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? "")).href) {
  process.exitCode = await main(process.argv.slice(2));
}
