export { createQueryRunner, type QueryRunner, type QueryWorkerOptions } from "./runner.ts";
export { QueryHardStopError, QueryWorkerError, QueryQueueFullError } from "./errors.ts";
export { inProcessRunner } from "./in-process.ts";
