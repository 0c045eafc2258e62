/**
 * The Neo4j exports read back as their consumers read them: the neo4j-admin
 * CSV folder (real files) with neo4j-admin's header rules, and the Cypher
 * scripts statement by statement, each batch's rows parsed by the console's
 * openCypher parser. On the committed seed graph, the hand-made sample graph
 * and a generated graph whose every string is hostile.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadGraph, type ParleyGraph } from "../../src/graph/persist.ts";
import { createQueryEngine } from "../../src/query/index.ts";
import { findExportFormat, type DirectoryExportFormat } from "../../src/export/index.ts";
import { generateGraph } from "../../bench/generate-graph.ts";
import { sampleGraph } from "./sample-graph.ts";
import { hostileGraph } from "./hostile-graph.ts";
import { ARRAY_DELIMITER, readCypherShellScript, readCypherlScript, readImportCsv, type ParsedScript } from "./neo4j-tools.ts";
import { render } from "./xml-tools.ts";

const SEED_GRAPH = fileURLToPath(new URL("../../graph-data/graph.json", import.meta.url));

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "parley-neo4j-"))));
afterAll(() => rm(dir, { recursive: true, force: true }));

const GRAPHS: [string, () => Promise<ParleyGraph> | ParleyGraph][] = [
  ["seed", () => loadGraph(SEED_GRAPH)],
  ["sample", sampleGraph],
  ["hostile", () => hostileGraph()],
];

/** What a UTF-8 file holds of a string: a lone surrogate becomes U+FFFD. */
const utf8 = (s: string) => Buffer.from(s, "utf8").toString("utf8");

/** Labels and relationship types as the console's engine sees them, to compare the exports with. */
async function consoleView(graph: ParleyGraph) {
  const engine = createQueryEngine(graph, { maxRows: 1_000_000 });
  const labels = new Map((await engine.run("MATCH (n) RETURN n.id AS id, labels(n) AS labels")).rows.map(([id, l]) => [id as string, l as string[]]));
  const types = new Map((await engine.run("MATCH ()-[r]->() RETURN id(r) AS key, type(r) AS type")).rows.map(([k, t]) => [k as string, t as string]));
  return { labels, types };
}

/** Edge keys by (source, console type, target): one edge per triple in a Parley graph. */
function edgeIndex(graph: ParleyGraph, types: Map<string, string>): Map<string, string> {
  const index = new Map<string, string>();
  graph.forEachEdge((key, _a, source, target) => index.set(`${source}\u0000${types.get(key)}\u0000${target}`, key));
  expect(index.size).toBe(graph.size);
  return index;
}

const neo4j = () => findExportFormat("neo4j") as DirectoryExportFormat;

describe("neo4j-admin CSV export", () => {
  it.each(GRAPHS)("%s graph: every node and relationship round-trips with neo4j-admin's header rules", async (name, make) => {
    const graph = await make();
    const out = join(dir, `csv-${name}`);
    const result = await neo4j().writeDirectory(graph, out);
    expect(result).toMatchObject({ nodes: graph.order, relationships: graph.size });
    expect((await readdir(out)).sort()).toEqual(["import.txt", "nodes.csv", "relationships.csv"]);

    const nodes = readImportCsv(await readFile(join(out, "nodes.csv"), "utf8"));
    const rels = readImportCsv(await readFile(join(out, "relationships.csv"), "utf8"));
    expect(nodes.header).toEqual(["id:ID", ":LABEL", "name", "label", "aliases:string[]", "mentions:long", "articles:string[]", "x:double", "y:double", "size:double", "color"]);
    expect(rels.header).toEqual([":START_ID", ":END_ID", ":TYPE", "label", "weight:long", "evidence", "firstSeen", "lastSeen"]);
    expect(nodes.records).toHaveLength(graph.order);
    expect(rels.records).toHaveLength(graph.size);

    const view = await consoleView(graph);
    const list = (items: string[]) => items.map((s) => utf8(s).replaceAll(ARRAY_DELIMITER, ""));
    const ids = new Set<string>();
    for (const record of nodes.records) {
      const a = graph.getNodeAttributes(record.id!);
      ids.add(record.id!);
      expect(record.labels).toEqual(view.labels.get(record.id!));
      expect(record.properties).toEqual({
        id: record.id,
        name: utf8(a.label),
        label: utf8(a.label),
        aliases: list(a.aliases),
        mentions: a.mentions,
        articles: list(a.articles),
        x: a.x,
        y: a.y,
        size: a.size,
        color: a.color,
      });
    }
    expect(ids.size).toBe(graph.order);

    const edges = edgeIndex(graph, view.types);
    const seen = new Set<string>();
    for (const record of rels.records) {
      expect(ids.has(record.start!) && ids.has(record.end!)).toBe(true);
      const key = edges.get(`${record.start}\u0000${record.type}\u0000${record.end}`);
      expect(key, `relationship ${record.start} ${record.type} ${record.end}`).toBeDefined();
      seen.add(key!);
      const a = graph.getEdgeAttributes(key!);
      const { evidence, ...rest } = record.properties;
      expect(JSON.parse(evidence as string)).toEqual(a.evidence);
      expect(rest).toEqual({ label: utf8(a.label), weight: a.weight, ...(a.firstSeen ? { firstSeen: a.firstSeen } : {}), ...(a.lastSeen ? { lastSeen: a.lastSeen } : {}) });
    }
    expect(seen.size).toBe(graph.size);

    const notes = await readFile(join(out, "import.txt"), "utf8");
    expect(notes).toContain(result.command);
    expect(result.command).toMatch(/^neo4j-admin database import full neo4j --nodes=\S*nodes\.csv --relationships=\S*relationships\.csv --array-delimiter=U\+001F/);
    // Only a graph with line breaks in its text pays for neo4j-admin's slower multi-line parsing.
    expect(result.command.includes("--multiline-fields=true")).toBe(name === "hostile");
    expect(notes).toContain("CREATE CONSTRAINT IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;");
  });

  it("quotes what needs quoting, leaves a missing value empty and an empty string quoted", async () => {
    const out = join(dir, "csv-hostile-raw");
    await neo4j().writeDirectory(hostileGraph(), out);
    const text = await readFile(join(out, "relationships.csv"), "utf8");
    expect(text).toContain('""""'); // an evidence JSON quote, doubled inside a quoted field
    expect(text).toMatch(/,,2025-03-11\n/); // a relationship without firstSeen: an empty, unquoted field
    const nodes = await readFile(join(out, "nodes.csv"), "utf8");
    expect(nodes).toMatch(/,"",""/); // the empty label, as name and label: empty strings, not missing
  });

  it("leaves the folder as it was when the export fails", async () => {
    const out = join(dir, "csv-failing");
    await neo4j().writeDirectory(sampleGraph(), out);
    const before = await readFile(join(out, "nodes.csv"), "utf8");
    const graph = generateGraph({ nodes: 50, edges: 80, seed: 5 });
    // A BigInt cannot be written as JSON: the relationships file fails half way.
    graph.updateEdgeAttribute(graph.edges()[40]!, "evidence", () => [{ article: 1n }] as never);
    await expect(neo4j().writeDirectory(graph, out)).rejects.toThrow(TypeError);
    expect((await readdir(out)).sort()).toEqual(["import.txt", "nodes.csv", "relationships.csv"]);
    expect(await readFile(join(out, "nodes.csv"), "utf8")).toBe(before);
  });

  it("refuses a folder path that is a file, with an error users see", async () => {
    const file = join(dir, "a-file");
    await writeFile(file, "x");
    await expect(neo4j().writeDirectory(sampleGraph(), file)).rejects.toMatchObject({ name: "ExportTargetError", expose: true });
  });
});

const SCRIPT_READERS: [string, (text: string) => Promise<ParsedScript>][] = [
  ["cypher", readCypherShellScript],
  ["memgraph", readCypherlScript],
];

const NODE_STATEMENT = /^UNWIND \$rows AS row MERGE \(n((?::\w+)*) \{id: row\.id\}\) SET n \+= row\.props;$/;
const RELATIONSHIP_STATEMENT =
  /^UNWIND \$rows AS row MATCH \(a(:\w+)? \{id: row\.source\}\) MATCH \(b(:\w+)? \{id: row\.target\}\) MERGE \(a\)-\[r:(\w+)\]->\(b\) SET r \+= row\.props;$/;

describe.each(SCRIPT_READERS)("%s script export", (format, read) => {
  it.each(GRAPHS)("%s graph: the script is well-formed and loads every node and relationship", async (_name, make) => {
    const graph = await make();
    const { text } = await render(graph, format);
    const script = await read(text);
    const view = await consoleView(graph);

    const labels = [...new Set([...view.labels.values()].flat())].sort();
    expect(script.schema).toHaveLength(labels.length * (format === "cypher" ? 2 : 3));
    for (const label of labels) expect(script.schema.join("\n")).toContain(format === "cypher" ? `FOR (n:${label}) REQUIRE n.id IS UNIQUE;` : `ASSERT n.id IS UNIQUE;`);

    const nodeIds = new Set<string>();
    const edges = edgeIndex(graph, view.types);
    const seen = new Set<string>();
    for (const { statement, rows } of script.batches) {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThanOrEqual(1000);
      const node = NODE_STATEMENT.exec(statement);
      if (node) {
        for (const row of rows as { id: string; props: Record<string, unknown> }[]) {
          const a = graph.getNodeAttributes(row.id);
          expect(node[1]).toBe(view.labels.get(row.id)!.map((l) => `:${l}`).join(""));
          expect(row.props).toEqual({ name: a.label, label: a.label, aliases: a.aliases, mentions: a.mentions, articles: a.articles, x: a.x, y: a.y, size: a.size, color: a.color });
          nodeIds.add(row.id);
        }
        continue;
      }
      const rel = RELATIONSHIP_STATEMENT.exec(statement);
      expect(rel, statement).not.toBeNull();
      // All nodes come before any relationship, so their ends exist when the batch runs.
      expect(nodeIds.size).toBe(graph.order);
      for (const row of rows as { source: string; target: string; props: Record<string, unknown> }[]) {
        expect(rel![1]).toBe(`:${view.labels.get(row.source)![0]}`);
        expect(rel![2]).toBe(`:${view.labels.get(row.target)![0]}`);
        const key = edges.get(`${row.source}\u0000${rel![3]}\u0000${row.target}`);
        expect(key).toBeDefined();
        seen.add(key!);
        const a = graph.getEdgeAttributes(key!);
        const { evidence, ...rest } = row.props;
        expect(JSON.parse(evidence as string)).toEqual(a.evidence);
        expect(rest).toEqual({ label: a.label, weight: a.weight, ...(a.firstSeen ? { firstSeen: a.firstSeen } : {}), ...(a.lastSeen ? { lastSeen: a.lastSeen } : {}) });
      }
    }
    expect(nodeIds.size).toBe(graph.order);
    expect(seen.size).toBe(graph.size);
  });

  it("writes integral floats as floats and batches of at most 1,000 rows", async () => {
    const graph = generateGraph({ nodes: 3000, edges: 3000, seed: 2 });
    graph.setNodeAttribute("n0", "x", 8);
    const { text, chunks } = await render(graph, format);
    expect(text).toMatch(/\{id: "n0", props: \{[^}]*x: 8\.0,/);
    const script = await read(text);
    const sizes = script.batches.map((b) => b.rows.length);
    expect(sizes).toContain(1000);
    expect(Math.max(...sizes)).toBe(1000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(graph.order + graph.size);
    expect(chunks).toBeGreaterThan(1);
  });
});

describe("cypher-shell specifics", () => {
  it("keeps each :param on one line even for Java's line separators, which end cypher-shell's `.+` match", async () => {
    const { text } = await render(hostileGraph(), "cypher");
    const params = text.split("\n").filter((l) => l.startsWith(":param"));
    expect(params.length).toBeGreaterThan(0);
    // cypher-shell's arrow pattern, with Java's `.` (no line terminators: \n \r \u0085 \u2028 \u2029).
    for (const line of params) expect(line).toMatch(/^:param\s*rows\s*=>\s*[^\n\r\u0085\u2028\u2029]+$/);
    expect(text).toContain("\\u2028");
  });

  it("begins with comments saying what it holds and how to load it", async () => {
    const graph = sampleGraph();
    const { comments } = await readCypherShellScript((await render(graph, "cypher")).text);
    expect(comments[0]).toBe(`// Parley graph: ${graph.order} nodes (Actor, Location, Organization, Proposal), ${graph.size} relationships.`);
    expect(comments.join("\n")).toContain("cypher-shell -u neo4j -p PASSWORD -f FILE");
  });
});
