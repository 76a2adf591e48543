import { readFileSync } from "node:fs";

import type { PublicClient } from "viem";

/**
 * Everything the chain publishes, as one lowercase hex haystack: every transaction's calldata and
 * every log's topics and data, from genesis to the latest block.
 */
export async function publishedChainData(publicClient: PublicClient): Promise<{ haystack: string; items: number }> {
  const published: string[] = [];
  const latest = await publicClient.getBlockNumber();
  for (let number = 0n; number <= latest; number++) {
    const block = await publicClient.getBlock({ blockNumber: number, includeTransactions: true });
    for (const transaction of block.transactions) {
      published.push(transaction.input);
      const receipt = await publicClient.getTransactionReceipt({ hash: transaction.hash });
      for (const log of receipt.logs) published.push(log.data, ...log.topics);
    }
  }
  return { haystack: published.map((hex) => hex.toLowerCase()).join("|"), items: published.length };
}

/** Which of `files` contain `needle` anywhere in their bytes. */
export function filesContaining(files: readonly string[], needle: Uint8Array): string[] {
  return files.filter((file) => readFileSync(file).indexOf(needle) !== -1);
}
