import type { LedgerConnection } from "../chain/connection.js";
import type { Identity } from "../identity/identity.js";
import type { IpfsStore } from "../ipfs/store.js";
import type { ScopeKeyring } from "../scope-keys/keyring.js";

/** Everything a signed-in participant needs to add and open records. */
export interface RecordServices {
  connection: LedgerConnection;
  identity: Identity;
  keyring: ScopeKeyring;
  ipfs: IpfsStore;
}
