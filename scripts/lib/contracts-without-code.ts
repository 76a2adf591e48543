import type { EthereumProvider } from "hardhat/types/providers";

import type { DeploymentRecord, RecordedContract } from "./deployment-record.js";

/**
 * Ignition trusts its journal and never looks at the chain again, so a record that outlived its
 * chain (state file deleted, RPC URL pointing elsewhere) would silently hand out dead addresses.
 */
export async function contractsWithoutCode(
  provider: EthereumProvider,
  record: DeploymentRecord,
): Promise<RecordedContract[]> {
  const codes = await Promise.all(
    record.contracts.map(
      async (contract) => (await provider.request({ method: "eth_getCode", params: [contract.address, "latest"] })) as string,
    ),
  );
  return record.contracts.filter((_, index) => codes[index] === "0x");
}
