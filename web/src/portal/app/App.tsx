import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useMemo } from "react";
import { RouterProvider } from "react-router";
import { WagmiProvider, type Config } from "wagmi";

import type { PortalRuntimeConfig } from "../config/runtime-config.js";
import { SessionProvider } from "../session/SessionProvider.js";
import type { DemoWallet } from "../wallet/demo-wallet.js";
import { DemoWalletContext } from "./demo-wallet-context.js";
import { createPortalRouter } from "./routes.js";

export function App({ config, wagmiConfig, demoWallet }: { config: PortalRuntimeConfig; wagmiConfig: Config; demoWallet: DemoWallet | undefined }) {
  const queryClient = useMemo(() => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } } }), []);
  const router = useMemo(() => createPortalRouter(), []);
  return (
    <WagmiProvider config={wagmiConfig} reconnectOnMount>
      <QueryClientProvider client={queryClient}>
        <DemoWalletContext value={demoWallet}>
          <SessionProvider config={config}>
            <RouterProvider router={router} />
          </SessionProvider>
        </DemoWalletContext>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
