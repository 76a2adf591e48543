/**
 * Names for the CLI's table and CSV: providers' public profile names with their facility (from the
 * directory on IPFS), "the administrator" for the admin. Names are a courtesy: when the IPFS node
 * cannot be reached the report still goes out, with addresses and a warning saying why.
 */
import type { NameOf } from "../../web/src/core/access-log/describe.js";
import { sameAddress } from "../../web/src/core/chain/address.js";
import type { LedgerConnection } from "../../web/src/core/chain/connection.js";
import { readLedgerView } from "../../web/src/core/chain/views.js";
import { readProviderDirectory } from "../../web/src/core/directory/directory.js";
import { directoryNames } from "../../web/src/core/directory/names.js";
import type { IpfsStore } from "../../web/src/core/ipfs/store.js";
import type { Address } from "../../web/src/core/ledger-context.js";

export const ADMIN_NAME = "the administrator";

export interface LoadedNames {
  nameOf: NameOf;
  /** How many providers have a public name. */
  named: number;
  /** Why there are no provider names, when there are none. */
  warning?: string;
}

export async function loadNames(connection: LedgerConnection, ipfs: IpfsStore): Promise<LoadedNames> {
  const admin = await readLedgerView(connection, "defaultAdmin", []);
  let names = new Map<string, string>();
  let warning: string | undefined;
  try {
    names = directoryNames(await readProviderDirectory(connection, ipfs));
  } catch (error) {
    warning = `provider names are not shown: the directory could not be read from IPFS at ${ipfs.apiUrl} (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); pass --ipfs-api-url for another node`;
  }
  const nameOf = (address: Address) => (sameAddress(address, admin) ? ADMIN_NAME : names.get(address.toLowerCase()));
  return { nameOf, named: names.size, ...(warning === undefined ? {} : { warning }) };
}
