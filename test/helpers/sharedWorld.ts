import { beforeAll, beforeEach } from "vitest";

import { deployWorld, type World } from "./world.js";

/**
 * Deploys the world once per file, runs `setup` on it, and rewinds the chain to that point before
 * every test, so each test starts from the same state without paying for a new deployment.
 * Returns an accessor: the world exists only once `beforeAll` has run.
 */
export function useWorld(setup?: (world: World) => Promise<void>): () => World {
  let world: World | undefined;
  let restore: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    world = await deployWorld();
    if (setup !== undefined) await setup(world);
    const snapshot = await world.connection.networkHelpers.takeSnapshot();
    restore = () => snapshot.restore();
  });
  beforeEach(async () => {
    await restore?.();
  });
  return () => {
    if (world === undefined) throw new Error("the world is deployed in beforeAll");
    return world;
  };
}
