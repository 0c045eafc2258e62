/**
 * `parley export --format gexf|graphml|json|nodes-csv|edges-csv|cypher|memgraph|neo4j [--dynamic] [--evidence]
 * [--filter "xn=location&deg=2"] [--graph FILE] [--out FILE|DIR]`:
 * streams an export of the graph file (or of the filtered view, with the
 * explorer's filter parameters) to a file (written atomically) or stdout;
 * `neo4j` writes a folder of CSV files for neo4j-admin and prints the import command.
 */
import { DEFAULT_GRAPH_FILE } from "../paths.ts";
import type { Command } from "commander";
import type { ParleyGraph } from "../../graph/persist.ts";
import { ALL_EXPORT_FORMAT_IDS, exportToFile, findExportFormat, UnknownFormatError, type DirectoryExportFormat, type ExportFormat, type ExportOptions } from "../../export/index.ts";
import { UserError } from "../user-error.ts";
import { FILTER_PARAMS, FilterParamError, filteredGraph, parseFilters, type Filters } from "../../graph/view-filter.ts";

interface ExportFlags {
  format: string;
  graph: string;
  out?: string;
  dynamic?: boolean;
  evidence?: boolean;
  filter?: string;
}

/** `--filter` takes the explorer's own query parameters, as its URL and /api/export spell them. */
function cliFilters(text: string | undefined): Filters | null {
  if (text === undefined) return null;
  const params = new URLSearchParams(text.replace(/^\?/, ""));
  const known = new Set<string>(Object.values(FILTER_PARAMS));
  const stray = [...params.keys()].filter((k) => !known.has(k));
  if (stray.length) throw new UserError(`--filter: unknown parameter ${stray.join(", ")} (expected ${[...known].join(", ")}, e.g. "xn=location&deg=2")`);
  try {
    return parseFilters((name) => {
      if (params.getAll(name).length > 1) throw new FilterParamError(name, `${name}: give it once, as one comma-separated value`);
      return params.get(name);
    });
  } catch (err) {
    if (err instanceof FilterParamError) throw new UserError(`--filter: ${err.message}`);
    throw err;
  }
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
    .option("-g, --graph <file>", "graph file to export", DEFAULT_GRAPH_FILE)
    .option("-o, --out <path>", "output file (default: standard output); for neo4j, the folder to write the CSV files into (required)")
    .option("--dynamic", "GEXF: add spells from publication dates for Gephi's timeline")
    .option("--evidence", "GEXF, GraphML, edges-csv: each edge's evidence sentences and their articles as attributes")
    .option("--filter <params>", 'export only what the explorer\'s filters keep, as its URL spells them: xn=<node types>, xe=<edge types>, deg=<min degree>, since=, until=<YYYY-MM-DD> (e.g. "xn=location&deg=2")')
    .action(async (flags: ExportFlags) => {
      let format;
      try {
        format = findExportFormat(flags.format);
      } catch (err) {
        if (err instanceof UnknownFormatError) throw new UserError(err.message);
        throw err;
      }
      if (flags.dynamic && format.id !== "gexf") throw new UserError("--dynamic only applies to --format gexf");
      if (flags.evidence && (format.output !== "stream" || !format.evidence)) throw new UserError("--evidence applies to --format gexf, graphml and edges-csv (json always carries the evidence)");
      const filters = cliFilters(flags.filter);
      if (format.output === "directory" && !flags.out) throw new UserError(`--format ${format.id} writes several files: give the folder to write them into with --out DIR`);
      // Loaded when the command runs, so `parley --help` does not pay for the graph loader.
      const { loadGraph } = await import("../../graph/persist.ts");
      const whole = await loadGraph(flags.graph);
      const graph = filters ? filteredGraph(whole, filters) : whole;
      const options = { dynamic: flags.dynamic === true, evidence: flags.evidence === true };
      if (format.output === "directory") await exportDirectory(graph, format, flags.out!, options);
      else await exportStream(graph, format, flags.out, options);
    });
}
