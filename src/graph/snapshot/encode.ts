/**
 * Graph (graphology's serialized form, the same object graph.json is written
 * from) → the bytes of graph.bin. Deterministic: strings and shapes are
 * numbered in order of first appearance walking nodes then edges, so the same
 * graph gives the same bytes. Only a directed multi graph's serialization is
 * taken (what Parley writes); anything else is a SnapshotError and no snapshot
 * is written.
 */
import { createHash } from "node:crypto";
import type { SerializedGraph } from "graphology-types";
import { StringTableWriter } from "./string-table.ts";
import { ValueWriter } from "./value-codec.ts";
import { BYTE_ORDER_MARK, CHECKED_FROM, FORMAT_VERSION, HASH_ALGORITHM, HASH_BYTES, HEADER_BYTES, MAGIC, MAX_AREA_BYTES, NO_STRING, SECTION_ENTRY_BYTES, Section, SnapshotError, align8 } from "./format.ts";

/** The graph.json a snapshot belongs to: its byte length and SHA-1. */
export interface JsonIdentity {
  bytes: number;
  hash: Buffer;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySerialized = SerializedGraph<any, any, any>;

const view = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Encodes `data`; returns the file as a list of chunks (header first), ready to be written in order. */
export function encodeSnapshot(data: AnySerialized, json: JsonIdentity): Buffer[] {
  const options = data.options ?? {};
  if (options.type !== "directed" || options.multi !== true) throw new SnapshotError("graph/snapshot: only a directed multi graph is snapshotted");
  const nodes = data.nodes ?? [];
  const edges = data.edges ?? [];
  const strings = new StringTableWriter();
  const values = new ValueWriter(strings);

  const nodeKeys = new Uint32Array(nodes.length);
  const nodeAttributes = new Uint32Array(nodes.length + 1);
  const nodeIndex = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) {
    const { key, attributes } = nodes[i];
    if (typeof key !== "string" || nodeIndex.has(key)) throw new SnapshotError("graph/snapshot: expecting unique string node keys");
    nodeIndex.set(key, i);
    nodeKeys[i] = strings.unique(key);
    values.object(attributes ?? {});
    nodeAttributes[i + 1] = values.out.length;
  }
  const m = edges.length;
  const [edgeKeys, edgeSource, edgeTarget, edgeType, edgeAttributes] = [new Uint32Array(m), new Int32Array(m), new Int32Array(m), new Uint32Array(m), new Uint32Array(m + 1)];
  edgeAttributes[0] = values.out.length;
  for (let e = 0; e < m; e++) {
    const { key, source, target, attributes, undirected } = edges[e];
    const s = nodeIndex.get(source);
    const t = nodeIndex.get(target);
    if (typeof key !== "string" || undirected || s === undefined || t === undefined) throw new SnapshotError("graph/snapshot: expecting keyed directed edges between known nodes");
    edgeKeys[e] = strings.unique(key);
    edgeSource[e] = s;
    edgeTarget[e] = t;
    const type = attributes?.type;
    edgeType[e] = typeof type === "string" ? strings.id(type) : NO_STRING;
    values.object(attributes ?? {});
    edgeAttributes[e + 1] = values.out.length;
  }
  if (values.out.length > MAX_AREA_BYTES) throw new SnapshotError("graph/snapshot: attribute values exceed 4 GiB");
  const shapes = new Uint32Array(values.shapes.reduce((n, s) => n + 1 + s.length, 0)); // prefixes of shapes too: a few
  let at = 0;
  for (const s of values.shapes) {
    shapes[at++] = s.length;
    for (const id of s) shapes[at++] = id;
  }
  // After the values: object keys are strings too.
  const table = strings.encode();
  const meta = Buffer.from(JSON.stringify({ attributes: data.attributes ?? {} }), "utf8");
  const sections: Array<[Section, Buffer]> = [
    [Section.Meta, meta],
    [Section.StringBytes, view(table.bytes)],
    [Section.StringOffsets, view(table.offsets)],
    [Section.StringWide, view(table.wide)],
    [Section.Shapes, view(shapes)],
    [Section.NodeKeys, view(nodeKeys)],
    [Section.NodeAttributes, view(nodeAttributes)],
    [Section.EdgeKeys, view(edgeKeys)],
    [Section.EdgeSource, view(edgeSource)],
    [Section.EdgeTarget, view(edgeTarget)],
    [Section.EdgeAttributes, view(edgeAttributes)],
    [Section.EdgeType, view(edgeType)],
    [Section.Values, values.out.contents()],
  ];
  return assemble(sections, json);
}

/** Header + section table + 8-aligned sections, checksummed. */
function assemble(sections: Array<[Section, Buffer]>, json: JsonIdentity): Buffer[] {
  if (json.hash.length !== HASH_BYTES) throw new TypeError("graph/snapshot: expecting the graph file's SHA-1");
  const table = Buffer.alloc(SECTION_ENTRY_BYTES * sections.length);
  const chunks: Buffer[] = [];
  let offset = align8(HEADER_BYTES + table.length);
  const padding = (n: number) => Buffer.alloc(align8(n) - n);
  chunks.push(padding(HEADER_BYTES + table.length));
  sections.forEach(([id, bytes], i) => {
    table.writeUInt32LE(id, i * SECTION_ENTRY_BYTES);
    table.writeDoubleLE(offset, i * SECTION_ENTRY_BYTES + 8);
    table.writeDoubleLE(bytes.length, i * SECTION_ENTRY_BYTES + 16);
    chunks.push(bytes, padding(bytes.length));
    offset += align8(bytes.length);
  });
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(MAGIC, 0, "latin1");
  header.writeUInt32LE(FORMAT_VERSION, 8);
  header.writeUInt32LE(BYTE_ORDER_MARK, 12);
  header.writeDoubleLE(offset, 16);
  header.writeDoubleLE(json.bytes, 24);
  json.hash.copy(header, 32);
  header.writeUInt32LE(sections.length, 72);
  const checksum = createHash(HASH_ALGORITHM).update(header.subarray(CHECKED_FROM)).update(table);
  for (const c of chunks) checksum.update(c);
  checksum.digest().copy(header, 52);
  return [header, table, ...chunks];
}
