/**
 * A snapshot that must not be used is not: graph.json rewritten by another
 * tool (even to the same length), an older snapshot copied back, a snapshot
 * cut short or with any byte flipped, a snapshot of a graph graphology cannot
 * hold. Each time loadGraph reads graph.json instead, gives the same graph it
 * gives, and only damage is worth a (single) log line.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFile, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateGraph } from "../../bench/generate-graph.ts";
import { GraphFileError, loadGraph, loadGraphFromJson, saveGraph, serializeGraph } from "../../src/graph/persist.ts";
import { SnapshotGraph, checkedStampOf, encodeSnapshot, identityOf, openSnapshot, snapshotFileOf } from "../../src/graph/snapshot/index.ts";
import { createQueryEngine } from "../../src/query/index.ts";

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-snapshot-fallback-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fresh graph.json + graph.bin pair in its own folder name. */
async function pair(seed = 4): Promise<{ file: string; bin: string; text: string }> {
  const file = join(dir, `g${n++}.json`);
  await saveGraph(generateGraph({ nodes: 300, edges: 1500, seed }), file);
  return { file, bin: snapshotFileOf(file), text: await readFile(file, "utf8") };
}

async function expectJsonLoad(file: string, log?: (line: string) => void): Promise<void> {
  const graph = await loadGraph(file, { log });
  expect(graph).not.toBeInstanceOf(SnapshotGraph);
  expect(graph.export()).toEqual((await loadGraphFromJson(file)).export());
}

describe("a stale snapshot", () => {
  it("is ignored once another tool rewrites graph.json", async () => {
    const { file } = await pair();
    await writeFile(file, serializeGraph(generateGraph({ nodes: 50, edges: 80, seed: 1 })));
    const lines: string[] = [];
    await expectJsonLoad(file, (l) => lines.push(l));
    expect(lines).toEqual([]);
  });

  it("is ignored when graph.json changes by one character, keeping its length", async () => {
    const { file, text } = await pair();
    const at = text.indexOf('"label": "') + 10;
    const flipped = text.slice(0, at) + (text[at] === "Q" ? "R" : "Q") + text.slice(at + 1);
    expect(flipped.length).toBe(text.length);
    await writeFile(file, flipped);
    await expectJsonLoad(file);
  });

  it("is ignored when an older snapshot is copied back beside a newer graph.json", async () => {
    const old = await pair(4);
    const newer = await pair(5);
    await copyFile(old.bin, newer.bin);
    await expectJsonLoad(newer.file);
  });

  it("is used again once graph.json is back to what it was written with", async () => {
    const { file, text } = await pair();
    await writeFile(file, text.replace("}", "} "));
    await expectJsonLoad(file);
    await writeFile(file, text);
    expect(await loadGraph(file)).toBeInstanceOf(SnapshotGraph);
  });
});

describe("the checked stamp (a start that skips hashing)", () => {
  it("is written with the pair, and stops vouching once graph.json is changed, even with its length and mtime put back", async () => {
    const { file, text } = await pair();
    expect(await readFile(checkedStampOf(file), "utf8")).not.toBe("");
    expect(await loadGraph(file)).toBeInstanceOf(SnapshotGraph);
    const before = await stat(file);
    const at = text.indexOf('"label": "') + 10;
    await writeFile(file, text.slice(0, at) + (text[at] === "Q" ? "R" : "Q") + text.slice(at + 1));
    await utimes(file, before.atime, before.mtime);
    await expectJsonLoad(file);
  });
});

describe("opening a snapshot twice", () => {
  it("takes the same checked bytes while neither file changes, and reads again once one does", async () => {
    const { file, text } = await pair();
    const first = await openSnapshot(file, { shared: true });
    expect(first?.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(await openSnapshot(file)).toBe(first);
    await writeFile(file, text.replace("}", "} "));
    expect(await openSnapshot(file)).toBeNull();
    await writeFile(file, text);
    const again = await openSnapshot(file);
    expect(again).not.toBeNull();
    expect(again).not.toBe(first);
  });
});

describe("a damaged snapshot", () => {
  it("cut short at any length is never used", async () => {
    const { file, bin } = await pair();
    const bytes = await readFile(bin);
    for (const length of [0, 7, 8, 40, 79, 80, 200, bytes.length >> 1, bytes.length - 8, bytes.length - 1]) {
      await writeFile(bin, bytes.subarray(0, length));
      const lines: string[] = [];
      await expectJsonLoad(file, (l) => lines.push(l));
      expect(lines.length, `length ${length}`).toBeLessThanOrEqual(1);
    }
  });

  it("with any one bit flipped is never used, and says so in one line", async () => {
    const { file, bin } = await pair();
    const bytes = await readFile(bin);
    // The header, the section table, and spots spread over every section.
    const spots = [0, 5, 8, 12, 16, 20, 24, 31, 32, 51, 52, 71, 72, 76, 80, 100, 150];
    for (let i = 1; i < 40; i++) spots.push(Math.floor((bytes.length * i) / 40));
    spots.push(bytes.length - 1);
    for (const at of spots) {
      const damaged = Buffer.from(bytes);
      damaged[at] ^= 1 << at % 8;
      await writeFile(bin, damaged);
      const lines: string[] = [];
      await expectJsonLoad(file, (l) => lines.push(l));
      expect(lines.length, `byte ${at}`).toBeLessThanOrEqual(1);
      if (lines.length) expect(lines[0]).toMatch(/^warning: ignoring the graph snapshot .*graph|^warning: ignoring the graph snapshot/);
    }
  });

  it("that is not a snapshot at all is passed over with one warning", async () => {
    const { file, bin } = await pair();
    await writeFile(bin, "this is not a snapshot, but a text file that happens to have its name");
    const lines: string[] = [];
    await expectJsonLoad(file, (l) => lines.push(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("not a Parley graph snapshot");
  });

  it("does not stop graph.json from loading when it is missing or unreadable", async () => {
    const { file, bin } = await pair();
    await rm(bin);
    await expectJsonLoad(file);
  });
});

describe("graphs the snapshot cannot stand for", () => {
  it("a snapshot of a node key graphology refuses gives graph.json's own error", async () => {
    const data = { options: { type: "directed", multi: true, allowSelfLoops: true }, attributes: {}, nodes: [{ key: "a" }, { key: "constructor" }], edges: [] };
    const file = join(dir, "reserved.json");
    const json = Buffer.from(JSON.stringify(data, null, 1) + "\n");
    await writeFile(file, json);
    await writeFile(snapshotFileOf(file), Buffer.concat(encodeSnapshot(data as never, identityOf(json))));
    expect(await openSnapshot(file)).not.toBeNull();
    await expect(loadGraph(file)).rejects.toBeInstanceOf(GraphFileError);
    await expect(loadGraph(file)).rejects.toThrow(/constructor/);
  });

  it("a graph.json that is not a graph is still a GraphFileError", async () => {
    const { file } = await pair();
    await writeFile(file, "{ not json");
    await expect(loadGraph(file)).rejects.toBeInstanceOf(GraphFileError);
  });

  it("a missing graph file is still a GraphFileError", async () => {
    await expect(loadGraph(join(dir, "missing.json"))).rejects.toBeInstanceOf(GraphFileError);
  });
});

describe("the query engine on a snapshot", () => {
  it("answers as on graph.json, before graphology holds a single edge", async () => {
    const { file } = await pair();
    const fromBin = (await loadGraph(file)) as SnapshotGraph;
    const a = createQueryEngine(fromBin);
    const b = createQueryEngine(await loadGraphFromJson(file));
    expect(fromBin.loaded).toBe(false);
    for (const q of ["MATCH (n) RETURN labels(n)[0] AS type, count(*) AS n ORDER BY n DESC", "MATCH (a)-[r]->(b) RETURN a, r, b ORDER BY a.id, b.id LIMIT 30", "MATCH p = shortestPath((a {id: 'n1'})-[*..6]-(b {id: 'n2'})) RETURN p"]) {
      const [x, y] = await Promise.all([a.run(q), b.run(q)]);
      expect({ ...x, elapsedMs: 0 }).toEqual({ ...y, elapsedMs: 0 });
    }
    expect(a.search("ka", 10)).toEqual(b.search("ka", 10));
    expect(a.path("n1", "n2")).toEqual(b.path("n1", "n2"));
    expect(fromBin.loaded).toBe(false);
  });
});
