/**
 * `parley ingest <url|file>...` adds articles to the corpus: a file (.txt, .md,
 * .html), an article page, or every new item of an RSS/Atom feed. Each is
 * extracted and committed to the corpus store, and the graph file is written
 * once at the end. With `--server URL` the articles are posted to a running
 * `parley serve` instead, so that it serves them at once.
 *
 * `parley watch <feed> [--every 10m] [--once]` polls a feed with conditional
 * requests (ETag / If-Modified-Since, remembered in the store) and ingests
 * what is new, until interrupted.
 */
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
// The pipeline (extraction, the fetch stack, the store) is loaded when a command runs, so `parley --help` does not pay for it.
import type { ItemOutcome, LiveCorpus, UrlIngestResult } from "../../pipeline/index.ts";
import type { FetchOptions } from "../../ingest/fetch/index.ts";
import { DEFAULT_ARTICLES_DIR, DEFAULT_GRAPH_FILE, DEFAULT_LEXICON_DIR } from "../paths.ts";
import { UserError } from "../user-error.ts";

const pipeline = () => import("../../pipeline/index.ts");

interface CorpusFlags {
  graph: string;
  articles: string;
  lexicon: string;
  store?: string;
  server?: string;
  allowPrivate?: boolean;
  timeout: string;
  maxBytes: string;
}

const say = (line: string) => process.stderr.write(`parley: ${line}\n`);
const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`${flag} must be a positive number, got "${value}"`);
  return n;
}

/** "90s", "10m", "1h" or a number of seconds. */
export function parseDuration(value: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(value.trim());
  if (!m) throw new UserError(`--every must be a duration such as 90s, 10m or 1h, got "${value}"`);
  const ms = Number(m[1]) * { s: 1_000, m: 60_000, h: 3_600_000 }[(m[2] ?? "s") as "s" | "m" | "h"];
  if (ms < 10_000) throw new UserError(`--every must be at least 10s, got "${value}"`);
  return ms;
}

function fetchOptions(flags: CorpusFlags): FetchOptions {
  return { allowPrivate: flags.allowPrivate === true, timeoutMs: positive("--timeout", flags.timeout) * 1000, maxBytes: Math.round(positive("--max-bytes", flags.maxBytes)) };
}

function withCorpusOptions(command: Command): Command {
  return command
    .option("-g, --graph <file>", "graph file", DEFAULT_GRAPH_FILE)
    .option("--articles <dir>", "articles folder", DEFAULT_ARTICLES_DIR)
    .option("--lexicon <dir>", "lexicon folder", DEFAULT_LEXICON_DIR)
    .option("--store <file>", "corpus store (default: parley.db beside the graph file)")
    .option("--server <url>", "post to this running parley serve instead of writing the corpus here")
    .option("--allow-private", "fetch loopback and private-network addresses too (refused by default)")
    .option("--timeout <seconds>", "time allowed for one fetch", "15")
    .option("--max-bytes <n>", "largest page or feed fetched", String(5 * 1024 * 1024));
}

async function openCorpus(flags: CorpusFlags): Promise<LiveCorpus> {
  const graphFile = resolve(flags.graph);
  if (!existsSync(graphFile)) throw new UserError(`graph file ${flags.graph} does not exist; run "parley build" first`);
  const [{ LiveCorpus }, { defaultStoreFile }] = await Promise.all([pipeline(), import("../../store/index.ts")]);
  return LiveCorpus.open({
    graphFile,
    articlesDir: resolve(flags.articles),
    lexiconDir: resolve(flags.lexicon),
    storeFile: flags.store ? resolve(flags.store) : defaultStoreFile(graphFile),
    extractor: "in-process",
    layout: "in-process",
    log: say,
  });
}

function report(outcome: ItemOutcome): void {
  const what = outcome.status === "ingested" ? `ingested as ${outcome.article}` : outcome.status === "duplicate" ? `already in the corpus (${outcome.article})` : `failed: ${outcome.message}`;
  say(`${outcome.url}: ${what}`);
}

function reportResult(source: string, result: UrlIngestResult): number {
  if (result.kind === "not-modified") return (say(`${source}: not modified since the last poll`), 0);
  if (result.kind === "page") return (report(result.outcome), 1);
  const ingested = result.outcomes.filter((o) => o.status === "ingested").length;
  say(`${source}: feed "${result.title ?? ""}", ${result.outcomes.length} item(s), ${ingested} new`);
  return ingested;
}

/** Posts to a running server; its answer is printed as it is. */
async function postToServer(server: string, body: unknown, key: string | null): Promise<{ status: number; json: any }> {
  let res: Response;
  try {
    const headers: Record<string, string> = { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) };
    res = await fetch(new URL("/api/articles", server), { method: "POST", headers, body: JSON.stringify(body) });
  } catch (err) {
    throw new UserError(`cannot reach the server at ${server}: ${(err as Error).message}`);
  }
  const json = await res.json().catch(() => ({}));
  return { status: res.status, json };
}

async function ingestThroughServer(flags: CorpusFlags, sources: string[]): Promise<void> {
  const [{ articleInputFromFile }, { clientWriteKey }] = await Promise.all([pipeline(), import("../write-key.ts")]);
  let failed = 0;
  for (const source of sources) {
    const body = isUrl(source) ? { url: source } : await articleInputFromFile(resolve(source));
    const { status, json } = await postToServer(flags.server!, body, clientWriteKey(resolve(flags.graph)));
    if (status >= 400) {
      failed++;
      say(`${source}: ${status} ${json?.error?.message ?? ""}`);
    } else if (json.feed) {
      for (const item of json.items) report(item);
      say(`${source}: feed "${json.feed.title ?? ""}", ${json.ingested} new`);
    } else if (json.article) say(`${source}: ingested as ${json.article.id}`);
  }
  if (failed) process.exitCode = 1;
}

export function registerIngest(program: Command): void {
  withCorpusOptions(program.command("ingest").argument("<source...>", "article files, article URLs or feed URLs"))
    .description("add articles from files, pages or feeds to the corpus (only they are extracted)")
    .action(async (sources: string[], flags: CorpusFlags) => {
      if (flags.server) return ingestThroughServer(flags, sources);
      const { articleInputFromFile, DuplicateArticleError, ingestUrl } = await pipeline();
      const live = await openCorpus(flags);
      let failed = 0;
      let added = 0;
      try {
        for (const source of sources) {
          try {
            if (isUrl(source)) added += reportResult(source, await ingestUrl(live, source, { ...fetchOptions(flags), onItem: report }));
            else {
              const result = await live.add(await articleInputFromFile(resolve(source)));
              added++;
              say(`${source}: ingested as ${result.article.id}`);
            }
          } catch (err) {
            if (err instanceof DuplicateArticleError) {
              say(`${source}: already in the corpus (${err.existing})`);
              continue;
            }
            if (!(err instanceof Error && (err as { expose?: boolean }).expose)) throw err;
            failed++;
            say(`${source}: ${err.message}`);
          }
        }
      } finally {
        await live.close();
      }
      say(`${added} article(s) added; the graph has ${live.graph.order} nodes and ${live.graph.size} edges (${flags.graph})`);
      if (failed) process.exitCode = 1;
    });

  withCorpusOptions(program.command("watch").argument("<feed>", "RSS or Atom feed URL"))
    .description("poll a feed and ingest its new items (conditional requests; Ctrl-C stops)")
    .option("--every <duration>", "time between polls: 90s, 10m, 1h", "10m")
    .option("--once", "poll once and stop")
    .action(async (feed: string, flags: CorpusFlags & { every: string; once?: boolean }) => {
      const every = parseDuration(flags.every);
      if (!isUrl(feed)) throw new UserError(`watch needs a feed URL, got "${feed}"`);
      const { ingestUrl } = await pipeline();
      let stop = false;
      let wake: () => void = () => {};
      const onSignal = () => ((stop = true), wake());
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      const live = flags.server ? null : await openCorpus(flags);
      try {
        while (!stop) {
          try {
            if (live) {
              const key = `feed:${feed}`;
              const seen = JSON.parse(live.store.getMeta(key) ?? "{}") as { etag?: string; lastModified?: string };
              const result = await ingestUrl(live, feed, { ...fetchOptions(flags), ...seen, onItem: report });
              reportResult(feed, result);
              if (result.kind === "feed") live.store.setMeta(key, JSON.stringify({ etag: result.etag, lastModified: result.lastModified }));
              if (result.kind === "page") throw new UserError(`${feed} is an article page, not a feed; use parley ingest`);
              await live.flush();
            } else await ingestThroughServer(flags, [feed]);
          } catch (err) {
            if (err instanceof UserError || !(err instanceof Error && (err as { expose?: boolean }).expose)) throw err;
            // A failed poll (site down, timeout) is reported; the next one is tried on time.
            say(`${feed}: ${err.message}`);
            process.exitCode = 1;
          }
          if (flags.once || stop) break;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, every);
            wake = () => (clearTimeout(timer), resolve());
          });
        }
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        await live?.close();
      }
    });
}
