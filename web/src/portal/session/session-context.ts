import { createContext, useContext } from "react";

import type { LedgerConnection } from "../../core/chain/connection.js";
import type { Identity } from "../../core/identity/identity.js";
import type { IpfsStore } from "../../core/ipfs/store.js";
import type { Address } from "../../core/ledger-context.js";
import type { RecordServices } from "../../core/records/services.js";
import type { PortalRuntimeConfig } from "../config/runtime-config.js";
import type { AccountStanding } from "./roles.js";

export interface Session {
  config: PortalRuntimeConfig;
  /** Reads and events through the configured RPC; works without a wallet. */
  readConnection: LedgerConnection;
  /** The IPFS client, loaded on first use (public profiles need it before any unlock). */
  loadIpfs(): Promise<IpfsStore>;
  /** The connected account on the ledger's chain, or undefined. */
  account: Address | undefined;
  /** Through the wallet: present once connected on the right chain. */
  connection: LedgerConnection | undefined;
  standing: AccountStanding | undefined;
  standingError: Error | null;
  refreshStanding(): Promise<void>;
  /** Present while unlocked. */
  services: RecordServices | undefined;
  /** Derives the key from a wallet signature (and registers it first when the chain has none). */
  unlock(): Promise<void>;
  /** Starts a session with an identity derived elsewhere (sign-up derives and registers it). */
  adoptIdentity(identity: Identity): Promise<void>;
  lock(reason: LockReason): void;
  lockReason: LockReason | undefined;
}

export type LockReason = "manual" | "idle" | "account-changed";

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useSession outside <SessionProvider>");
  return session;
}

/** For pages that only render while unlocked (the router guarantees it). */
export function useServices(): RecordServices {
  const { services } = useSession();
  if (services === undefined) throw new Error("useServices while locked");
  return services;
}
