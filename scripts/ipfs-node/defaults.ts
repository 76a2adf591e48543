import path from "node:path";

import { localDataDir } from "../lib/project-paths.js";

/** Kubo's own ports, so tools that assume a local Kubo find this node. */
export const DEFAULT_API_PORT = 5001;
export const DEFAULT_GATEWAY_PORT = 8080;
export const DEFAULT_HOST = "127.0.0.1";
/** The portal's dev and preview server (Vite's default port). */
export const DEFAULT_ALLOWED_ORIGINS = ["http://localhost:5173", "http://127.0.0.1:5173"] as const;
/** Next to the chain state, so `npm start -- --reset` wipes both together. */
export const DEFAULT_DATA_DIR = path.join(localDataDir, "ipfs");
/** The environment variable holding the bearer token that guards writes. */
export const TOKEN_ENV = "EHR_IPFS_TOKEN";
