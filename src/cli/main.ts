/**
 * The `parley` command line: one sub-command per file under ./commands, each
 * registering itself on the commander program. Returns the process exit code.
 */
import { Command, CommanderError } from "commander";
import { registerBuild } from "./commands/build.ts";
import { registerQuery } from "./commands/query.ts";
import { registerExport } from "./commands/export.ts";
import { registerServe } from "./commands/serve.ts";
import { registerBench } from "./commands/bench.ts";
import { registerTrain } from "./commands/train.ts";
import { registerParse } from "./commands/parse.ts";
import { registerEvalNlp } from "./commands/eval-nlp.ts";
import { registerEval } from "./commands/eval.ts";
import { registerIngest } from "./commands/ingest.ts";
import { registerEdit } from "./commands/edit.ts";
import { UserError } from "./user-error.ts";

export async function main(argv: string[]): Promise<number> {
  const program = new Command("parley")
    .description("Read negotiation news as a knowledge graph.")
    .exitOverride()
    .showHelpAfterError();
  for (const register of [registerBuild, registerQuery, registerExport, registerServe, registerBench, registerTrain, registerParse, registerEvalNlp, registerEval, registerIngest, registerEdit]) register(program);
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof UserError || (err instanceof Error && (err as { expose?: boolean }).expose)) {
      process.stderr.write(`parley: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
