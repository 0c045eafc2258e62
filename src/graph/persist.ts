/**
 * Reading and writing the graph file. Every write is crash-safe: temp file in the
 * same folder → fsync → rename over the target → fsync of the folder, so a reader
 * (or a process killed mid-write) only ever sees the previous or the new file.
 *
 * Every save writes two files: graph.json, the contract other tools read, and
 * graph.bin beside it, a binary snapshot of the same graph that records which
 * graph.json it was written with (./snapshot). Loading takes the snapshot when
 * it matches the graph.json beside it and is whole — the graph is then usable
 * at once and fills in graphology as it goes — else graph.json through the
 * streaming reader (stream-read.ts), so a 1M-edge file never has its text,
 * parse tree and graph in memory at once; any file that reader does not expect
 * is parsed whole here, so errors match graphology's own import.
 */
import { closeSync, openSync } from "node:fs";
import { open, readdir, rename, readFile, unlink } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
import { randomBytes } from "node:crypto";
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../types.ts";
import { DEFAULT_TUNING, readGraphStreaming, type StreamTuning } from "./stream-read.ts";
import { refuseReservedNodeKeys } from "./reserved-keys.ts";
import { SnapshotGraph, encodeSnapshot, identityOf, markSnapshotChecked, openSnapshot, removeSnapshot, snapshotFileOf } from "./snapshot/index.ts";

export type ParleyGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export class GraphFileError extends Error {
  override name = "GraphFileError";
  expose = true;
}

/** `.graph.json.<pid>.<hex>.tmp`: the temp file a write goes through, named after its process. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes temp files that writers killed mid-write left in `dir` (their process
 * is gone). They never shadow a real file, but each can be as large as the
 * graph, and a crash loop would pile them up. Returns the names removed.
 */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => {
    const m = TEMP_FILE.exec(n);
    return !!m && Number(m[1]) !== process.pid && !processAlive(Number(m[1]));
  });
  await Promise.all(stale.map((n) => unlink(join(dir, n)).catch(() => {})));
  return stale;
}

/** Writes `data` (or its chunks, in order) to `file` atomically and durably, first clearing temp files of dead writers. */
export async function writeFileAtomic(file: string, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  const dir = dirname(file);
  await removeStaleTempFiles(dir);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const handle = await open(tmp, "w");
  try {
    if (Array.isArray(data)) for (const chunk of data) await handle.write(chunk);
    else await handle.writeFile(data as string | Uint8Array);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await handle.close();
  try {
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
  const dirHandle = await open(dir, "r");
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}

/** graphology's own serialization, pretty-printed so a commit's diff shows what changed. */
export function serializeGraph(graph: ParleyGraph): string {
  return JSON.stringify(graph.export(), null, 1) + "\n";
}

/**
 * Writes graph.json, then its snapshot. A crash between the two leaves the old
 * snapshot, which no longer matches graph.json and is not used; a graph the
 * snapshot format does not take (not a directed multi graph) gets none.
 */
export async function saveGraph(graph: ParleyGraph, file: string): Promise<void> {
  const data = graph.export();
  const json = Buffer.from(JSON.stringify(data, null, 1) + "\n", "utf8");
  await writeFileAtomic(file, json);
  let chunks: Buffer[];
  try {
    chunks = encodeSnapshot(data, identityOf(json));
  } catch {
    return removeSnapshot(file);
  }
  // The snapshot is a cache of graph.json: failing to write it leaves graph.json the only (and complete) copy.
  await writeFileAtomic(snapshotFileOf(file), chunks).then(
    () => markSnapshotChecked(file),
    () => removeSnapshot(file),
  );
}

export function graphFromJSON(data: SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>): ParleyGraph {
  refuseReservedNodeKeys(data?.nodes);
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.import(data);
  return graph;
}

export { NotStreamableError, readGraphStreaming, type StreamTuning } from "./stream-read.ts";

const isSystemError = (err: unknown): err is NodeJS.ErrnoException => err instanceof Error && typeof (err as NodeJS.ErrnoException).code === "string" && "syscall" in err;

/** The whole file as one string, parsed and imported: for layouts the streaming reader does not take. */
async function readGraphWhole(file: string): Promise<ParleyGraph> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new GraphFileError(`cannot read graph file ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  try {
    return graphFromJSON(JSON.parse(text));
  } catch (err) {
    throw new GraphFileError(`graph file ${file} is not a graphology graph: ${(err as Error).message}`);
  }
}

export interface LoadOptions {
  /** Hears one line when a damaged snapshot is passed over. */
  log?: (line: string) => void;
  /** Fill a snapshot-loaded graph in between other work from now on, rather than when it is first used. */
  background?: boolean;
}

/** A graph loaded from its snapshot fills in graphology between other work from now on (others: nothing to do). */
export function loadRestInBackground(graph: ParleyGraph): void {
  if (graph instanceof SnapshotGraph) graph.loadInBackground();
}

/**
 * Loads a graph file (graphology's export format). Same result as
 * `graphFromJSON(JSON.parse(text))`; from its snapshot when that matches, else
 * from the file without its whole text and parse tree in memory at once.
 * Errors are GraphFileError naming the file.
 */
export async function loadGraph(file: string, options: LoadOptions = {}): Promise<ParleyGraph> {
  const snapshot = await openSnapshot(file, { log: options.log }).catch(() => null);
  if (snapshot) {
    try {
      return new SnapshotGraph(snapshot, { background: options.background });
    } catch {
      // A key graphology cannot hold: graph.json gives the same refusal, as the error users see.
    }
  }
  return loadGraphFromJson(file);
}

/** loadGraph without the snapshot: graph.json itself (the design before snapshots, and the fallback). */
export function loadGraphFromJson(file: string): Promise<ParleyGraph> {
  return loadGraphTuned(file, DEFAULT_TUNING);
}

/** loadGraph with the streaming reader's read and batch sizes given (tests cut tiny windows). */
export async function loadGraphTuned(file: string, tuning: StreamTuning): Promise<ParleyGraph> {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (err) {
    throw new GraphFileError(`cannot read graph file ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  try {
    return readGraphStreaming(fd, tuning);
  } catch (err) {
    if (isSystemError(err)) throw new GraphFileError(`cannot read graph file ${file}: ${err.code}`);
    // Not the expected layout, not valid JSON, or refused by graphology: the whole-file
    // path either reads it or throws the same error the previous loader did.
  } finally {
    closeSync(fd);
  }
  return readGraphWhole(file);
}
