/**
 * `parley export --format gexf|graphml|json|cypher|memgraph|neo4j [--dynamic] [--graph FILE] [--out FILE|DIR]`:
 * streams an export of the graph file to a file (written atomically) or stdout;
 * `neo4j` writes a folder of CSV files for neo4j-admin and prints the import command.
 */
import type { Command } from "commander";
import { loadGraph, type ParleyGraph } from "../../graph/persist.ts";
import { ALL_EXPORT_FORMAT_IDS, exportToFile, findExportFormat, UnknownFormatError, type DirectoryExportFormat, type ExportFormat, type ExportOptions } from "../../export/index.ts";
import { UserError } from "../user-error.ts";

interface ExportFlags {
  format: string;
  graph: string;
  out?: string;
  dynamic?: boolean;
}

async function exportStream(graph: ParleyGraph, format: ExportFormat, out: string | undefined, options: ExportOptions): Promise<void> {
  if (out) {
    await exportToFile(graph, format.id, out, options);
    process.stderr.write(`parley: wrote ${format.id} (${graph.order} nodes, ${graph.size} edges) to ${out}\n`);
    return;
  }
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

/** Writes the folder; the import command goes to stdout, so it can be copied or piped into a shell. */
async function exportDirectory(graph: ParleyGraph, format: DirectoryExportFormat, dir: string, options: ExportOptions): Promise<void> {
  const result = await format.writeDirectory(graph, dir, options);
  process.stderr.write(`parley: wrote ${format.id} (${result.nodes} nodes, ${result.relationships} relationships) to ${result.files.join(", ")}; import with:\n`);
  process.stdout.write(`${result.command}\n`);
}

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write the graph as GEXF 1.3 (Gephi), GraphML, graphology JSON, a Cypher script (cypher-shell, Memgraph) or CSV files for neo4j-admin import")
    .requiredOption("-f, --format <format>", `export format: ${ALL_EXPORT_FORMAT_IDS.join(" | ")}`)
    .option("-g, --graph <file>", "graph file to export", "graph-data/graph.json")
    .option("-o, --out <path>", "output file (default: standard output); for neo4j, the folder to write the CSV files into (required)")
    .option("--dynamic", "GEXF: add spells from publication dates for Gephi's timeline")
    .action(async (flags: ExportFlags) => {
      let format;
      try {
        format = findExportFormat(flags.format);
      } catch (err) {
        if (err instanceof UnknownFormatError) throw new UserError(err.message);
        throw err;
      }
      if (flags.dynamic && format.id !== "gexf") throw new UserError("--dynamic only applies to --format gexf");
      if (format.output === "directory" && !flags.out) throw new UserError(`--format ${format.id} writes several files: give the folder to write them into with --out DIR`);
      const graph = await loadGraph(flags.graph);
      const options = { dynamic: flags.dynamic === true };
      if (format.output === "directory") await exportDirectory(graph, format, flags.out!, options);
      else await exportStream(graph, format, flags.out, options);
    });
}
