/**
 * A small hand-built Parley graph for export and server tests: four node types,
 * a symmetric and a directed relation, evidence with dates, and one node whose
 * label carries characters XML 1.0 cannot hold.
 */
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, NodeType } from "../../src/types.ts";
import { EDGE_TYPE_BY_ID, NODE_COLORS } from "../../src/ontology.ts";
import type { ParleyGraph } from "../../src/graph/persist.ts";

export const NASTY_LABEL = "A\u0008B\u0000<&]]>\uD800\"'\tC";

export function sampleGraph(): ParleyGraph {
  const graph: ParleyGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({
    name: "sample",
    articles: [
      { id: "a1", title: "Talks in Jeddah", outlet: "Wire", published: "2025-03-11", url: null, file: "a1.txt", credits: [], sentences: 3, words: 40 },
      { id: "a2", title: "Kremlin replies", outlet: "Daily", published: "2025-03-13", url: null, file: "a2.txt", credits: [], sentences: 2, words: 30 },
    ],
  });
  const node = (key: string, label: string, type: NodeType, articles: string[], i: number, aliases: string[] = [label]) =>
    graph.addNode(key, { label, type, aliases, mentions: articles.length * 2, articles, x: i * 10.5, y: 1 - i * 3.25, size: 4 + i, color: NODE_COLORS[type] });
  node("marco-rubio", "Marco Rubio", "actor", ["a1"], 0, ["Marco Rubio", "Rubio", 'Secretary "Marco"']);
  node("vladimir-putin", "Vladimir Putin", "actor", ["a1", "a2"], 1, ["Vladimir Putin", "Putin"]);
  node("ukraine", "Ukraine", "organization", ["a1", "a2"], 2);
  node("cease-fire", "30-day cease-fire", "proposal", ["a1", "a2"], 3);
  node("jeddah", "Jeddah", "location", ["a1"], 4);
  node("nasty", NASTY_LABEL, "organization", ["a2"], 5, [NASTY_LABEL, "ok"]);
  const edge = (source: string, type: string, target: string, evidence: [string, number, string][]) => {
    const dates: Record<string, string> = { a1: "2025-03-11", a2: "2025-03-13" };
    const seen = evidence.map(([a]) => dates[a]!).sort();
    graph.addEdgeWithKey(`${source}|${type}|${target}`, source, target, {
      type,
      label: EDGE_TYPE_BY_ID.get(type)!.label,
      weight: evidence.length,
      evidence: evidence.map(([article, sentenceIndex, sentence]) => ({ article, sentence, quote: sentence.split(" ")[1] ?? "", rule: "test", sentenceIndex })),
      firstSeen: seen[0] ?? null,
      lastSeen: seen[seen.length - 1] ?? null,
    });
  };
  edge("marco-rubio", "negotiated_with", "vladimir-putin", [["a1", 0, "Rubio negotiated with Putin."], ["a2", 1, "Rubio and Putin held talks."]]);
  edge("ukraine", "supported", "cease-fire", [["a1", 1, "Ukraine supported the cease-fire."]]);
  edge("vladimir-putin", "considered", "cease-fire", [["a2", 0, "Putin considered the cease-fire."]]);
  edge("marco-rubio", "visited", "jeddah", [["a1", 2, "Rubio visited Jeddah."]]);
  edge("nasty", "criticized", "ukraine", [["a2", 1, `${NASTY_LABEL} criticized Ukraine.`]]);
  return graph;
}
