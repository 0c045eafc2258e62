/** Public surface of the query engine (used by the CLI and the HTTP server). */
export { createQueryEngine, createQueryEngineInSteps, type QueryEngine } from "./engine.ts";
export { indexSourceOf, type IndexSource } from "./indexes/index-source.ts";
export { DEFAULT_LIMITS, type QueryLimits } from "./execution/guards.ts";
export { QueryError, QuerySyntaxError, QueryGuardError, UnknownNameError, QueryRuntimeError, QuerySemanticError, type CypherErrorName, type GuardName } from "./errors.ts";
export type { QueryResult, PathResult, PathHop, SearchHit } from "./output/result.ts";
export type { NodeJSON, RelationshipJSON, PathJSON } from "./output/serialize.ts";
export type { PathOptions } from "./paths/path-api.ts";
export { parseQuery } from "./syntax/parser.ts";
export { fold } from "./indexes/name-index.ts";
export { Stepped } from "./indexes/stepped.ts";
