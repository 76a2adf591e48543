import { fileURLToPath } from "node:url";

import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));

// The portal's production build. `/config.json` is served at run time by scripts/portal-server, so
// one build fits every chain; `npm run build` prints the gzip size of every chunk.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2023",
    reportCompressedSize: true,
    sourcemap: false,
  },
  server: { port: 5173, strictPort: true },
});
