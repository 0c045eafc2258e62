/** Public surface of the query engine (used by the CLI and the HTTP server). */
export { createQueryEngine, createQueryEngineInSteps, type QueryEngine } from "./engine.ts";
export { indexSourceOf, type IndexSource } from "./index-source.ts";
export { DEFAULT_LIMITS, type QueryLimits } from "./guards.ts";
export { QueryError, QuerySyntaxError, QueryGuardError, UnknownNameError, QueryRuntimeError, type GuardName } from "./errors.ts";
export type { QueryResult, PathResult, PathHop, SearchHit } from "./result.ts";
export type { NodeJSON, RelationshipJSON, PathJSON } from "./serialize.ts";
export type { PathOptions } from "./path-api.ts";
export { parseQuery } from "./parser.ts";
export { fold } from "./name-index.ts";
export { Stepped } from "./stepped.ts";
