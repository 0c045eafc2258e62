/**
 * The prefix tree behind search()'s fast path (src/query/indexes/prefix-top.ts): its
 * walk gives a range's entries in the prefix ranking's order (label bonus,
 * length, weight, entry) and stops when told; and search() with it answers
 * exactly as a scan of every name — hits, scores, order — on a generated
 * bench-shaped graph for random prefixes and limits, and on graphs built so
 * that many hits tie on everything but the label, across the top-k boundary.
 */
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { generateGraph } from "../../bench/generate-graph.ts";
import { createQueryEngine } from "../../src/query/index.ts";
import { bruteSearch as scanSearch } from "./brute-search.ts";
import { NameTable } from "../../src/query/indexes/name-table.ts";
import { PrefixTop } from "../../src/query/indexes/prefix-top.ts";

describe("PrefixTop.walk", () => {
  const names = fc.array(fc.constantFrom("a", "ab", "b", "ba", "abc", "a b", "b a", "aa"), { minLength: 1, maxLength: 3 });
  const tableArb = fc.array(fc.record({ names, weight: fc.constantFrom(0, 1, 2, 2.5) }), { minLength: 1, maxLength: 30 }).map((nodes) =>
    new NameTable(
      nodes.map((n, i) => ({ key: `k${i}`, label: n.names[0], type: "actor", weight: n.weight, names: new Set(n.names) })),
      (s) => s,
    ),
  );

  it("gives a name range's entries best first, each once, and stops when told", () => {
    fc.assert(
      fc.property(tableArb, fc.nat(), fc.nat(), fc.nat(40), (t, a, b, stopAfter) => {
        const top = PrefixTop.of(t)!;
        const n = t.sortedFolded.length;
        const [from, to] = [a % (n + 1), b % (n + 1)].sort((x, y) => x - y);
        const expected: number[] = [];
        for (let i = from; i < to; i++) for (let e = t.firstOf(i); e >= 0; e = t.sameNext[e]) expected.push(e);
        expected.sort((x, y) => t.isLabel[y] - t.isLabel[x] || t.folded[x].length - t.folded[y].length || t.weight(y) - t.weight(x) || x - y);
        const seen: number[] = [];
        top.walk(from, to, (e) => (seen.push(e), true));
        expect(seen).toEqual(expected);
        const stopped: number[] = [];
        top.walk(from, to, (e) => (stopped.push(e), stopped.length < stopAfter));
        expect(stopped).toEqual(expected.slice(0, Math.max(1, stopAfter)));
      }),
      { numRuns: 500 },
    );
  });

  it("finds the range of names with a prefix", () => {
    const t = new NameTable([{ key: "k", label: "ab", type: "actor", weight: 0, names: ["a", "ab", "abc", "abd", "b", "ba"] }], (s) => s);
    const top = PrefixTop.of(t)!;
    const names = (needle: string) => t.sortedFolded.slice(...top.nameRange(needle));
    expect(names("ab")).toEqual(["ab", "abc", "abd"]);
    expect(names("a")).toEqual(["a", "ab", "abc", "abd"]);
    expect(names("abe")).toEqual([]);
    expect(names("c")).toEqual([]);
  });
});

describe("search() with the prefix tree against a scan of every name", () => {
  // Bench-shaped: generated names share syllables, so short prefixes have hundreds of hits.
  const graph = generateGraph({ nodes: 6_000, edges: 30_000, seed: 5 });
  const engine = createQueryEngine(graph);
  const labels = graph.mapNodes((_k, a) => a.label as string);

  it("on a generated graph, for prefixes of its names and any limit", () => {
    fc.assert(
      fc.property(fc.nat(labels.length - 1), fc.integer({ min: 1, max: 6 }), fc.constantFrom(1, 3, 10, 25, 100), fc.boolean(), (i, letters, limit, upper) => {
        const q = labels[i].slice(0, letters);
        const typed = upper ? q.toUpperCase() : q.toLowerCase();
        expect(engine.search(typed, limit)).toEqual(scanSearch(graph, typed, limit));
      }),
      { numRuns: 300 },
    );
  });

  it("on the bench's own requests (4-letter prefixes, limit 10)", () => {
    for (const label of labels.slice(0, 200)) expect(engine.search(label.slice(0, 4), 10)).toEqual(scanSearch(graph, label.slice(0, 4), 10));
  });

  // Same-length labels and aliases, few weights: many hits tie on score and weight, so the label order decides the cut.
  const syllable = fc.constantFrom("ka", "Ká", "ro", "RO", "mi", "ká");
  const label = fc.array(syllable, { minLength: 3, maxLength: 3 }).map((s) => s.join(""));
  const tiedGraph = fc
    .array(fc.record({ label, aliases: fc.array(label, { maxLength: 2 }), mentions: fc.constantFrom(0, 1) }), { minLength: 1, maxLength: 60 })
    .map((specs) => {
      const g = new MultiDirectedGraph();
      specs.forEach((s, i) => g.addNode(`n${i}`, { label: s.label, type: "actor", aliases: s.aliases, mentions: s.mentions }));
      return g;
    });

  it("when hits tie on score and weight across the top-k boundary", () => {
    fc.assert(
      fc.property(tiedGraph, fc.constantFrom("k", "ka", "kak", "r", "ro", "m"), fc.integer({ min: 1, max: 12 }), (g, q, limit) => {
        expect(createQueryEngine(g).search(q, limit)).toEqual(scanSearch(g, q, limit));
      }),
      { numRuns: 400 },
    );
  });
});
