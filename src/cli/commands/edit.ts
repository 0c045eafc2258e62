/**
 * `parley edit <operation> …` corrects the graph on the corpus store, without a
 * server: merge, split, rename, retype, delete-entity, delete-edge,
 * reject-evidence ("wrong reading"), add-edge, delete-article, undo; `parley
 * edit log` prints the curation log with what became of each edit (`--json`:
 * a backup, which `parley edit import` restores). An edit is
 * tried first and refused if it would change nothing; once recorded the graph
 * file is rebuilt (a warm build: nothing is extracted again). A server running
 * on the same store takes the edit in within a second.
 */
import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { resolve } from "node:path";
// The stages an edit runs are loaded when it runs (below), so `parley --help` does not pay for them.
import type { parseEditBody, Rules, StoreBuildResult } from "../../pipeline/index.ts";
import type { CorpusStore } from "../../store/index.ts";
import { describeEdit, EDIT_OPS, type CurationReport, type Edit } from "../../curate/edits.ts";
import { DEFAULT_ARTICLES_DIR, DEFAULT_GRAPH_FILE, DEFAULT_LEXICON_DIR } from "../paths.ts";
import { UserError } from "../user-error.ts";

interface EditFlags {
  graph: string;
  articles: string;
  lexicon: string;
  store?: string;
  reason?: string;
  author?: string;
}

const say = (line: string) => process.stderr.write(`parley edit: ${line}\n`);

/** Lines for the edits of a log that did not apply (a build prints them). */
export function curationLines(edits: readonly Edit[], report: CurationReport): string[] {
  const failed = edits.filter((e) => report.get(e.id)?.status === "not-applied");
  const applied = edits.filter((e) => report.get(e.id)?.status === "applied").length;
  if (!edits.length) return [];
  return [`curation: ${applied} edit(s) applied, ${failed.length} not applied, ${edits.length - applied - failed.length} undone or undos`, ...failed.map((e) => `warning: edit #${e.id} (${describeEdit(e.params)}) no longer applies: ${report.get(e.id)!.problem}`)];
}

function defaultAuthor(): string {
  try {
    return userInfo().username || "anonymous";
  } catch {
    return "anonymous";
  }
}

async function openCorpus(flags: EditFlags): Promise<{ store: CorpusStore; built: StoreBuildResult; rules: Rules; out: string }> {
  const [{ buildGraphWithStore, loadRules }, { CorpusStore, defaultStoreFile, extractorVersion }] = await Promise.all([import("../../pipeline/index.ts"), import("../../store/index.ts")]);
  const out = resolve(flags.graph);
  const store = CorpusStore.open(flags.store ? resolve(flags.store) : defaultStoreFile(out));
  try {
    const corpus = { articlesDir: resolve(flags.articles), lexiconDir: resolve(flags.lexicon) };
    const rules = loadRules(corpus.lexiconDir);
    const built = await buildGraphWithStore(corpus, { store, version: extractorVersion(corpus.lexiconDir), threads: 2 }, rules);
    return { store, built, rules, out };
  } catch (err) {
    store.close();
    throw err;
  }
}

/** The graph file again, with the store's whole curation log applied. */
async function rewriteGraph(store: CorpusStore, built: StoreBuildResult, rules: Rules, out: string) {
  const [{ curatedGraph, layOutWithStore }, { saveGraph }] = await Promise.all([import("../../pipeline/index.ts"), import("../../graph/persist.ts")]);
  const edits = store.edits();
  const after = curatedGraph(built.extractions, rules.lexicon, edits, { layout: false });
  await layOutWithStore(after.graph, store);
  await saveGraph(after.graph, out);
  store.setSnapshotSeq(out, built.synced.seq);
  store.setSnapshotEditId(out, edits.at(-1)?.id ?? 0);
  return after;
}

/**
 * Edits from a `parley edit log --json` backup, oldest first, as they will be stored: each line checked
 * (an error names the line), undo targets renumbered to the ids the imported edits get.
 */
function readBackup(text: string, file: string, parseBody: typeof parseEditBody): Edit[] {
  const edits: Edit[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    let row: Partial<Edit>;
    try {
      row = JSON.parse(line);
    } catch {
      throw new UserError(`${where}: not JSON`);
    }
    if (!Number.isInteger(row.id) || typeof row.at !== "string" || typeof row.author !== "string" || typeof row.reason !== "string" || !row.params) throw new UserError(`${where}: not an edit of parley edit log --json (id, at, author, reason, params)`);
    try {
      parseBody(row.params);
    } catch (err) {
      throw new UserError(`${where}: ${(err as Error).message}`);
    }
    const against = row.against && typeof row.against.seq === "number" && typeof row.against.nodes === "object" ? row.against : { seq: 0, nodes: {} };
    edits.push({ id: row.id!, at: row.at, author: row.author, reason: row.reason, params: row.params, against });
  });
  return edits.sort((a, b) => a.id - b.id);
}

/** Restores a backup of the log: edits the store already holds (same time, author and change) are skipped. */
async function importEdits(flags: EditFlags, file: string): Promise<void> {
  let text: string;
  try {
    text = readFileSync(resolve(file), "utf8");
  } catch (err) {
    throw new UserError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const backup = readBackup(text, file, (await import("../../pipeline/index.ts")).parseEditBody);
  const { store, built, rules, out } = await openCorpus(flags);
  try {
    const sameness = (e: Omit<Edit, "id" | "against">) => JSON.stringify([e.at, e.author, e.params]);
    const held = new Set(built.edits.map(sameness));
    const fresh = backup.filter((e) => !held.has(sameness(e)));
    const firstId = store.lastEditId() + 1;
    const newId = new Map(fresh.map((e, i) => [e.id, firstId + i]));
    const added = store.addEdits(
      fresh.map(({ id: _old, ...e }) => (e.params.op === "undo" && newId.has(e.params.target) ? { ...e, params: { op: "undo", target: newId.get(e.params.target)! } } : e)),
    );
    const after = await rewriteGraph(store, built, rules, out);
    say(`imported ${added.length} edit(s) (${backup.length - fresh.length} already in the store); ${after.graph.order} nodes, ${after.graph.size} edges; wrote ${flags.graph}`);
    for (const line of curationLines(store.edits(), after.report)) say(line);
  } finally {
    store.close();
  }
}

/** Tries, records and applies one edit given as the API's JSON body. */
async function runEdit(flags: EditFlags, body: Record<string, unknown>): Promise<void> {
  const [{ prepareEdit, whyNotApplicable }, { createQueryEngine, UnknownNameError }] = await Promise.all([import("../../pipeline/index.ts"), import("../../query/index.ts")]);
  const { store, built, rules, out } = await openCorpus(flags);
  try {
    const engine = createQueryEngine(built.graph);
    const lookup = (name: string) => {
      const key = engine.resolve(name);
      if (key === null) throw new UserError(new UnknownNameError(name, engine.search(name, 5).map((h) => h.label)).message);
      const a = built.graph.getNodeAttributes(key);
      return { key, label: a.label, type: a.type };
    };
    let input;
    try {
      input = prepareEdit({ ...body, ...(flags.reason ? { reason: flags.reason } : {}), ...(flags.author ? { author: flags.author } : {}) }, lookup, built.articles, store.journalSeq(), defaultAuthor());
    } catch (err) {
      if ((err as { expose?: boolean }).expose) throw new UserError((err as Error).message);
      throw err;
    }
    const at = new Date().toISOString();
    const stored = new Set(built.extractions.map((e) => e.article.id));
    const problem = whyNotApplicable({ ...input, id: store.lastEditId() + 1, at }, { edits: built.edits, report: built.curation, articles: built.articles, stored, resolved: built.resolved });
    if (problem) throw new UserError(`not recorded: ${problem}`);
    const edit = store.addEdit({ ...input, at });
    const after = await rewriteGraph(store, built, rules, out);
    const outcome = after.report.get(edit.id)!;
    say(`#${edit.id} ${describeEdit(edit.params)}: ${outcome.status}${outcome.problem ? ` (${outcome.problem})` : ""}; ${after.graph.order} nodes, ${after.graph.size} edges; wrote ${flags.graph}`);
    process.stdout.write(`${edit.id}\n`);
  } finally {
    store.close();
  }
}

function withCorpusOptions(command: Command): Command {
  return command
    .option("-g, --graph <file>", "graph file", DEFAULT_GRAPH_FILE)
    .option("--articles <dir>", "articles folder", DEFAULT_ARTICLES_DIR)
    .option("--lexicon <dir>", "lexicon folder", DEFAULT_LEXICON_DIR)
    .option("--store <file>", "corpus store (default: parley.db beside the graph file)");
}

function withEditOptions(command: Command): Command {
  return withCorpusOptions(command).option("--reason <text>", "why (kept in the log)").option("--author <name>", "who (default: your user name)");
}

function sentenceNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`a sentence index is a whole number from 0, got "${value}"`);
  return n;
}

export function registerEdit(program: Command): void {
  const edit = program.command("edit").description("correct the graph: merge, split, rename, retype, delete, add an edge; log and undo");
  const op = (name: string, args: string, description: string, body: (...a: any[]) => Record<string, unknown>, extra?: (c: Command) => Command) => {
    let c = withEditOptions(edit.command(`${name} ${args}`).description(description));
    if (extra) c = extra(c);
    c.action(async (...a: any[]) => {
      const flags = a[a.length - 2] as EditFlags & Record<string, string>;
      await runEdit(flags, { op: name, ...body(...a.slice(0, -2), flags) });
    });
  };
  op("merge", "<from> <into>", "merge entity FROM into INTO (aliases, mentions and edges move)", (from, into) => ({ from, into }));
  op("split", "<entity> <alias>", "make an alias of ENTITY an entity of its own", (entity, alias, f) => ({ entity, alias, ...(f.type ? { type: f.type } : {}) }), (c) => c.option("--type <type>", "type of the new entity (default: the entity's)"));
  op("rename", "<entity> <label>", "give ENTITY a new canonical label (the old one stays an alias)", (entity, label) => ({ entity, label }));
  op("retype", "<entity> <type>", "change the type of ENTITY (actor, organization, proposal, location)", (entity, type) => ({ entity, type }));
  op("delete-entity", "<entity>", "never an entity: its names stop producing nodes", (entity) => ({ entity }));
  op("delete-edge", "<source> <type> <target>", "delete the edge SOURCE -TYPE-> TARGET", (source, type, target) => ({ source, type, target }));
  op("reject-evidence", "<source> <type> <target> <article> <sentence>", "wrong reading: drop one sentence from an edge's evidence", (source, type, target, article, sentence) => ({ source, type, target, article, sentenceIndex: sentenceNumber(sentence) }));
  op(
    "add-edge",
    "<source> <type> <target> <quote>",
    "add an edge by hand, with a quote from a stored article's sentence",
    (source, type, target, quote, f) => ({ source, type, target, quote, ...(f.article ? { article: f.article } : {}), ...(f.sentence !== undefined ? { sentenceIndex: sentenceNumber(f.sentence) } : {}) }),
    (c) => c.option("--article <id>", "the article the quote is from").option("--sentence <n>", "its sentence index"),
  );
  op("delete-article", "<article>", "take an article out of the graph (undo brings it back)", (article) => ({ article }));
  op("undo", "<id>", "undo edit ID (undoing an undo restores it)", (id) => {
    const target = Number(id);
    if (!Number.isInteger(target) || target < 1) throw new UserError(`an edit id is a whole number from 1, got "${id}"`);
    return { target };
  });

  withCorpusOptions(edit.command("import <file>").description("restore edits from a parley edit log --json backup (those already stored are skipped)")).action((file: string, flags: EditFlags) => importEdits(flags, file));

  withCorpusOptions(edit.command("log").description("the curation log, newest first, with what became of each edit"))
    .option("--status <status>", "only applied, not-applied or undone edits")
    .option("--op <op>", `only one operation (${EDIT_OPS.join(", ")})`)
    .option("--limit <n>", "at most this many", "50")
    .option("--json", "one JSON object per line (a backup of the log)")
    .action(async (flags: EditFlags & { status?: string; op?: string; limit: string; json?: boolean }) => {
      if (flags.status && !["applied", "not-applied", "undone"].includes(flags.status)) throw new UserError(`--status must be applied, not-applied or undone, got "${flags.status}"`);
      if (flags.op && !(EDIT_OPS as readonly string[]).includes(flags.op)) throw new UserError(`--op must be one of ${EDIT_OPS.join(", ")}, got "${flags.op}"`);
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UserError(`--limit must be a whole number from 1, got "${flags.limit}"`);
      const { store, built } = await openCorpus(flags);
      store.close();
      const rows = [...built.edits]
        .reverse()
        .map((e) => ({ edit: e, outcome: built.curation.get(e.id)! }))
        .filter((r) => (!flags.status || r.outcome.status === flags.status) && (!flags.op || r.edit.params.op === flags.op))
        .slice(0, limit);
      for (const { edit: e, outcome } of rows) {
        if (flags.json) process.stdout.write(`${JSON.stringify({ ...e, status: outcome.status, problem: outcome.problem })}\n`);
        else process.stdout.write(`#${e.id}  ${e.at}  ${e.author}  ${outcome.status}${outcome.problem ? ` (${outcome.problem})` : ""}\n    ${describeEdit(e.params)}${e.reason ? `\n    reason: ${e.reason}` : ""}\n`);
      }
      if (!rows.length && !flags.json) say("no edits");
    });
}
