import { describe, expect, it } from "vitest";

import { parseLocalChainOptions } from "../../../scripts/local-chain/options.js";

describe("parseLocalChainOptions", () => {
  it("defaults to the chain on 8545 and the IPFS node on Kubo's ports, for the portal's dev origins", () => {
    expect(parseLocalChainOptions([], {})).toEqual({
      reset: false,
      host: "127.0.0.1",
      port: 8545,
      stateIntervalSeconds: 5,
      ipfs: {
        apiPort: 5001,
        gatewayPort: 8080,
        allowedOrigins: ["http://localhost:5173", "http://127.0.0.1:5173"],
        token: undefined,
      },
    });
  });

  it("reads the chain's flags and environment as before", () => {
    expect(parseLocalChainOptions(["--reset", "--port", "9545"], { EHR_HOST: "0.0.0.0", EHR_STATE_INTERVAL: "30" })).toMatchObject({
      reset: true,
      host: "0.0.0.0",
      port: 9545,
      stateIntervalSeconds: 30,
    });
    expect(() => parseLocalChainOptions(["--port", "0"], {})).toThrow(/--port must be an integer from 1 to 65535/);
  });

  it("reads the IPFS node's ports, origins and token", () => {
    const options = parseLocalChainOptions(
      ["--ipfs-api-port", "15001", "--ipfs-gateway-port", "18080", "--allow-origin", "https://portal.example"],
      { EHR_IPFS_TOKEN: "t0ken" },
    );
    expect(options?.ipfs).toEqual({ apiPort: 15001, gatewayPort: 18080, allowedOrigins: ["https://portal.example"], token: "t0ken" });
    expect(() => parseLocalChainOptions(["--ipfs-api-port", "x"], {})).toThrow(/--ipfs-api-port must be an integer/);
  });

  it("returns undefined for --help", () => {
    expect(parseLocalChainOptions(["--help"], {})).toBeUndefined();
  });
});
