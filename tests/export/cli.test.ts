/** `parley export` as a user runs it: a real process, real files. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { saveGraph } from "../../src/graph/persist.ts";
import { sampleGraph } from "./sample-graph.ts";
import { xmllint, GEXF_XSD } from "./xml-tools.ts";

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

  it.each([
    [["--format", "dot"], /unknown export format "dot"/],
    [["--format", "json", "--dynamic"], /--dynamic only applies/],
    [["--format", "gexf", "--graph", "/nonexistent/graph.json"], /cannot read graph file/],
  ])("refuses %j with exit 1 and a message", (args, message) => {
    const r = parley(...(args as string[]));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
