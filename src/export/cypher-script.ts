/**
 * A Cypher script that loads the graph into an empty Neo4j (cypher-shell -f)
 * or Memgraph (mgconsole): the schema first (unique `id` per label, an index on
 * `name`), then nodes and relationships in batches of up to 1,000 rows, one
 * statement per label or per (start label, type, end label), each
 * `UNWIND $rows AS row MERGE … SET … += row.props`.
 *
 * Streamed: a first pass only sorts node and edge keys by the statement that
 * will load them; rows are then built a batch at a time and written at once.
 * (Keeping one open batch per statement instead held rows long enough to reach
 * V8's old generation: 1.6 GB peak at 100k/1M against 1.0 GB now.)
 *
 * Relationships MERGE on their pattern, which is exact for a Parley graph (one
 * edge per source, type and target; DESIGN.md) and makes a rerun harmless.
 * Their ends are looked up by label and id so the uniqueness index is used; a
 * label-less lookup would scan every node for every row.
 */
import type { Writable } from "node:stream";
import type { ParleyGraph } from "../graph/persist.ts";
import { createChunkWriter, type ChunkWriter } from "./chunk-writer.ts";
import { cypherName, cypherProperties, cypherString } from "./cypher-literal.ts";
import { CYPHER_DIALECTS, type CypherDialect, type CypherDialectId } from "./cypher-dialects.ts";
import { NODE_PROPERTIES, RELATIONSHIP_PROPERTIES, labelsLookup, relationshipType } from "./property-graph.ts";
import type { ExportOptions } from "./formats.ts";

export const BATCH_ROWS = 1000;
/** Evidence can make rows long; a batch also closes at this many characters (one `:param` line). */
const BATCH_CHARS = 512 * 1024;

const labelPattern = (labels: readonly string[]) => labels.map((l) => ":" + cypherName(l)).join("");

/**
 * `:Label` patterns per labels array (labelsLookup hands out one array per node
 * type), so a million edges do not rebuild them. `first` keeps only the first
 * label: enough to reach the uniqueness index of the node's label.
 */
function patternLookup(first: boolean): (labels: readonly string[]) => string {
  const cache = new Map<readonly string[], string>();
  return (labels) => {
    let pattern = cache.get(labels);
    if (pattern === undefined) {
      pattern = labelPattern(first ? labels.slice(0, 1) : labels);
      // Nodes with their own `labels` attribute get a fresh array each time: do not keep those forever.
      if (cache.size < 4096) cache.set(labels, pattern);
    }
    return pattern;
  };
}

const nodeStatement = (labels: string) => `UNWIND $rows AS row MERGE (n${labels} {id: row.id}) SET n += row.props;`;
const relationshipStatement = (start: string, type: string, end: string) =>
  `UNWIND $rows AS row MATCH (a${start} {id: row.source}) MATCH (b${end} {id: row.target}) MERGE (a)-[r:${type}]->(b) SET r += row.props;`;

/** Keys grouped by the statement that loads them, in graph order; groups in order of first use. */
class Groups {
  readonly groups = new Map<string, { statement: string; keys: string[] }>();
  /** `id` names the statement cheaply; `statement` builds it, once per group. */
  add(id: string, key: string, statement: () => string): void {
    const group = this.groups.get(id);
    if (group) group.keys.push(key);
    else this.groups.set(id, { statement: statement(), keys: [key] });
  }
}

/** Writes each statement's rows in batches; a batch is built and written in one go. */
async function writeBatches(out: ChunkWriter, dialect: CypherDialect, groups: Groups, rowOf: (key: string) => string): Promise<void> {
  for (const { statement, keys } of groups.groups.values()) {
    for (let i = 0; i < keys.length; ) {
      let rows = rowOf(keys[i++]!);
      for (let n = 1; n < BATCH_ROWS && i < keys.length && rows.length < BATCH_CHARS; n++) rows += ", " + rowOf(keys[i++]!);
      const sent = out.write(dialect.batch(`[${rows}]`, statement));
      if (sent) await sent;
    }
  }
}

function preamble(graph: ParleyGraph, dialect: CypherDialect, labels: string[]): string {
  const run = dialect.id === "neo4j" ? "cypher-shell -u neo4j -p PASSWORD -f FILE" : "mgconsole < FILE";
  return [
    `Parley graph: ${graph.order} nodes (${labels.join(", ") || "no labels"}), ${graph.size} relationships.`,
    `Load into an empty database: ${run}`,
    `Batches of up to ${BATCH_ROWS} rows; each \`:param rows\` line holds the rows the statement after it reads.`,
  ]
    .map(dialect.comment)
    .join("");
}

async function writeCypher(dialectId: CypherDialectId, graph: ParleyGraph, stream: Writable): Promise<void> {
  const dialect = CYPHER_DIALECTS[dialectId];
  const labelsOf = labelsLookup();
  const nodePattern = patternLookup(false);
  const endPattern = patternLookup(true);
  const labels = new Set<string>();
  const nodes = new Groups();
  graph.forEachNode((key, attributes) => {
    const own = labelsOf(attributes);
    for (const l of own) labels.add(l);
    const pattern = nodePattern(own);
    nodes.add(pattern, key, () => nodeStatement(pattern));
  });
  const edges = new Groups();
  graph.forEachEdge((key, attributes, _source, _target, sourceAttributes, targetAttributes) => {
    const start = endPattern(labelsOf(sourceAttributes));
    const end = endPattern(labelsOf(targetAttributes));
    const type = cypherName(relationshipType(attributes));
    edges.add(`${start} ${type} ${end}`, key, () => relationshipStatement(start, type, end));
  });

  const out = createChunkWriter(stream);
  const sorted = [...labels].sort();
  await out.write(preamble(graph, dialect, sorted));
  await out.write(sorted.flatMap(dialect.schema).map((s) => s + "\n").join(""));
  await writeBatches(out, dialect, nodes, (key) => `{id: ${cypherString(key)}, props: ${cypherProperties(NODE_PROPERTIES, graph.getNodeAttributes(key))}}`);
  await writeBatches(out, dialect, edges, (key) => {
    const props = cypherProperties(RELATIONSHIP_PROPERTIES, graph.getEdgeAttributes(key));
    return `{source: ${cypherString(graph.source(key))}, target: ${cypherString(graph.target(key))}, props: ${props}}`;
  });
  await out.flush();
}

export const writeCypherShellScript = (graph: ParleyGraph, stream: Writable, _options: ExportOptions = {}) => writeCypher("neo4j", graph, stream);
export const writeMemgraphScript = (graph: ParleyGraph, stream: Writable, _options: ExportOptions = {}) => writeCypher("memgraph", graph, stream);
