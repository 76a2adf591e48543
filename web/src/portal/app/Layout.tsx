import type { ReactNode } from "react";
import { NavLink } from "react-router";
import { useDisconnect } from "wagmi";

import { ROLE_TITLES, type PortalRole } from "../session/roles.js";
import { useSession } from "../session/session-context.js";
import { shortAddress } from "../ui/format.js";

export interface NavItem {
  to: string;
  label: string;
}

/** The frame of every signed-in page: who you are, where you can go, lock and disconnect. */
export function RoleLayout({ role, nav, children }: { role: PortalRole; nav: readonly NavItem[]; children: ReactNode }) {
  const { account, services, lock } = useSession();
  const { mutate: disconnect } = useDisconnect();
  return (
    <div className="role-layout">
      <div className="role-bar">
        <span className="role-title">{ROLE_TITLES[role]}</span>
        {account === undefined ? null : (
          <code className="account" title={account} aria-label={`Signed in as ${account}`}>
            {shortAddress(account)}
          </code>
        )}
        {services === undefined ? null : (
          <button type="button" className="secondary" onClick={() => lock("manual")}>
            Lock
          </button>
        )}
        <button type="button" className="secondary" onClick={() => disconnect()}>
          Disconnect
        </button>
      </div>
      <nav aria-label={`${ROLE_TITLES[role]} pages`} className="role-nav">
        {nav.map((item) => (
          <NavLink key={item.to} to={item.to} end>
            {item.label}
          </NavLink>
        ))}
      </nav>
      <main id="main">{children}</main>
    </div>
  );
}
