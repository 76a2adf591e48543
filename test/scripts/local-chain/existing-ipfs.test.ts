import { describe, expect, it } from "vitest";

import { checkExistingIpfs, ExistingIpfsError } from "../../../scripts/local-chain/existing-ipfs.js";
import { useTestNode } from "../ipfs-node/support.js";

const ipfs = useTestNode();

describe("checkExistingIpfs", () => {
  it("returns the version of a Kubo RPC API, with or without a trailing slash", async () => {
    const version = await checkExistingIpfs(ipfs.node.apiUrl, undefined);
    expect(version).toMatch(/\S/);
    expect(await checkExistingIpfs(`${ipfs.node.apiUrl}/`, "t0ken")).toBe(version);
  });

  it("names the status when the URL is not a Kubo RPC API", async () => {
    const check = checkExistingIpfs(ipfs.node.gatewayUrl, undefined);
    await expect(check).rejects.toBeInstanceOf(ExistingIpfsError);
    await expect(check).rejects.toThrow(/answered 405 to \/api\/v0\/version/);
  });

  it("says when nothing answers", async () => {
    await expect(checkExistingIpfs("http://127.0.0.1:9", undefined)).rejects.toThrow(/the IPFS API at http:\/\/127.0.0.1:9 did not answer/);
  });
});
