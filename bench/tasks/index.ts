/** The benchmark's tasks by id, each run in its own child process by bench/child.ts. */
import type { TaskContext, TaskResult } from "../task-types.ts";
import { generate } from "./generate.ts";
import { shortestPath } from "./shortest-path.ts";
import { consoleShapes } from "./console-shapes.ts";
import { exportGexf, exportGraphml } from "./export.ts";
import { load } from "./load.ts";
import { extraction } from "./extraction.ts";
import { nlpSpeed } from "./nlp.ts";
import { coldStartTask } from "./cold-start.ts";
import { cliStart } from "./cli-start.ts";
import { corpusBuild, corpusIngest } from "./corpus.ts";
import { explorer } from "./explorer.ts";
import { metrics } from "./metrics.ts";

export type TaskId = keyof typeof TASKS | "server";

export const TASKS = {
  generate,
  "shortest-path": shortestPath,
  "console-shapes": consoleShapes,
  "export-gexf": exportGexf,
  "export-graphml": exportGraphml,
  load,
  extraction,
  nlp: nlpSpeed,
  "corpus-build": corpusBuild,
  "corpus-ingest": corpusIngest,
  "cold-start": coldStartTask,
  "cli-start": cliStart,
  explorer,
  metrics,
} satisfies Record<string, (ctx: TaskContext) => Promise<TaskResult>>;
