/**
 * JSON shape of query results, shared by the CLI and the HTTP API: nodes as
 * {kind:'node', key, labels, properties}, relationships as {kind:'relationship',
 * key, type, start, end, properties} (evidence included), paths as
 * {kind:'path', nodes, relationships}; lists and maps recursively; temporal
 * values as their openCypher string form ('2015-07-21', 'P1Y2M').
 */
import type { GraphIndex } from "../indexes/graph-index.ts";
import { NodeRef, PathVal, RelRef, Temporal, isMap, type Value } from "../expressions/values.ts";

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
  return { kind: "node", key: ix.nodeKeys[i], labels: [...ix.nodeLabels[i]], properties: plainProperties(ix.nodeProps(i)) };
}

export function relationshipJSON(ix: GraphIndex, e: number): RelationshipJSON {
  return {
    kind: "relationship",
    key: ix.edgeKey(e),
    type: ix.typeName(e),
    start: ix.nodeKeys[ix.edgeSource[e]],
    end: ix.nodeKeys[ix.edgeTarget[e]],
    properties: plainProperties(ix.edgeProps(e)),
  };
}

/** A stored property value that holds a temporal value (itself, or in a list: the only shapes a property has). */
const holdsTemporal = (v: unknown): boolean => v instanceof Temporal || (Array.isArray(v) && v.some((x) => x instanceof Temporal));

const plainValue = (v: unknown): unknown => (v instanceof Temporal ? v.toString() : Array.isArray(v) && holdsTemporal(v) ? v.map(plainValue) : v);

/** Properties as JSON holds them: temporal values as their strings; the same object when there are none. */
function plainProperties(props: Record<string, unknown>): Record<string, unknown> {
  for (const k in props) if (holdsTemporal(props[k])) return Object.fromEntries(Object.entries(props).map(([key, v]) => [key, plainValue(v)]));
  return props;
}

export function toJSON(ix: GraphIndex, v: Value): unknown {
  if (v instanceof NodeRef) return nodeJSON(ix, v.idx);
  if (v instanceof RelRef) return relationshipJSON(ix, v.idx);
  if (v instanceof PathVal) return { kind: "path", nodes: v.nodes.map((i) => nodeJSON(ix, i)), relationships: v.rels.map((e) => relationshipJSON(ix, e)) };
  if (Array.isArray(v)) return v.map((x) => toJSON(ix, x));
  if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJSON(ix, x)]));
  if (v instanceof Temporal) return v.toString();
  return v;
}
