/**
 * The name index behind search() and resolve(): a ranking table (exact >
 * prefix > word prefix > substring, label bonus, shorter names first, then
 * weight, label and node order), and property tests holding the sorted-key
 * index with top-k selection to a brute-force scan of every name — the
 * implementation it replaced — on random names with heavy overlap.
 */
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { createQueryEngine, fold } from "../../src/query/index.ts";
import { bruteSearch } from "./brute-search.ts";
import { foldUnicode } from "../../src/query/indexes/name-index.ts";

type NodeSpec = { key: string; label: string; aliases?: string[]; mentions?: number };

function graphOf(nodes: NodeSpec[], edges: Array<[number, number]> = []) {
  const g = new MultiDirectedGraph();
  for (const n of nodes) g.addNode(n.key, { label: n.label, type: "actor", aliases: n.aliases ?? [], mentions: n.mentions ?? 0 });
  edges.forEach(([s, t], i) => g.addEdgeWithKey(`e${i}`, nodes[s].key, nodes[t].key, { type: "met_with" }));
  return g;
}

describe("search ranking", () => {
  const graph = graphOf([
    { key: "joanna-smith", label: "Joanna Smith" },
    { key: "anna", label: "Anna" },
    { key: "annabel-lee", label: "Annabel Lee" },
    { key: "lee-anna-marie", label: "Lee Anna-Marie" },
    { key: "hannah-reed", label: "Hannah Reed", aliases: ["Anna R."] },
    { key: "anna-kovac", label: "Ánna Kovač" },
    { key: "bo-li-1", label: "Bo Li" },
    { key: "bo-li-2", label: "Bo Li" },
    { key: "bo-li-3", label: "Bo Li", mentions: 3 },
  ]);
  const engine = createQueryEngine(graph);

  it.each<[string, Array<[string, string, number]>]>([
    // exact 100 + label 5 + full-length 4; then prefix 80 (+5 label) + 4·|q|/|name|; alias without the label bonus;
    // word prefix 60; substring 40 (the key "hannah-reed" only matches mid-word, but its alias is a prefix hit).
    [
      "ANNA",
      [
        ["anna", "Anna", 109],
        ["anna-kovac", "Ánna Kovač", 86.6],
        ["annabel-lee", "Annabel Lee", 86.45],
        ["hannah-reed", "Anna R.", 82.67],
        ["lee-anna-marie", "Lee Anna-Marie", 66.14],
        ["joanna-smith", "Joanna Smith", 46.33],
      ],
    ],
    // Equal scores: more mentions first, then node order (the labels are equal).
    ["bo li", [["bo-li-3", "Bo Li", 109], ["bo-li-1", "Bo Li", 109], ["bo-li-2", "Bo Li", 109]]],
    ["kovac", [["anna-kovac", "Ánna Kovač", 67]]],
    ["nothing like it", []],
  ])("search(%s)", (q, expected) => {
    expect(engine.search(q).map((h) => [h.key, h.matched, h.score])).toEqual(expected);
    expect(engine.search(q)).toEqual(bruteSearch(graph, q, 10));
  });

  it("limits to the top k, by the same order", () => {
    expect(engine.search("anna", 2).map((h) => h.key)).toEqual(["anna", "anna-kovac"]);
    expect(engine.search("anna", 2.7)).toEqual(engine.search("anna", 2));
    expect(engine.search("anna", 0)).toEqual([]);
    expect(engine.search("anna", Number.NaN)).toEqual([]);
    expect(engine.search("  ")).toEqual([]);
  });
});

// Few letters and short words, so names overlap as prefixes, word prefixes and substrings.
const word = fc.constantFrom("an", "na", "ann", "anna", "nan", "bo", "ob", "é", "Án", "lee", "a", "n-a", "o'b", "ÅN");
const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(" "));
const graphArb = fc
  .array(fc.record({ label: name, aliases: fc.array(name, { maxLength: 3 }), mentions: fc.nat(3) }), { minLength: 1, maxLength: 40 })
  .chain((specs) =>
    fc.record({
      nodes: fc.constant(specs.map((s, i) => ({ ...s, key: `n${i}-${fold(s.label).replace(/ /g, "-")}` }))),
      edges: fc.array(fc.tuple(fc.nat(specs.length - 1), fc.nat(specs.length - 1)), { maxLength: 40 }),
    }),
  );


describe("name index against a brute-force scan (property-based)", () => {
  it("fold()'s ASCII shortcut folds like the Unicode path", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary-ascii", maxLength: 30 }), fc.array(fc.constantFrom("A", "b", "'s", "`S", " ", "-", "9", "_", "\t", "s"), { maxLength: 12 }).map((a) => a.join(""))), (s) => {
        expect(fold(s)).toBe(foldUnicode(s));
      }),
      { numRuns: 2000 },
    );
  });

  it("search() gives the scan's hits, scores and order for any limit", () => {
    fc.assert(
      fc.property(graphArb, fc.oneof(name, word, fc.string({ maxLength: 4 })), fc.constantFrom(1, 2, 3, 10, 1000), ({ nodes, edges }, q, limit) => {
        const graph = graphOf(nodes, edges);
        expect(createQueryEngine(graph).search(q, limit)).toEqual(bruteSearch(graph, q, limit));
      }),
      { numRuns: 400 },
    );
  });

  it("resolve() of a single word finds the one node having it as a whole word, else null", () => {
    fc.assert(
      fc.property(graphArb, word, ({ nodes, edges }, w) => {
        const graph = graphOf(nodes, edges);
        const engine = createQueryEngine(graph);
        const needle = fold(w);
        if (!needle || nodes.some((n) => n.key === w || [n.label, ...n.aliases, n.key].some((x) => fold(x) === needle))) return;
        const owners = new Set(nodes.filter((n) => [n.label, ...n.aliases, n.key].some((x) => ` ${fold(x)} `.includes(` ${needle} `))).map((n) => n.key));
        expect(engine.resolve(w)).toBe(owners.size === 1 ? [...owners][0] : null);
      }),
      { numRuns: 300 },
    );
  });
});
