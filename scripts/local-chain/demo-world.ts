import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { projectRoot } from "../lib/project-paths.js";

/** What the demo-world seeder (scripts/demo-world/seed.ts) needs to reach the stack. */
export interface DemoWorldTarget {
  rpcUrl: string;
  chainId: number;
  ledgerAddress: `0x${string}`;
  deploymentBlock: number;
  ipfsApiUrl: string;
  ipfsToken?: string;
  log: (message: string) => void;
}

interface DemoWorldSeeder {
  isDemoWorldSeeded(target: DemoWorldTarget): Promise<boolean>;
  seedDemoWorld(target: DemoWorldTarget): Promise<unknown>;
}

export type DemoWorldOutcome = "seeded" | "already-seeded" | "seeder-missing";

const seederFile = path.join(projectRoot, "scripts", "demo-world", "seed.ts");

/**
 * Seeds the demo world unless the chain already has it. The seeder is loaded only here, by file
 * URL, so that npm start works in a checkout without it and never pays for loading it otherwise.
 */
export async function seedDemoWorldOnce(target: DemoWorldTarget): Promise<DemoWorldOutcome> {
  if (!existsSync(seederFile)) return "seeder-missing";
  const seeder = (await import(pathToFileURL(seederFile).href)) as DemoWorldSeeder;
  if (await seeder.isDemoWorldSeeded(target)) return "already-seeded";
  await seeder.seedDemoWorld(target);
  return "seeded";
}
