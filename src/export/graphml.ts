/**
 * GraphML writer with typed keys (for Cytoscape, yEd, NetworkX), streamed node by
 * node. GraphML has no list type and no visual vocabulary, so lists are written
 * as JSON text and layout/color as plain typed keys (x, y, size, color), the
 * convention graphology-graphml and Cytoscape read back.
 */
import type { Writable } from "node:stream";
import type { EdgeAttributes, NodeAttributes } from "../types.ts";
import type { ParleyGraph } from "../graph/persist.ts";
import { createChunkWriter } from "./chunk-writer.ts";
import { stripIllegalXmlChars, xmlAttr, xmlText } from "./xml.ts";
import { edgeAttributes, NODE_ATTRIBUTES, formatScalar, type ExportedAttribute, type ValueKind } from "./attribute-model.ts";
import type { ExportOptions } from "./formats.ts";

const GRAPHML_TYPES: Record<ValueKind, string> = { string: "string", integer: "int", double: "double", boolean: "boolean", list: "string" };

/** GraphML-only keys for what GEXF carries natively (element label/weight, viz). */
const NODE_KEYS: readonly ExportedAttribute<NodeAttributes>[] = [
  { id: "label", kind: "string", get: (a) => a.label },
  ...NODE_ATTRIBUTES,
  { id: "x", kind: "double", get: (a) => (Number.isFinite(a.x) ? a.x : null) },
  { id: "y", kind: "double", get: (a) => (Number.isFinite(a.y) ? a.y : null) },
  { id: "size", kind: "double", get: (a) => (Number.isFinite(a.size) ? a.size : null) },
  { id: "color", kind: "string", get: (a) => a.color },
];

const edgeKeys = (options: ExportOptions): readonly ExportedAttribute<EdgeAttributes>[] => [
  { id: "label", kind: "string", get: (a) => a.label },
  { id: "weight", kind: "double", get: (a) => a.weight },
  ...edgeAttributes(options),
];

const keyId = (cls: "node" | "edge", id: string) => `${cls[0]}_${id}`;

function keyDeclarations<A>(cls: "node" | "edge", model: readonly ExportedAttribute<A>[]): string {
  return model.map((a) => `  <key id="${keyId(cls, a.id)}" for="${cls}" attr.name="${xmlAttr(a.id)}" attr.type="${GRAPHML_TYPES[a.kind]}"/>\n`).join("");
}

function dataElements<A>(cls: "node" | "edge", model: readonly ExportedAttribute<A>[], attrs: A): string {
  let out = "";
  for (const a of model) {
    const value = a.get(attrs);
    if (value === null || value === undefined) continue;
    // Strip before JSON.stringify, which would otherwise re-encode the illegal characters as \u escapes.
    const text = a.kind === "list" ? JSON.stringify((Array.isArray(value) ? value : []).map((v) => stripIllegalXmlChars(String(v)))) : formatScalar(a.kind, value);
    out += `<data key="${keyId(cls, a.id)}">${xmlText(text)}</data>`;
  }
  return out;
}

export async function writeGraphml(graph: ParleyGraph, stream: Writable, options: ExportOptions = {}): Promise<void> {
  const edgeModel = edgeKeys(options);
  const out = createChunkWriter(stream);
  await out.write('<?xml version="1.0" encoding="UTF-8"?>\n');
  await out.write(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  );
  await out.write(keyDeclarations("node", NODE_KEYS) + keyDeclarations("edge", edgeModel));
  await out.write('  <graph id="parley" edgedefault="directed">\n');
  // `out.write` returns a promise only when a chunk went out; see chunk-writer.ts.
  for (const { node, attributes } of graph.nodeEntries()) {
    const sent = out.write(`    <node id="${xmlAttr(node)}">${dataElements("node", NODE_KEYS, attributes)}</node>\n`);
    if (sent) await sent;
  }
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    const sent = out.write(`    <edge id="${xmlAttr(edge)}" source="${xmlAttr(source)}" target="${xmlAttr(target)}">${dataElements("edge", edgeModel, attributes)}</edge>\n`);
    if (sent) await sent;
  }
  await out.write("  </graph>\n</graphml>\n");
  await out.flush();
}
