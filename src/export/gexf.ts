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
import { edgeAttributes, NODE_ATTRIBUTES, formatScalar, parseHexColor, type ExportedAttribute, type ValueKind } from "./attribute-model.ts";
import { articleDates, firstDate, graphSpan } from "./timeline.ts";
import type { ExportOptions } from "./formats.ts";

const GEXF_TYPES: Record<ValueKind, string> = { string: "string", integer: "integer", double: "double", boolean: "boolean", list: "liststring" };

const LIST_ITEM_NEEDS_WORK = /[\\"\n]/;

/** GEXF 1.3 list literal: `["a", "b"]`, quotes, backslashes and newlines escaped. */
function gexfList(values: unknown): string {
  const items = Array.isArray(values) ? values : [];
  let out = "[";
  for (let i = 0; i < items.length; i++) {
    const item = String(items[i]);
    const text = LIST_ITEM_NEEDS_WORK.test(item) ? item.replace(/[\\"]/g, (c) => "\\" + c).replace(/\n/g, "\\n") : item;
    out += (i ? ', "' : '"') + text + '"';
  }
  return out + "]";
}

function declarations<A>(cls: "node" | "edge", model: readonly ExportedAttribute<A>[]): string {
  const rows = model.map((a) => `      <attribute id="${xmlAttr(a.id)}" title="${xmlAttr(a.id)}" type="${GEXF_TYPES[a.kind]}"/>\n`);
  return `    <attributes class="${cls}" mode="static">\n${rows.join("")}    </attributes>\n`;
}

/** An attribute of the model with its `<attvalue for="…" value="` opening written once. */
interface AttvalueSlot<A> {
  open: string;
  kind: ValueKind;
  get(attributes: A): unknown;
}

const slotsOf = <A>(model: readonly ExportedAttribute<A>[]): AttvalueSlot<A>[] =>
  model.map((a) => ({ open: `<attvalue for="${xmlAttr(a.id)}" value="`, kind: a.kind, get: a.get }));

const NODE_SLOTS = slotsOf(NODE_ATTRIBUTES);

/** Distinct scalar values remembered per attribute (types, dates, counts repeat across a million edges). */
const MEMO_LIMIT = 4096;

/** `build` remembered per distinct value, for up to MEMO_LIMIT values. */
function cappedMemo(build: (value: unknown) => string): (value: unknown) => string {
  const memo = new Map<unknown, string>();
  return (value) => {
    let text = memo.get(value);
    if (text === undefined) {
      text = build(value);
      if (memo.size < MEMO_LIMIT) memo.set(value, text);
    }
    return text;
  };
}

/**
 * The `<attvalues>` writer for one export: a scalar value's whole `<attvalue/>`
 * is built once and then looked up, so repeated values skip formatting and escaping.
 */
function attvaluesWriter<A>(slots: readonly AttvalueSlot<A>[]): (attrs: A) => string {
  const elements = slots.map((slot) => (slot.kind === "list" ? null : cappedMemo((value) => slot.open + xmlAttr(formatScalar(slot.kind as Exclude<ValueKind, "list">, value)) + '"/>')));
  return (attrs) => {
    let out = "";
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const value = slot.get(attrs);
      if (value === null || value === undefined) continue;
      if (slot.kind === "list") {
        out += slot.open + xmlAttr(gexfList(value)) + '"/>';
        continue;
      }
      out += elements[i]!(value);
    }
    return out === "" ? "" : "<attvalues>" + out + "</attvalues>";
  };
}

/** `<color/>` per distinct color string (a graph has a handful). */
function colorWriter(): (color: unknown) => string {
  return cappedMemo((color) => {
    const rgb = parseHexColor(color);
    return rgb ? `<color r="${rgb.r}" g="${rgb.g}" b="${rgb.b}" hex="${rgb.hex}"/>` : "";
  });
}

const spells = (start: string | null): string => (start ? `<spells><spell start="${start}"/></spells>` : "");

interface Writers {
  nodeAttvalues: (a: NodeAttributes) => string;
  edgeAttvalues: (a: EdgeAttributes) => string;
  color: (color: unknown) => string;
  dates: Map<string, string>;
  dynamic: boolean;
}

function nodeXml(key: string, a: NodeAttributes, w: Writers): string {
  let out = `      <node id="${xmlAttr(key)}" label="${xmlAttr(a.label ?? key)}">`;
  out += w.nodeAttvalues(a);
  if (w.dynamic) out += spells(firstDate((a.articles ?? []).map((id) => w.dates.get(id))));
  out += w.color(a.color);
  if (Number.isFinite(a.x) && Number.isFinite(a.y)) out += `<position x="${xmlNumber(a.x)}" y="${xmlNumber(a.y)}" z="0"/>`;
  if (Number.isFinite(a.size) && a.size >= 0) out += `<size value="${xmlNumber(a.size)}"/>`;
  return out + "</node>\n";
}

function edgeXml(key: string, source: string, target: string, a: EdgeAttributes, w: Writers): string {
  const weight = Number.isFinite(a.weight) ? ` weight="${xmlNumber(a.weight)}"` : "";
  let out = `      <edge id="${xmlAttr(key)}" source="${xmlAttr(source)}" target="${xmlAttr(target)}" label="${xmlAttr(a.label ?? a.type)}"${weight}>`;
  out += w.edgeAttvalues(a);
  if (w.dynamic) out += spells(firstDate([a.firstSeen]));
  return out + "</edge>\n";
}

export async function writeGexf(graph: ParleyGraph, stream: Writable, options: ExportOptions = {}): Promise<void> {
  const out = createChunkWriter(stream);
  const dynamic = options.dynamic === true;
  const graphAttrs = graph.getAttributes() as Attributes;
  const dates = articleDates(graph);
  const span = graphSpan(dates);
  const edgeModel = edgeAttributes(options);
  const writers: Writers = { nodeAttvalues: attvaluesWriter(NODE_SLOTS), edgeAttvalues: attvaluesWriter(slotsOf(edgeModel)), color: colorWriter(), dates, dynamic };
  const timeAttrs = dynamic ? ` mode="dynamic" timeformat="date"${span ? ` start="${span.start}" end="${span.end}"` : ""}` : ` mode="static"`;

  await out.write('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n');
  await out.write(`  <meta><creator>Parley</creator><description>${xmlText(graphAttrs.name ?? "Parley graph")}</description></meta>\n`);
  await out.write(`  <graph defaultedgetype="directed"${timeAttrs}>\n`);
  await out.write(declarations("node", NODE_ATTRIBUTES) + declarations("edge", edgeModel));
  await out.write(`    <nodes count="${graph.order}">\n`);
  // `out.write` returns a promise only when a chunk went out: awaiting every
  // element would cost a microtask turn per node and edge.
  for (const { node, attributes } of graph.nodeEntries()) {
    const sent = out.write(nodeXml(node, attributes, writers));
    if (sent) await sent;
  }
  await out.write(`    </nodes>\n    <edges count="${graph.size}">\n`);
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    const sent = out.write(edgeXml(edge, source, target, attributes, writers));
    if (sent) await sent;
  }
  await out.write("    </edges>\n  </graph>\n</gexf>\n");
  await out.flush();
}
