/**
 * graph.bin on disk, beside the graph file it belongs to (`graph.json` →
 * `graph.bin`). It is used only when it is whole (its checksum holds) and was
 * written with the very graph.json now beside it (same length and SHA-1):
 * graph.json rewritten by another tool, a copy of an older graph.bin, a file cut
 * short or damaged — each sends the loader back to graph.json. Only damage is
 * worth a line in the log: a stale snapshot is the expected result of editing
 * graph.json.
 *
 * Checking costs a SHA-1 of both files (half a gigabyte at 1M edges, most of
 * a second). Once a pair has been checked — or written by saveGraph — the
 * versions of both files (inode, size, mtime, ctime: any write changes the
 * ctime, which no tool can set back) are kept in `graph.bin.checked`; while
 * they stay the same, a start takes the snapshot without hashing again.
 *
 * A server reads it once, into shared memory: its query worker indexes those
 * bytes and its graph fills in from them (openSnapshot remembers what it
 * checked while neither file changes, so the second open reads nothing).
 */
import { createHash } from "node:crypto";
import { open, readFile, stat, unlink, writeFile, type FileHandle } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { GraphSnapshot, jsonIdentityOf } from "./decode.ts";
import { HASH_ALGORITHM, HEADER_BYTES, MAGIC, SnapshotError } from "./format.ts";
import type { JsonIdentity } from "./encode.ts";

export function snapshotFileOf(graphFile: string): string {
  const ext = extname(graphFile);
  return join(dirname(graphFile), `${ext ? basename(graphFile, ext) : basename(graphFile)}.bin`);
}

/** Where the versions of a checked pair are kept (see above). */
export const checkedStampOf = (graphFile: string) => `${snapshotFileOf(graphFile)}.checked`;

/** Both files' versions, as the stamp records them. */
async function pairVersions(graphFile: string): Promise<string> {
  return `${await versionOf(graphFile)} ${await versionOf(snapshotFileOf(graphFile))}`;
}

/** Records that graph.json and graph.bin, as they are now, belong together (best effort: without it the next start hashes). */
export async function markSnapshotChecked(graphFile: string): Promise<void> {
  await writeFile(checkedStampOf(graphFile), await pairVersions(graphFile)).catch(() => {});
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

export interface OpenOptions {
  /** Hears one line when a damaged snapshot is passed over. */
  log?: (line: string) => void;
  /** Read the file into a SharedArrayBuffer, so a worker thread can use the same bytes (GraphSnapshot.buffer). */
  shared?: boolean;
}

/** Which version of a file is on disk: any write changes its ctime (which no tool can set back), a replacement its inode. */
async function versionOf(file: string): Promise<string | null> {
  const s = await stat(file, { bigint: true }).catch(() => null);
  return s && `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/**
 * Snapshots this process checked, by graph file, with the versions of both files then: a second
 * open of an unchanged pair (the server's worker, then its corpus) takes the same bytes unread.
 */
const checked = new Map<string, { snapshot: WeakRef<GraphSnapshot>; versions: string; shared: boolean }>();

/**
 * The snapshot of `graphFile`, or null when there is none that may be used (missing, stale,
 * truncated, damaged); `log` hears one line for a damaged one.
 */
export async function openSnapshot(graphFile: string, options: OpenOptions = {}): Promise<GraphSnapshot | null> {
  const binFile = snapshotFileOf(graphFile);
  const versions = await pairVersions(graphFile);
  const known = checked.get(graphFile);
  const again = known && known.versions === versions && (known.shared || !options.shared) ? known.snapshot.deref() : undefined;
  if (again) return again;
  const stamped = (await readFile(checkedStampOf(graphFile), "utf8").catch(() => "")) === versions;
  const snapshot = await readSnapshot(graphFile, binFile, options, stamped);
  if (snapshot && !stamped) await markSnapshotChecked(graphFile);
  if (snapshot) checked.set(graphFile, { snapshot: new WeakRef(snapshot), versions, shared: !!options.shared });
  return snapshot;
}

async function readSnapshot(graphFile: string, binFile: string, options: OpenOptions, stamped: boolean): Promise<GraphSnapshot | null> {
  const damaged = (why: string) => (options.log?.(`warning: ignoring the graph snapshot ${binFile} (${why}); reading ${graphFile}`), null);
  let handle;
  try {
    handle = await open(binFile, "r");
  } catch {
    return null; // none (or unreadable): graph.json it is
  }
  let bytes: Buffer;
  let recorded: JsonIdentity;
  try {
    // The header first: a snapshot of another graph.json (another length) is not read any further.
    const header = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(header, 0, HEADER_BYTES, 0);
    const identity = jsonIdentityOf(header.subarray(0, bytesRead));
    if (!identity) return damaged(header.toString("latin1", 0, 8) === MAGIC ? "cut short" : "not a Parley graph snapshot");
    const size = await stat(graphFile).then((s) => s.size, () => -1);
    if (size !== identity.bytes) return null;
    recorded = { bytes: identity.bytes, hash: Buffer.from(identity.hash) };
    bytes = await readAll(handle, !!options.shared);
  } catch {
    return null;
  } finally {
    await handle.close();
  }
  let snapshot: GraphSnapshot;
  try {
    snapshot = new GraphSnapshot(bytes, { checksumChecked: stamped });
  } catch (err) {
    if (err instanceof SnapshotError || err instanceof RangeError) return damaged(err.message);
    throw err;
  }
  // The header read first and the whole file read after must agree, and graph.json must hash as recorded
  // (unless this very pair was checked before and neither file has changed since).
  if (!snapshot.json.hash.equals(recorded.hash)) return null;
  if (stamped) return snapshot;
  const actual = await fileIdentity(graphFile).catch(() => null);
  return actual && actual.bytes === recorded.bytes && actual.hash.equals(recorded.hash) ? snapshot : null;
}

/** The whole file, in a SharedArrayBuffer when it is to be shared with a worker thread. */
async function readAll(handle: FileHandle, shared: boolean): Promise<Buffer> {
  const { size } = await handle.stat();
  const bytes = shared ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
  let at = 0;
  while (at < size) {
    const { bytesRead } = await handle.read(bytes, at, size - at, at);
    if (bytesRead === 0) break; // cut short meanwhile: the length check refuses it
    at += bytesRead;
  }
  return at === size ? bytes : bytes.subarray(0, at);
}

/** Removes the snapshot of `graphFile`, if any (it can no longer match). */
export async function removeSnapshot(graphFile: string): Promise<void> {
  await unlink(snapshotFileOf(graphFile)).catch(() => {});
  await unlink(checkedStampOf(graphFile)).catch(() => {});
}
