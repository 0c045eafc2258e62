/**
 * The corpus a running server follows. It opens the corpus store, takes in what
 * changed in the articles folder while it was down, and serves the graph
 * snapshot (graph.json) — replaying the journal when the store holds changes
 * the snapshot lacks (a crash after an acknowledged ingest, before its
 * snapshot was written).
 *
 * An ingest extracts only the new article (on the extractor's thread), writes
 * its file, and commits article + extraction + journal entry in one
 * transaction: from then on it is durable, and `add` may answer. Corpus
 * resolution and assembly re-run over the stored extractions, kept in memory,
 * so the graph equals what `parley build` makes of the same folder — but for
 * the positions: the answer comes with nodes placed provisionally (kept where
 * they were, new ones beside their neighbours), and the ForceAtlas2 layout runs
 * on another thread (seconds at 10,000 articles). Once it is applied the
 * snapshot file is written — coalesced (one layout and one write for a burst of
 * ingests), and at close — so the file always holds a laid-out graph, the same
 * bytes `parley build` writes.
 *
 * A snapshot that lists articles the folder lacks was built from another corpus
 * (a generated graph, a graph served beside an empty folder): it is served as
 * it is, and the first ingest replaces it with the graph of the folder's articles.
 */
import { unlink } from "node:fs/promises";
import { join } from "node:path";
import type { Article } from "../types.ts";
import type { ArticleExtraction } from "../extract/index.ts";
import { IngestError } from "../ingest/index.ts";
import { loadGraph, removeStaleTempFiles, saveGraph, writeFileAtomic, type ParleyGraph } from "../graph/persist.ts";
import { applyLayout, layoutInput, placeProvisionallyInSteps } from "../graph/layout.ts";
import { createLayoutRunner, inProcessLayoutRunner, type LayoutRunner } from "../graph/layout-worker/index.ts";
import { createSnapshotEncoder, inProcessSnapshotEncoder, type SnapshotEncoder } from "../graph/snapshot-worker/index.ts";
import { saveGraphInTurns } from "../graph/save-in-turns.ts";
import { runInTurns } from "../graph/in-turns.ts";
import { CorpusStore, contentHashOf, extractorVersion, sourceHashOf, type ExtractorVersion } from "../store/index.ts";
import { ensureExtractions, layOutWithStore, loadRules, storedLayout, type Rules } from "./build.ts";
import { curatedGraph, curatedGraphInTurns, whyNotApplicable, type ResolutionCache } from "./curation.ts";
import type { CurationReport, Edit, EditOutcome } from "../curate/index.ts";
import { syncFolder } from "./sync-folder.ts";
import { prepareArticle, validateArticleInput } from "./article-input.ts";
import { diffGraphs, type GraphDiff } from "./diff.ts";
import { urlKeyOf } from "./url-key.ts";
import { createExtractorPool, inProcessExtractor, type Extractor } from "./extractor/index.ts";

export interface LiveCorpusOptions {
  graphFile: string;
  articlesDir: string;
  lexiconDir: string;
  storeFile: string;
  /** Extraction on a worker thread (default) or on the calling thread. */
  extractor?: "thread" | "in-process";
  /** Quiet time before a snapshot write, so a burst of ingests is written once (default 200 ms). */
  snapshotDelayMs?: number;
  log?: (line: string) => void;
  /**
   * Called with each new graph before it is served, and awaited: what the caller builds over it (a server, its
   * query engine, in steps between requests) is then ready when `onGraph` swaps it in.
   */
  prepareGraph?: (graph: ParleyGraph) => Promise<void>;
  /** Called when the served graph changes (an ingest taken in), before its layout. */
  onGraph?: (graph: ParleyGraph, articles: Article[]) => void;
  /** Called once an edit (made here or by another process on the same store) is in the served graph. */
  onEdit?: (edit: Edit, outcome: EditOutcome) => void;
  /** How often to look for edits another process (`parley edit`) added to the store (default 1 s; 0: never). */
  editPollMs?: number;
  /** Called after each snapshot write, with the file's journal sequence number. */
  onSnapshot?: (seq: number) => void;
  /** ForceAtlas2 for live ingest on a worker thread (default) or on the calling thread. */
  layout?: "thread" | "in-process";
  /** The snapshot file's binary half (graph.bin) encoded on a worker thread or on the calling thread (default: as `layout`). */
  snapshotEncoder?: "thread" | "in-process";
}

export interface AddArticleResult extends GraphDiff {
  article: Article;
  articles: Article[];
  graph: ParleyGraph;
  /** Journal sequence number of the ingest. */
  seq: number;
}

/**
 * An extractor usable at once whose thread starts on first use, or when
 * `start()` is called (a server calls it once it answers queries: loading the
 * models is a second of CPU that a cold start should not spend before its
 * first answer). Calls wait for the thread; a failed start fails them.
 */
function lazyExtractor(create: () => Promise<Extractor>): Extractor & { start(): void } {
  let starting: Promise<Extractor> | null = null;
  const started = () => {
    if (!starting) (starting = create()).catch(() => {});
    return starting;
  };
  return {
    start: () => void started(),
    extract: async (article) => (await started()).extract(article),
    close: async () => {
      const pool = await starting?.catch(() => null);
      await pool?.close();
    },
  };
}

/** The corpus's own extractor lent to a caller that closes what it is given: closing the loan leaves it running. */
const borrowed = (extractor: Extractor): Extractor => ({ extract: (article) => extractor.extract(article), close: async () => {} });

/** Ids of the articles a graph was built from (its `articles` graph attribute). */
function graphArticleIds(graph: ParleyGraph): Set<string> {
  const listed = graph.getAttribute("articles") as Array<{ id: string }> | undefined;
  return new Set((listed ?? []).map((a) => a.id));
}

const byFile = (a: { article: Article }, b: { article: Article }) => (a.article.file < b.article.file ? -1 : a.article.file > b.article.file ? 1 : 0);

export class DuplicateArticleError extends IngestError {
  constructor(
    title: string,
    readonly existing: string,
    readonly by: "id" | "text" | "url",
  ) {
    super(`article "${title}"`, by === "url" ? `has the address of article "${existing}", already ingested` : by === "text" ? `has the same text as article "${existing}", already ingested` : "has already been ingested");
  }
}

/** An edit that would change nothing in the graph as it is: refused (422) rather than logged. */
export class EditNotApplicableError extends Error {
  override name = "EditNotApplicableError";
  expose = true;
}

/** A new edit before the store gives it its id. */
export type EditInput = Omit<Edit, "id" | "at">;

export class LiveCorpus {
  graph: ParleyGraph;
  articles: Article[];
  readonly rules: Rules;
  private extractions: ArticleExtraction[] = [];
  /** Settles once every article has its extraction in memory (those the store lacks are extracted first). */
  private readonly filled: Promise<void>;
  private snapshotTimer: NodeJS.Timeout | null = null;
  private snapshotWrite: Promise<void> | null = null;
  private snapshotDirty = false;
  private closed = false;
  /** Journal position of the last commit, and of the last commit the served graph includes. */
  private committedSeq: number;
  private graphSeq: number;
  private integration: Promise<void> | null = null;
  private integrationError: Error | null = null;
  /** Whether `graph` has its real layout (false between an ingest and the layout's arrival). */
  private laidOut = true;
  private readonly layouts: LayoutRunner;
  private readonly snapshots: SnapshotEncoder;
  /** The curation log, what became of each edit in the served graph, and the resolution it was applied over. */
  private edits: Edit[];
  private report: CurationReport = new Map();
  private readonly resolution: ResolutionCache = {};
  /** Changes asked for (commits, edits) and how many of them the served graph includes. */
  private changes = 0;
  private graphChanges = 0;
  /** Newest edit id the served graph includes. */
  private graphEditId: number;
  private readonly editPoll: NodeJS.Timeout | null = null;
  /**
   * Whether `report` describes the served graph: not for a snapshot served as it was with edits in the log,
   * until someone asks (then worked out once, `reporting`) or an integration makes a new graph.
   */
  private reportCurrent: boolean;
  private reporting: Promise<void> | null = null;

  private constructor(
    readonly options: LiveCorpusOptions,
    readonly store: CorpusStore,
    readonly version: ExtractorVersion,
    rules: Rules,
    private readonly extractor: Extractor & { start?(): void },
    state: { graph: ParleyGraph; articles: Article[]; contentHashes: Map<string, string>; seq: number },
  ) {
    this.rules = rules;
    this.graph = state.graph;
    this.articles = state.articles;
    this.committedSeq = this.graphSeq = state.seq;
    this.edits = store.edits();
    this.graphEditId = store.lastEditId();
    this.layouts = options.layout === "in-process" ? inProcessLayoutRunner() : createLayoutRunner();
    this.snapshots = (options.snapshotEncoder ?? options.layout) === "in-process" ? inProcessSnapshotEncoder() : createSnapshotEncoder();
    // Stored extractions load at once; missing ones (a new store, a changed lexicon or model) are made in the
    // background, so a current snapshot is served without waiting, and the first ingest waits for them.
    const log = options.log ?? (() => {});
    this.filled = ensureExtractions(store, state.articles, state.contentHashes, version, async () => borrowed(extractor), (_s, done, total) => {
      if (done === total || done % 100 === 0) log(`extracting articles the store lacks: ${done}/${total}`);
    }).then((r) => void (this.extractions = r.extractions));
    this.filled.catch(() => {});
    this.reportCurrent = this.edits.length === 0;
    const poll = options.editPollMs ?? 1000;
    if (poll > 0) {
      this.editPoll = setInterval(() => this.pollEdits(), poll);
      this.editPoll.unref();
    }
  }

  static async open(options: LiveCorpusOptions): Promise<LiveCorpus> {
    const log = options.log ?? (() => {});
    const rules = loadRules(options.lexiconDir);
    const swept = [...(await removeStaleTempFiles(join(options.graphFile, ".."))), ...(await removeStaleTempFiles(options.articlesDir))];
    if (swept.length) log(`removed ${swept.length} temp file(s) left by an interrupted write`);
    const store = CorpusStore.open(options.storeFile);
    let extractor: (Extractor & { start?(): void }) | null = null;
    try {
      const version = extractorVersion(options.lexiconDir);
      const warnings: string[] = [];
      const synced = await syncFolder(store, options.articlesDir, rules.ingest, version.key, undefined, (w) => warnings.push(w));
      if (warnings.length) log(`${warnings.length} article(s) without a publication date, read as "date unknown" (first: ${warnings[0]})`);
      const snapshot = await loadGraph(options.graphFile);
      // The thread starts (lexicon and models, about a second) while the server goes on opening; the first extraction waits for it.
      extractor = options.extractor === "in-process" ? inProcessExtractor(rules.lexicon) : lazyExtractor(() => createExtractorPool({ lexiconDir: options.lexiconDir, threads: 1 }));
      const inSnapshot = graphArticleIds(snapshot);
      const folderIds = new Set(synced.articles.map((a) => a.id));
      const recorded = store.snapshotSeq(options.graphFile);
      const editsCurrent = store.snapshotEditId(options.graphFile) === store.lastEditId();
      // A snapshot this store never wrote or adopted, listing articles the folder lacks, is of another corpus.
      const foreign = recorded === 0 && [...inSnapshot].some((id) => !folderIds.has(id));
      // Never recorded: a committed or hand-built snapshot, current if it lists exactly the folder's articles.
      const current = editsCurrent && (recorded > 0 ? recorded >= synced.seq : inSnapshot.size === folderIds.size && !foreign);
      const live = new LiveCorpus(options, store, version, rules, extractor, { graph: snapshot, articles: synced.articles, contentHashes: synced.contentHashes, seq: synced.seq });
      if (foreign) {
        log(`warning: the graph file lists articles the articles folder lacks (another corpus); serving it as it is — the first ingest rebuilds it from the folder`);
      } else if (!current) {
        const behind = store.journalSince(recorded).length;
        await live.filled;
        const curated = curatedGraph(live.extractions, rules.lexicon, live.edits, { layout: false });
        live.graph = curated.graph;
        live.articles = curated.articles;
        live.report = curated.report;
        live.reportCurrent = true;
        await layOutWithStore(live.graph, store);
        await saveGraph(live.graph, options.graphFile);
        log(`graph rebuilt from the corpus store: the snapshot lacked ${behind ? `${behind} change(s) of the journal` : "edits of the curation log"}`);
      }
      if (!foreign) {
        store.setSnapshotSeq(options.graphFile, synced.seq);
        store.setSnapshotEditId(options.graphFile, live.graphEditId);
      }
      return live;
    } catch (err) {
      await extractor?.close();
      store.close();
      throw err;
    }
  }

  /**
   * Commits one posted article: validated, refused if it repeats one already
   * in the corpus, extracted, its file written, then article + extraction +
   * journal entry committed at once. When this resolves the article is
   * durable; the graph takes it in right after (`integrated`), so callers run
   * commits one at a time but need not wait for the graph.
   */
  async commit(body: unknown): Promise<{ article: Article; seq: number }> {
    if (this.closed) throw new Error("pipeline/live-corpus: closed");
    await this.filled;
    const input = validateArticleInput(body);
    const { article, fileName, fileContent } = prepareArticle(input, this.rules.ingest);
    const contentHash = contentHashOf(article);
    const urlKey = urlKeyOf(article.url);
    const duplicate = this.store.findDuplicate({ id: article.id, text: article.text, urlKey });
    if (duplicate) throw new DuplicateArticleError(input.title, duplicate.id, duplicate.by);
    const extraction = await this.extractor.extract(article);
    const articleFile = join(this.options.articlesDir, fileName);
    // The file first: a crash before the commit leaves a file the next start takes in, never a commit without its file.
    await writeFileAtomic(articleFile, fileContent);
    let seq: number;
    try {
      seq = this.store.commit({ put: [{ article, sourceHash: sourceHashOf(fileContent, undefined), contentHash, urlKey, extraction }] }, this.version.key);
    } catch (err) {
      await unlink(articleFile).catch(() => {});
      throw err;
    }
    this.committedSeq = seq;
    this.changes++;
    this.extractions = [...this.extractions, { article, ...extraction }].sort(byFile);
    this.scheduleIntegration();
    return { article, seq };
  }

  /**
   * Records one edit and answers once the served graph has it. Tried first
   * over the current resolution: an edit that would not apply (its entity is
   * not in the graph, its quote in no sentence) is refused and not recorded.
   * Callers run edits and commits one at a time (the server's ingest queue).
   */
  async edit(input: EditInput): Promise<{ edit: Edit; outcome: EditOutcome }> {
    if (this.closed) throw new Error("pipeline/live-corpus: closed");
    await this.filled;
    // The graph up to date, and what each edit does in it (an undo of an edit already undone is refused).
    await this.curation();
    const at = new Date().toISOString();
    const trial: Edit = { ...input, id: this.store.lastEditId() + 1, at };
    // The trial needs the resolution the served graph was made from (none yet when no change has come since start).
    if (!this.resolution.resolved) await curatedGraphInTurns(this.extractions, this.rules.lexicon, this.edits, this.resolution);
    const stored = new Set(this.extractions.map((e) => e.article.id));
    const problem = whyNotApplicable(trial, { edits: this.edits, report: this.report, articles: this.articles, stored, resolved: this.resolution.resolved! });
    if (problem) throw new EditNotApplicableError(problem);
    const edit = this.store.addEdit({ ...input, at });
    this.edits = [...this.edits, edit];
    const wanted = ++this.changes;
    this.scheduleIntegration();
    await this.settled(wanted);
    return { edit, outcome: this.report.get(edit.id) ?? { status: "not-applied", problem: "the graph has not taken it in" } };
  }

  /** The curation log, oldest first, with what became of each edit in the served graph. */
  async curation(): Promise<{ edits: Edit[]; report: CurationReport }> {
    await this.settled();
    if (!this.reportCurrent) {
      // The snapshot was served as it is: what each edit did in it is worked out once (warming the resolution cache too).
      this.reporting ??= this.filled.then(async () => {
        const { report } = await curatedGraphInTurns(this.extractions, this.rules.lexicon, this.edits, this.resolution);
        if (!this.reportCurrent) (this.report = report), (this.reportCurrent = true);
      });
      await this.reporting.finally(() => (this.reporting = null));
    }
    return { edits: this.edits, report: this.report };
  }

  /** Takes in edits another process (`parley edit`) added to the store. */
  private pollEdits(): void {
    if (this.closed) return;
    let last: number;
    try {
      last = this.store.lastEditId();
    } catch {
      return;
    }
    if (last === (this.edits.at(-1)?.id ?? 0)) return;
    this.edits = this.store.edits();
    this.changes++;
    this.scheduleIntegration();
  }

  /** Resolves once the served graph includes the first `wanted` changes (default: all asked for so far). */
  private async settled(wanted = this.changes): Promise<void> {
    while (this.graphChanges < wanted) {
      if (!this.integration) this.scheduleIntegration();
      await this.integration;
      if (this.integrationError && this.graphChanges < wanted) throw this.integrationError;
    }
  }

  /** Starts what the first ingest needs (the extraction thread and its models) ahead of it. */
  warmUp(): void {
    if (!this.closed) this.extractor.start?.();
  }

  /** Resolves once the served graph includes the commit `seq` (or every commit so far). */
  async integrated(seq = this.committedSeq): Promise<ParleyGraph> {
    // Every change asked for so far includes that commit.
    if (this.graphSeq < seq) await this.settled();
    return this.graph;
  }

  /** commit, then wait for the graph: what the article added or strengthened (with whatever was committed beside it). */
  async add(body: unknown): Promise<AddArticleResult> {
    const before = this.graph;
    const { article, seq } = await this.commit(body);
    await this.integrated(seq);
    return { article, articles: this.articles, graph: this.graph, seq, ...diffGraphs(before, this.graph) };
  }

  /**
   * Rebuilds the graph from the stored extractions on the next turn of the
   * event loop, once for however many commits arrived meanwhile: resolution
   * and assembly in short steps, provisional positions, then the layout and
   * the snapshot file in the background.
   */
  private scheduleIntegration(): void {
    if (this.integration) return;
    this.integration = (async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const seq = this.committedSeq;
      const changes = this.changes;
      const extractions = this.extractions;
      const edits = this.edits;
      try {
        // In steps with the event loop free between them: other requests are answered meanwhile.
        const { graph, articles, report } = await curatedGraphInTurns(extractions, this.rules.lexicon, edits, this.resolution);
        await runInTurns(placeProvisionallyInSteps(graph, this.graph));
        await this.options.prepareGraph?.(graph);
        const previousEditId = this.graphEditId;
        this.graph = graph;
        this.articles = articles;
        this.report = report;
        this.reportCurrent = true;
        this.graphSeq = seq;
        this.graphChanges = changes;
        this.graphEditId = edits.at(-1)?.id ?? 0;
        this.laidOut = false;
        this.options.onGraph?.(graph, this.articles);
        for (const e of edits) if (e.id > previousEditId) this.options.onEdit?.(e, report.get(e.id)!);
        this.scheduleSnapshot();
        this.integrationError = null;
      } catch (err) {
        this.integrationError = err as Error;
        this.options.log?.(`error: the graph could not take in the latest articles (they are stored; a restart retries): ${(err as Error).stack ?? err}`);
      } finally {
        this.integration = null;
        // Commits that landed while this one ran (after a failure, the next commit or wait retries).
        if (!this.integrationError && this.changes > this.graphChanges) this.scheduleIntegration();
      }
    })();
  }

  private scheduleSnapshot(): void {
    this.snapshotDirty = true;
    if (this.snapshotTimer || this.closed) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      void this.writeSnapshot().catch((err) => this.options.log?.(`error: graph snapshot not written (it will be retried at the next ingest or at shutdown): ${(err as Error).message}`));
    }, this.options.snapshotDelayMs ?? 200);
  }

  /** Lays out and writes the snapshot if anything changed since the last write; one writer at a time. */
  private async writeSnapshot(): Promise<void> {
    while (this.snapshotWrite) await this.snapshotWrite;
    if (!this.snapshotDirty) return;
    this.snapshotWrite = (async () => {
      try {
        // A newer ingest while the layout ran makes it stale: lay out the newest graph instead.
        while (!this.laidOut) {
          const graph = this.graph;
          const input = layoutInput(graph);
          const keys = input.keys;
          const positions = await storedLayout(this.store, input, (i) => this.layouts.layout(i));
          if (graph === this.graph) {
            applyLayout(graph, keys, positions);
            this.laidOut = true;
          }
        }
        this.snapshotDirty = false;
        const seq = this.graphSeq;
        const editId = this.graphEditId;
        // In slices between requests, the binary half on another thread: the same files saveGraph writes.
        await saveGraphInTurns(this.graph, this.options.graphFile, this.snapshots);
        this.store.setSnapshotSeq(this.options.graphFile, seq);
        this.store.setSnapshotEditId(this.options.graphFile, editId);
        this.options.onSnapshot?.(seq);
      } catch (err) {
        this.snapshotDirty = true;
        throw err;
      } finally {
        this.snapshotWrite = null;
      }
    })();
    await this.snapshotWrite;
  }

  /**
   * Resolves once nothing is left to write: the background extraction of articles the store lacked is
   * stored, and every commit so far is in the graph and the snapshot file. `flush` alone leaves that
   * background work running, so a close need not wait for it.
   */
  async idle(): Promise<void> {
    await this.filled.catch(() => {});
    await this.flush();
  }

  /** Resolves once every commit so far is in the graph and the snapshot file. */
  async flush(): Promise<void> {
    await this.settled();
    if (this.snapshotTimer) (clearTimeout(this.snapshotTimer), (this.snapshotTimer = null));
    await this.writeSnapshot();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.flush();
    } finally {
      this.closed = true;
      if (this.editPoll) clearInterval(this.editPoll);
      // Stops a background extraction still running; what it stored so far stays stored.
      await this.extractor.close();
      await this.layouts.close();
      await this.snapshots.close();
      await this.filled.catch(() => {});
      this.store.close();
    }
  }
}
