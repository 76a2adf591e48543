import { useConnect, useConnectors } from "wagmi";

import { errorSentence } from "../ui/error-sentence.js";

/** Every wallet the browser announced (EIP-6963), or how to get one. */
export function ConnectPanel() {
  const connectors = useConnectors();
  const { mutate: connect, error, isPending, variables } = useConnect();
  // wagmi always lists the generic injected connector; it only works when window.ethereum exists.
  const usable = connectors.filter((connector) => connector.id !== "injected" || typeof window !== "undefined" && "ethereum" in window);

  return (
    <section className="panel connect" aria-labelledby="connect-title">
      <h1 id="connect-title">Connect a wallet</h1>
      <p>
        EHR Ledger has no passwords: your wallet signs every change, and your records are encrypted with a key only
        your wallet can recreate.
      </p>
      {usable.length === 0 ? (
        <div className="notice notice-empty">
          <p className="notice-title">No wallet found in this browser</p>
          <p>
            Install a browser wallet such as{" "}
            <a href="https://metamask.io/download/" target="_blank" rel="noreferrer noopener">
              MetaMask
            </a>
            , then reload this page.
          </p>
        </div>
      ) : (
        <ul className="wallet-list">
          {usable.map((connector) => (
            <li key={connector.uid}>
              <button type="button" onClick={() => connect({ connector })} disabled={isPending}>
                {connector.icon === undefined ? null : <img src={connector.icon} alt="" width={24} height={24} />}
                Connect {connector.name}
                {isPending && variables?.connector === connector ? " (check your wallet…)" : ""}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error === null ? null : (
        <p className="notice notice-error" role="alert">
          {errorSentence(error)}
        </p>
      )}
    </section>
  );
}
