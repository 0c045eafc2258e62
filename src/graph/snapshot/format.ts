/**
 * Layout of graph.bin, the binary snapshot written beside graph.json. Little
 * endian throughout; every section starts on an 8-byte boundary so typed
 * arrays can view it in place.
 *
 *   0   8   magic "PARLEYGB"
 *   8   4   format version
 *   12  4   byte-order mark 0x01020304
 *   16  8   file length (f64)
 *   24  8   byte length of the graph.json it was written with (f64)
 *   32  20  SHA-1 of that graph.json
 *   52  20  SHA-1 of bytes 72..end (section table and sections)
 *   72  4   section count
 *   76  4   0
 *   80  …   section table, 24 bytes each: u32 id, u32 0, f64 offset, f64 length
 *
 * SHA-1 here is an identity and integrity check (a stale, truncated or damaged
 * file), not a defence against someone forging a graph file.
 */
export const MAGIC = "PARLEYGB";
export const FORMAT_VERSION = 1;
export const BYTE_ORDER_MARK = 0x01020304;
export const HASH_ALGORITHM = "sha1";
export const HASH_BYTES = 20;
export const CHECKED_FROM = 72;
export const HEADER_BYTES = 80;
export const SECTION_ENTRY_BYTES = 24;
/** Offsets into the string and value areas are 32-bit. */
export const MAX_AREA_BYTES = 0xffffffff;
/** EDGE_TYPE entry of an edge whose `type` attribute is not a string. */
export const NO_STRING = 0xffffffff;

export const enum Section {
  /** UTF-8 JSON `{attributes}`: the graph's own attributes. */
  Meta = 1,
  StringBytes = 2,
  /** u32 × (strings + 1). */
  StringOffsets = 3,
  /** u8 per string: 0 = Latin-1, 1 = UTF-8, 2 = UTF-16LE (a string with a lone surrogate). */
  StringWide = 4,
  /** u32 runs: key count, then that many string ids, per shape. */
  Shapes = 5,
  /** u32 string id per node. */
  NodeKeys = 6,
  /** u32 × (nodes + 1): each node's attribute object in Values. */
  NodeAttributes = 7,
  EdgeKeys = 8,
  /** i32 node index per edge. */
  EdgeSource = 9,
  EdgeTarget = 10,
  EdgeAttributes = 11,
  /** u32 string id of each edge's `type` attribute, or NO_STRING. */
  EdgeType = 12,
  Values = 13,
}

export const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** Raised for a file that is not a usable snapshot (never shown to users: the loader falls back to graph.json). */
export class SnapshotError extends Error {
  override name = "SnapshotError";
}
