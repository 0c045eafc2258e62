/**
 * Test harness: a private copy of graph-data/ (articles + lexicon) in a temp
 * folder with a freshly built graph, and a real server on an ephemeral port.
 * Tests never touch the repository's graph-data/.
 */
import { cp, mkdtemp, rm, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildGraph } from "../../src/pipeline/index.ts";
import { saveGraph } from "../../src/graph/persist.ts";
import { startServer, type RunningServer, type StartOptions } from "../../src/server/index.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

export interface Corpus {
  dir: string;
  graphFile: string;
  articlesDir: string;
  lexiconDir: string;
  remove(): Promise<void>;
}

export async function makeCorpus(): Promise<Corpus> {
  const dir = await mkdtemp(join(tmpdir(), "parley-server-"));
  const articlesDir = join(dir, "articles");
  const lexiconDir = join(dir, "lexicon");
  await cp(join(REPO, "graph-data/articles"), articlesDir, { recursive: true });
  await cp(join(REPO, "graph-data/lexicon"), lexiconDir, { recursive: true });
  await mkdir(articlesDir, { recursive: true });
  // Seed files are read-only in the repo; the copies must be writable to be removed.
  const { chmod, readdir } = await import("node:fs/promises");
  for (const f of await readdir(articlesDir)) await chmod(join(articlesDir, f), 0o644);
  const graphFile = join(dir, "graph.json");
  const { graph } = await buildGraph({ articlesDir, lexiconDir });
  await saveGraph(graph, graphFile);
  return { dir, graphFile, articlesDir, lexiconDir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export const quiet = () => {};

/** The write key of every test server (mutating routes need it) and the headers of a JSON write. */
export const TEST_WRITE_KEY = "test-write-key";
export const WRITE_HEADERS = { "content-type": "application/json", authorization: `Bearer ${TEST_WRITE_KEY}` };

export async function serve(corpus: Corpus, options: Partial<StartOptions> = {}): Promise<RunningServer> {
  return startServer({ graphFile: corpus.graphFile, articlesDir: corpus.articlesDir, lexiconDir: corpus.lexiconDir, port: 0, log: quiet, writeKey: TEST_WRITE_KEY, ...options });
}

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body, headers: res.headers };
}

/** A JSON POST carrying the test write key (reads ignore it). */
export const postJson = (url: string, body: unknown) => getJson(url, { method: "POST", headers: WRITE_HEADERS, body: typeof body === "string" ? body : JSON.stringify(body) });

/** An error answer has exactly the public shape and leaks no stack or path. */
export function expectCleanError(body: any): void {
  if (typeof body !== "object" || !body?.error?.code || typeof body.error.message !== "string") throw new Error(`not an error body: ${JSON.stringify(body)}`);
  const text = JSON.stringify(body);
  if (/\bat .*\(|node_modules|\/work\/|\.ts:\d+|stack/i.test(text)) throw new Error(`error body leaks internals: ${text}`);
}

export interface ServeProcess {
  url: string;
  child: import("node:child_process").ChildProcessWithoutNullStreams;
  /** Resolves with the exit code (null: killed by a signal). */
  exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
}

/** `node bin/parley.mjs serve` in a child process on a free port; resolves once it prints its URL. */
export async function spawnServe(files: { graphFile: string; articlesDir: string; lexiconDir: string }, extra: string[] = []): Promise<ServeProcess> {
  const { spawn } = await import("node:child_process");
  const bin = join(REPO, "bin/parley.mjs");
  const args = [bin, "serve", "--graph", files.graphFile, "--articles", files.articlesDir, "--lexicon", files.lexiconDir, "--web", join(files.articlesDir, "no-web"), "--port", "0", ...extra];
  const child = spawn(process.execPath, args, { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, PARLEY_WRITE_KEY: TEST_WRITE_KEY } });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (c) => (stderr += c));
  child.stdout.on("data", (c) => (stdout += c));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const m = /(http:\/\/localhost:\d+)/.exec(stdout);
      if (m) child.stdout.off("data", onData), resolve(m[1]!.replace("localhost", "127.0.0.1"));
    };
    child.stdout.on("data", onData);
    exited.then((code) => reject(new Error(`parley serve exited ${code}: ${stderr}`)));
  });
  return { url, child, exited, output: () => ({ stdout, stderr }) };
}
