import { Navigate } from "react-router";
import { useConnection } from "wagmi";

import { useSession } from "../session/session-context.js";
import { ErrorNotice, Loading } from "../ui/Notices.js";
import { ConnectPanel } from "../wallet/ConnectPanel.js";
import { WrongChainPanel } from "../wallet/ChainGuard.js";

/** The front door: connect, then go to the area the chain says this account belongs to. */
export function Home() {
  const { status, chainId } = useConnection();
  const { config, standing, standingError, refreshStanding } = useSession();
  if (status === "connecting" || status === "reconnecting") return <Loading what="your wallet" />;
  if (status !== "connected") {
    return (
      <>
        <section className="panel intro">
          <h1>Your health records, under your control</h1>
          <p>
            Patients decide who may read and add to their records, and can take that access back. Every file is encrypted in
            your browser before it is stored; the ledger keeps only who did what, and when.
          </p>
        </section>
        <ConnectPanel />
      </>
    );
  }
  if (chainId !== config.chainId) return <WrongChainPanel walletChainId={chainId} />;
  if (standingError !== null) return <ErrorNotice error={standingError} what="your account" retry={() => void refreshStanding()} />;
  if (standing === undefined) return <Loading what="your account" />;
  if (standing.kind === "admin") return <Navigate to="/admin" replace />;
  if (standing.kind === "participant") return <Navigate to={`/${standing.role}`} replace />;
  return <Navigate to="/signup" replace />;
}
