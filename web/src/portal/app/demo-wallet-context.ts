import { createContext, useContext } from "react";

import type { DemoWallet } from "../wallet/demo-wallet.js";

export const DemoWalletContext = createContext<DemoWallet | undefined>(undefined);

/** The local demo wallet, or undefined on any chain but the local dev chain. */
export function useDemoWallet(): DemoWallet | undefined {
  return useContext(DemoWalletContext);
}
