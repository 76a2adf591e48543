import { beforeAll, describe, expect, it } from "vitest";

import { collect, kuboDeterministicBytes, useTestNode } from "../support.js";

const ipfs = useTestNode();
let cid: string;
const content = kuboDeterministicBytes(700_000, "cat");

beforeAll(async () => {
  cid = (await ipfs.client.add(content)).cid.toString();
});

async function errorOf(response: Response): Promise<{ status: number; message: string }> {
  const body = (await response.json()) as { Message: string; Type: string };
  expect(body.Type).toBe("error");
  return { status: response.status, message: body.Message };
}

describe("cat", () => {
  it("returns the whole file across chunk boundaries", async () => {
    expect(await collect(ipfs.client.cat(cid))).toEqual(content);
  });

  it("returns offset..offset+length, spanning chunks", async () => {
    expect(await collect(ipfs.client.cat(cid, { offset: 262_000, length: 300_000 }))).toEqual(content.subarray(262_000, 562_000));
  });

  it("returns the rest when length runs past the end, and nothing when offset is past it (as Kubo)", async () => {
    expect(await collect(ipfs.client.cat(cid, { offset: 699_990, length: 100 }))).toEqual(content.subarray(699_990));
    expect(await collect(ipfs.client.cat(cid, { offset: 800_000 }))).toHaveLength(0);
  });

  it("accepts an /ipfs/ path to the CID", async () => {
    expect(await collect(ipfs.client.cat(`/ipfs/${cid}`, { length: 10 }))).toEqual(content.subarray(0, 10));
  });

  it("answers 400 for an invalid CID", async () => {
    expect(await errorOf(await ipfs.rpc("cat", { arg: "not-a-cid" }))).toEqual({ status: 400, message: expect.stringMatching(/invalid CID "not-a-cid"/) });
  });

  it("answers 400 without an argument, or with a negative offset", async () => {
    expect(await errorOf(await ipfs.rpc("cat"))).toEqual({ status: 400, message: expect.stringMatching(/argument "arg" is required/) });
    expect(await errorOf(await ipfs.rpc("cat", { arg: cid, offset: "-1" }))).toEqual({ status: 400, message: expect.stringMatching(/non-negative integer/) });
  });

  it("answers 400 for a path below a CID, which this node does not resolve", async () => {
    expect(await errorOf(await ipfs.rpc("cat", { arg: `/ipfs/${cid}/inner` }))).toEqual({ status: 400, message: expect.stringMatching(/is a path/) });
  });

  it("answers 500 naming the block for content this node does not have", async () => {
    const absent = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";
    expect(await errorOf(await ipfs.rpc("cat", { arg: absent }))).toEqual({
      status: 500,
      message: expect.stringMatching(new RegExp(`block ${absent} is not in this node's blockstore`)),
    });
  });
});
