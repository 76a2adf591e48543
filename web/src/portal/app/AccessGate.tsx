import { useEffect, type ReactNode } from "react";
import { Navigate } from "react-router";
import { useConnection } from "wagmi";

import type { PortalRuntimeConfig } from "../config/runtime-config.js";
import { roleUsesKeys, type PortalRole } from "../session/roles.js";
import { useSession } from "../session/session-context.js";
import { UnlockPanel } from "../session/UnlockPanel.js";
import { ErrorNotice, Loading } from "../ui/Notices.js";
import { ConnectPanel } from "../wallet/ConnectPanel.js";
import { WrongChainPanel } from "../wallet/ChainGuard.js";

/**
 * Renders `children` only for a connected account of `role` on the ledger's chain, unlocked when
 * the role uses keys; otherwise the step that is missing. Locked pages unmount, so decrypted
 * content held in their state is gone with them.
 */
export function AccessGate({ role, children, preload }: { role: PortalRole; children: ReactNode; preload?: ((config: PortalRuntimeConfig) => void) | undefined }) {
  const { status, chainId } = useConnection();
  const { config, account, standing, standingError, refreshStanding, services } = useSession();
  // What the role's pages need first can load while the visitor connects and unlocks.
  useEffect(() => preload?.(config), [preload, config]);

  if (status === "connecting" || status === "reconnecting") return <Loading what="your wallet" />;
  if (status !== "connected") return <ConnectPanel />;
  if (chainId !== config.chainId) return <WrongChainPanel walletChainId={chainId} />;
  if (standingError !== null) return <ErrorNotice error={standingError} what="your account" retry={() => void refreshStanding()} />;
  if (standing === undefined || account === undefined) return <Loading what="your account" />;

  const actual: PortalRole | undefined = standing.kind === "admin" ? "admin" : standing.kind === "participant" ? standing.role : undefined;
  if (actual === undefined) return <Navigate to="/signup" replace />;
  if (actual !== role) return <Navigate to={`/${actual}`} replace />;
  if (standing.kind === "participant" && standing.suspended) {
    return (
      <section className="panel">
        <h1>Account suspended</h1>
        <p>This account is suspended. Contact your hospital or the consortium administrator to have it reactivated.</p>
      </section>
    );
  }
  if (roleUsesKeys(role) && services === undefined) {
    return <UnlockPanel needsKey={standing.kind === "participant" && standing.needsKey} />;
  }
  return <>{children}</>;
}
