/**
 * `parley query "<query>" [--graph FILE] [--format table|json] [--param k=v]`:
 * runs one openCypher query or console shortcut against a graph file and prints
 * the result (paths as readable hops with their evidence quotes in table format).
 */
import { DEFAULT_GRAPH_FILE } from "../paths.ts";
import type { Command } from "commander";
import { UserError } from "../user-error.ts";

const FORMATS = ["table", "json"] as const;

/** `--param name=value`: the value is JSON when it parses (numbers, lists, quoted strings), else a string. */
function collectParam(raw: string, params: Record<string, unknown>): Record<string, unknown> {
  const eq = raw.indexOf("=");
  if (eq <= 0) throw new UserError(`--param expects name=value, got "${raw}"`);
  const name = raw.slice(0, eq).replace(/^\$/, "");
  const text = raw.slice(eq + 1);
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {
    // not JSON: keep it as a string
  }
  return { ...params, [name]: value };
}

export function registerQuery(program: Command): void {
  program
    .command("query")
    .description("run an openCypher read query or a shortcut (path A -> B, paths A -> B k 3, neighbors X, find TEXT)")
    .argument("<query>", "the query text")
    .option("--graph <file>", "graph file", DEFAULT_GRAPH_FILE)
    .option("--format <format>", `output format: ${FORMATS.join(" or ")}`, "table")
    .option("--param <name=value>", "query parameter (repeatable)", collectParam, {})
    .action(async (text: string, opts: { graph: string; format: string; param: Record<string, unknown> }) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) throw new UserError(`--format must be ${FORMATS.join(" or ")}, got "${opts.format}"`);
      // Loaded when the command runs, so `parley --help` does not pay for the engine.
      const [{ loadGraph }, { createQueryEngine, QueryError }, { formatTable }] = await Promise.all([
        import("../../graph/persist.ts"),
        import("../../query/index.ts"),
        import("../../query/output/format-text.ts"),
      ]);
      const engine = createQueryEngine(await loadGraph(opts.graph));
      let result;
      try {
        result = await engine.run(text, opts.param);
      } catch (err) {
        // openCypher's name for the error, as Neo4j would give it: "… (SyntaxError: UndefinedVariable)".
        if (err instanceof QueryError) throw new UserError(err.cypher ? `${err.message} (${err.cypher.class}: ${err.cypher.detail})` : err.message);
        throw err;
      }
      process.stdout.write(opts.format === "json" ? JSON.stringify(result, null, 2) + "\n" : formatTable(result) + "\n");
    });
}
