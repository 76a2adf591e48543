import { BlackHoleBlockstore } from "blockstore-core/black-hole";
import { importFile } from "ipfs-unixfs-importer";
import { fixedSize } from "ipfs-unixfs-importer/chunker";
import { balanced } from "ipfs-unixfs-importer/layout";
import type { CID } from "multiformats/cid";

import { asKuboError, badRequest } from "../errors.js";
import { collectGarbage } from "../repo/gc.js";
import type { Repository } from "../repo/repository.js";
import type { RpcCall } from "./context.js";
import { parseAddSettings, type AddSettings } from "./add-settings.js";
import { receiveFile, type IncomingFile } from "./multipart-file.js";
import { NdjsonResponse } from "./ndjson.js";

/** Kubo's balanced layout: at most 174 links per node (go-unixfs DefaultLinksPerBlock). */
const MAX_CHILDREN_PER_NODE = 174;
/** How often `progress=true` reports, in bytes read. */
const PROGRESS_INTERVAL = 262_144;

/**
 * `POST /api/v0/add`: one file, streamed from the multipart body into the UnixFS importer with
 * Kubo's settings, so the CID is the one Kubo would give. Answers Kubo's NDJSON:
 * `{"Name","Bytes"}` progress lines when asked, then `{"Name","Hash","Size"}` (Size is a string:
 * the DAG's cumulative size, as in Kubo).
 */
export async function handleAdd({ req, res, query, repo }: RpcCall): Promise<void> {
  const settings = parseAddSettings(query);
  const upload = receiveFile(req);
  const response = new NdjsonResponse(res);
  const written: CID[] = [];
  let keep = false;
  let incoming: IncomingFile | undefined;
  try {
    await repo.lock.shared(async () => {
      const file = await upload.file;
      incoming = file;
      if (settings.progress) response.start();
      const blockstore = settings.onlyHash ? new BlackHoleBlockstore() : recordingWrites(repo, written);
      const content = countingBytes(file.content, settings.progress ? (bytes) => response.line({ Name: file.name, Bytes: bytes }) : undefined);
      const result = await importFile({ content }, blockstore, importerOptions(settings));
      const { extraParts } = await upload.finished;
      if (extraParts > 0) {
        throw badRequest(`this dev node adds one file per request; the body had ${extraParts + 1} parts (wrap-with-directory is not supported)`);
      }
      if (settings.pin && !settings.onlyHash) await repo.pins.pin(result.cid, "recursive");
      keep = true;
      const hash = result.cid.toString();
      response.line({ Name: file.name === "" ? hash : file.name, Hash: hash, Size: result.size.toString() });
    });
    response.end();
  } catch (error) {
    if (!response.started) throw error;
    response.fail(asKuboError(error));
  } finally {
    // An import that failed mid-file leaves the parser paused on the rest of the body; discard it,
    // or a client still uploading would wait for ever.
    if (!keep) incoming?.content.resume();
    // A failed or refused add leaves nothing behind: its blocks go unless a pin reaches them.
    if (!keep && written.length > 0) await repo.lock.exclusive(() => collectGarbage(repo.blocks, repo.pins, written));
  }
}

function importerOptions(settings: AddSettings) {
  return {
    cidVersion: settings.cidVersion,
    rawLeaves: settings.rawLeaves,
    // Kubo wraps non-raw leaves as UnixFS "file" nodes and makes a one-chunk file its own root.
    leafType: "file" as const,
    reduceSingleLeafToSelf: true,
    chunker: fixedSize({ chunkSize: settings.chunkSize }),
    layout: balanced({ maxChildrenPerNode: MAX_CHILDREN_PER_NODE }),
  };
}

function recordingWrites(repo: Repository, written: CID[]) {
  return {
    put: async (cid: CID, bytes: Uint8Array) => {
      written.push(cid);
      return repo.blocks.store.put(cid, bytes);
    },
  };
}

async function* countingBytes(source: AsyncIterable<Uint8Array>, report: ((bytes: number) => void) | undefined): AsyncGenerator<Uint8Array> {
  let total = 0;
  let reported = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (report !== undefined && total - reported >= PROGRESS_INTERVAL) {
      report(total);
      reported = total;
    }
    yield chunk;
  }
  if (report !== undefined && total !== reported) report(total);
}
