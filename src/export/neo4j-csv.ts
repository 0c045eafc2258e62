/**
 * Records of the CSV files `neo4j-admin database import full` (Neo4j 5) reads:
 * a header row naming each column with its import type (`id:ID`, `:LABEL`,
 * `mentions:long`, `aliases:string[]`, `:START_ID`, `:END_ID`, `:TYPE`), then
 * one record per node or relationship, produced lazily so a million edges are
 * never held as rows. Quoting is csv-stringify's (neo4j-import.ts), which is
 * RFC 4180 doubling, what neo4j-admin reads without --legacy-style-quoting.
 */
import type { ParleyGraph } from "../graph/persist.ts";
import { NODE_PROPERTIES, RELATIONSHIP_PROPERTIES, labelsLookup, relationshipType, type PropertyDef, type PropertyKind } from "./property-graph.ts";

/**
 * Between array items and between labels. The import default `;` appears in
 * real names; the unit separator does not (and is dropped from items if it
 * ever does, since neo4j-admin has no way to escape it).
 */
export const ARRAY_DELIMITER = "\u001F";
/** How neo4j-admin's --array-delimiter spells it. */
export const ARRAY_DELIMITER_FLAG = "U+001F";

const HEADER_TYPES: Record<PropertyKind, string> = { string: "", integer: ":long", float: ":double", list: ":string[]", json: "" };

const header = <A>(model: readonly PropertyDef<A>[]) => model.map((p) => p.name + HEADER_TYPES[p.kind]);

export const NODE_HEADER: readonly string[] = ["id:ID", ":LABEL", ...header(NODE_PROPERTIES)];
export const RELATIONSHIP_HEADER: readonly string[] = [":START_ID", ":END_ID", ":TYPE", ...header(RELATIONSHIP_PROPERTIES)];

/** A field; null is "no property" (an empty unquoted field, which neo4j-admin skips). */
export type Field = string | null;

const numberOf = (value: unknown): number | null => {
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
};

function listField(value: unknown): Field {
  if (!Array.isArray(value) || value.length === 0) return null;
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const item = String(value[i]);
    out += (i ? ARRAY_DELIMITER : "") + (item.includes(ARRAY_DELIMITER) ? item.replaceAll(ARRAY_DELIMITER, "") : item);
  }
  return out;
}

export function csvField(kind: PropertyKind, value: unknown): Field {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "string":
      return String(value);
    case "integer": {
      const n = numberOf(value);
      return n === null ? null : String(Math.trunc(n));
    }
    case "float": {
      const n = numberOf(value);
      return n === null ? null : String(n);
    }
    case "list":
      return listField(value);
    case "json":
      return JSON.stringify(value);
  }
}

/** What the writers learn while producing records, for the import command and its notes. */
export interface CsvScan {
  labels: Set<string>;
  nodes: number;
  relationships: number;
  /** Some field holds a line break: neo4j-admin then needs --multiline-fields=true (slower, so only then). */
  multiline: boolean;
}

export const newScan = (): CsvScan => ({ labels: new Set(), nodes: 0, relationships: 0, multiline: false });

const LINE_BREAK = /[\n\r]/;

function fieldsOf<A>(model: readonly PropertyDef<A>[], attributes: A, scan: CsvScan, out: Field[]): Field[] {
  for (const p of model) {
    const field = csvField(p.kind, p.get(attributes));
    // JSON text never holds a raw line break, so only the other kinds are checked.
    if (field !== null && p.kind !== "json" && !scan.multiline && LINE_BREAK.test(field)) scan.multiline = true;
    out.push(field);
  }
  return out;
}

export function* nodeRecords(graph: ParleyGraph, scan: CsvScan): Generator<readonly Field[]> {
  yield NODE_HEADER;
  const labelsOf = labelsLookup();
  for (const { node, attributes } of graph.nodeEntries()) {
    const labels = labelsOf(attributes);
    for (const l of labels) scan.labels.add(l);
    const record = fieldsOf(NODE_PROPERTIES, attributes, scan, [node, labels.length ? labels.join(ARRAY_DELIMITER) : null]);
    if (!scan.multiline && LINE_BREAK.test(node)) scan.multiline = true;
    scan.nodes++;
    yield record;
  }
}

export function* relationshipRecords(graph: ParleyGraph, scan: CsvScan): Generator<readonly Field[]> {
  yield RELATIONSHIP_HEADER;
  for (const { source, target, attributes } of graph.edgeEntries()) {
    // Ends are node keys, already checked for line breaks in nodeRecords.
    const record = fieldsOf(RELATIONSHIP_PROPERTIES, attributes, scan, [source, target, relationshipType(attributes)]);
    scan.relationships++;
    yield record;
  }
}
