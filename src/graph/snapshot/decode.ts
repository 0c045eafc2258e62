/**
 * The bytes of graph.bin → a GraphSnapshot: typed-array views of the structure
 * (no copy), the string table, and attribute objects decoded on request. The
 * whole file is checked first (magic, version, byte order, length, checksum,
 * section bounds and the structure's indexes), so a snapshot that decodes is
 * the one its writer wrote; any damage is a SnapshotError.
 */
import { createHash } from "node:crypto";
import { StringTable } from "./string-table.ts";
import { ValueReader } from "./value-codec.ts";
import { BYTE_ORDER_MARK, CHECKED_FROM, FORMAT_VERSION, HASH_ALGORITHM, HASH_BYTES, HEADER_BYTES, MAGIC, NO_STRING, SECTION_ENTRY_BYTES, Section, SnapshotError } from "./format.ts";
import type { JsonIdentity } from "./encode.ts";

/** The header's record of the graph.json the snapshot was written with, read without checking anything else. */
export function jsonIdentityOf(bytes: Buffer): JsonIdentity | null {
  if (bytes.length < HEADER_BYTES || bytes.toString("latin1", 0, 8) !== MAGIC) return null;
  return { bytes: bytes.readDoubleLE(24), hash: bytes.subarray(32, 32 + HASH_BYTES) };
}

function sectionsOf(bytes: Buffer, checked: boolean): Map<Section, Buffer> {
  if (bytes.length < HEADER_BYTES || bytes.toString("latin1", 0, 8) !== MAGIC) throw new SnapshotError("not a Parley graph snapshot");
  if (bytes.readUInt32LE(8) !== FORMAT_VERSION) throw new SnapshotError(`snapshot format ${bytes.readUInt32LE(8)}, expecting ${FORMAT_VERSION}`);
  if (bytes.readUInt32LE(12) !== BYTE_ORDER_MARK || new Uint8Array(new Uint32Array([BYTE_ORDER_MARK]).buffer)[0] !== 0x04) throw new SnapshotError("snapshot of another byte order");
  if (bytes.readDoubleLE(16) !== bytes.length) throw new SnapshotError(`snapshot is ${bytes.length} bytes, its header says ${bytes.readDoubleLE(16)} (truncated?)`);
  if (!checked && !createHash(HASH_ALGORITHM).update(bytes.subarray(CHECKED_FROM)).digest().equals(bytes.subarray(52, 52 + HASH_BYTES))) {
    throw new SnapshotError("snapshot checksum does not match (damaged file)");
  }
  const count = bytes.readUInt32LE(72);
  const sections = new Map<Section, Buffer>();
  for (let i = 0; i < count; i++) {
    const at = HEADER_BYTES + i * SECTION_ENTRY_BYTES;
    if (at + SECTION_ENTRY_BYTES > bytes.length) throw new SnapshotError("snapshot section table is cut short");
    const offset = bytes.readDoubleLE(at + 8);
    const length = bytes.readDoubleLE(at + 16);
    if (!(Number.isSafeInteger(offset) && Number.isSafeInteger(length) && offset % 8 === 0 && offset >= 0 && offset + length <= bytes.length)) throw new SnapshotError("snapshot section out of bounds");
    sections.set(bytes.readUInt32LE(at), bytes.subarray(offset, offset + length));
  }
  return sections;
}

type TypedArray = Uint32Array | Int32Array | Uint8Array;

function section<T extends TypedArray>(sections: Map<Section, Buffer>, id: Section, Type: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number }): T {
  const bytes = sections.get(id);
  if (!bytes || bytes.length % Type.BYTES_PER_ELEMENT !== 0) throw new SnapshotError(`snapshot section ${id} is missing or misshapen`);
  return new Type(bytes.buffer, bytes.byteOffset, bytes.length / Type.BYTES_PER_ELEMENT);
}

function checkOffsets(offsets: Uint32Array, count: number, start: number, end: number, what: string): void {
  if (offsets.length !== count + 1 || offsets[0] !== start || offsets[count] !== end) throw new SnapshotError(`snapshot ${what} offsets do not match`);
  for (let i = 0; i < count; i++) if (offsets[i] > offsets[i + 1]) throw new SnapshotError(`snapshot ${what} offsets go backwards`);
}

export class GraphSnapshot {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly strings: StringTable;
  readonly nodeKeyIds: Uint32Array;
  readonly edgeKeyIds: Uint32Array;
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  /** String id of each edge's `type` attribute, or NO_STRING. */
  readonly edgeTypeIds: Uint32Array;
  readonly json: JsonIdentity;
  private readonly nodeAttributeOffsets: Uint32Array;
  private readonly edgeAttributeOffsets: Uint32Array;
  private readonly values: Buffer;
  private readonly shapeIds: Uint32Array[];
  private readonly meta: Buffer;

  /** The file's bytes: a SharedArrayBuffer when read to be shared with a worker thread. */
  readonly buffer: ArrayBufferLike;

  /**
   * Checks and views `bytes` (kept, not copied). `checksumChecked`: bytes whose checksum this
   * process has already checked (the server's, shared with its query worker); the rest is checked again.
   */
  constructor(bytes: Buffer, options: { checksumChecked?: boolean } = {}) {
    const sections = sectionsOf(bytes, options.checksumChecked === true);
    this.buffer = bytes.buffer;
    this.json = { bytes: bytes.readDoubleLE(24), hash: Buffer.from(bytes.subarray(32, 32 + HASH_BYTES)) };
    const stringBytes = sections.get(Section.StringBytes);
    this.meta = sections.get(Section.Meta)!;
    this.values = sections.get(Section.Values)!;
    if (!stringBytes || !this.meta || !this.values) throw new SnapshotError("snapshot sections are missing");
    this.strings = new StringTable(stringBytes, section(sections, Section.StringOffsets, Uint32Array), section(sections, Section.StringWide, Uint8Array));
    this.nodeKeyIds = section(sections, Section.NodeKeys, Uint32Array);
    this.edgeKeyIds = section(sections, Section.EdgeKeys, Uint32Array);
    this.edgeSource = section(sections, Section.EdgeSource, Int32Array);
    this.edgeTarget = section(sections, Section.EdgeTarget, Int32Array);
    this.edgeTypeIds = section(sections, Section.EdgeType, Uint32Array);
    this.nodeAttributeOffsets = section(sections, Section.NodeAttributes, Uint32Array);
    this.edgeAttributeOffsets = section(sections, Section.EdgeAttributes, Uint32Array);
    const n = (this.nodeCount = this.nodeKeyIds.length);
    const m = (this.edgeCount = this.edgeKeyIds.length);
    if (this.edgeSource.length !== m || this.edgeTarget.length !== m || this.edgeTypeIds.length !== m) throw new SnapshotError("snapshot edge sections differ in length");
    const s = this.strings.size;
    // Node objects, then edge objects, back to back in Values.
    checkOffsets(this.nodeAttributeOffsets, n, 0, this.edgeAttributeOffsets[0], "node attribute");
    checkOffsets(this.edgeAttributeOffsets, m, this.nodeAttributeOffsets[n], this.values.length, "edge attribute");
    for (let i = 0; i < n; i++) if (this.nodeKeyIds[i] >= s) throw new SnapshotError("snapshot node key out of range");
    for (let e = 0; e < m; e++) {
      if (this.edgeKeyIds[e] >= s || this.edgeSource[e] >>> 0 >= n || this.edgeTarget[e] >>> 0 >= n) throw new SnapshotError("snapshot edge out of range");
      if (this.edgeTypeIds[e] !== NO_STRING && this.edgeTypeIds[e] >= s) throw new SnapshotError("snapshot edge type out of range");
    }
    this.shapeIds = [];
    const shapes = section(sections, Section.Shapes, Uint32Array);
    for (let at = 0; at < shapes.length; ) {
      const len = shapes[at];
      const ids = shapes.subarray(at + 1, at + 1 + len);
      if (ids.length !== len || ids.some((id) => id >= s)) throw new SnapshotError("snapshot shape out of range");
      this.shapeIds.push(ids);
      at += 1 + len;
    }
  }

  /** The graph's own attributes. */
  graphAttributes(): Record<string, unknown> {
    const meta = JSON.parse(this.meta.toString("utf8")) as { attributes?: Record<string, unknown> };
    return meta.attributes ?? {};
  }

  /** Reads attribute objects with the given strings (all decoded, or one at a time). */
  reader(string: (id: number) => string = (id) => this.strings.get(id)): AttributeReader {
    const shapes = this.shapeIds.map((ids) => Array.from(ids, string));
    return new AttributeReader(new ValueReader(this.values, string, shapes), this.nodeAttributeOffsets, this.edgeAttributeOffsets);
  }
}

/** Decodes node and edge attribute objects, each a fresh object as JSON.parse would make it. */
export class AttributeReader {
  constructor(
    private readonly values: ValueReader,
    private readonly nodeOffsets: Uint32Array,
    private readonly edgeOffsets: Uint32Array,
  ) {}

  node(i: number): Record<string, unknown> {
    this.values.pos = this.nodeOffsets[i];
    return this.values.read() as Record<string, unknown>;
  }

  edge(e: number): Record<string, unknown> {
    this.values.pos = this.edgeOffsets[e];
    return this.values.read() as Record<string, unknown>;
  }
}
