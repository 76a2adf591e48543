import type { CID } from "multiformats/cid";

import { badRequest, commandFailed } from "../errors.js";
import { blockKey, MissingBlockError } from "../repo/blocks.js";
import { isSupportedCodec, walkDag } from "../repo/dag.js";
import { collectGarbage } from "../repo/gc.js";
import type { Repository } from "../repo/repository.js";
import { sendJson, type RpcCall } from "./context.js";
import { NdjsonResponse } from "./ndjson.js";
import { booleanOption, cidArgument, requiredArguments } from "./params.js";

/** `pin/add?arg=<cid>…[&recursive=false]`: every block must already be here (no network fetch). */
export async function handlePinAdd({ res, query, repo }: RpcCall): Promise<void> {
  const cids = supportedCids(requiredArguments(query, "pin/add"));
  const recursive = booleanOption(query, "recursive", true);
  await repo.lock.shared(async () => {
    for (const cid of cids) {
      await assertPresent(repo, cid, recursive);
      await repo.pins.pin(cid, recursive ? "recursive" : "direct");
    }
  });
  sendJson(res, { Pins: cids.map(String) });
}

/**
 * `pin/rm?arg=<cid>…[&recursive=false]`, then garbage collection of what the removed pins held
 * and no other pin reaches, so an unpinned record leaves no blocks behind. All arguments are
 * checked before any pin is removed.
 */
export async function handlePinRm({ res, query, repo }: RpcCall): Promise<void> {
  const cids = supportedCids(requiredArguments(query, "pin/rm"));
  const recursive = booleanOption(query, "recursive", true);
  await repo.lock.exclusive(async () => {
    for (const cid of cids) {
      const mode = repo.pins.mode(cid);
      // Kubo's own wording; clients match on it to tell "already gone" from a failure.
      if (mode === undefined) throw commandFailed("not pinned or pinned indirectly");
      if (mode === "recursive" && !recursive) throw commandFailed(`${cid.toString()} is pinned recursively`);
    }
    await repo.pins.unpin(cids);
    await collectGarbage(repo.blocks, repo.pins, cids);
  });
  sendJson(res, { Pins: cids.map(String) });
}

const PIN_TYPES = ["all", "recursive", "direct", "indirect"] as const;
type PinType = (typeof PIN_TYPES)[number];

/**
 * `pin/ls[?arg=<cid>…][&type=all|recursive|direct|indirect][&stream=true]`, in Kubo's shapes:
 * `{"Keys":{"<cid>":{"Type":…}}}`, or one `{"Cid","Type"}` line per pin when streaming.
 */
export async function handlePinLs({ res, query, repo }: RpcCall): Promise<void> {
  const type = query.get("type") ?? "all";
  if (!(PIN_TYPES as readonly string[]).includes(type)) {
    throw badRequest(`invalid type '${type}', must be one of {direct, indirect, recursive, all}`);
  }
  const stream = booleanOption(query, "stream", false);
  const args = query.getAll("arg");
  const listed = await repo.lock.shared(() =>
    args.length > 0 ? describePins(repo, args, type as PinType) : listPins(repo, type as PinType),
  );
  if (!stream) {
    sendJson(res, { Keys: Object.fromEntries(listed.map(({ cid, type: pinType }) => [cid, { Type: pinType }])) });
    return;
  }
  const response = new NdjsonResponse(res);
  for (const { cid, type: pinType } of listed) response.line({ Cid: cid, Type: pinType });
  response.end();
}

interface ListedPin {
  cid: string;
  type: string;
}

async function describePins(repo: Repository, args: string[], type: PinType): Promise<ListedPin[]> {
  const described: ListedPin[] = [];
  for (const arg of args) {
    const cid = cidArgument(arg);
    const mode = repo.pins.mode(cid);
    if (mode !== undefined && (type === "all" || type === mode)) {
      described.push({ cid: cid.toString(), type: mode });
      continue;
    }
    const through = type === "all" || type === "indirect" ? await recursivePinReaching(repo, cid) : undefined;
    if (through === undefined) throw commandFailed(`path '${arg}' is not pinned`);
    described.push({ cid: cid.toString(), type: `indirect through ${through.toString()}` });
  }
  return described;
}

async function listPins(repo: Repository, type: PinType): Promise<ListedPin[]> {
  const pins = repo.pins.entries();
  const listed: ListedPin[] = pins
    .filter(({ mode }) => type === "all" || type === mode)
    .map(({ cid, mode }) => ({ cid: cid.toString(), type: mode }));
  if (type !== "all" && type !== "indirect") return listed;
  const pinnedKeys = new Set(pins.map(({ cid }) => blockKey(cid)));
  const indirect = new Map<string, string>();
  for (const { cid: root, mode } of pins) {
    if (mode !== "recursive") continue;
    for await (const cid of walkDag(repo.blocks, root, { missing: "skip" })) {
      const key = blockKey(cid);
      if (!pinnedKeys.has(key) && !indirect.has(key)) indirect.set(key, cid.toString());
    }
  }
  for (const cid of indirect.values()) listed.push({ cid, type: "indirect" });
  return listed;
}

async function recursivePinReaching(repo: Repository, target: CID): Promise<CID | undefined> {
  const targetKey = blockKey(target);
  for (const { cid: root, mode } of repo.pins.entries()) {
    if (mode !== "recursive") continue;
    for await (const cid of walkDag(repo.blocks, root, { missing: "skip" })) {
      if (blockKey(cid) === targetKey) return root;
    }
  }
  return undefined;
}

async function assertPresent(repo: Repository, cid: CID, recursive: boolean): Promise<void> {
  try {
    if (!recursive) {
      if (!(await repo.blocks.has(cid))) throw new MissingBlockError(cid);
      return;
    }
    for await (const _block of walkDag(repo.blocks, cid, { missing: "throw" }));
  } catch (error) {
    if (error instanceof MissingBlockError) {
      throw commandFailed(`cannot pin ${cid.toString()}: ${error.message}; add the content to this node first`);
    }
    throw error;
  }
}

function supportedCids(args: string[]): CID[] {
  return args.map((arg) => {
    const cid = cidArgument(arg);
    if (!isSupportedCodec(cid)) throw badRequest(`${arg}: this dev node pins only dag-pb and raw CIDs (UnixFS files)`);
    return cid;
  });
}
