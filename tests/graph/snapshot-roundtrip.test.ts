/**
 * graph.bin round trip: saveGraph writes graph.json exactly as before plus a
 * snapshot, loadGraph takes the snapshot, and the graph it gives equals the
 * one graph.json gives — export() deep-equal, and re-serialized to the very
 * same bytes — on the seed graph, a generated graph, and a graph of hostile
 * strings and values. The snapshot itself is deterministic.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateGraph } from "../../bench/generate-graph.ts";
import { loadGraph, loadGraphFromJson, saveGraph, serializeGraph, type ParleyGraph } from "../../src/graph/persist.ts";
import { SnapshotGraph, encodeSnapshot, identityOf, snapshotFileOf } from "../../src/graph/snapshot/index.ts";
import { hostileGraph } from "./hostile-graph.ts";

const SEED_GRAPH = fileURLToPath(new URL("../../graph-data/graph.json", import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-snapshot-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CASES: Array<[string, () => Promise<ParleyGraph>]> = [
  ["the seed graph", () => loadGraphFromJson(SEED_GRAPH)],
  ["a generated 2k/10k graph", async () => generateGraph({ nodes: 2000, edges: 10_000, seed: 9 })],
  ["a graph of hostile strings and values", async () => hostileGraph()],
];

describe.each(CASES)("%s", (name, make) => {
  let file: string;
  let original: ParleyGraph;
  let text: string;
  beforeAll(async () => {
    original = await make();
    file = join(dir, `${name.replace(/\W+/g, "-")}.json`);
    await saveGraph(original, file);
    text = await readFile(file, "utf8");
  });

  it("writes graph.json byte for byte as serializeGraph does", () => {
    expect(text).toBe(serializeGraph(original));
  });

  it("loads from the snapshot a graph equal to the one graph.json gives", async () => {
    const fromJson = await loadGraphFromJson(file);
    const fromBin = await loadGraph(file);
    expect(fromBin).toBeInstanceOf(SnapshotGraph);
    expect((fromBin as SnapshotGraph).loaded).toBe(false);
    expect(fromBin.export()).toEqual(fromJson.export());
    expect(serializeGraph(fromBin)).toBe(text);
    expect(fromBin.order).toBe(fromJson.order);
    expect(fromBin.size).toBe(fromJson.size);
  });

  it("gives attribute objects as JSON.parse makes them (own __proto__ kept, key order, null for NaN)", async () => {
    const fromJson = await loadGraphFromJson(file);
    const fromBin = await loadGraph(file);
    fromJson.forEachNode((key, attrs) => {
      const other = fromBin.getNodeAttributes(key);
      expect(Object.keys(other)).toEqual(Object.keys(attrs));
      expect(Object.getPrototypeOf(other)).toBe(Object.prototype);
      expect(JSON.stringify(other)).toBe(JSON.stringify(attrs));
    });
    fromJson.forEachEdge((key, attrs, source, target) => {
      expect(fromBin.source(key)).toBe(source);
      expect(fromBin.target(key)).toBe(target);
      expect(JSON.stringify(fromBin.getEdgeAttributes(key))).toBe(JSON.stringify(attrs));
    });
    expect(fromBin.getAttributes()).toEqual(fromJson.getAttributes());
  });

  it("is deterministic: the same graph gives the same snapshot bytes", async () => {
    const again = join(dir, `${name.replace(/\W+/g, "-")}-again.json`);
    await saveGraph(await loadGraph(file), again);
    expect(await readFile(again, "utf8")).toBe(text);
    expect((await readFile(snapshotFileOf(again))).equals(await readFile(snapshotFileOf(file)))).toBe(true);
    const json = Buffer.from(text);
    const a = Buffer.concat(encodeSnapshot(original.export(), identityOf(json)));
    const b = Buffer.concat(encodeSnapshot(original.export(), identityOf(json)));
    expect(a.equals(b)).toBe(true);
  });
});

describe("the snapshot file", () => {
  it("sits beside the graph file, named after it", () => {
    expect(snapshotFileOf("/x/graph-data/graph.json")).toBe("/x/graph-data/graph.bin");
    expect(snapshotFileOf("/x/other.graph.json")).toBe("/x/other.graph.bin");
    expect(snapshotFileOf("/x/noext")).toBe("/x/noext.bin");
  });

  it("is smaller than graph.json", async () => {
    const file = join(dir, "size.json");
    await saveGraph(generateGraph({ nodes: 2000, edges: 10_000, seed: 9 }), file);
    const [json, bin] = await Promise.all([readFile(file), readFile(snapshotFileOf(file))]);
    expect(bin.length).toBeLessThan(json.length / 2);
  });
});
