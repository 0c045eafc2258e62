/**
 * The binary snapshot of a graph.json, from the file's bytes: what saveGraph
 * encodes from `graph.export()`, the same bytes (the encoder keeps only what
 * JSON keeps, so the parsed file and the export it was written from encode
 * alike). Null for a graph the snapshot format does not take.
 */
import { encodeSnapshot, identityOf, SnapshotError } from "../snapshot/index.ts";

/** `json`: graph.json's bytes, whole or in chunks. */
export function encodeSnapshotOfJson(json: Uint8Array | readonly Uint8Array[]): Uint8Array | null {
  const bytes = Array.isArray(json) ? Buffer.concat(json as Uint8Array[]) : Buffer.from((json as Uint8Array).buffer, (json as Uint8Array).byteOffset, (json as Uint8Array).byteLength);
  return encodeOf(bytes);
}

function encodeOf(json: Buffer): Uint8Array | null {
  const data = JSON.parse(json.toString("utf8"));
  try {
    return Buffer.concat(encodeSnapshot(data, identityOf(json)));
  } catch (err) {
    if (err instanceof SnapshotError) return null;
    throw err;
  }
}
