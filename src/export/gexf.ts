/**
 * GEXF 1.3 writer (Gephi's format), streamed node by node. Carries the node and
 * edge attributes of attribute-model.ts, plus color/position/size. With
 * `dynamic`, nodes and edges get spells starting at the publication date where
 * they first appear, so Gephi's timeline replays the story article by article.
 *
 * The viz elements are written in the GEXF namespace itself: that is where the
 * official 1.3 XSD declares them (a `viz:`-prefixed element in the
 * .../1.3/viz namespace does not validate against it). Gephi and graphology
 * match them by local name.
 */
import type { Writable } from "node:stream";
import type { Attributes } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../types.ts";
import type { ParleyGraph } from "../graph/persist.ts";
import { createChunkWriter } from "./chunk-writer.ts";
import { xmlAttr, xmlText, xmlNumber } from "./xml.ts";
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, formatScalar, parseHexColor, type ExportedAttribute, type ValueKind } from "./attribute-model.ts";
import { articleDates, firstDate, graphSpan } from "./timeline.ts";
import type { ExportOptions } from "./formats.ts";

const GEXF_TYPES: Record<ValueKind, string> = { string: "string", integer: "integer", double: "double", boolean: "boolean", list: "liststring" };

/** GEXF 1.3 list literal: `["a", "b"]`, quotes and backslashes escaped. */
function gexfList(values: unknown): string {
  const items = Array.isArray(values) ? values : [];
  return "[" + items.map((v) => '"' + String(v).replace(/[\\"]/g, (c) => "\\" + c).replace(/\n/g, "\\n") + '"').join(", ") + "]";
}

function declarations<A>(cls: "node" | "edge", model: readonly ExportedAttribute<A>[]): string {
  const rows = model.map((a) => `      <attribute id="${xmlAttr(a.id)}" title="${xmlAttr(a.id)}" type="${GEXF_TYPES[a.kind]}"/>\n`);
  return `    <attributes class="${cls}" mode="static">\n${rows.join("")}    </attributes>\n`;
}

function attvalues<A>(model: readonly ExportedAttribute<A>[], attrs: A): string {
  let out = "";
  for (const a of model) {
    const value = a.get(attrs);
    if (value === null || value === undefined) continue;
    const text = a.kind === "list" ? gexfList(value) : formatScalar(a.kind, value);
    out += `<attvalue for="${xmlAttr(a.id)}" value="${xmlAttr(text)}"/>`;
  }
  return out ? `<attvalues>${out}</attvalues>` : "";
}

const spells = (start: string | null): string => (start ? `<spells><spell start="${start}"/></spells>` : "");

function nodeXml(key: string, a: NodeAttributes, dates: Map<string, string>, dynamic: boolean): string {
  let out = `      <node id="${xmlAttr(key)}" label="${xmlAttr(a.label ?? key)}">`;
  out += attvalues(NODE_ATTRIBUTES, a);
  if (dynamic) out += spells(firstDate((a.articles ?? []).map((id) => dates.get(id))));
  const rgb = parseHexColor(a.color);
  if (rgb) out += `<color r="${rgb.r}" g="${rgb.g}" b="${rgb.b}" hex="${rgb.hex}"/>`;
  if (Number.isFinite(a.x) && Number.isFinite(a.y)) out += `<position x="${xmlNumber(a.x)}" y="${xmlNumber(a.y)}" z="0"/>`;
  if (Number.isFinite(a.size) && a.size >= 0) out += `<size value="${xmlNumber(a.size)}"/>`;
  return out + "</node>\n";
}

function edgeXml(key: string, source: string, target: string, a: EdgeAttributes, dynamic: boolean): string {
  const weight = Number.isFinite(a.weight) ? ` weight="${xmlNumber(a.weight)}"` : "";
  let out = `      <edge id="${xmlAttr(key)}" source="${xmlAttr(source)}" target="${xmlAttr(target)}" label="${xmlAttr(a.label ?? a.type)}"${weight}>`;
  out += attvalues(EDGE_ATTRIBUTES, a);
  if (dynamic) out += spells(firstDate([a.firstSeen]));
  return out + "</edge>\n";
}

export async function writeGexf(graph: ParleyGraph, stream: Writable, options: ExportOptions = {}): Promise<void> {
  const out = createChunkWriter(stream);
  const dynamic = options.dynamic === true;
  const graphAttrs = graph.getAttributes() as Attributes;
  const dates = articleDates(graph);
  const span = graphSpan(dates);
  const timeAttrs = dynamic ? ` mode="dynamic" timeformat="date"${span ? ` start="${span.start}" end="${span.end}"` : ""}` : ` mode="static"`;

  await out.write('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n');
  await out.write(`  <meta><creator>Parley</creator><description>${xmlText(graphAttrs.name ?? "Parley graph")}</description></meta>\n`);
  await out.write(`  <graph defaultedgetype="directed"${timeAttrs}>\n`);
  await out.write(declarations("node", NODE_ATTRIBUTES) + declarations("edge", EDGE_ATTRIBUTES));
  await out.write(`    <nodes count="${graph.order}">\n`);
  for (const { node, attributes } of graph.nodeEntries()) await out.write(nodeXml(node, attributes, dates, dynamic));
  await out.write(`    </nodes>\n    <edges count="${graph.size}">\n`);
  for (const { edge, source, target, attributes } of graph.edgeEntries()) await out.write(edgeXml(edge, source, target, attributes, dynamic));
  await out.write("    </edges>\n  </graph>\n</gexf>\n");
  await out.flush();
}
