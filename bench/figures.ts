/**
 * From task results to results.json figures, as declarative tables: for each
 * task, the figures it yields (name, unit, how to read Parley's number and its
 * peer's). ratio = parley / peer.
 */
import type { Figure, TaskResult } from "./task-types.ts";
import { CONSOLE_SHAPES } from "./tasks/console-shapes.ts";

type Read = (r: TaskResult) => number;
interface FigureDef {
  name: string;
  unit: string;
  parley: Read;
  peer?: Read;
  peerName?: string;
}

const num = (key: string): Read => (r) => r[key] as number;

export const FIGURES: Record<string, FigureDef[]> = {
  "shortest-path": [
    { name: "shortestPath p50", unit: "ms", parley: num("parleyP50"), peer: num("peerP50"), peerName: "graphology-shortest-path bidirectional" },
    { name: "shortestPath p99", unit: "ms", parley: num("parleyP99"), peer: num("peerP99"), peerName: "graphology-shortest-path bidirectional" },
    { name: "engine.path p50 (with evidence)", unit: "ms", parley: num("enginePathP50"), peer: num("peerP50"), peerName: "graphology-shortest-path bidirectional" },
    { name: "engine.path p99 (with evidence)", unit: "ms", parley: num("enginePathP99"), peer: num("peerP99"), peerName: "graphology-shortest-path bidirectional" },
  ],
  "console-shapes": CONSOLE_SHAPES.flatMap((s) => [
    { name: `console ${s.id} p50`, unit: "ms", parley: num(`${s.id}|p50`) },
    { name: `console ${s.id} p99`, unit: "ms", parley: num(`${s.id}|p99`) },
  ]),
  // Two-sided tasks: the runner passes {parley, peer} results merged as `p.` / `q.` keys.
  "export-gexf": [
    { name: "gexf export s", unit: "s", parley: num("p.seconds"), peer: num("q.seconds"), peerName: "graphology-gexf" },
    { name: "gexf export MB/s", unit: "MB/s", parley: num("p.mbPerS"), peer: num("q.mbPerS"), peerName: "graphology-gexf" },
    { name: "gexf export peak MB", unit: "MB", parley: num("p.maxRssMB"), peer: num("q.maxRssMB"), peerName: "graphology-gexf" },
  ],
  "export-graphml": [
    { name: "graphml export s", unit: "s", parley: num("p.seconds") },
    { name: "graphml export MB/s", unit: "MB/s", parley: num("p.mbPerS") },
    { name: "graphml export peak MB", unit: "MB", parley: num("p.maxRssMB") },
  ],
  load: [
    { name: "load s", unit: "s", parley: num("p.seconds"), peer: num("q.seconds"), peerName: "graphology import (no index)" },
    { name: "load peak MB", unit: "MB", parley: num("p.maxRssMB"), peer: num("q.maxRssMB"), peerName: "graphology import (no index)" },
  ],
  "cold-start": [
    { name: "cold start to first query", unit: "s", parley: num("parley.firstQueryS"), peer: num("peer.firstQueryS"), peerName: "same server, graph.json alone" },
    { name: "cold start CPU s to first query", unit: "s", parley: num("parley.cpuSAtFirstQuery"), peer: num("peer.cpuSAtFirstQuery"), peerName: "same server, graph.json alone" },
    { name: "cold start server RSS at first query", unit: "MB", parley: num("parley.rssAtFirstQueryMB"), peer: num("peer.rssAtFirstQueryMB"), peerName: "same server, graph.json alone" },
    { name: "cold start server peak RSS (graph whole)", unit: "MB", parley: num("parley.peakRssMB"), peer: num("peer.peakRssMB"), peerName: "same server, graph.json alone" },
  ],
  "cli-start": [
    { name: "cli start p50", unit: "ms", parley: num("parley.p50Ms"), peer: num("peer.p50Ms"), peerName: "the sources through tsx (PARLEY_TSX=1)" },
    { name: "cli start p90", unit: "ms", parley: num("parley.p90Ms"), peer: num("peer.p90Ms"), peerName: "the sources through tsx (PARLEY_TSX=1)" },
  ],
  nlp: [
    { name: "tag + parse words/s", unit: "words/s", parley: num("p.wordsPerS"), peer: num("q.wordsPerS"), peerName: "compromise tagger (no parser)" },
    { name: "tag + parse words/s/core", unit: "words/CPU-s", parley: num("p.wordsPerCpuS"), peer: num("q.wordsPerCpuS"), peerName: "compromise tagger (no parser)" },
    { name: "tag + unlabeled parse only words/s/core", unit: "words/CPU-s", parley: num("p.tagParseWordsPerCpuS"), peer: num("q.tagParseWordsPerCpuS"), peerName: "compromise tagger (no parser)" },
    { name: "language models load ms", unit: "ms", parley: num("p.loadMs") },
    { name: "tag + parse peak MB", unit: "MB", parley: num("p.maxRssMB"), peer: num("q.maxRssMB"), peerName: "compromise tagger (no parser)" },
  ],
  extraction: [
    { name: "extraction words/s", unit: "words/s", parley: num("p.wordsPerS"), peer: num("q.wordsPerS"), peerName: "compromise people/places/organizations" },
    { name: "extraction words/s/core", unit: "words/CPU-s", parley: num("p.wordsPerCpuS"), peer: num("q.wordsPerCpuS"), peerName: "compromise people/places/organizations" },
    { name: "extraction peak MB", unit: "MB", parley: num("p.maxRssMB"), peer: num("q.maxRssMB"), peerName: "compromise people/places/organizations" },
  ],
  "corpus-build": [
    { name: "build, cold store s", unit: "s", parley: num("coldS"), peer: num("noStoreS"), peerName: "build without the store (every article extracted)" },
    { name: "build, warm store s", unit: "s", parley: num("warmS"), peer: num("noStoreS"), peerName: "build without the store (every article extracted)" },
    { name: "build, warm store share of cold", unit: "ratio", parley: num("warmShareOfCold") },
  ],
  "corpus-ingest": [
    { name: "ingest ack p50", unit: "ms", parley: num("ackP50"), peer: num("todayRebuildMs"), peerName: "rebuild of the whole corpus before the 201 (the design before the store)" },
    { name: "ingest ack p99", unit: "ms", parley: num("ackP99"), peer: num("todayRebuildMs"), peerName: "rebuild of the whole corpus before the 201 (the design before the store)" },
    { name: "ingest served p50", unit: "ms", parley: num("visibleP50"), peer: num("todayRebuildMs"), peerName: "rebuild of the whole corpus before the 201 (the design before the store)" },
    { name: "ingest served p99", unit: "ms", parley: num("visibleP99"), peer: num("todayRebuildMs"), peerName: "rebuild of the whole corpus before the 201 (the design before the store)" },
    { name: "search p99 during ingests", unit: "ms", parley: num("searchDuringP99"), peer: num("searchRestP99"), peerName: "the same route with no ingest" },
  ],
  // Parley's rendering beside the one before it, loaded right after in the same build.
  explorer: (
    [
      ["explorer first frame", "ms", "firstFrameMs"],
      ["explorer pan+zoom fps", "fps", "panZoomFps"],
      ["explorer pan fps", "fps", "panFps"],
      ["explorer zoom fps", "fps", "zoomFps"],
      ["explorer frame p95", "ms", "frameP95Ms"],
    ] as const
  ).map(([name, unit, key]) => ({ name, unit, parley: num(`parley.${key}`), peer: num(`baseline.${key}`), peerName: "the explorer before light rendering (?render=baseline, same build)" })),
  metrics: [
    { name: "metrics in a worker s", unit: "s", parley: num("workerS") },
    { name: "metrics projection s", unit: "s", parley: num("projectionS") },
    { name: "metrics betweenness s", unit: "s", parley: num("betweennessS") },
    { name: "metrics pagerank s", unit: "s", parley: num("pagerankS") },
    { name: "metrics louvain s", unit: "s", parley: num("louvainS") },
    { name: "metrics main thread longest gap", unit: "ms", parley: num("mainThreadLongestGapMs") },
  ],
  server: ["/api/search", "/api/nodes/:id", "/api/path"].flatMap((route) => [
    { name: `${route.slice(1)} req/s`, unit: "req/s", parley: num(`p.${route}.reqPerS`), peer: num(`q.${route}.reqPerS`), peerName: "bare Express JSON endpoint" },
    { name: `${route.slice(1)} p99`, unit: "ms", parley: num(`p.${route}.p99`), peer: num(`q.${route}.p99`), peerName: "bare Express JSON endpoint" },
  ]),
};

/** Prefixes Parley's result keys with `p.` and the peer's with `q.`. */
export function sides(parley: TaskResult, peer: TaskResult | null): TaskResult {
  const out: TaskResult = {};
  for (const [k, v] of Object.entries(parley)) out[`p.${k}`] = v;
  for (const [k, v] of Object.entries(peer ?? {})) out[`q.${k}`] = v;
  return out;
}

const round = (x: number) => (Math.abs(x) >= 100 ? Math.round(x) : Number(x.toPrecision(4)));

export function figuresOf(task: string, workload: string, result: TaskResult): Figure[] {
  return (FIGURES[task] ?? []).map((def) => {
    const parley = def.parley(result);
    const peer = def.peer ? def.peer(result) : null;
    const ok = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);
    return {
      name: def.name, workload, unit: def.unit,
      parley: ok(parley) ? round(parley) : NaN,
      peer: ok(peer) ? round(peer) : null,
      peerName: def.peerName ?? null,
      ratio: ok(parley) && ok(peer) && peer !== 0 ? round(parley / peer) : null,
    };
  });
}
