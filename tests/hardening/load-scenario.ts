/**
 * Issue 7 item 7 end to end, shared by the short run in `npm test` and the
 * 60-second soak: the real `parley serve` on a private data copy, mixed read
 * traffic plus periodic article posts over N connections, then the graph in
 * memory (GET /api/graph) compared with the graph file on disk, every accepted
 * article checked to be in both, and a SIGTERM stop.
 */
import { readFile } from "node:fs/promises";
import { makeDataDir } from "./data-dir.ts";
import { startServe, type Exit } from "./cli-process.ts";
import { driveLoad, type LoadResult } from "./load-driver.ts";
import { formatLoadTable } from "./load-report.ts";
import { requestMix } from "./request-mix.ts";
import { seededRandom } from "./random.ts";
import { graphArticleIds, graphDifferences } from "./graph-compare.ts";

export interface LoadScenario {
  connections: number;
  seconds: number;
  postEveryMs: number;
  seed: number;
}

export interface LoadOutcome {
  result: LoadResult;
  table: string;
  /** Differences between the served graph and the file after the run (empty = equal). */
  diskVsMemory: string[];
  /** Accepted articles missing from the served graph or from the file. */
  lostPosts: string[];
  nodes: number;
  edges: number;
  /** How `parley serve` ended on SIGTERM. */
  exit: Exit;
}

export async function runLoadScenario(scenario: LoadScenario): Promise<LoadOutcome> {
  const data = await makeDataDir({ withGraph: true, prefix: "parley-load-" });
  const server = await startServe(data);
  try {
    const initial = JSON.parse(await readFile(data.graphFile, "utf8"));
    const result = await driveLoad({ ...scenario, url: server.url, next: requestMix(initial, seededRandom(scenario.seed)) });
    const served = await (await fetch(`${server.url}/api/graph`)).json();
    // The graph file follows ingests in the background; a graceful stop writes whatever it still lacks.
    const exit = await server.kill("SIGTERM");
    const onDisk = JSON.parse(await readFile(data.graphFile, "utf8"));
    const servedIds = new Set(graphArticleIds(served));
    const diskIds = new Set(graphArticleIds(onDisk));
    const lostPosts = result.posted.filter((id) => !servedIds.has(id) || !diskIds.has(id));
    return {
      result,
      table: formatLoadTable(result, `load ${scenario.connections} connections × ${scenario.seconds} s (seed ${scenario.seed})`),
      diskVsMemory: graphDifferences(served, onDisk),
      lostPosts,
      nodes: onDisk.nodes.length,
      edges: onDisk.edges.length,
      exit,
    };
  } finally {
    await server.kill();
    await data.remove();
  }
}

/** Routes with answers they should not have had (non-2xx outside deliberate bad requests, or transport errors). */
export function failedRoutes(result: LoadResult): string[] {
  return [...result.routes].filter(([, s]) => s.unexpected || s.errors).map(([route, s]) => `${route}: ${s.unexpected} non-2xx, ${s.errors} errors`);
}
