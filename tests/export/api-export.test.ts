/**
 * What `GET /api/export` makes of the Neo4j formats, on a real server: the
 * Cypher scripts stream like any one-document format; the neo4j-admin folder,
 * which is several files, is not offered and is refused with a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveGraph } from "../../src/graph/persist.ts";
import type { RunningServer } from "../../src/server/index.ts";
import { startExportServer, type ExportServer } from "./export-server.ts";
import { sampleGraph } from "./sample-graph.ts";
import { readCypherShellScript } from "./neo4j-tools.ts";

let exported: ExportServer;
let server: RunningServer;

beforeAll(async () => {
  exported = await startExportServer("parley-export-api-", (file) => saveGraph(sampleGraph(), file));
  server = exported.server;
});
afterAll(() => exported?.close());

describe("GET /api/export and the Neo4j formats", () => {
  it.each([
    ["cypher", "parley.cypher"],
    ["memgraph", "parley.cypherl"],
  ])("streams format=%s as text with its file name", async (format, file) => {
    const res = await fetch(`${server.url}/api/export?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${file}"`);
    const text = await res.text();
    if (format === "cypher") expect((await readCypherShellScript(text)).batches.length).toBeGreaterThan(0);
    else expect(text).toContain("UNWIND [");
  });

  it("refuses format=neo4j, a folder of files, with 400 saying why and what to run", async () => {
    const res = await fetch(`${server.url}/api/export?format=neo4j`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toMatch(/format neo4j writes several files; use parley export --format neo4j --out DIR/);
    const other = await (await fetch(`${server.url}/api/export?format=pdf`)).json();
    expect(other.error.message).toMatch(/format must be one of gexf, graphml, json, nodes-csv, edges-csv, cypher, memgraph/);
  });
});
