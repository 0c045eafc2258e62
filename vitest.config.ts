import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/soak/**", "node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: e2e and server suites start real processes, keep parallelism modest.
    maxWorkers: 2,
    // Builds web/dist when missing or older than web/src, for the e2e suite.
    globalSetup: ["tests/e2e/global-setup.ts"],
  },
});
