/**
 * The `parley` command line: one sub-command per file under ./commands, each
 * registering itself on the commander program. Returns the process exit code.
 */
import { Command, CommanderError } from "commander";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "./paths.ts";
import { systemErrorMessage } from "./system-errors.ts";
import { UserError } from "./user-error.ts";

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs: a module pulls in
 * its whole stage (the server, the trainer, the fetch stack), and importing
 * all of them made every command — `parley serve` included — pay for the others.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  build: async () => (await import("./commands/build.ts")).registerBuild,
  query: async () => (await import("./commands/query.ts")).registerQuery,
  export: async () => (await import("./commands/export.ts")).registerExport,
  serve: async () => (await import("./commands/serve.ts")).registerServe,
  bench: async () => (await import("./commands/bench.ts")).registerBench,
  train: async () => (await import("./commands/train.ts")).registerTrain,
  parse: async () => (await import("./commands/parse.ts")).registerParse,
  "eval-nlp": async () => (await import("./commands/eval-nlp.ts")).registerEvalNlp,
  eval: async () => (await import("./commands/eval.ts")).registerEval,
  ingest: async () => (await import("./commands/ingest.ts")).registerIngest,
  edit: async () => (await import("./commands/edit.ts")).registerEdit,
};
/** Commands registered by another command's module. */
const ALSO: Record<string, string> = { start: "serve", watch: "ingest" };
/** Printed before any command is looked at: `parley --version` needs none of their modules. */
const VERSION_FLAGS = ["-V", "--version"];

export async function main(argv: string[]): Promise<number> {
  const program = new Command("parley")
    .description("Read negotiation news as a knowledge graph.")
    .version((JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version, VERSION_FLAGS.join(", "))
    .exitOverride()
    .showHelpAfterError();
  // The command named on the line alone; none for the version; every command for help, an unknown name or none.
  const named = argv[0] === undefined ? undefined : (ALSO[argv[0]] ?? argv[0]);
  const modules = VERSION_FLAGS.includes(argv[0]!) ? [] : named !== undefined && Object.hasOwn(COMMANDS, named) ? [COMMANDS[named]!] : Object.values(COMMANDS);
  for (const register of await Promise.all(modules.map((load) => load()))) register(program);
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof UserError || (err instanceof Error && (err as { expose?: boolean }).expose)) {
      process.stderr.write(`parley: ${err.message}\n`);
      return 1;
    }
    // A missing folder, a busy port, a read-only disk: the user's to fix, so one line and no trace.
    const system = systemErrorMessage(err);
    if (system) {
      process.stderr.write(`parley: ${system}\n`);
      return 1;
    }
    throw err;
  }
}
