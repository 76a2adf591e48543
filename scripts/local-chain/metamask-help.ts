/** How to use a dev key in MetaMask instead of the portal's demo wallet; four lines, indented. */
export function metaMaskHelp(rpcUrl: string, chainId: number, indent = "    "): string {
  return [
    `1. In MetaMask, add a network: RPC URL ${rpcUrl}, chain id ${chainId}, currency symbol ETH.`,
    "2. Import an account (Add account > Import account) with a private key from the table above.",
    "3. Open the portal, choose MetaMask and connect; the portal asks to switch networks if needed.",
    "4. These keys are public, known to everyone: never use these keys on a real network.",
  ]
    .map((line) => indent + line)
    .join("\n");
}
