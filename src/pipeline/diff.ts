/** What a rebuild added or strengthened, compared node by node and edge by edge. */
import type { ParleyGraph } from "../graph/persist.ts";

export interface GraphDiff {
  added: { nodes: string[]; edges: string[] };
  strengthened: { nodes: string[]; edges: string[] };
}

export function diffGraphs(before: ParleyGraph, after: ParleyGraph): GraphDiff {
  const diff: GraphDiff = { added: { nodes: [], edges: [] }, strengthened: { nodes: [], edges: [] } };
  after.forEachNode((key, attrs) => {
    if (!before.hasNode(key)) diff.added.nodes.push(key);
    else if (attrs.mentions > before.getNodeAttribute(key, "mentions")) diff.strengthened.nodes.push(key);
  });
  after.forEachEdge((key, attrs) => {
    if (!before.hasEdge(key)) diff.added.edges.push(key);
    else if (attrs.weight > before.getEdgeAttribute(key, "weight")) diff.strengthened.edges.push(key);
  });
  return diff;
}
