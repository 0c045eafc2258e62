/**
 * The compiled CLI (scripts/build-cli.mjs → dist/, which bin/parley.mjs runs
 * while dist/stamp.json matches the sources), on a copy of the project in a
 * temp folder, so the working tree's dist/ and sources are never touched: the
 * build writes dist/ and its stamp; `query "RETURN 1"`, `--version` and
 * `--help` print what the sources through tsx print; a source changed after the
 * build sends `parley` back to the sources; `serve` and `build` run their
 * worker threads from dist/ (the sources' boot files removed from the copy).
 * No timing is asserted.
 */
import { execFile, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compiledMain } from "../../bin/compiled.mjs";
import { ROOT } from "./helpers.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "parley-compiled-"));
const copy = join(dir, "parley");
const BIN = join(copy, "bin", "parley.mjs");
const WORKER_BOOTS = ["src/server/query-worker/boot.mjs", "src/graph/layout-worker/boot.mjs", "src/graph/snapshot-worker/boot.mjs", "src/pipeline/extractor/boot.mjs"];

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** `parley …` in the copy, compiled unless `tsx`; times in the output are blanked (two runs never take as long). */
async function parley(args: string[], tsx = false): Promise<Outcome> {
  const { PARLEY_TSX: _tsx, ...env } = process.env;
  const blank = (s: string) => s.replace(/\d+(\.\d+)? ms/g, "N ms").replace(/"elapsedMs": [\d.]+/g, '"elapsedMs": N');
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: dir, env: tsx ? { ...env, PARLEY_TSX: "1" } : env });
    return { code: 0, stdout: blank(stdout), stderr: blank(stderr) };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: blank(e.stdout), stderr: blank(e.stderr) };
  }
}

beforeAll(async () => {
  // What the bundle is built from and run with; packages and the language data are the working tree's own.
  for (const part of ["src", "bench", "bin", "scripts/build-cli.mjs", "package.json", "tsconfig.json", "graph-data/graph.json"]) {
    cpSync(join(ROOT, part), join(copy, part), { recursive: true, filter: (from) => !from.startsWith(join(ROOT, "bench", "tmp")) });
  }
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));
  for (const data of ["models", "lexicon"]) symlinkSync(join(ROOT, "graph-data", data), join(copy, "graph-data", data));
  await run(process.execPath, [join(copy, "scripts/build-cli.mjs")]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the compiled CLI", () => {
  it("is built into dist/: the entry, a compiled entry per worker thread, source maps and the stamp of its sources", () => {
    for (const file of ["main.js", "main.js.map", "query-worker.js", "layout-worker.js", "snapshot-worker.js", "extract-worker.js", "stamp.json"]) expect(existsSync(join(copy, "dist", file))).toBe(true);
    const stamp = JSON.parse(readFileSync(join(copy, "dist", "stamp.json"), "utf8"));
    expect(Object.keys(stamp.inputs)).toEqual(expect.arrayContaining(["src/cli/main.ts", "src/cli/commands/query.ts", "src/server/query-worker/thread.ts", "scripts/build-cli.mjs", "tsconfig.json"]));
    expect(compiledMain(copy)).toBe(join(copy, "dist", "main.js"));
    // Each command stays a chunk of its own, loaded when it runs.
    expect(readFileSync(join(copy, "dist", "main.js"), "utf8")).not.toContain("function registerQuery(");
  });

  it.each([[["query", "RETURN 1"]], [["query", "RETURN 1", "--format", "json"]], [["--version"]], [["--help"]], [["query", "MATCH (n RETURN n"]], [["nope"]]])(
    "answers %j as the sources through tsx do",
    async (args) => {
      const compiled = await parley(args);
      expect(compiled).toEqual(await parley(args, true));
      if (args.join(" ") === "query RETURN 1") expect(compiled.stdout).toContain("(1 row, N ms)");
    },
    120_000,
  );

  it("runs the sources instead once one of them changed after the build, even back to its old time", async () => {
    const file = join(copy, "src/cli/commands/query.ts");
    const text = readFileSync(file, "utf8");
    // A time the file can be set back to exactly (a file system keeps nanoseconds, utimes takes a double), built with.
    const built = new Date(Math.floor(statSync(file).mtimeMs / 1000) * 1000);
    utimesSync(file, built, built);
    await run(process.execPath, [join(copy, "scripts/build-cli.mjs")]);
    // Same length and, first, the same time as built: the stamp cannot tell, so the compiled text still runs.
    writeFileSync(file, text.replace("run an openCypher read query", "RUN AN openCypher read query"));
    utimesSync(file, built, built);
    expect(compiledMain(copy)).not.toBeNull();
    expect((await parley(["query", "--help"])).stdout).toContain("run an openCypher read query");
    // Newer than the build: the sources run.
    utimesSync(file, new Date(), new Date());
    expect(compiledMain(copy)).toBeNull();
    expect((await parley(["query", "--help"])).stdout).toContain("RUN AN openCypher read query");
    // Back to the time it was built with, but another size: still the sources.
    writeFileSync(file, text.replace("run an openCypher read query", "run an openCypher query"));
    utimesSync(file, built, built);
    expect(compiledMain(copy)).toBeNull();
    expect((await parley(["query", "--help"])).stdout).toContain("run an openCypher query");
    // Rebuilt: compiled again, with the new text.
    await run(process.execPath, [join(copy, "scripts/build-cli.mjs")]);
    expect(compiledMain(copy)).not.toBeNull();
    expect((await parley(["query", "--help"])).stdout).toContain("run an openCypher query");
  }, 120_000);

  describe("with the sources' worker boot files gone", () => {
    beforeAll(() => {
      for (const boot of WORKER_BOOTS) rmSync(join(copy, boot));
      expect(compiledMain(copy)).not.toBeNull();
    });

    it("serve answers /api/query from its query worker, ingests through its extraction and layout workers, and stops on SIGTERM", async () => {
      const graph = join(dir, "serve", "graph.json");
      // The seed corpus and its graph, which the new article joins.
      cpSync(join(ROOT, "graph-data/articles"), join(dir, "serve", "articles"), { recursive: true });
      cpSync(join(ROOT, "graph-data/graph.json"), graph);
      const child = spawn(process.execPath, [BIN, "serve", "--graph", graph, "--articles", join(dir, "serve", "articles"), "--port", "0", "--quiet"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PARLEY_WRITE_KEY: "compiled-cli-test" } });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = "";
          child.stdout.on("data", (d) => {
            out += d;
            const m = /at (http:\/\/\S+)/.exec(out);
            if (m) resolve(m[1]!.replace("localhost", "127.0.0.1"));
          });
          exited.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
        });
        const count = async () => {
          const res = await fetch(`${url}/api/query`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "MATCH (n) RETURN count(*) AS n" }) });
          expect(res.status).toBe(200);
          return ((await res.json()) as { rows: number[][] }).rows[0]![0]!;
        };
        const before = await count();
        expect(before).toBe(JSON.parse(readFileSync(graph, "utf8")).nodes.length);
        const posted = await fetch(`${url}/api/articles?wait=graph`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: "Bearer compiled-cli-test" },
          body: JSON.stringify({ title: "Envoys meet", published: "2025-04-01", text: "Special envoy Tom Perriello met Hossam Zaki in Cairo on Monday." }),
        });
        expect(posted.status).toBe(201);
        await expect.poll(count, { timeout: 20_000 }).toBeGreaterThan(before);
      } finally {
        child.kill("SIGTERM");
      }
      expect(await exited).toBe(0);
      expect(stderr).not.toMatch(/worker|Error:/);
    }, 60_000);

    it("build extracts on its worker threads", async () => {
      // Enough articles for the extraction pool (fewer are extracted on the main thread): the seeds, twice over.
      const articles = join(dir, "build", "articles");
      mkdirSync(articles, { recursive: true });
      const seeds = readdirSync(join(ROOT, "graph-data/articles")).filter((f) => f.endsWith(".txt"));
      for (const [i, name] of [...seeds, ...seeds].entries()) writeFileSync(join(articles, `${i}-${name}`), `${readFileSync(join(ROOT, "graph-data/articles", name), "utf8")}\n\nCopy ${i}.\n`);
      const out = join(dir, "build", "graph.json");
      const built = await parley(["build", "--articles", articles, "--out", out, "--threads", "2"]);
      expect(built.code).toBe(0);
      expect(built.stderr).toMatch(/extracted/);
      expect(JSON.parse(readFileSync(out, "utf8")).nodes.length).toBeGreaterThan(10);
    }, 120_000);
  });
});
