// `npm run soak`: the long hardening runs of issue 7 (tests/soak/), kept out of `npm test`.
// The two crash soaks run side by side (one core each), then the load soak alone,
// so 50 connections are not measured against a machine busy killing builds.
import { defineConfig } from "vitest/config";

const shared = { testTimeout: 30 * 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: "soak-crash", include: ["tests/soak/crash-*.test.ts"], sequence: { groupOrder: 0 } } },
      { test: { ...shared, name: "soak-load", include: ["tests/soak/load.test.ts"], sequence: { groupOrder: 1 } } },
    ],
  },
});
