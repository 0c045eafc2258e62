export { createQueryRunner, type QueryRunner, type QueryWorkerOptions } from "./runner.ts";
export { inProcessRunner } from "./in-process.ts";
