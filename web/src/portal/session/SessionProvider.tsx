import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { createPublicClient, http } from "viem";
import { useConnection, useWalletClient } from "wagmi";

import { createLedgerConnection, ledgerContextOf, withWallet, type LedgerWalletClient } from "../../core/chain/connection.js";
import { sendLedgerTransaction } from "../../core/chain/transactions.js";
import { readLedgerView, readParticipant } from "../../core/chain/views.js";
import type { Identity } from "../../core/identity/identity.js";
import type { IpfsStore } from "../../core/ipfs/store.js";
import type { Address } from "../../core/ledger-context.js";
import type { ScopeKeyring } from "../../core/scope-keys/keyring.js";
import type { PortalRuntimeConfig } from "../config/runtime-config.js";
import { ledgerChain } from "../wallet/chain.js";
import { watchIdle } from "./idle-lock.js";
import { standingOf } from "./roles.js";
import { SessionContext, type LockReason, type Session } from "./session-context.js";

interface Unlocked {
  identity: Identity;
  keyring: ScopeKeyring;
  ipfs: IpfsStore;
}

// Key derivation, the keyring and the IPFS client load with the first unlock (or sign-up), not with
// the front page: they are most of the portal's JavaScript.
const loadKeyModules = () =>
  Promise.all([import("../../core/identity/enrollment.js"), import("../../core/identity/signer.js"), import("../../core/scope-keys/keyring.js")]);

export function SessionProvider({ config, children }: { config: PortalRuntimeConfig; children: ReactNode }) {
  const queryClient = useQueryClient();
  const { address, chainId } = useConnection();
  const { data: walletClient } = useWalletClient();

  const readConnection = useMemo(() => {
    const publicClient = createPublicClient({ chain: ledgerChain(config), transport: http(config.rpcUrl, { retryCount: 0 }), pollingInterval: 1_000, cacheTime: 0 });
    return createLedgerConnection({ publicClient, address: config.ledgerAddress, chainId: config.chainId, deploymentBlock: BigInt(config.deploymentBlock) });
  }, [config]);
  const ipfsPromise = useRef<Promise<IpfsStore> | undefined>(undefined);
  const loadIpfs = useCallback(() => {
    ipfsPromise.current ??= import("../../core/ipfs/store.js").then(({ createIpfsStore }) =>
      createIpfsStore({ apiUrl: config.ipfsApiUrl, ...(config.ipfsToken === undefined ? {} : { token: config.ipfsToken }) }),
    );
    return ipfsPromise.current;
  }, [config]);

  const onLedgerChain = chainId === config.chainId;
  const account = onLedgerChain ? (address as Address | undefined) : undefined;
  const connection = useMemo(
    () => (account !== undefined && walletClient?.account?.address === account ? withWallet(readConnection, walletClient as LedgerWalletClient) : undefined),
    [account, walletClient, readConnection],
  );

  const standingQuery = useQuery({
    queryKey: ["standing", config.ledgerAddress, account],
    enabled: account !== undefined,
    queryFn: async () => {
      const who = account as Address;
      const [admin, participant] = await Promise.all([readLedgerView(readConnection, "defaultAdmin", []), readParticipant(readConnection, who)]);
      return standingOf(admin.toLowerCase() === who.toLowerCase(), participant);
    },
  });

  const [unlocked, setUnlocked] = useState<Unlocked | undefined>();
  const [lockReason, setLockReason] = useState<LockReason | undefined>();
  const unlockedRef = useRef<Unlocked | undefined>(undefined);
  unlockedRef.current = unlocked;

  const lock = useCallback(
    (reason: LockReason) => {
      const current = unlockedRef.current;
      if (current !== undefined) {
        current.keyring.wipe();
        current.identity.wipe();
      }
      setUnlocked(undefined);
      setLockReason(reason);
      // Decrypted content never sits in the query cache, but lists derived from it might.
      queryClient.removeQueries({ queryKey: ["private"] });
    },
    [queryClient],
  );

  // Another account (or a disconnect) must never see the previous account's keys or caches.
  const previousAccount = useRef<Address | undefined>(account);
  useEffect(() => {
    if (previousAccount.current === account) return;
    const hadAccount = previousAccount.current !== undefined;
    previousAccount.current = account;
    if (unlockedRef.current !== undefined || hadAccount) {
      lock("account-changed");
      queryClient.clear();
    }
  }, [account, lock, queryClient]);

  useEffect(() => {
    if (unlocked === undefined) return;
    return watchIdle(window, config.idleLockMinutes * 60_000, () => lock("idle"));
  }, [unlocked, config.idleLockMinutes, lock]);

  useEffect(() => () => lock("manual"), [lock]);

  const adoptIdentity = useCallback(
    async (identity: Identity) => {
      const [[, , { ScopeKeyring }], ipfs] = await Promise.all([loadKeyModules(), loadIpfs()]);
      setUnlocked({ identity, keyring: new ScopeKeyring(identity), ipfs });
      setLockReason(undefined);
    },
    [loadIpfs],
  );

  const unlock = useCallback(async () => {
    if (connection?.walletClient === undefined) throw new Error("Connect your wallet on the ledger's network first.");
    const [{ enrollIdentity, unlockIdentity }, { walletClientSigner }] = await loadKeyModules();
    const signer = walletClientSigner(connection.walletClient);
    const ledger = ledgerContextOf(connection);
    const participant = await readParticipant(connection, signer.account);
    let identity: Identity;
    if (/^0x0{64}$/.test(participant.encryptionKey)) {
      identity = await enrollIdentity(signer, ledger);
      try {
        await sendLedgerTransaction(connection, "setEncryptionKey", [identity.publicKeyHex]);
      } catch (error) {
        identity.wipe();
        throw error;
      }
      await queryClient.invalidateQueries({ queryKey: ["standing"] });
    } else {
      identity = await unlockIdentity(signer, ledger, participant.encryptionKey);
    }
    await adoptIdentity(identity);
  }, [connection, adoptIdentity, queryClient]);

  const services = useMemo(
    () => (unlocked !== undefined && connection !== undefined && unlocked.identity.account.toLowerCase() === connection.walletClient?.account.address.toLowerCase() ? { connection, identity: unlocked.identity, keyring: unlocked.keyring, ipfs: unlocked.ipfs } : undefined),
    [unlocked, connection],
  );

  const session: Session = {
    config,
    readConnection,
    loadIpfs,
    account,
    connection,
    standing: standingQuery.data,
    standingError: standingQuery.error,
    refreshStanding: async () => {
      await standingQuery.refetch();
    },
    services,
    unlock,
    adoptIdentity,
    lock,
    lockReason,
  };
  return <SessionContext value={session}>{children}</SessionContext>;
}
