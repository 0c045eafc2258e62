/**
 * CSV tables of the graph for spreadsheets and dataframes: one file of nodes and
 * one of edges (the API sends one body, so they are two formats). RFC 4180 through
 * csv-stringify; lists (aliases, articles, evidence) are JSON text in their cell,
 * as in GraphML, so a reader gets them back exactly. Edges carry their ends'
 * labels beside the keys, so the table reads without a join.
 */
import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type { ParleyGraph } from "../graph/persist.ts";
import { createChunkWriter } from "./chunk-writer.ts";
import { edgeAttributes, formatScalar, NODE_ATTRIBUTES, type ExportedAttribute } from "./attribute-model.ts";
import type { ExportOptions } from "./formats.ts";
import type { EdgeAttributes, NodeAttributes } from "../types.ts";

function cell<A>(attribute: ExportedAttribute<A>, attrs: A): string {
  const value = attribute.get(attrs);
  if (value === null || value === undefined) return "";
  return attribute.kind === "list" ? JSON.stringify(Array.isArray(value) ? value.map(String) : []) : formatScalar(attribute.kind, value);
}

/** Rows are stringified a batch at a time: one csv-stringify call per row would cost more than the row. */
const BATCH = 2048;

async function writeRows(stream: Writable, header: string[], rows: Iterable<string[]>): Promise<void> {
  const out = createChunkWriter(stream);
  await out.write(stringify([header]));
  let batch: string[][] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      const sent = out.write(stringify(batch));
      batch = [];
      if (sent) await sent;
    }
  }
  if (batch.length) await out.write(stringify(batch));
  await out.flush();
}

export async function writeNodesCsv(graph: ParleyGraph, stream: Writable, _options: ExportOptions = {}): Promise<void> {
  const model = NODE_ATTRIBUTES;
  const header = ["id", "label", ...model.map((a) => a.id), "degree"];
  function* rows(): Iterable<string[]> {
    for (const { node, attributes } of graph.nodeEntries()) {
      yield [node, (attributes as NodeAttributes).label ?? node, ...model.map((a) => cell(a, attributes as NodeAttributes)), String(graph.degree(node))];
    }
  }
  await writeRows(stream, header, rows());
}

export async function writeEdgesCsv(graph: ParleyGraph, stream: Writable, options: ExportOptions = {}): Promise<void> {
  const model = edgeAttributes(options);
  const header = ["id", "source", "target", "sourceLabel", "targetLabel", "label", "weight", ...model.map((a) => a.id)];
  const label = (key: string) => graph.getNodeAttribute(key, "label") ?? key;
  function* rows(): Iterable<string[]> {
    for (const { edge, source, target, attributes } of graph.edgeEntries()) {
      const a = attributes as EdgeAttributes;
      yield [edge, source, target, label(source), label(target), a.label ?? a.type, formatScalar("double", a.weight), ...model.map((m) => cell(m, a))];
    }
  }
  await writeRows(stream, header, rows());
}
