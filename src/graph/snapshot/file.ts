/**
 * graph.bin on disk, beside the graph file it belongs to (`graph.json` →
 * `graph.bin`). It is used only when it is whole (its checksum holds) and was
 * written with the very graph.json now beside it (same length and SHA-1):
 * graph.json rewritten by another tool, a copy of an older graph.bin, a file cut
 * short or damaged — each sends the loader back to graph.json. Only damage is
 * worth a line in the log: a stale snapshot is the expected result of editing
 * graph.json.
 */
import { createHash } from "node:crypto";
import { open, readFile, stat, unlink } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { GraphSnapshot, jsonIdentityOf } from "./decode.ts";
import { HASH_ALGORITHM, SnapshotError } from "./format.ts";
import type { JsonIdentity } from "./encode.ts";

export function snapshotFileOf(graphFile: string): string {
  const ext = extname(graphFile);
  return join(dirname(graphFile), `${ext ? basename(graphFile, ext) : basename(graphFile)}.bin`);
}

/** Length and SHA-1 of a file, read a few MiB at a time. */
export async function fileIdentity(file: string): Promise<JsonIdentity> {
  const handle = await open(file, "r");
  try {
    const hash = createHash(HASH_ALGORITHM);
    const buf = Buffer.allocUnsafe(4 * 2 ** 20);
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    return { bytes, hash: hash.digest() };
  } finally {
    await handle.close();
  }
}

export function identityOf(bytes: Uint8Array): JsonIdentity {
  return { bytes: bytes.length, hash: createHash(HASH_ALGORITHM).update(bytes).digest() };
}

/**
 * The snapshot of `graphFile`, or null when there is none that may be used (missing, stale,
 * truncated, damaged); `log` hears one line for a damaged one.
 */
export async function openSnapshot(graphFile: string, log: (line: string) => void = () => {}): Promise<GraphSnapshot | null> {
  const binFile = snapshotFileOf(graphFile);
  let bytes: Buffer;
  try {
    bytes = await readFile(binFile);
  } catch {
    return null;
  }
  const recorded = jsonIdentityOf(bytes);
  const damaged = (why: string) => (log(`warning: ignoring the graph snapshot ${binFile} (${why}); reading ${graphFile}`), null);
  if (!recorded) return damaged("not a Parley graph snapshot");
  const size = await stat(graphFile).then((s) => s.size, () => -1);
  if (size !== recorded.bytes) return null;
  let snapshot: GraphSnapshot;
  try {
    snapshot = new GraphSnapshot(bytes);
  } catch (err) {
    if (err instanceof SnapshotError || err instanceof RangeError) return damaged(err.message);
    throw err;
  }
  const actual = await fileIdentity(graphFile).catch(() => null);
  return actual && actual.bytes === recorded.bytes && actual.hash.equals(recorded.hash) ? snapshot : null;
}

/** Removes the snapshot of `graphFile`, if any (it can no longer match). */
export async function removeSnapshot(graphFile: string): Promise<void> {
  await unlink(snapshotFileOf(graphFile)).catch(() => {});
}
