/**
 * The export formats as one declarative registry, read by the CLI
 * (`parley export`), the API (`GET /api/export`) and the web app: id, file
 * extension, MIME type and a streaming writer. Adding a format is adding a row.
 */
import type { Writable } from "node:stream";
import type { ParleyGraph } from "../graph/persist.ts";
import { writeGexf } from "./gexf.ts";
import { writeGraphml } from "./graphml.ts";
import { writeJson } from "./json.ts";

export interface ExportOptions {
  /** GEXF only: spells from publication dates for Gephi's timeline. */
  dynamic?: boolean;
}

export type ExportFormatId = "gexf" | "graphml" | "json";

export interface ExportFormat {
  id: ExportFormatId;
  label: string;
  extension: string;
  mime: string;
  /** Writes the whole export to `stream` chunk by chunk; does not end the stream. */
  write(graph: ParleyGraph, stream: Writable, options?: ExportOptions): Promise<void>;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: "gexf", label: "GEXF 1.3 (Gephi)", extension: "gexf", mime: "application/gexf+xml", write: writeGexf },
  { id: "graphml", label: "GraphML (Cytoscape, yEd, NetworkX)", extension: "graphml", mime: "application/graphml+xml", write: writeGraphml },
  { id: "json", label: "JSON (graphology)", extension: "json", mime: "application/json", write: writeJson },
];

export const EXPORT_FORMAT_IDS = EXPORT_FORMATS.map((f) => f.id) as [ExportFormatId, ...ExportFormatId[]];

export class UnknownFormatError extends Error {
  override name = "UnknownFormatError";
  expose = true;
  constructor(readonly format: string) {
    super(`unknown export format "${format}" (expected one of: ${EXPORT_FORMAT_IDS.join(", ")})`);
  }
}

export function getExportFormat(id: string): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new UnknownFormatError(id);
  return format;
}
