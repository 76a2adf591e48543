import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { DEFAULT_DATA_DIR } from "../../../scripts/ipfs-node/defaults.js";
import { parseIpfsNodeOptions } from "../../../scripts/ipfs-node/options.js";

describe("parseIpfsNodeOptions", () => {
  it("defaults to Kubo's ports on loopback, .data/ipfs, the portal's dev origins and no token", () => {
    expect(parseIpfsNodeOptions([], {})).toEqual({
      dataDir: DEFAULT_DATA_DIR,
      apiPort: 5001,
      gatewayPort: 8080,
      host: "127.0.0.1",
      allowedOrigins: ["http://localhost:5173", "http://127.0.0.1:5173"],
      token: undefined,
    });
  });

  it("reads every flag; repeated --allow-origin replaces the defaults", () => {
    const options = parseIpfsNodeOptions(
      ["--data-dir", "/tmp/x", "--api-port", "0", "--gateway-port", "9090", "--host", "0.0.0.0", "--allow-origin", "https://a.example", "--allow-origin", "http://b.example:8000"],
      {},
    );
    expect(options).toMatchObject({
      dataDir: "/tmp/x",
      apiPort: 0,
      gatewayPort: 9090,
      host: "0.0.0.0",
      allowedOrigins: ["https://a.example", "http://b.example:8000"],
    });
  });

  it("takes the token from EHR_IPFS_TOKEN, or from --token-file first", () => {
    expect(parseIpfsNodeOptions([], { EHR_IPFS_TOKEN: " from-env\n" })?.token).toBe("from-env");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "ipfs-token-")), "token");
    writeFileSync(file, "from-file\n");
    expect(parseIpfsNodeOptions(["--token-file", file], { EHR_IPFS_TOKEN: "from-env" })?.token).toBe("from-file");
  });

  it("refuses an empty token, a bad port, a bad origin and unknown flags", () => {
    expect(() => parseIpfsNodeOptions([], { EHR_IPFS_TOKEN: "" })).toThrow(/token in EHR_IPFS_TOKEN is empty/);
    expect(() => parseIpfsNodeOptions(["--api-port", "70000"], {})).toThrow(/--api-port must be an integer from 0 to 65535/);
    expect(() => parseIpfsNodeOptions(["--allow-origin", "localhost"], {})).toThrow(/not an origin/);
    expect(() => parseIpfsNodeOptions(["--gc"], {})).toThrow();
  });

  it("returns undefined for --help", () => {
    expect(parseIpfsNodeOptions(["-h"], {})).toBeUndefined();
  });
});
