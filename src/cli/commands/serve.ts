/**
 * `parley serve`: serves the API and the built web app until SIGTERM/SIGINT, then
 * shuts down gracefully (in-flight requests and ingest finish) and exits 0.
 * `parley start` (what `npm start` runs) first builds what is missing: the graph
 * file from the articles, and the web app with `npx vite build`.
 */
import { DEFAULT_ARTICLES_DIR, DEFAULT_GRAPH_FILE, DEFAULT_LEXICON_DIR } from "../paths.ts";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { spawn } from "node:child_process";
import type { Command } from "commander";
import { UserError } from "../user-error.ts";

interface ServeFlags {
  graph: string;
  articles: string;
  lexicon: string;
  web: string;
  port?: string;
  host: string;
  quiet?: boolean;
  store?: string;
  allowPrivateUrls?: boolean;
}

const say = (line: string) => process.stderr.write(`parley: ${line}\n`);

function portOf(flag: string | undefined): number {
  const raw = flag ?? process.env.PORT ?? "3000";
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new UserError(`port must be a number 0..65535, got "${raw}"`);
  return port;
}

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: string) => {
      process.off("SIGTERM", on);
      process.off("SIGINT", on);
      resolve(signal);
    };
    process.on("SIGTERM", on);
    process.on("SIGINT", on);
  });
}

async function serve(flags: ServeFlags): Promise<void> {
  if (!existsSync(flags.graph)) throw new UserError(`graph file ${flags.graph} does not exist; run "parley build" first (or "npm start")`);
  // Loaded when the command runs, so `parley --help` does not pay for the server.
  const { startServer } = await import("../../server/start.ts");
  const running = await startServer({
    graphFile: flags.graph,
    articlesDir: flags.articles,
    lexiconDir: flags.lexicon,
    webDir: flags.web,
    port: portOf(flags.port),
    host: flags.host,
    requestLog: !flags.quiet,
    storeFile: flags.store,
    fetch: { allowPrivate: flags.allowPrivateUrls === true },
  });
  if (!existsSync(join(flags.web, "index.html"))) say(`web app not built in ${flags.web}: serving the API only (run "npx vite build")`);
  process.stdout.write(`Parley is serving ${running.state.graph.order} nodes and ${running.state.graph.size} edges at ${running.url}\n`);
  const signal = await untilSignal();
  say(`${signal}: finishing in-flight requests…`);
  await running.close();
  say("stopped");
}

function runVite(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["vite", "build"], { stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new UserError(`"npx vite build" failed with exit code ${code}`))));
  });
}

async function start(flags: ServeFlags): Promise<void> {
  if (!existsSync(flags.graph)) {
    say(`no ${flags.graph}: building it from ${flags.articles}…`);
    const [{ buildGraph }, { saveGraph }] = await Promise.all([import("../../pipeline/index.ts"), import("../../graph/persist.ts")]);
    const { graph } = await buildGraph({ articlesDir: flags.articles, lexiconDir: flags.lexicon });
    await mkdir(dirname(flags.graph), { recursive: true });
    await saveGraph(graph, flags.graph);
    say(`built ${graph.order} nodes and ${graph.size} edges`);
  }
  if (!existsSync(join(flags.web, "index.html"))) {
    say(`no ${flags.web}/index.html: building the web app…`);
    await runVite();
  }
  await serve(flags);
}

function withServeOptions(command: Command): Command {
  return command
    .option("-g, --graph <file>", "graph file", DEFAULT_GRAPH_FILE)
    .option("--articles <dir>", "articles folder (live ingest writes here)", DEFAULT_ARTICLES_DIR)
    .option("--lexicon <dir>", "lexicon folder", DEFAULT_LEXICON_DIR)
    .option("--web <dir>", "built web app", "web/dist")
    .option("-p, --port <n>", "port (default: PORT or 3000; 0 picks a free one)")
    .option("--host <host>", "interface to listen on", process.env.HOST ?? "127.0.0.1")
    .option("-q, --quiet", "no log line per request (errors are still logged)")
    .option("--store <file>", "corpus store (default: parley.db beside the graph file)")
    .option("--allow-private-urls", "let POST /api/articles {url} fetch loopback and private-network addresses");
}

export function registerServe(program: Command): void {
  withServeOptions(program.command("serve").description("serve the API and the web app")).action(serve);
  withServeOptions(program.command("start").description("build the graph and web app if missing, then serve")).action(start);
}
