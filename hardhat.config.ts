import { createRequire } from "node:module";
import path from "node:path";

import hardhatEthers from "@nomicfoundation/hardhat-ethers";
import hardhatEthersChaiMatchers from "@nomicfoundation/hardhat-ethers-chai-matchers";
import hardhatIgnitionEthers from "@nomicfoundation/hardhat-ignition-ethers";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";
import hardhatTypechain from "@nomicfoundation/hardhat-typechain";
import { configVariable, defineConfig } from "hardhat/config";

// Hardhat cannot download compilers here, so it uses the soljson.js shipped by the npm `solc`
// package; Hardhat requires the absolute path and the exact version of that package.
const require = createRequire(import.meta.url);
const solcPackageJson = require.resolve("solc/package.json");
const solcVersion: string = (require(solcPackageJson) as { version: string }).version;
const soljsonPath = path.join(path.dirname(solcPackageJson), "soljson.js");

export default defineConfig({
  plugins: [hardhatEthers, hardhatEthersChaiMatchers, hardhatIgnitionEthers, hardhatNetworkHelpers, hardhatTypechain],
  solidity: {
    profiles: {
      default: {
        version: solcVersion,
        path: soljsonPath,
        settings: {
          optimizer: { enabled: true, runs: 200 },
          evmVersion: "prague",
          viaIR: true,
          outputSelection: { "*": { "": ["ast"] } },
        },
      },
    },
  },
  paths: {
    tests: { solidity: "test/contracts" },
  },
  test: {
    solidity: {
      fuzz: { runs: 1_000, seed: "0x4548524c6564676572" },
      invariant: { runs: 50, depth: 256, failOnRevert: false },
    },
  },
  networks: {
    localhost: {
      type: "http",
      chainType: "l1",
      url: process.env.EHR_RPC_URL ?? "http://127.0.0.1:8545",
    },
    custom: {
      type: "http",
      chainType: "l1",
      url: configVariable("EHR_RPC_URL"),
      accounts: [configVariable("EHR_DEPLOYER_KEY")],
    },
  },
});
