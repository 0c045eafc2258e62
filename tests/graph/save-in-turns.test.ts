/**
 * saveGraphInTurns: the server's snapshot write after an ingest, in slices
 * with the snapshot encoded on a worker thread, writes the very bytes
 * saveGraph writes — graph.json and graph.bin — on the seed graph, a generated
 * graph and a graph of hostile strings and values; graph.json's text in steps
 * equals JSON.stringify's on a table of shapes; a snapshot that cannot be made
 * leaves graph.json alone and no graph.bin.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MultiUndirectedGraph } from "graphology";
import { generateGraph } from "../../bench/generate-graph.ts";
import { loadGraphFromJson, saveGraph, type ParleyGraph } from "../../src/graph/persist.ts";
import { graphJsonInSteps, saveGraphInTurns } from "../../src/graph/save-in-turns.ts";
import { createSnapshotEncoder, inProcessSnapshotEncoder, type SnapshotEncoder } from "../../src/graph/snapshot-worker/index.ts";
import { checkedStampOf, openSnapshot, snapshotFileOf } from "../../src/graph/snapshot/index.ts";
import { hostileGraph } from "./hostile-graph.ts";

const SEED_GRAPH = fileURLToPath(new URL("../../graph-data/graph.json", import.meta.url));

let dir: string;
const thread = createSnapshotEncoder();
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-save-in-turns-"));
});
afterAll(async () => {
  await thread.close();
  await rm(dir, { recursive: true, force: true });
});

/** Drains the steps, counting them. */
function drained(steps: Generator<void, Buffer[]>): { bytes: Buffer; steps: number } {
  for (let n = 1; ; n++) {
    const step = steps.next();
    if (step.done) return { bytes: Buffer.concat(step.value), steps: n };
  }
}

const records = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, attributes: { label: `é "${i}"\n`, list: [i, null, { deep: [] }], none: undefined } }));

describe("graphJsonInSteps", () => {
  it.each<[string, Record<string, unknown>]>([
    ["an empty object", {}],
    ["empty arrays and objects", { options: {}, nodes: [], edges: [] }],
    ["undefined and function fields, left out", { a: undefined, b: () => 1, c: 1 }],
    ["one record", { nodes: records(1) }],
    ["exactly one slice of records", { nodes: records(64) }],
    ["several slices, then another field", { nodes: records(200), edges: records(65), attributes: { name: "g", articles: [{ id: "a" }] } }],
    ["undefined inside arrays (null, as JSON writes it)", { nodes: [undefined, 1, "x", [undefined]] }],
    ["hostile strings", { attributes: { s: "\u2028\u2029\u0000</script>\ud83d\ude00 \\ \"" }, nodes: records(3) }],
  ])("writes %s as JSON.stringify(data, null, 1) does", (_name, data) => {
    expect(drained(graphJsonInSteps(data)).bytes.toString("utf8")).toBe(`${JSON.stringify(data, null, 1)}\n`);
  });

  it("pauses between slices of records once its budget is spent", () => {
    const data = { nodes: records(64 * 5), edges: records(64 * 2 + 1) };
    const { bytes, steps } = drained(graphJsonInSteps(data, 0));
    // Five slices of nodes and three of edges, a pause after each: eight pauses, nine steps.
    expect(steps).toBe(9);
    expect(bytes.toString("utf8")).toBe(`${JSON.stringify(data, null, 1)}\n`);
  });
});

const CASES: Array<[string, () => Promise<ParleyGraph>]> = [
  ["the seed graph", () => loadGraphFromJson(SEED_GRAPH)],
  ["a generated 2k/10k graph", async () => generateGraph({ nodes: 2000, edges: 10_000, seed: 9 })],
  ["a graph of hostile strings and values", async () => hostileGraph()],
];

describe.each(CASES)("saveGraphInTurns, %s", (name, make) => {
  let graph: ParleyGraph;
  let expected: { json: Buffer; bin: Buffer };
  beforeAll(async () => {
    graph = await make();
    const file = join(dir, `${name.replace(/\W+/g, "-")}-saveGraph.json`);
    await saveGraph(graph, file);
    expected = { json: await readFile(file), bin: await readFile(snapshotFileOf(file)) };
  });

  it.each<[string, () => SnapshotEncoder]>([
    ["on a worker thread", () => thread],
    ["in process", () => inProcessSnapshotEncoder()],
  ])("writes the bytes saveGraph writes, the snapshot encoded %s", async (how, encoder) => {
    const file = join(dir, `${name.replace(/\W+/g, "-")}-${how.replace(/\W+/g, "-")}.json`);
    await saveGraphInTurns(graph, file, encoder());
    expect((await readFile(file)).equals(expected.json)).toBe(true);
    expect((await readFile(snapshotFileOf(file))).equals(expected.bin)).toBe(true);
    // Checked as a pair, as saveGraph leaves it: the next start takes the snapshot without hashing graph.json.
    expect(existsSync(checkedStampOf(file))).toBe(true);
    expect(await openSnapshot(file)).not.toBeNull();
  });
});

describe("saveGraphInTurns without a snapshot", () => {
  it("removes a stale graph.bin when the encoder fails, and writes graph.json whole", async () => {
    const graph = await loadGraphFromJson(SEED_GRAPH);
    const file = join(dir, "failing.json");
    await saveGraph(graph, file);
    graph.setNodeAttribute(graph.nodes()[0]!, "label", "Changed since");
    const failing: SnapshotEncoder = { encode: async () => Promise.reject(new Error("snapshot worker crashed")), close: async () => {} };
    await saveGraphInTurns(graph, file, failing);
    expect(existsSync(snapshotFileOf(file))).toBe(false);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(JSON.parse(JSON.stringify(graph.export())));
  });

  it("writes none for a graph the snapshot format does not take, as saveGraph", async () => {
    const graph = new MultiUndirectedGraph();
    graph.mergeEdge("a", "b");
    const file = join(dir, "undirected.json");
    await saveGraphInTurns(graph as unknown as ParleyGraph, file, thread);
    expect(existsSync(snapshotFileOf(file))).toBe(false);
    expect(await readFile(file, "utf8")).toBe(`${JSON.stringify(graph.export(), null, 1)}\n`);
  });
});
