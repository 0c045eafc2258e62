/** A small hand-built graph in the graph-file shape, for the web's unit tests. */
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, NodeAttributes, NodeType } from "../../src/types.ts";
import { EDGE_TYPE_BY_ID } from "../../src/ontology.ts";

export function node(label: string, type: NodeType, aliases: string[] = []): NodeAttributes {
  return { label, type, aliases, mentions: 1, articles: ["a1"], x: 0, y: 0, size: 5, color: "#000" };
}

export function edge(type: string, firstSeen: string | null, lastSeen = firstSeen, sentence = `${type} sentence`): EdgeAttributes {
  return {
    type,
    label: EDGE_TYPE_BY_ID.get(type)!.label,
    weight: 1,
    evidence: [{ article: "a1", sentence, quote: type.replace(/_/g, " "), rule: "test", sentenceIndex: 3 }],
    firstSeen,
    lastSeen,
  };
}

export function sampleGraph() {
  const g = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  g.addNode("marco-rubio", node("Marco Rubio", "actor", ["Rubio"]));
  g.addNode("andriy-yermak", node("Andriy Yermak", "actor", ["Yermak"]));
  g.addNode("vladimir-putin", node("Vladimir Putin", "actor", ["Putin"]));
  g.addNode("ceasefire", node("30-day ceasefire", "proposal"));
  g.addNode("kursk", node("Kursk", "location"));
  g.addNode("loner", node("Loner", "organization"));
  const add = (s: string, t: string, a: EdgeAttributes) => g.addEdgeWithKey(`${s}|${a.type}|${t}`, s, t, a);
  add("andriy-yermak", "marco-rubio", edge("negotiated_with", "2025-03-11"));
  add("marco-rubio", "ceasefire", edge("proposed", "2025-03-11", "2025-03-14"));
  add("vladimir-putin", "ceasefire", edge("rejected", "2025-03-14"));
  add("vladimir-putin", "kursk", edge("visited", "2025-03-12"));
  add("marco-rubio", "vladimir-putin", edge("criticized", null));
  return g;
}
