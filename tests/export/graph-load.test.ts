/**
 * loadGraph's streaming reader (src/graph/persist.ts), which the export and
 * every other command load through: it must give exactly graphology's own
 * import on any valid graph file (compact or pretty, other key orders, strings
 * full of escapes and multi-byte text, cut at every window and batch boundary),
 * and on a broken file the same GraphFileError naming the file as before.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { GraphFileError, NotStreamableError, graphFromJSON, loadGraph, loadGraphTuned, readGraphStreaming, serializeGraph, type ParleyGraph } from "../../src/graph/persist.ts";
import { generateGraph } from "../../bench/generate-graph.ts";
import { RESERVED_NODE_KEYS } from "../../src/graph/reserved-keys.ts";
import { sampleGraph } from "./sample-graph.ts";

let dir: string;
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), "parley-load-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function fileWith(text: string): string {
  const file = join(dir, `g${n++}.json`);
  writeFileSync(file, text);
  return file;
}

/** What graphology itself makes of the text (the old loader). */
const reference = (text: string): ParleyGraph => graphFromJSON(JSON.parse(text));

/** Runs only the streaming reader; throws NotStreamableError for layouts it leaves to the whole-file path. */
function streamed(file: string, readBytes: number, batchRecords: number, batchBytes?: number): ParleyGraph {
  const fd = openSync(file, "r");
  try {
    return readGraphStreaming(fd, { readBytes, batchRecords, batchBytes });
  } finally {
    closeSync(fd);
  }
}

/** [read bytes, records per batch, bytes per batch]: every boundary lands everywhere. */
const TINY = [
  [1, 1, undefined],
  [7, 3, undefined],
  [64, 2, undefined],
  [5, 1000, 1],
  [64, 1000, 300],
  [4096, 1000, undefined],
] as const;

/** A graph whose strings hold everything a byte scanner could trip on. */
function trickyGraph(): ParleyGraph {
  const graph = sampleGraph();
  const nasty = ['quote " inside', "back\\slash", 'ends in backslash \\', '\\"', "braces } ] { [ , :", "multi-byte é ✓ 😀", "\u2028\u2029", "tab\tnew\nline"];
  nasty.forEach((label, i) => graph.addNode(`k${i}-${label}`, { ...graph.getNodeAttributes("jeddah"), label, aliases: [label, `${label}\\`] }));
  nasty.forEach((label, i) => graph.addEdgeWithKey(`e${i}|${label}`, `k${i}-${label}`, "jeddah", { ...graph.getEdgeAttributes("marco-rubio|visited|jeddah"), label }));
  return graph;
}

describe("loadGraph (streaming reader)", () => {
  const layouts: Array<[string, (g: ParleyGraph) => string]> = [
    ["compact (JSON.stringify)", (g) => JSON.stringify(g.export())],
    ["pretty (saveGraph)", serializeGraph],
    ["indented with CRLF", (g) => JSON.stringify(g.export(), null, "\t").replace(/\n/g, "\r\n")],
  ];

  it.each(layouts)("reads the %s layout at every window and batch size exactly as graphology imports it", (_name, layout) => {
    const text = layout(trickyGraph());
    const file = fileWith(text);
    const want = reference(text).export();
    for (const [readBytes, batchRecords, batchBytes] of TINY) expect(streamed(file, readBytes, batchRecords, batchBytes).export()).toEqual(want);
  });

  it("loads the committed seed graph and a generated 3k-edge graph equal to graphology's import", async () => {
    const seed = readFileSync(new URL("../../graph-data/graph.json", import.meta.url), "utf8");
    expect((await loadGraph(fileWith(seed))).export()).toEqual(reference(seed).export());
    const generated = JSON.stringify(generateGraph({ nodes: 500, edges: 3000, seed: 3 }).export());
    const file = fileWith(generated);
    expect((await loadGraph(file)).export()).toEqual(reference(generated).export());
    expect(streamed(file, 1000, 64).export()).toEqual(reference(generated).export());
  });

  it("keeps per-edge attribute objects separate while sharing their strings", async () => {
    const text = JSON.stringify(generateGraph({ nodes: 50, edges: 200, seed: 5 }).export());
    const graph = await loadGraph(fileWith(text));
    const [a, b] = graph.edges();
    graph.getEdgeAttributes(a!).evidence[0]!.rule = "changed";
    expect(graph.getEdgeAttributes(b!).evidence[0]!.rule).not.toBe("changed");
  });

  it.each([
    ["edges before nodes", '{"edges":[{"key":"e","source":"a","target":"b"}],"nodes":[{"key":"a"},{"key":"b"}]}'],
    ["attributes last, no options", '{"nodes":[{"key":"a"},{"key":"b"}],"edges":[{"key":"e","source":"a","target":"b","attributes":{"type":"x"}}],"attributes":{"name":"n"}}'],
    ["a key twice (the last one wins)", '{"nodes":[{"key":"a"}],"attributes":{"name":"1"},"attributes":{"name":"2"}}'],
    ["nodes null", '{"nodes":null,"attributes":{"name":"n"}}'],
    ["unknown keys and nested arrays", '{"extra":[[{"}":"]"}],1,"x"],"nodes":[{"key":"a","attributes":{"list":[[1,[2]],{"o":{}}]}}],"edges":[],"more":true}'],
    ["empty object", "{}"],
    ["empty arrays with spaces", ' { "nodes" : [ ] , "edges" : [ ] } \n'],
    ["records without attributes", '{"nodes":[{"key":"a"},{"key":"b"}],"edges":[{"key":"e","source":"a","target":"b"}]}'],
    ["an array (graphology imports it as an empty graph)", "[]"],
  ])("reads other valid layouts like graphology: %s", async (_name, text) => {
    expect((await loadGraph(fileWith(text))).export()).toEqual(reference(text).export());
    expect((await loadGraphTuned(fileWith(text), { readBytes: 3, batchRecords: 1 })).export()).toEqual(reference(text).export());
  });

  it("leaves only unusual layouts to the whole-file path", () => {
    expect(() => streamed(fileWith('{"edges":[],"nodes":[]}'), 64, 8)).toThrow(NotStreamableError);
    expect(() => streamed(fileWith('{"nodes":[],"nodes":[]}'), 64, 8)).toThrow(NotStreamableError);
    expect(streamed(fileWith(serializeGraph(sampleGraph())), 64, 2).order).toBe(sampleGraph().order);
  });

  const good = JSON.stringify(sampleGraph().export());
  it.each([
    ["truncated", good.slice(0, Math.floor(good.length / 2))],
    ["truncated after the last record", good.slice(0, -2)],
    ["cut inside a string", good.slice(0, good.indexOf("Jeddah") + 3)],
    ["trailing comma in edges", good.replace(/\}\]\}$/, "},]}")],
    ["trailing comma with spaces", good.replace(/\}\]\}$/, "} , ]}")],
    ["a stray brace between records", good.replace(/\}\]\}$/, "}}]}")],
    ["missing comma between records", good.replace('},{"key":"vladimir-putin"', '}{"key":"vladimir-putin"')],
    ["garbage after the end", `${good}x`],
    ["a byte-order mark", `\uFEFF${good}`],
    ["not JSON at all", "<gexf/>"],
    ["empty", ""],
    ["a bad escape inside a record", good.replace("Marco Rubio", "Marco \\q Rubio")],
  ])("refuses a %s file with GraphFileError naming it, as graphology's import would", async (_name, text) => {
    const file = fileWith(text);
    let old: unknown;
    try {
      reference(text);
    } catch (err) {
      old = err;
    }
    if (!old) expect.unreachable(`graphology accepted the ${_name} file`);
    for (const tuning of [{ readBytes: 5, batchRecords: 1 }, { readBytes: 5, batchRecords: 2 }, { readBytes: 4096, batchRecords: 1000 }]) {
      const err = await loadGraphTuned(file, tuning).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GraphFileError);
      expect((err as Error).message).toBe(`graph file ${file} is not a graphology graph: ${(old as Error).message}`);
    }
  });

  it.each([
    ["a duplicate node", '{"nodes":[{"key":"a"},{"key":"a"}]}'],
    ["an edge to a missing node", '{"nodes":[{"key":"a"}],"edges":[{"source":"a","target":"zz"}]}'],
    ["an undirected edge in the directed graph", '{"nodes":[{"key":"a"},{"key":"b"}],"edges":[{"source":"a","target":"b","undirected":true}]}'],
  ])("refuses %s with graphology's own message", async (_name, text) => {
    const file = fileWith(text);
    const err = await loadGraph(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphFileError);
    expect(() => reference(text)).toThrow((err as Error).message.replace(`graph file ${file} is not a graphology graph: `, ""));
  });

  it("says it cannot read a missing file or a folder", async () => {
    await expect(loadGraph(join(dir, "missing.json"))).rejects.toThrow(new GraphFileError(`cannot read graph file ${join(dir, "missing.json")}: ENOENT`));
    await expect(loadGraph(dir)).rejects.toThrow(new GraphFileError(`cannot read graph file ${dir}: EISDIR`));
  });

  it.each([["__proto__"], ["constructor"], ["toString"]])("refuses a node keyed %s, which graphology would link into Object.prototype, and leaves Object.prototype clean", async (key) => {
    const text = JSON.stringify({ attributes: {}, nodes: [{ key: "a" }, { key }], edges: [{ source: "a", target: key }, { source: "a", target: key }] });
    for (const tuning of [{ readBytes: 3, batchRecords: 1 }, { readBytes: 4096, batchRecords: 1000 }]) {
      const file = fileWith(text);
      const err = await loadGraphTuned(file, tuning).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GraphFileError);
      expect((err as Error).message).toBe(`graph file ${file} is not a graphology graph: node key "${key}" is the name of a JavaScript object member, which graphology cannot hold as a key`);
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).previous).toBeUndefined();
  });

  it("equals graphology's import on random graphs with random text, at random window sizes", () => {
    const text = fc.string({ unit: "binary", maxLength: 12 });
    // fast-check favours "__proto__" and friends; Parley refuses them as node keys (test above).
    const key = text.filter((k) => !RESERVED_NODE_KEYS.has(k));
    fc.assert(
      fc.property(fc.uniqueArray(key, { minLength: 1, maxLength: 12 }), fc.array(fc.tuple(fc.nat(), fc.nat(), text)), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5 }), (keys, edges, readBytes, batch) => {
        const graph: ParleyGraph = new MultiDirectedGraph();
        keys.forEach((k) => graph.addNode(k, { label: `${k}\\"`, aliases: [k, k] } as never));
        edges.forEach(([s, t, label]) => graph.addEdge(keys[s % keys.length]!, keys[t % keys.length]!, { label, evidence: [{ rule: label }] } as never));
        const serialized = JSON.stringify(graph.export());
        expect(streamed(fileWith(serialized), readBytes, batch).export()).toEqual(reference(serialized).export());
      }),
      { numRuns: 150 },
    );
  });
});
