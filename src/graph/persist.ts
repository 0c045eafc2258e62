/**
 * Reading and writing the graph file. Every write is crash-safe: temp file in the
 * same folder → fsync → rename over the target → fsync of the folder, so a reader
 * (or a process killed mid-write) only ever sees the previous or the new file.
 */
import { open, rename, readFile, unlink } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
import { randomBytes } from "node:crypto";
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../types.ts";

export type ParleyGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export class GraphFileError extends Error {
  override name = "GraphFileError";
  expose = true;
}

/** Writes `data` to `file` atomically and durably. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const handle = await open(tmp, "w");
  try {
    await handle.writeFile(data);
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

export async function saveGraph(graph: ParleyGraph, file: string): Promise<void> {
  await writeFileAtomic(file, serializeGraph(graph));
}

export function graphFromJSON(data: SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>): ParleyGraph {
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.import(data);
  return graph;
}

export async function loadGraph(file: string): Promise<ParleyGraph> {
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
