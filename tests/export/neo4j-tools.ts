/**
 * Test helpers that read the Neo4j exports back the way their consumers do:
 * the CSV files with neo4j-admin's header rules (csv-parse for RFC 4180, then
 * `name:type` columns, ID/LABEL/START_ID/END_ID/TYPE fields, the array
 * delimiter, an unquoted empty field as "no property"), and the Cypher scripts
 * by their statements, with each batch's rows parsed by the console's own
 * openCypher parser (an independent reader of the same literal syntax).
 */
import { parse } from "csv-parse/sync";
import { MultiDirectedGraph } from "graphology";
import { createQueryEngine } from "../../src/query/index.ts";

export const ARRAY_DELIMITER = "\u001F";

/** One CSV record as neo4j-admin would import it: special fields apart, typed properties. */
export interface ImportedRecord {
  id?: string;
  labels?: string[];
  start?: string;
  end?: string;
  type?: string;
  properties: Record<string, unknown>;
}

function typedValue(type: string, text: string): unknown {
  switch (type) {
    case "long":
      if (!/^-?\d+$/.test(text)) throw new Error(`not a long: ${JSON.stringify(text)}`);
      return Number(text);
    case "double": {
      const n = Number(text);
      if (text.trim() === "" || !Number.isFinite(n)) throw new Error(`not a double: ${JSON.stringify(text)}`);
      return n;
    }
    case "string[]":
      return text.split(ARRAY_DELIMITER);
    case "string":
      return text;
    default:
      throw new Error(`header type ${type} not expected in a Parley export`);
  }
}

/** Parses a neo4j-admin CSV whose first row is its header. */
export function readImportCsv(text: string): { header: string[]; records: ImportedRecord[] } {
  // An unquoted empty field is null (no property); "" is the empty string.
  const rows: (string | null)[][] = parse(text, { cast: (value, context) => (value === "" && !context.quoting ? null : value), relax_column_count: false });
  const [header, ...data] = rows as [string[], ...(string | null)[][]];
  const columns = header.map((h) => {
    const colon = h.lastIndexOf(":");
    const special = /^(ID|LABEL|START_ID|END_ID|TYPE)(\(.*\))?$/.exec(h.slice(colon + 1));
    return colon < 0 ? { name: h, type: "string" } : { name: h.slice(0, colon), type: special ? special[1]! : h.slice(colon + 1) };
  });
  const records = data.map((row) => {
    const record: ImportedRecord = { properties: {} };
    columns.forEach(({ name, type }, i) => {
      const text = row[i];
      if (text === null || text === undefined) return;
      if (type === "ID") {
        record.id = text;
        if (name) record.properties[name] = text;
      } else if (type === "LABEL") record.labels = text.split(ARRAY_DELIMITER);
      else if (type === "START_ID") record.start = text;
      else if (type === "END_ID") record.end = text;
      else if (type === "TYPE") record.type = text;
      else record.properties[name] = typedValue(type, text);
    });
    return record;
  });
  return { header, records };
}

const literalReader = createQueryEngine(new MultiDirectedGraph());

/** A Cypher list literal as values, read by the console's parser. */
export async function readCypherList(literal: string): Promise<unknown[]> {
  const result = await literalReader.run(`RETURN ${literal} AS rows`);
  return result.rows[0]![0] as unknown[];
}

export interface ScriptBatch {
  statement: string;
  rows: Record<string, unknown>[];
}

export interface ParsedScript {
  comments: string[];
  schema: string[];
  batches: ScriptBatch[];
}

const ROWS_STATEMENT = /^UNWIND \$rows AS row (MERGE|MATCH) .*;$/;

/**
 * Splits a cypher-shell script the way cypher-shell does for this shape: `//`
 * comment lines, `:param rows => …` commands ending at their line break, and
 * Cypher statements one per line ending with `;`. Throws on anything else.
 */
export async function readCypherShellScript(text: string): Promise<ParsedScript> {
  const lines = text.split("\n");
  if (lines.pop() !== "") throw new Error("script does not end with a line break");
  const out: ParsedScript = { comments: [], schema: [], batches: [] };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("// ")) out.comments.push(line);
    else if (line.startsWith("CREATE ")) out.schema.push(expectStatement(line));
    else if (line.startsWith(":param rows => ")) {
      const statement = lines[++i] ?? "";
      if (!ROWS_STATEMENT.test(statement)) throw new Error(`line ${i + 1}: expected the statement reading $rows, got ${statement.slice(0, 80)}`);
      out.batches.push({ statement, rows: (await readCypherList(line.slice(":param rows => ".length))) as Record<string, unknown>[] });
    } else throw new Error(`line ${i + 1}: unexpected ${line.slice(0, 80)}`);
  }
  return out;
}

/** A Memgraph CYPHERL script: one statement per line, rows inlined as the UNWIND list. */
export async function readCypherlScript(text: string): Promise<ParsedScript> {
  const lines = text.split("\n");
  if (lines.pop() !== "") throw new Error("script does not end with a line break");
  const out: ParsedScript = { comments: [], schema: [], batches: [] };
  for (const line of lines) {
    if (line.startsWith("CREATE ")) out.schema.push(expectStatement(line));
    else if (line.startsWith("UNWIND [")) {
      // The statement after the list holds no "] AS row ", so its last occurrence ends the list.
      const end = line.lastIndexOf("] AS row ");
      const statement = "UNWIND $rows AS row " + line.slice(end + "] AS row ".length);
      if (!ROWS_STATEMENT.test(statement)) throw new Error(`unexpected statement ${statement.slice(0, 80)}`);
      out.batches.push({ statement, rows: (await readCypherList(line.slice("UNWIND ".length, end + 1))) as Record<string, unknown>[] });
    } else throw new Error(`unexpected line ${line.slice(0, 80)}`);
  }
  return out;
}

function expectStatement(line: string): string {
  if (!line.endsWith(";") || line.indexOf(";") !== line.length - 1) throw new Error(`not one statement ending with ';': ${line}`);
  return line;
}
