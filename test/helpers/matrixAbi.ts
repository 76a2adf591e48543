import { readFileSync } from "node:fs";

import { Interface, type InterfaceAbi } from "ethers";

const ARTIFACT = new URL("../../artifacts/contracts/EHRLedger.sol/EHRLedger.json", import.meta.url);

/** The compiled EHRLedger interface, as `npx hardhat build` left it. */
export function ledgerInterface(): Interface {
  const artifact = JSON.parse(readFileSync(ARTIFACT, "utf8")) as { abi: InterfaceAbi };
  return new Interface(artifact.abi);
}

/** Canonical signatures of every function that may change state (nonpayable or payable), sorted. */
export function stateChangingSignatures(iface: Interface): string[] {
  const signatures: string[] = [];
  iface.forEachFunction((fragment) => {
    if (fragment.stateMutability === "nonpayable" || fragment.stateMutability === "payable") {
      signatures.push(fragment.format("sighash"));
    }
  });
  return signatures.sort();
}
