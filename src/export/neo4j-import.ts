/**
 * `--format neo4j`: a folder for `neo4j-admin database import full` (Neo4j 5):
 * nodes.csv and relationships.csv, each with its header as its first row (the
 * form neo4j-admin documents for a one-file group; a separate header file buys
 * nothing here), and import.txt with the exact command line and the schema to
 * create afterwards. Every file is written under a temporary name and all are
 * renamed only once all are complete, so a failed export leaves the folder as
 * it was.
 */
import { createWriteStream } from "node:fs";
import { mkdir, rename, unlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type { ParleyGraph } from "../graph/persist.ts";
import { CYPHER_DIALECTS } from "./cypher-dialects.ts";
import { ARRAY_DELIMITER_FLAG, NODE_HEADER, RELATIONSHIP_HEADER, newScan, nodeRecords, relationshipRecords, type CsvScan, type Field } from "./neo4j-csv.ts";
import type { ExportOptions } from "./formats.ts";

export const NEO4J_FILES = { nodes: "nodes.csv", relationships: "relationships.csv", notes: "import.txt" } as const;

/** What a folder export wrote, and the command that imports it. */
export interface DirectoryExport {
  files: string[];
  nodes: number;
  relationships: number;
  command: string;
}

/** The folder cannot be made (a file is in the way, no permission). */
export class ExportTargetError extends Error {
  override name = "ExportTargetError";
  expose = true;
}

/** Same write buffer as to-file.ts, for the same reason: format while the disk writes. */
const WRITE_BUFFER_BYTES = 1024 * 1024;

/**
 * csv-stringify emits one chunk per record; this hands the file ~64 KiB strings
 * instead of a Buffer per record. With the stringifier's output kept as strings
 * (setEncoding), a 100k/1M export of news text went from 74 to 44–62 CPU-seconds
 * (shared, busy cores): fewer Buffers, fewer full collections of the graph's heap.
 */
function coalesce(size = 64 * 1024): Transform {
  let pending = "";
  return new Transform({
    decodeStrings: false,
    transform(chunk, _encoding, done) {
      pending += chunk;
      if (pending.length < size) return done();
      const out = pending;
      pending = "";
      done(null, out);
    },
    flush(done) {
      done(null, pending || undefined);
    },
  });
}

async function writeCsv(file: string, records: Iterable<readonly Field[]>): Promise<void> {
  // Empty strings are quoted ("" is an empty string to neo4j-admin); a null is left empty (no property).
  const csv = stringify({ quoted_match: /^$/ });
  csv.setEncoding("utf8"); // its pushed strings then stay strings instead of becoming a Buffer each
  await pipeline(Readable.from(records), csv, coalesce(), createWriteStream(file, { highWaterMark: WRITE_BUFFER_BYTES }));
}

const shellQuote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);

export function importCommand(dir: string, scan: CsvScan): string {
  const path = (name: string) => shellQuote(resolve(dir, name));
  return [
    "neo4j-admin database import full neo4j",
    `--nodes=${path(NEO4J_FILES.nodes)}`,
    `--relationships=${path(NEO4J_FILES.relationships)}`,
    `--array-delimiter=${ARRAY_DELIMITER_FLAG}`,
    ...(scan.multiline ? ["--multiline-fields=true"] : []),
  ].join(" ");
}

function notes(scan: CsvScan, command: string): string {
  const schema = [...scan.labels].sort().flatMap(CYPHER_DIALECTS.neo4j.schema);
  return `Parley graph for neo4j-admin (Neo4j 5): ${scan.nodes} nodes (${[...scan.labels].sort().join(", ")}), ${scan.relationships} relationships.

Files, each with its header as the first row:
  ${NEO4J_FILES.nodes.padEnd(18)}${NODE_HEADER.join(",")}
  ${NEO4J_FILES.relationships.padEnd(18)}${RELATIONSHIP_HEADER.join(",")}
Lists (aliases, articles, several labels) are separated by ${ARRAY_DELIMITER_FLAG}; evidence is JSON text.

With Neo4j stopped, import (neo4j-admin refuses a database that exists: add
--overwrite-destination=true to replace the default "neo4j", the only one
Community Edition has, or give another name and CREATE DATABASE it after):

  ${command}

Then start Neo4j and create the schema the console's lookups use, in cypher-shell:

${schema.map((s) => `  ${s}`).join("\n")}
`;
}

export async function writeNeo4jImport(graph: ParleyGraph, dir: string, _options: ExportOptions = {}): Promise<DirectoryExport> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new ExportTargetError(`export: cannot make the folder ${dir} (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const scan = newScan();
  const names = [NEO4J_FILES.nodes, NEO4J_FILES.relationships, NEO4J_FILES.notes];
  const temp = (name: string) => join(dir, `.${name}.${process.pid}.tmp`);
  try {
    await writeCsv(temp(NEO4J_FILES.nodes), nodeRecords(graph, scan));
    await writeCsv(temp(NEO4J_FILES.relationships), relationshipRecords(graph, scan));
    const command = importCommand(dir, scan);
    await writeFile(temp(NEO4J_FILES.notes), notes(scan, command));
    for (const name of names) await rename(temp(name), join(dir, name));
    return { files: names.map((name) => join(dir, name)), nodes: scan.nodes, relationships: scan.relationships, command };
  } catch (err) {
    await Promise.all(names.map((name) => unlink(temp(name)).catch(() => {})));
    throw err;
  }
}
