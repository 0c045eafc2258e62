/**
 * The export formats as one declarative registry, read by the CLI
 * (`parley export`), the API (`GET /api/export`) and the web app. Adding a
 * format is adding a row. A stream format writes one document to a Writable
 * (a file, standard output, an HTTP response); a folder format writes several
 * files side by side, so only the CLI offers it (`--out DIR`), and the API,
 * which answers with one body, leaves it out of EXPORT_FORMAT_IDS.
 */
import type { Writable } from "node:stream";
import type { ParleyGraph } from "../graph/persist.ts";
import { writeGexf } from "./gexf.ts";
import { writeGraphml } from "./graphml.ts";
import { writeJson } from "./json.ts";
import { writeEdgesCsv, writeNodesCsv } from "./csv.ts";
import { writeCypherShellScript, writeMemgraphScript } from "./cypher-script.ts";
import { writeNeo4jImport, type DirectoryExport } from "./neo4j-import.ts";

export interface ExportOptions {
  /** GEXF only: spells from publication dates for Gephi's timeline. */
  dynamic?: boolean;
  /** GEXF, GraphML and edge CSV: every edge's evidence sentences (and their articles) as attributes, not only their count. */
  evidence?: boolean;
}

export type ExportFormatId = "gexf" | "graphml" | "json" | "nodes-csv" | "edges-csv" | "cypher" | "memgraph";
export type DirectoryFormatId = "neo4j";

/** A format written as one stream. */
export interface ExportFormat {
  id: ExportFormatId;
  output: "stream";
  label: string;
  extension: string;
  mime: string;
  /** Whether the `evidence` option changes what it writes. */
  evidence?: boolean;
  /** Writes the whole export to `stream` chunk by chunk; does not end the stream. */
  write(graph: ParleyGraph, stream: Writable, options?: ExportOptions): Promise<void>;
}

/** A format written as several files into a folder. */
export interface DirectoryExportFormat {
  id: DirectoryFormatId;
  output: "directory";
  label: string;
  /** Writes every file into `dir` (made if missing); files appear only once all are complete. */
  writeDirectory(graph: ParleyGraph, dir: string, options?: ExportOptions): Promise<DirectoryExport>;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: "gexf", output: "stream", label: "GEXF 1.3 (Gephi)", extension: "gexf", mime: "application/gexf+xml", evidence: true, write: writeGexf },
  { id: "graphml", output: "stream", label: "GraphML (Cytoscape, yEd, NetworkX)", extension: "graphml", mime: "application/graphml+xml", evidence: true, write: writeGraphml },
  { id: "json", output: "stream", label: "JSON (graphology)", extension: "json", mime: "application/json", write: writeJson },
  { id: "nodes-csv", output: "stream", label: "CSV table of the nodes", extension: "nodes.csv", mime: "text/csv", write: writeNodesCsv },
  { id: "edges-csv", output: "stream", label: "CSV table of the edges", extension: "edges.csv", mime: "text/csv", evidence: true, write: writeEdgesCsv },
  { id: "cypher", output: "stream", label: "Cypher script (cypher-shell, Neo4j 5)", extension: "cypher", mime: "text/plain", write: writeCypherShellScript },
  { id: "memgraph", output: "stream", label: "Cypher script (Memgraph, CYPHERL)", extension: "cypherl", mime: "text/plain", write: writeMemgraphScript },
];

export const DIRECTORY_EXPORT_FORMATS: readonly DirectoryExportFormat[] = [
  { id: "neo4j", output: "directory", label: "CSV for neo4j-admin database import (Neo4j 5)", writeDirectory: writeNeo4jImport },
];

/** The stream formats: what the API and standard output can carry. */
export const EXPORT_FORMAT_IDS = EXPORT_FORMATS.map((f) => f.id) as [ExportFormatId, ...ExportFormatId[]];
/** Every format, for the CLI. */
export const ALL_EXPORT_FORMAT_IDS: readonly string[] = [...EXPORT_FORMAT_IDS, ...DIRECTORY_EXPORT_FORMATS.map((f) => f.id)];

export class UnknownFormatError extends Error {
  override name = "UnknownFormatError";
  expose = true;
  constructor(
    readonly format: string,
    message = `unknown export format "${format}" (expected one of: ${ALL_EXPORT_FORMAT_IDS.join(", ")})`,
  ) {
    super(message);
  }
}

/**
 * A folder format asked for as a stream. A subclass of UnknownFormatError so
 * that a caller with one output (the API) answers it like any format it does
 * not offer, with a message that says why.
 */
export class NotStreamableFormatError extends UnknownFormatError {
  override name = "NotStreamableFormatError";
  constructor(format: string) {
    super(format, `export format "${format}" writes several files into a folder, so it cannot be sent as one stream; use \`parley export --format ${format} --out DIR\``);
  }
}

/** Any format by id, stream or folder. */
export function findExportFormat(id: string): ExportFormat | DirectoryExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.id === id) ?? DIRECTORY_EXPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new UnknownFormatError(id);
  return format;
}

/** A stream format by id. */
export function getExportFormat(id: string): ExportFormat {
  const format = findExportFormat(id);
  if (format.output !== "stream") throw new NotStreamableFormatError(id);
  return format;
}
