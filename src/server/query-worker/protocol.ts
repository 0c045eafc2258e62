/** Messages between the server and its query worker (both directions are plain data). */
import type { QueryLimits } from "../../query/index.ts";
import type { PackedError } from "./errors.ts";

/** What the worker starts with. */
export interface WorkerInit {
  graphFile: string;
  limits: Partial<QueryLimits>;
  /** The graph's binary snapshot, already read and checked by the server: used instead of reading the file. */
  snapshot?: SharedArrayBuffer;
}

export interface ToWorker {
  id: number;
  query: string;
  params?: Record<string, unknown>;
}

export type FromWorker =
  | { ready: { nodes: number; edges: number } }
  | { failed: PackedError }
  | { id: number; json: string }
  | { id: number; error: PackedError };
