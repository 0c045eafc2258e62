/**
 * The assertions every kill and load run ends with, shared by `npm test`
 * (tests/hardening) and `npm run soak` (tests/soak): print the report, then
 * fail on any corruption, failure, unexpected answer, lost post or
 * disk/memory difference.
 */
import { expect } from "vitest";
import type { KillReport } from "./kill-report.ts";
import { failedRoutes, type LoadOutcome } from "./load-scenario.ts";

export function expectCleanKills(report: KillReport, kills: number): void {
  console.log(report.format());
  expect(report.landed).toBe(kills);
  expect(report.corruptions()).toBe(0);
  expect(report.failures).toEqual([]);
}

/** Every kind of request the load driver sends; each must have been answered at least once. */
const ROUTES = ["search", "node", "path", "query:cypher", "query:shortcut", "bad-request"];

export function expectCleanLoad(outcome: LoadOutcome): void {
  console.log(outcome.table);
  console.log(`final graph: ${outcome.nodes} nodes, ${outcome.edges} edges; disk vs memory: ${outcome.diskVsMemory.length ? outcome.diskVsMemory.join("; ") : "equal"}; SIGTERM exit ${outcome.exit.code ?? outcome.exit.signal}`);
  expect(failedRoutes(outcome.result)).toEqual([]);
  expect(outcome.result.posted.length).toBeGreaterThanOrEqual(1);
  for (const route of ROUTES) expect(outcome.result.routes.get(route)?.count ?? 0, route).toBeGreaterThan(0);
  expect(outcome.lostPosts).toEqual([]);
  expect(outcome.diskVsMemory).toEqual([]);
  expect(outcome.exit.code).toBe(0);
}
