/**
 * `parley export --format gexf|graphml|json [--dynamic] [--graph FILE] [--out FILE]`:
 * streams an export of the graph file to a file (written atomically) or stdout.
 */
import type { Command } from "commander";
import { loadGraph } from "../../graph/persist.ts";
import { EXPORT_FORMAT_IDS, exportToFile, getExportFormat, UnknownFormatError } from "../../export/index.ts";
import { UserError } from "../user-error.ts";

interface ExportFlags {
  format: string;
  graph: string;
  out?: string;
  dynamic?: boolean;
}

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write the graph as GEXF 1.3 (Gephi), GraphML or graphology JSON")
    .requiredOption("-f, --format <format>", `export format: ${EXPORT_FORMAT_IDS.join(" | ")}`)
    .option("-g, --graph <file>", "graph file to export", "graph-data/graph.json")
    .option("-o, --out <file>", "output file (default: standard output)")
    .option("--dynamic", "GEXF: add spells from publication dates for Gephi's timeline")
    .action(async (flags: ExportFlags) => {
      let format;
      try {
        format = getExportFormat(flags.format);
      } catch (err) {
        if (err instanceof UnknownFormatError) throw new UserError(err.message);
        throw err;
      }
      if (flags.dynamic && format.id !== "gexf") throw new UserError("--dynamic only applies to --format gexf");
      const graph = await loadGraph(flags.graph);
      const options = { dynamic: flags.dynamic === true };
      if (flags.out) {
        await exportToFile(graph, format.id, flags.out, options);
        process.stderr.write(`parley: wrote ${format.id} (${graph.order} nodes, ${graph.size} edges) to ${flags.out}\n`);
      } else {
        // `parley export … | head` closes the pipe early: that is the reader's choice, not an error.
        let closed = false;
        process.stdout.on("error", (err: NodeJS.ErrnoException) => {
          if (err.code !== "EPIPE") throw err;
          closed = true;
        });
        try {
          await format.write(graph, process.stdout, options);
        } catch (err) {
          if (!closed && (err as NodeJS.ErrnoException).code !== "EPIPE") throw err;
        }
      }
    });
}
