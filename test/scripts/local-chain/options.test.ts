import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseLocalChainOptions, StartOptionsError } from "../../../scripts/local-chain/options.js";

const LEDGER = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const existingChainFlags = ["--rpc-url", "https://rpc.consortium.example", "--ledger-address", LEDGER, "--deployment-block", "1200"];

describe("parseLocalChainOptions defaults", () => {
  it("defaults to anvil on 8545, the dev IPFS node on Kubo's ports, the portal on 5173 and seeding", () => {
    expect(parseLocalChainOptions([], {})).toEqual({
      reset: false,
      host: "127.0.0.1",
      chain: { kind: "anvil", port: 8545, stateIntervalSeconds: 5 },
      ipfs: {
        kind: "embedded",
        apiPort: 5001,
        gatewayPort: 8080,
        allowedOrigins: ["http://localhost:5173", "http://127.0.0.1:5173"],
        token: undefined,
      },
      portal: { port: 5173, idleLockMinutes: 15 },
      seed: true,
    });
  });

  it("returns undefined for --help", () => {
    expect(parseLocalChainOptions(["--help"], {})).toBeUndefined();
    expect(parseLocalChainOptions(["-h"], {})).toBeUndefined();
  });

  it("rejects an unknown flag", () => {
    expect(() => parseLocalChainOptions(["--seed-less"], {})).toThrow(/Unknown option '--seed-less'/);
  });
});

describe("parseLocalChainOptions local chain", () => {
  it("reads the chain's flags and environment", () => {
    expect(parseLocalChainOptions(["--reset", "--port", "9545"], { EHR_HOST: "0.0.0.0", EHR_STATE_INTERVAL: "30" })).toMatchObject({
      reset: true,
      host: "0.0.0.0",
      chain: { kind: "anvil", port: 9545, stateIntervalSeconds: 30 },
    });
    expect(parseLocalChainOptions([], { EHR_PORT: "7545" })?.chain).toEqual({ kind: "anvil", port: 7545, stateIntervalSeconds: 5 });
  });

  it("prefers a flag to the environment", () => {
    expect(parseLocalChainOptions(["--port", "9545", "--host", "127.0.0.2"], { EHR_PORT: "7545", EHR_HOST: "0.0.0.0" })).toMatchObject({
      host: "127.0.0.2",
      chain: { port: 9545 },
    });
  });

  it.each([
    [["--port", "0"], {}, /--port must be an integer from 1 to 65535, got "0"/],
    [[], { EHR_PORT: "" }, /--port must be an integer from 1 to 65535, got ""/],
    [["--state-interval", "0"], {}, /--state-interval must be an integer from 1 to 3600/],
    [[], { EHR_STATE_INTERVAL: "5s" }, /--state-interval must be an integer/],
  ])("rejects %j with env %j", (argv, env, message) => {
    expect(() => parseLocalChainOptions(argv, env)).toThrow(message);
  });
});

describe("parseLocalChainOptions dev IPFS node", () => {
  it("reads its ports, origins and token", () => {
    const options = parseLocalChainOptions(
      ["--ipfs-api-port", "15001", "--ipfs-gateway-port", "18080", "--allow-origin", "https://portal.example"],
      { EHR_IPFS_TOKEN: "t0ken" },
    );
    expect(options?.ipfs).toEqual({
      kind: "embedded",
      apiPort: 15001,
      gatewayPort: 18080,
      allowedOrigins: ["https://portal.example", "http://localhost:5173", "http://127.0.0.1:5173"],
      token: "t0ken",
    });
  });

  it("reads the token from --ipfs-token-file", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "start-options-")), "token");
    writeFileSync(file, "from-file\n");
    expect(parseLocalChainOptions(["--ipfs-token-file", file], { EHR_IPFS_TOKEN: "from-env" })?.ipfs.token).toBe("from-file");
  });

  it.each([
    [["--ipfs-api-port", "x"], /--ipfs-api-port must be an integer/],
    [["--ipfs-gateway-port", "70000"], /--ipfs-gateway-port must be an integer from 0 to 65535/],
    [["--allow-origin", "localhost:5173"], /is not an origin/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseLocalChainOptions(argv, {})).toThrow(message);
  });
});

describe("parseLocalChainOptions portal", () => {
  it("reads --portal-port, EHR_PORTAL_PORT, --idle-lock-minutes and --no-seed", () => {
    expect(parseLocalChainOptions(["--portal-port", "3000", "--idle-lock-minutes", "5", "--no-seed"], {})).toMatchObject({
      portal: { port: 3000, idleLockMinutes: 5 },
      seed: false,
    });
    expect(parseLocalChainOptions([], { EHR_PORTAL_PORT: "4000" })?.portal.port).toBe(4000);
    expect(parseLocalChainOptions(["--portal-port", "3000"], { EHR_PORTAL_PORT: "4000" })?.portal.port).toBe(3000);
  });

  it("adds the portal's origins to the IPFS node's allow-list when its port is not the default", () => {
    expect(parseLocalChainOptions(["--portal-port", "3000"], {})?.ipfs).toMatchObject({
      allowedOrigins: ["http://localhost:5173", "http://127.0.0.1:5173", "http://localhost:3000", "http://127.0.0.1:3000"],
    });
  });

  it("adds the portal's own host when it listens on one specific address", () => {
    expect(parseLocalChainOptions(["--host", "192.168.1.20", "--allow-origin", "https://portal.example"], {})?.ipfs).toMatchObject({
      allowedOrigins: ["https://portal.example", "http://localhost:5173", "http://127.0.0.1:5173", "http://192.168.1.20:5173"],
    });
  });

  it.each([
    [["--portal-port", "0"], {}, /--portal-port must be an integer from 1 to 65535, got "0"/],
    [[], { EHR_PORTAL_PORT: "abc" }, /EHR_PORTAL_PORT must be an integer from 1 to 65535, got "abc"/],
    [["--idle-lock-minutes", "0"], {}, /--idle-lock-minutes must be an integer from 1 to 1440, got "0"/],
    [["--idle-lock-minutes", "1.5"], {}, /--idle-lock-minutes must be an integer/],
    [["--no-seed=yes"], {}, /does not take an argument/],
  ])("rejects %j with env %j", (argv, env, message) => {
    expect(() => parseLocalChainOptions(argv, env)).toThrow(message);
  });

  it.each([
    [["--portal-port", "8545"], /--portal-port and --port are both 8545/],
    [["--portal-port", "5001"], /--portal-port and --ipfs-api-port are both 5001/],
    [["--port", "8080"], /--port and --ipfs-gateway-port are both 8080/],
    [["--ipfs-api-port", "7000", "--ipfs-gateway-port", "7000"], /--ipfs-api-port and --ipfs-gateway-port are both 7000/],
  ])("rejects two servers on one port: %j", (argv, message) => {
    expect(() => parseLocalChainOptions(argv, {})).toThrow(message);
  });

  it("lets both IPFS servers pick free ports with 0", () => {
    expect(parseLocalChainOptions(["--ipfs-api-port", "0", "--ipfs-gateway-port", "0"], {})?.ipfs).toMatchObject({ apiPort: 0, gatewayPort: 0 });
  });
});

describe("parseLocalChainOptions existing chain", () => {
  it("takes the chain from --rpc-url, --ledger-address and --deployment-block", () => {
    expect(parseLocalChainOptions(existingChainFlags, {})?.chain).toEqual({
      kind: "existing",
      rpcUrl: "https://rpc.consortium.example",
      ledgerAddress: LEDGER,
      deploymentBlock: 1200,
    });
  });

  it("takes it from EHR_RPC_URL, EHR_LEDGER_ADDRESS and EHR_DEPLOYMENT_BLOCK, checksumming the address", () => {
    const env = { EHR_RPC_URL: "http://10.0.0.5:8545/", EHR_LEDGER_ADDRESS: LEDGER.toLowerCase(), EHR_DEPLOYMENT_BLOCK: "0" };
    expect(parseLocalChainOptions([], env)?.chain).toEqual({ kind: "existing", rpcUrl: "http://10.0.0.5:8545", ledgerAddress: LEDGER, deploymentBlock: 0 });
  });

  it("keeps the path of an RPC URL", () => {
    const options = parseLocalChainOptions(["--rpc-url", "https://rpc.example/v1/key"], { EHR_LEDGER_ADDRESS: LEDGER, EHR_DEPLOYMENT_BLOCK: "7" });
    expect(options?.chain).toMatchObject({ rpcUrl: "https://rpc.example/v1/key" });
  });

  it("does not bind the chain port, so the portal may use 8545", () => {
    expect(parseLocalChainOptions([...existingChainFlags, "--portal-port", "8545"], {})?.portal.port).toBe(8545);
  });

  it.each([
    [["--rpc-url", "https://rpc.example"], {}, /--rpc-url needs --ledger-address and --deployment-block too/],
    [["--ledger-address", LEDGER], { EHR_DEPLOYMENT_BLOCK: "3" }, /--ledger-address and EHR_DEPLOYMENT_BLOCK need --rpc-url too/],
    [[], { EHR_RPC_URL: "https://rpc.example" }, /EHR_RPC_URL needs --ledger-address and --deployment-block too/],
  ])("names what is missing from %j with env %j", (argv, env, message) => {
    expect(() => parseLocalChainOptions(argv, env)).toThrow(StartOptionsError);
    expect(() => parseLocalChainOptions(argv, env)).toThrow(message);
  });

  it.each([
    [["--rpc-url", "ws://rpc.example"], /--rpc-url must be an http\(s\) URL, got "ws:\/\/rpc.example"/],
    [["--rpc-url", "rpc.example"], /--rpc-url must be an http\(s\) URL/],
    [["--ledger-address", "0x1234"], /--ledger-address must be a 20-byte hex address/],
    [["--ledger-address", LEDGER.replace("F", "f")], /checksum intact/],
    [["--deployment-block", "1.5"], /--deployment-block must be an integer from 0/],
    [["--deployment-block", ""], /--deployment-block must be an integer/],
  ])("rejects %j", (override, message) => {
    const argv = [...existingChainFlags];
    argv[argv.indexOf(override[0] as string) + 1] = override[1] as string;
    expect(() => parseLocalChainOptions(argv, {})).toThrow(message);
  });

  it("names the environment variable that holds a bad value", () => {
    expect(() => parseLocalChainOptions([], { EHR_RPC_URL: "https://rpc.example", EHR_LEDGER_ADDRESS: LEDGER, EHR_DEPLOYMENT_BLOCK: "-1" })).toThrow(
      /EHR_DEPLOYMENT_BLOCK must be an integer from 0 to 9007199254740991, got "-1"/,
    );
  });

  it("refuses the local chain's flags with it", () => {
    expect(() => parseLocalChainOptions([...existingChainFlags, "--port", "9545", "--state-interval", "3"], {})).toThrow(
      /--port, --state-interval cannot be combined with --rpc-url, which replaces the local anvil chain/,
    );
  });

  it("ignores the local chain's environment with it", () => {
    expect(parseLocalChainOptions(existingChainFlags, { EHR_PORT: "x" })?.chain.kind).toBe("existing");
  });
});

describe("parseLocalChainOptions existing IPFS endpoint", () => {
  it("takes it from --ipfs-api-url or EHR_IPFS_API_URL, with the token", () => {
    expect(parseLocalChainOptions(["--ipfs-api-url", "https://kubo.example:5001/"], { EHR_IPFS_TOKEN: "t0ken" })?.ipfs).toEqual({
      kind: "existing",
      apiUrl: "https://kubo.example:5001",
      token: "t0ken",
    });
    expect(parseLocalChainOptions([], { EHR_IPFS_API_URL: "http://10.0.0.6:5001" })?.ipfs).toEqual({
      kind: "existing",
      apiUrl: "http://10.0.0.6:5001",
      token: undefined,
    });
  });

  it("rejects a URL that is not http(s)", () => {
    expect(() => parseLocalChainOptions([], { EHR_IPFS_API_URL: "/ip4/127.0.0.1/tcp/5001" })).toThrow(/EHR_IPFS_API_URL must be an http\(s\) URL/);
  });

  it("refuses the dev IPFS node's flags with it", () => {
    expect(() => parseLocalChainOptions(["--ipfs-api-url", "http://kubo.example", "--allow-origin", "http://a.example"], {})).toThrow(
      /--allow-origin cannot be combined with --ipfs-api-url, which replaces the dev IPFS node/,
    );
  });

  it("does not bind the IPFS ports, so the portal may use 5001", () => {
    expect(parseLocalChainOptions(["--ipfs-api-url", "http://kubo.example", "--portal-port", "5001"], {})?.portal.port).toBe(5001);
  });
});
