/**
 * Errors across the worker boundary. A worker can only post plain data, so each
 * query error class the error handler knows is packed as `{kind, ...fields}` in
 * the worker and rebuilt as the same class on the main thread, through one
 * table. Anything else arrives as a plain Error (a server fault: logged, 500).
 * Also the errors of the worker itself: a hard stop (time or memory) and a crash.
 */
import { QueryError, QueryGuardError, QueryRuntimeError, QuerySemanticError, QuerySyntaxError, UnknownNameError } from "../../query/index.ts";
import { HttpError } from "../http-errors.ts";

export interface PackedError {
  kind: string;
  message: string;
  [field: string]: unknown;
}

interface Codec {
  kind: string;
  is: (err: unknown) => boolean;
  pack: (err: any) => Record<string, unknown>;
  unpack: (packed: any) => Error;
}

/** Subclasses before their base class: the first match packs. */
const CODECS: readonly Codec[] = [
  { kind: "syntax", is: (e) => e instanceof QuerySyntaxError, pack: (e) => ({ line: e.line, column: e.column, expected: e.expected, found: e.found }), unpack: (p) => new QuerySyntaxError(p.line, p.column, p.expected, p.found) },
  { kind: "guard", is: (e) => e instanceof QueryGuardError, pack: (e) => ({ guard: e.guard, limit: e.limit }), unpack: (p) => new QueryGuardError(p.guard, p.limit) },
  { kind: "unknown_name", is: (e) => e instanceof UnknownNameError, pack: (e) => ({ name: e.name, suggestions: e.suggestions }), unpack: (p) => new UnknownNameError(p.name, p.suggestions) },
  // The message already says where: rebuilt without a position, then given its line and column back.
  {
    kind: "semantic",
    is: (e) => e instanceof QuerySemanticError,
    pack: (e) => ({ line: e.line, column: e.column }),
    unpack: (p) => Object.assign(new QuerySemanticError(p.message, p.cypher), { line: p.line, column: p.column }),
  },
  { kind: "runtime", is: (e) => e instanceof QueryRuntimeError, pack: () => ({}), unpack: (p) => new QueryRuntimeError(p.message) },
  {
    kind: "query",
    is: (e) => e instanceof QueryError,
    pack: (e) => ({ code: e.code }),
    unpack: (p) => Object.assign(new QueryError(p.message), { code: p.code }),
  },
];

export function packError(err: unknown): PackedError {
  const codec = CODECS.find((c) => c.is(err));
  const message = err instanceof Error ? err.message : String(err);
  if (!codec) return { kind: "internal", message: err instanceof Error && err.stack ? err.stack : message };
  const cypher = err instanceof QueryError ? err.cypher : undefined;
  return { ...codec.pack(err), kind: codec.kind, message, ...(cypher ? { cypher } : {}) };
}

export function unpackError(packed: PackedError): Error {
  const codec = CODECS.find((c) => c.kind === packed.kind);
  if (!codec) return new Error(`query worker: ${packed.message}`);
  const err = codec.unpack(packed);
  // openCypher's class and detail cross with every query error.
  if (err instanceof QueryError && packed.cypher) err.cypher = packed.cypher as QueryError["cypher"];
  return err;
}

/**
 * A query the worker had to be stopped for: it ran past the hard deadline
 * (the cooperative time guard did not get to run) or past the worker's memory
 * limit. Same public shape as the engine's guard errors.
 */
export class QueryHardStopError extends HttpError {
  override name = "QueryHardStopError";
  constructor(guard: "time" | "memory", limit: number) {
    const what = guard === "time" ? `ran past ${limit} ms` : `needed more than ${limit} MB`;
    super(guard === "time" ? 408 : 422, "query_guard", `query stopped by the ${guard} guard: it ${what}, so its worker was stopped; narrow the pattern (labels, names, a bounded *..N) or add LIMIT`, { guard, limit });
  }
}

/** The query worker failed for a reason of its own (it crashed or could not load the graph); the next query gets a fresh one. */
export class QueryWorkerError extends HttpError {
  override name = "QueryWorkerError";
  constructor(message: string) {
    super(503, "query_worker_failed", message);
  }
}

/** Too many console queries are already waiting for the worker. */
export class QueryQueueFullError extends HttpError {
  override name = "QueryQueueFullError";
  constructor(limit: number) {
    super(503, "query_busy", `more than ${limit} queries are waiting; try again shortly`, { limit });
  }
}
