import { useSwitchChain } from "wagmi";

import { useSession } from "../session/session-context.js";
import { errorSentence } from "../ui/error-sentence.js";

/** The wallet is on another network: say which one we need and offer the switch. */
export function WrongChainPanel({ walletChainId }: { walletChainId: number | undefined }) {
  const { config } = useSession();
  const { mutate: switchChain, isPending, error } = useSwitchChain();
  return (
    <section className="panel" aria-labelledby="chain-title">
      <h1 id="chain-title">Switch network</h1>
      <p>
        Your wallet is on network {walletChainId ?? "unknown"}; EHR Ledger runs on <strong>{config.chainName}</strong> (chain id{" "}
        {config.chainId}).
      </p>
      <button type="button" onClick={() => switchChain({ chainId: config.chainId })} disabled={isPending}>
        {isPending ? "Confirm in your wallet…" : `Switch to ${config.chainName}`}
      </button>
      {error === null ? null : (
        <p className="notice notice-error" role="alert">
          {errorSentence(error)} If your wallet does not know this network, add it with RPC URL {config.rpcUrl} and chain id {config.chainId}.
        </p>
      )}
    </section>
  );
}
