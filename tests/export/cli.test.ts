/** `parley export` as a user runs it: a real process, real files. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { saveGraph } from "../../src/graph/persist.ts";
import { parse as parseCsv } from "csv-parse/sync";
import { sampleGraph } from "./sample-graph.ts";
import { xmllint, GEXF_XSD } from "./xml-tools.ts";
import { readCypherShellScript, readCypherlScript, readImportCsv } from "./neo4j-tools.ts";

const BIN = fileURLToPath(new URL("../../bin/parley.mjs", import.meta.url));
let dir: string;
let graphFile: string;

const parley = (...args: string[]) => spawnSync(process.execPath, [BIN, "export", "--graph", graphFile, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-export-"));
  graphFile = join(dir, "graph.json");
  await saveGraph(sampleGraph(), graphFile);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("parley export", () => {
  it.each([["gexf"], ["gexf", "--dynamic"]])("--format %s %s --out writes a file that validates against the XSD", async (format, ...rest) => {
    const out = join(dir, `out-${rest.length}.gexf`);
    const r = parley("--format", format, ...rest, "--out", out);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("wrote gexf");
    expect(xmllint(await readFile(out, "utf8"), ["--schema", GEXF_XSD]).ok).toBe(true);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes JSON to standard output without --out", () => {
    const r = parley("--format", "json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).nodes).toHaveLength(sampleGraph().order);
  });

  it("--format neo4j --out DIR writes the CSV folder and prints the neo4j-admin command", async () => {
    const out = join(dir, "neo4j");
    const r = parley("--format", "neo4j", "--out", out);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("wrote neo4j (6 nodes, 5 relationships)");
    expect(r.stdout).toMatch(/^neo4j-admin database import full neo4j --nodes=\S+\/nodes\.csv --relationships=\S+\/relationships\.csv --array-delimiter=U\+001F\n$/);
    expect(await readFile(join(out, "import.txt"), "utf8")).toContain(r.stdout.trim());
    expect(readImportCsv(await readFile(join(out, "nodes.csv"), "utf8")).records).toHaveLength(sampleGraph().order);
    expect(readImportCsv(await readFile(join(out, "relationships.csv"), "utf8")).records).toHaveLength(sampleGraph().size);
    expect((await readdir(out)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it.each([
    ["cypher", readCypherShellScript],
    ["memgraph", readCypherlScript],
  ])("--format %s writes a script that loads every node and relationship", async (format, read) => {
    const out = join(dir, `script.${format}`);
    const r = parley("--format", format, "--out", out);
    expect(r.status).toBe(0);
    const batches = (await read(await readFile(out, "utf8"))).batches;
    const rows = (kind: string) => batches.filter((b) => b.statement.includes(kind)).reduce((n, b) => n + b.rows.length, 0);
    expect([rows("MERGE (n"), rows("MERGE (a)")]).toEqual([sampleGraph().order, sampleGraph().size]);
  });

  it("writes the cypher script to standard output without --out", async () => {
    const r = parley("--format", "cypher");
    expect(r.status).toBe(0);
    expect((await readCypherShellScript(r.stdout)).batches.length).toBeGreaterThan(0);
  });

  it("refuses --out that is a file for the neo4j folder", async () => {
    const file = join(dir, "not-a-folder");
    await writeFile(file, "x");
    const r = parley("--format", "neo4j", "--out", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot make the folder/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("--filter keeps what the explorer's filters keep; --evidence adds the sentences", async () => {
    const graph = sampleGraph();
    const type = graph.getNodeAttribute(graph.nodes()[0]!, "type");
    const nodes = parseCsv(parley("--format", "nodes-csv", "--filter", `xn=${type}`).stdout, { columns: true }) as { id: string; type: string }[];
    expect(nodes.length).toBe(graph.filterNodes((_k, a) => a.type !== type).length);
    expect(nodes.every((n) => n.type !== type)).toBe(true);
    const edges = parseCsv(parley("--format", "edges-csv", "--evidence").stdout, { columns: true }) as { id: string; evidence: string }[];
    expect(edges.length).toBe(graph.size);
    for (const e of edges) expect(JSON.parse(e.evidence)).toEqual(graph.getEdgeAttribute(e.id, "evidence").map((x) => x.sentence));
  });

  it.each([
    [["--format", "neo4j"], /--format neo4j writes several files: give the folder to write them into with --out DIR/],
    [["--format", "neo4j", "--dynamic", "--out", "x"], /--dynamic only applies/],
    [["--format", "dot"], /unknown export format "dot"/],
    [["--format", "json", "--dynamic"], /--dynamic only applies/],
    [["--format", "gexf", "--graph", "/nonexistent/graph.json"], /cannot read graph file/],
    [["--format", "gexf", "--filter", "xn=bogus"], /--filter: xn: unknown type "bogus"/],
    [["--format", "gexf", "--filter", "hide=location"], /--filter: unknown parameter hide/],
    [["--format", "json", "--evidence"], /--evidence applies to --format gexf, graphml and edges-csv/],
  ])("refuses %j with exit 1 and a message", (args, message) => {
    const r = parley(...(args as string[]));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
