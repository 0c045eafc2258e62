/**
 * JSON shape of query results, shared by the CLI and the HTTP API: nodes as
 * {kind:'node', key, labels, properties}, relationships as {kind:'relationship',
 * key, type, start, end, properties} (evidence included), paths as
 * {kind:'path', nodes, relationships}; lists and maps recursively.
 */
import type { GraphIndex } from "../indexes/graph-index.ts";
import { NodeRef, PathVal, RelRef, isMap, type Value } from "../expressions/values.ts";

export interface NodeJSON {
  kind: "node";
  key: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface RelationshipJSON {
  kind: "relationship";
  key: string;
  type: string;
  start: string;
  end: string;
  properties: Record<string, unknown>;
}
export interface PathJSON {
  kind: "path";
  nodes: NodeJSON[];
  relationships: RelationshipJSON[];
}

export function nodeJSON(ix: GraphIndex, i: number): NodeJSON {
  return { kind: "node", key: ix.nodeKeys[i], labels: [...ix.nodeLabels[i]], properties: ix.nodeProps(i) };
}

export function relationshipJSON(ix: GraphIndex, e: number): RelationshipJSON {
  return {
    kind: "relationship",
    key: ix.edgeKey(e),
    type: ix.typeName(e),
    start: ix.nodeKeys[ix.edgeSource[e]],
    end: ix.nodeKeys[ix.edgeTarget[e]],
    properties: ix.edgeProps(e),
  };
}

export function toJSON(ix: GraphIndex, v: Value): unknown {
  if (v instanceof NodeRef) return nodeJSON(ix, v.idx);
  if (v instanceof RelRef) return relationshipJSON(ix, v.idx);
  if (v instanceof PathVal) return { kind: "path", nodes: v.nodes.map((i) => nodeJSON(ix, i)), relationships: v.rels.map((e) => relationshipJSON(ix, e)) };
  if (Array.isArray(v)) return v.map((x) => toJSON(ix, x));
  if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJSON(ix, x)]));
  return v;
}
