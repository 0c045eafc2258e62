/**
 * A generated news graph (bench/generate-graph.ts) rewritten so every key,
 * label, alias and evidence sentence is text that breaks naive CSV and Cypher
 * writers: quotes of both kinds, commas, semicolons, line breaks of every
 * kind (including the ones Java's regular expressions stop at), backslashes
 * before quotes, backticks, the CSV array delimiter, statement-looking text,
 * astral and combining characters, right-to-left text, empty and padded strings.
 */
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../src/types.ts";
import type { ParleyGraph } from "../../src/graph/persist.ts";
import { generateGraph } from "../../bench/generate-graph.ts";

export const HOSTILE_TEXTS: readonly string[] = [
  'He said "no", then \'yes\'',
  "a,b,,c;d",
  "line one\nline two\r\nline three\rend",
  "C:\\path\\to\\\"file\"\\",
  "\\",
  "tab\there `backtick` ``double``",
  "next\u0085line\u2028sep\u2029para",
  "array\u001Fdelimiter",
  "] AS row MERGE (x) // not a comment /* nor this */ $rows;",
  ":param rows => [1]",
  "😀 Zürich Ñandú e\u0301 ٱلسلام עברית",
  "  padded  ",
  "",
  '""',
  "{id: 'x', props: {}}",
];

const pick = (i: number) => HOSTILE_TEXTS[i % HOSTILE_TEXTS.length]!;

/** `nodes` nodes and about `edges` edges, every text hostile; keys stay unique by a numbered suffix. */
export function hostileGraph(nodes = 120, edges = 600, seed = 11): ParleyGraph {
  const base = generateGraph({ nodes, edges, seed });
  const graph: ParleyGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes(base.getAttributes());
  const keyOf = new Map<string, string>();
  let i = 0;
  base.forEachNode((key, a) => {
    const hostileKey = `${pick(i)}#${i}`;
    keyOf.set(key, hostileKey);
    // No empty alias: neo4j-admin cannot tell an empty array item from a missing one.
    const aliases = [pick(i + 1) || "x", pick(i + 3) || "y"];
    graph.addNode(hostileKey, { ...a, label: pick(i), aliases, articles: [pick(i + 5) || "a", "gen"] });
    i++;
  });
  let e = 0;
  base.forEachEdge((_key, a, source, target) => {
    const evidence = a.evidence.map((ev) => ({ ...ev, sentence: `${pick(e)} ${pick(e + 2)}`, quote: pick(e + 4), rule: pick(e + 6) }));
    graph.addDirectedEdgeWithKey(`${keyOf.get(source)}|${a.type}|${keyOf.get(target)}`, keyOf.get(source)!, keyOf.get(target)!, {
      ...a,
      label: pick(e + 1),
      evidence,
      weight: evidence.length,
      firstSeen: e % 5 === 0 ? null : a.firstSeen,
    });
    e++;
  });
  return graph;
}
