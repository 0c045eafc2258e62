/**
 * Bench tasks of the corpus store (issue 14), on a folder of generated news
 * articles (tests/hardening/generated-articles.ts: envoys meeting, proposing,
 * rejecting; every article adds names), `ctx.workload.nodes` of them.
 *
 * "corpus-build": a cold `buildGraphWithStore` (empty store, two extraction
 * threads), then a warm one (every extraction and the layout reused), beside
 * today's design without a store (`buildGraph`: every article extracted on
 * every build). Graphs must be byte-identical.
 *
 * "corpus-ingest": a real `parley serve` on that corpus (another process),
 * posts from this one: time to the 201 (durable), time until the article is
 * served, and /api/search latency while it happens against the same route at
 * rest. Today's design did a whole rebuild (extract every article, resolve,
 * lay out, write the graph file) before its 201: that rebuild is timed here
 * once for the peer figure.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import matter from "gray-matter";
import { generatedArticle } from "../../tests/hardening/generated-articles.ts";
import { buildGraph, buildGraphFromArticles, buildGraphWithStore, loadRules } from "../../src/pipeline/index.ts";
import { saveGraph, serializeGraph } from "../../src/graph/persist.ts";
import { CorpusStore, extractorVersion } from "../../src/store/index.ts";
import { PROJECT_ROOT } from "../../src/cli/paths.ts";
import { percentile } from "../stats.ts";
import { ensureCompiledCli } from "../compiled-cli.ts";

const pct = (samples: number[], p: number) => percentile([...samples].sort((a, b) => a - b), p);
import { BenchError, type TaskContext, type TaskResult } from "../task-types.ts";

const LEXICON_DIR = resolve(PROJECT_ROOT, "graph-data/lexicon");

function writeCorpus(dir: string, count: number, seed: number): string {
  const articlesDir = join(dir, "articles");
  mkdirSync(articlesDir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const a = generatedArticle(seed, i);
    writeFileSync(join(articlesDir, `${String(i).padStart(6, "0")}.md`), matter.stringify(`${a.text}\n`, { title: a.title, published: a.published, outlet: a.outlet }));
  }
  return articlesDir;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

export async function corpusBuild(ctx: TaskContext): Promise<TaskResult> {
  const count = ctx.workload.nodes;
  const dir = join(ctx.tmpDir, `corpus-build-${count}`);
  const articlesDir = writeCorpus(dir, count, ctx.seed);
  const rules = loadRules(LEXICON_DIR);
  const corpus = { articlesDir, lexiconDir: LEXICON_DIR };
  const version = extractorVersion(LEXICON_DIR);
  const store = CorpusStore.open(join(dir, "parley.db"));
  try {
    let t = performance.now();
    const cold = await buildGraphWithStore(corpus, { store, version, threads: 2 }, rules);
    const coldText = serializeGraph(cold.graph);
    const coldS = seconds(t);
    t = performance.now();
    const warm = await buildGraphWithStore(corpus, { store, version, threads: 2 }, rules);
    const warmText = serializeGraph(warm.graph);
    const warmS = seconds(t);
    t = performance.now();
    const plain = serializeGraph((await buildGraph(corpus, undefined, rules)).graph);
    const plainS = seconds(t);
    if (coldText !== warmText || coldText !== plain) throw new BenchError("corpus-build: the store's graphs differ from the graph built without it");
    return { articles: count, coldS, warmS, noStoreS: plainS, warmExtracted: warm.extracted, warmShareOfCold: warmS / coldS, nodes: cold.graph.order, edges: cold.graph.size };
  } finally {
    store.close();
  }
}

async function startServe(graphFile: string, articlesDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  ensureCompiledCli();
  const child = spawn(process.execPath, [resolve(PROJECT_ROOT, "bin/parley.mjs"), "serve", "--graph", graphFile, "--articles", articlesDir, "--lexicon", LEXICON_DIR, "--web", join(articlesDir, "..", "no-web"), "--port", "0", "-q"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PARLEY_WRITE_KEY: BENCH_WRITE_KEY } });
  let err = "";
  child.stderr!.on("data", (c) => (err += c));
  const url = await new Promise<string>((ok, fail) => {
    let out = "";
    child.stdout!.on("data", (c) => {
      out += c;
      const m = /http:\/\/localhost:(\d+)/.exec(out);
      if (m) ok(`http://127.0.0.1:${m[1]}`);
    });
    child.once("exit", (code) => fail(new BenchError(`corpus-ingest: parley serve exited ${code}: ${err}`)));
  });
  return {
    url,
    stop: () => new Promise<void>((done) => (child.once("exit", () => done()), child.kill("SIGTERM"))),
  };
}

/** The bench server's write key (mutating routes need one). */
const BENCH_WRITE_KEY = "bench-write-key";
const postJson = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_WRITE_KEY}` }, body: JSON.stringify(body) });

export async function corpusIngest(ctx: TaskContext): Promise<TaskResult> {
  const count = ctx.workload.nodes;
  const posts = ctx.quick ? 5 : 20;
  const dir = join(ctx.tmpDir, `corpus-ingest-${count}`);
  const articlesDir = writeCorpus(dir, count, ctx.seed);
  const graphFile = join(dir, "graph.json");
  const rules = loadRules(LEXICON_DIR);
  const store = CorpusStore.open(join(dir, "parley.db"));
  const built = await buildGraphWithStore({ articlesDir, lexiconDir: LEXICON_DIR }, { store, version: extractorVersion(LEXICON_DIR), threads: 2 }, rules);
  await saveGraph(built.graph, graphFile);
  store.setSnapshotSeq(graphFile, built.synced.seq);
  store.close();

  // Today's design answered a post after rebuilding everything: extract all articles, resolve, lay out, write.
  let t = performance.now();
  await saveGraph(buildGraphFromArticles(built.articles, rules.lexicon), join(dir, "graph-rebuilt.json"));
  const rebuildS = seconds(t);

  const server = await startServe(graphFile, articlesDir);
  try {
    const probe: number[] = [];
    let probing = true;
    const probeLoop = (async () => {
      while (probing) {
        const s = performance.now();
        await fetch(`${server.url}/api/search?q=Rubio`).then((r) => r.text());
        probe.push(performance.now() - s);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await new Promise((r) => setTimeout(r, 3000));
    const rest = probe.splice(0);
    const acks: number[] = [];
    const visible: number[] = [];
    for (let i = 0; i < posts; i++) {
      const s = performance.now();
      const res = await postJson(`${server.url}/api/articles`, generatedArticle(ctx.seed + 1, i));
      const body = (await res.json()) as { article?: { id: string } };
      if (res.status !== 201 || !body.article) throw new BenchError(`corpus-ingest: post ${i} answered ${res.status}`);
      acks.push(performance.now() - s);
      while ((await fetch(`${server.url}/api/articles/${body.article.id}`)).status !== 200) await new Promise((r) => setTimeout(r, 5));
      visible.push(performance.now() - s);
      // Articles arrive spread out (dozens a day), not in a burst: let the layout and the snapshot follow.
      await new Promise((r) => setTimeout(r, 500));
    }
    probing = false;
    await probeLoop;
    return {
      articles: count,
      posts,
      ackP50: pct(acks, 50),
      ackP99: pct(acks, 99),
      visibleP50: pct(visible, 50),
      visibleP99: pct(visible, 99),
      searchRestP99: pct(rest, 99),
      searchDuringP99: pct(probe, 99),
      searchDuringMax: Math.max(...probe),
      todayRebuildMs: rebuildS * 1000,
    };
  } finally {
    await server.stop();
  }
}
