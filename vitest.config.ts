import { configDefaults, defineConfig } from "vitest/config";

const E2E_FILES = "test/e2e/**/*.e2e.test.ts";

export default defineConfig({
  test: {
    // Each file opens its own in-process Hardhat network; two workers match the two cores here.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, E2E_FILES] } },
      {
        extends: true,
        test: {
          name: "e2e",
          include: [E2E_FILES],
          // A whole stack and Chromium per file: after the other tests, one file at a time, so two
          // browsers never share the two cores and a page's waits never race a busy machine.
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          testTimeout: 300_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
