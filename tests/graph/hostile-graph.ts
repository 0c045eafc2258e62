/**
 * A graph built to break a serializer: strings of every kind (astral and
 * combining characters, lone quotes and backslashes, control characters, RTL
 * marks, empty strings, Latin-1 next to wider text), attribute keys that are
 * JavaScript object members, numbers JSON cannot hold (NaN, ±Infinity, -0),
 * undefined values, nested objects and arrays, a node with no attributes, and
 * an edge with thousands of evidence entries. Seeded: the same graph each time.
 */
import { MultiDirectedGraph } from "graphology";
import type { ParleyGraph } from "../../src/graph/persist.ts";
import { rng } from "../../bench/generate-graph.ts";

export const HOSTILE_STRINGS = [
  "",
  " ",
  '"',
  "'",
  "\\",
  '\\"',
  "\u0000",
  "line\nbreak\r\n\ttab",
  "Kyïv — Zelenskyy’s “peace” plan",
  "Zürich, São Paulo, Łódź",
  "日本語のテキスト",
  "مفاوضات السلام",
  "\u202Eevil RTL\u202C",
  "emoji 🕊️👩‍👩‍👧 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "e\u0301 combining",
  "\uD83D lone high surrogate",
  "lone low \uDC00 surrogate",
  "</script><script>alert(1)</script>",
  "x".repeat(5000),
  "ÿ\u00ff\u0100 edge of Latin-1",
];

const KEYS = ["constructor ", "Constructor", "toString2", "__proto__x", "n-1", "0", "42", "-0", "1e3", "ünïcödé", "a|b|c", "🕊️", "with space", "quote\"key"];

export function hostileGraph(seed = 5): ParleyGraph {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const graph: ParleyGraph = new MultiDirectedGraph();
  graph.replaceAttributes({ name: "hostile ’graph’ 🕊️", articles: [{ id: "a\"1", title: pick(HOSTILE_STRINGS), outlet: null, published: null, url: null, file: "a.txt", credits: ["", "Ł"], sentences: 0, words: 0 }] } as never);
  const keys: string[] = [...KEYS];
  for (let i = 0; i < 60; i++) keys.push(`node-${i}-${pick(HOSTILE_STRINGS).slice(0, 12)}`);
  const unique = [...new Set(keys)];
  unique.forEach((key, i) => {
    if (i === 3) return graph.addNode(key); // no attributes at all
    const attributes: Record<string, unknown> = {
      label: pick(HOSTILE_STRINGS),
      type: pick(["actor", "organization", "proposal", "location"]),
      aliases: Array.from({ length: Math.floor(random() * 4) }, () => pick(HOSTILE_STRINGS)),
      mentions: Math.floor(random() * 1e6),
      articles: ["a\"1"],
      x: (random() - 0.5) * 1e6,
      y: pick([0, -0, 1e-300, -1.7976931348623157e308, 2 ** 53 + 2, -(2 ** 31), 0.1 + 0.2, NaN, Infinity, -Infinity]),
      size: pick([1, 127, 128, 255, 256, 65535, 2 ** 32, 2 ** 53 - 1, -1, -129]),
      color: "#e4572e",
      extra: { nested: { deeper: [1, [2, [3, {}]], null, true, false, undefined] }, empty: [], "": "empty key" },
      skipped: undefined,
      fn: () => 1,
    };
    if (i % 5 === 0) Object.defineProperty(attributes, "__proto__", { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
    if (i % 7 === 0) Object.assign(attributes, { constructor: "c", toString: "t", hasOwnProperty: 1, valueOf: null });
    if (i % 11 === 0) attributes.when = new Date(Date.UTC(2025, 2, 11, 12));
    graph.addNode(key, attributes as never);
  });
  const nodes = graph.nodes();
  for (let e = 0; e < 300; e++) {
    const source = pick(nodes);
    const target = random() < 0.05 ? source : pick(nodes); // a few self-loops
    const evidenceCount = e === 7 ? 5000 : 1 + Math.floor(random() * 3);
    const evidence = Array.from({ length: evidenceCount }, (_, k) => ({ article: "a\"1", sentence: pick(HOSTILE_STRINGS), quote: pick(HOSTILE_STRINGS), rule: `r${k % 3}`, sentenceIndex: k }));
    graph.addDirectedEdgeWithKey(`e${e}|${pick(HOSTILE_STRINGS).slice(0, 8)}|${e}`, source, target, {
      type: e % 13 === 0 ? (undefined as never) : pick(["negotiated_with", "rejected", "proposed", "Met_With", ""]),
      label: pick(HOSTILE_STRINGS),
      weight: evidenceCount,
      evidence,
      firstSeen: pick(["2025-03-11", null, ""]),
      lastSeen: null,
    });
  }
  // Edges between the same two nodes, both ways: multi-graph structure.
  graph.addDirectedEdgeWithKey("dup-1", nodes[0], nodes[1], { type: "met_with", label: "met with", weight: 1, evidence: [], firstSeen: null, lastSeen: null });
  graph.addDirectedEdgeWithKey("dup-2", nodes[0], nodes[1], { type: "met_with", label: "met with", weight: 2, evidence: [], firstSeen: null, lastSeen: null });
  graph.addDirectedEdgeWithKey("dup-3", nodes[1], nodes[0], {} as never);
  return graph;
}
