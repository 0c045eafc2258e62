/**
 * `parley query` end to end through commander, on a real graph file written to a
 * temp folder: table and JSON output, --param, the path shortcut printed as hops
 * with quotes, and user errors (syntax, unknown name, bad format) as UserError.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerQuery } from "../../src/cli/commands/query.ts";
import { UserError } from "../../src/cli/user-error.ts";
import { saveGraph } from "../../src/graph/persist.ts";
import { fixtureGraph } from "./fixture-graph.ts";

let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "parley-query-"));
  file = join(dir, "graph.json");
  await saveGraph(fixtureGraph(), file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<string> {
  const program = new Command("parley").exitOverride();
  registerQuery(program);
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(["query", ...args, "--graph", file], { from: "user" });
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe("parley query", () => {
  it("prints a table", async () => {
    const out = await run("MATCH (o)-[:REJECTED]->(p:Proposal) RETURN o.name, p.name ORDER BY o.name");
    expect(out).toMatch(/o\.name\s+│ p\.name/);
    expect(out).toMatch(/Kremlin\s+│ 30-day cease-fire proposal/);
    expect(out).toMatch(/\(2 rows, [\d.]+ ms\)/);
  });

  it("prints JSON with evidence on every relationship of a shortest path", async () => {
    const out = await run("MATCH p = shortestPath((a {name:'Marco Rubio'})-[*..6]-(b {name:'Vladimir Putin'})) RETURN p", "--format", "json");
    const result = JSON.parse(out);
    expect(result.kind).toBe("table");
    const path = result.rows[0][0];
    expect(path.kind).toBe("path");
    for (const r of path.relationships) expect(r.properties.evidence[0].sentence).toEqual(expect.any(String));
  });

  it("prints the path shortcut as readable hops with quotes", async () => {
    const out = await run("path Rubio -> Putin");
    // Two routes of 3 hops exist (via United States or via Ukraine); both end the same way.
    expect(out).toMatch(/^ {2}Marco Rubio —(member of|negotiated with)→ (United States|Ukraine)$/m);
    expect(out).toContain("30-day cease-fire proposal ←considered— Vladimir Putin");
    expect(out).toContain("“Mr. Putin said he would consider the cease-fire.” (a1)");
    expect(out.match(/^ {6}“.+” \(a1\)$/gm)).toHaveLength(3);
  });

  it("passes --param values, as JSON when they parse", async () => {
    const out = await run("MATCH (n) WHERE n.name = $who RETURN n.name, $k + 1 AS k", "--param", "who=Dmitry Peskov", "--param", "k=41", "--format", "json");
    expect(JSON.parse(out).rows).toEqual([["Dmitry Peskov", 42]]);
  });

  it.each([
    [["MATCH (n RETURN n"], /line 1, column 10/],
    [["path Rubioo -> Putin"], /did you mean "Marco Rubio"/],
    [["RETURN 1", "--format", "xml"], /--format/],
    [["RETURN $x", "--param", "novalue"], /name=value/],
  ])("turns %j into a UserError", async (args, message) => {
    await expect(run(...args)).rejects.toThrow(UserError);
    await expect(run(...args)).rejects.toThrow(message);
  });
});
