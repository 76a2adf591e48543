import { lazy, Suspense } from "react";
import { Link, Outlet } from "react-router";

import { useSession } from "../session/session-context.js";
import { Loading } from "../ui/Notices.js";
import { useDemoWallet } from "./demo-wallet-context.js";

const DemoWalletBar = lazy(() => import("../wallet/DemoWalletBar.js"));

export function Shell() {
  const { config } = useSession();
  const demoWallet = useDemoWallet();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {demoWallet === undefined ? null : (
        <Suspense fallback={null}>
          <DemoWalletBar wallet={demoWallet} />
        </Suspense>
      )}
      <header className="site-header">
        <Link to="/" className="brand">
          EHR Ledger
        </Link>
        <span className="chain-badge" title={`Chain id ${config.chainId}`}>
          {config.chainName}
        </span>
      </header>
      <Suspense fallback={<Loading what="the page" />}>
        <Outlet />
      </Suspense>
      <footer className="site-footer">
        Records are encrypted in your browser before they are stored. Contract <code>{config.ledgerAddress}</code>
      </footer>
    </div>
  );
}
