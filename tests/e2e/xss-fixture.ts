/**
 * The XSS corpus as data the real server serves: one Markdown article per payload
 * (payload in title, outlet, url and body) plus a digest article quoting every
 * payload, and a hand-made graph file (graphology export of a MultiDirectedGraph,
 * DESIGN.md "The graph file") whose node keys, labels and aliases, edge labels and
 * evidence are the payloads. Articles are read back through the real ingest code,
 * so evidence points at the sentences the reader will show.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import matter from "gray-matter";
import { MultiDirectedGraph } from "graphology";
import { EDGE_TYPES, NODE_COLORS } from "../../src/ontology.ts";
import { NODE_TYPES, type Article, type EdgeAttributes, type Evidence, type GraphAttributes, type NodeAttributes } from "../../src/types.ts";
import { loadArticles } from "../../src/ingest/index.ts";
import { loadRules } from "../../src/pipeline/index.ts";
import { startServer } from "../../src/server/index.ts";
import { E2E_WRITE_KEY, ROOT, WEB_DIST, type Explorer } from "./server.ts";

export interface Payload {
  id: number;
  class: string;
  payload: string;
}

export const PAYLOADS: readonly Payload[] = (JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "xss-payloads.json"), "utf8")) as { payloads: Payload[] }).payloads;

export const HUB = "xss-hub";
export const DIGEST = "xss-digest";
export const articleId = (p: Payload) => `xss-${String(p.id).padStart(2, "0")}`;
export const titleOf = (p: Payload) => `Report ${p.id}: ${p.payload}`;
export const aliasOf = (p: Payload) => `aka ${p.payload}`;
/** The digest's line for a payload: found again after sentence splitting by its prefix. */
const digestLine = (p: Payload) => `Delegate ${p.id} wrote ${p.payload} in the note`;
/** Publication date of a payload's article (id 0: the digest). */
export const dateOf = (p: Pick<Payload, "id">) => `2025-03-${String(1 + (p.id % 28)).padStart(2, "0")}`;

function writeArticles(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const md = (body: string, front: Record<string, string>) => matter.stringify(`${body}\n`, front);
  writeFileSync(join(dir, `${DIGEST}.md`), md(PAYLOADS.map(digestLine).join(".\n\n") + ".", { title: "Digest of every payload", outlet: "XSS Wire", published: dateOf({ id: 0 }) }));
  for (const p of PAYLOADS) {
    const body = `The envoy quoted ${p.payload} during the talks.\n\nA second line repeats ${p.payload} for the record.`;
    writeFileSync(join(dir, `${articleId(p)}.md`), md(body, { title: titleOf(p), outlet: p.payload, published: dateOf(p), url: `javascript:__xss(${p.id})` }));
  }
}

function evidenceIn(article: Article, p: Payload, prefix: string, rule: string): Evidence {
  const s = article.sentences.find((x) => x.text.includes(prefix));
  if (!s) throw new Error(`xss-fixture: no sentence of ${article.id} contains "${prefix}"`);
  return { article: article.id, sentence: s.text, quote: s.text.includes(p.payload) ? p.payload : "", rule, sentenceIndex: s.index };
}

function buildGraph(articles: Article[]): MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({
    name: "xss-corpus",
    articles: articles.map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url, file: a.file, credits: a.credits, sentences: a.sentences.length, words: a.text.split(/\s+/).length })),
  });
  graph.addNode(HUB, { label: "XSS hub", type: "organization", aliases: [], mentions: PAYLOADS.length, articles: [DIGEST], x: 0, y: 0, size: 14, color: NODE_COLORS.organization });
  const directed = EDGE_TYPES.filter((t) => !t.symmetric);
  PAYLOADS.forEach((p, i) => {
    const type = NODE_TYPES[i % NODE_TYPES.length];
    const angle = (2 * Math.PI * i) / PAYLOADS.length;
    graph.addNode(p.payload, { label: p.payload, type, aliases: [aliasOf(p)], mentions: 2, articles: [articleId(p), DIGEST], x: 100 * Math.cos(angle), y: 100 * Math.sin(angle), size: 6, color: NODE_COLORS[type] });
  });
  PAYLOADS.forEach((p, i) => {
    const own = byId.get(articleId(p))!;
    const edgeType = directed[i % directed.length].id;
    const evidence = [evidenceIn(byId.get(DIGEST)!, p, `Delegate ${p.id} wrote`, `xss-${p.id}`), evidenceIn(own, p, "The envoy quoted", `xss-${p.id}`)];
    graph.addEdgeWithKey(`${HUB}|${edgeType}|${p.payload}`, HUB, p.payload, { type: edgeType, label: p.payload, weight: evidence.length, evidence, firstSeen: dateOf({ id: 0 }), lastSeen: dateOf(p) });
    const next = PAYLOADS[i + 1];
    if (next) {
      const chain = [evidenceIn(own, p, "A second line", `xss-chain-${p.id}`)];
      graph.addEdgeWithKey(`${p.payload}|met_with|${next.payload}`, p.payload, next.payload, { type: "met_with", label: p.payload, weight: 1, evidence: chain, firstSeen: dateOf(p), lastSeen: dateOf(p) });
    }
  });
  return graph;
}

/**
 * The real server over a temporary data folder holding only the XSS corpus. To check
 * the suite catches an injection, point PARLEY_XSS_WEB_DIST at a build of a copy of
 * web/ made deliberately unsafe (e.g. one `innerHTML`); it must then fail.
 */
export async function startXssExplorer(): Promise<Explorer & { articles: Article[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), "parley-xss-"));
  const files = { graphFile: join(dataDir, "graph.json"), articlesDir: join(dataDir, "articles"), lexiconDir: join(dataDir, "lexicon") };
  cpSync(join(ROOT, "graph-data", "lexicon"), files.lexiconDir, { recursive: true });
  writeArticles(files.articlesDir);
  const articles = await loadArticles(files.articlesDir, loadRules(files.lexiconDir).ingest);
  writeFileSync(files.graphFile, JSON.stringify(buildGraph(articles).export(), null, 1) + "\n");
  const server = await startServer({ ...files, webDir: process.env.PARLEY_XSS_WEB_DIST ?? WEB_DIST, port: 0, log: () => {}, writeKey: E2E_WRITE_KEY });
  return {
    url: `http://127.0.0.1:${server.port}`,
    server,
    dataDir,
    articles,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
