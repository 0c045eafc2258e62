/**
 * The curation log applied over the seed corpus (src/curate): each operation
 * does what it says, keeps evidence, reports what no longer applies, is undone
 * by an undo, and — being keyed by names — acts on an article that arrives after
 * the edit was made.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Article } from "../../src/types.ts";
import { loadRules } from "../../src/pipeline/index.ts";
import { loadArticles, parseArticle } from "../../src/ingest/index.ts";
import { extractArticle, resolveCorpus, type ArticleExtraction, type ResolvedCorpus } from "../../src/extract/index.ts";
import { applyEdits, deletedArticles, type Edit, type EditParams } from "../../src/curate/index.ts";

const DATA = join(process.cwd(), "graph-data");
const rules = loadRules(join(DATA, "lexicon"));
let seeds: ArticleExtraction[];
let later: ArticleExtraction;

beforeAll(async () => {
  const articles = await loadArticles(join(DATA, "articles"), rules.ingest);
  seeds = articles.map((a) => extractArticle(a, rules.lexicon));
  const text = "---\ntitle: Later report\npublished: 2025-04-02\n---\nThe White Home said on Tuesday that Marco Rubio met Sergei Lavrov in Riyadh. Related Press reported that the talks went on.\n";
  later = extractArticle(parseArticle(text, "md", { id: "later", file: "later.md" }, rules.ingest), rules.lexicon);
});

let nextId = 1;
const edit = (params: EditParams): Edit => ({ id: nextId++, at: "2026-12-01T00:00:00.000Z", author: "test", reason: "", params, against: { seq: 0, nodes: {} } });

function curate(extractions: ArticleExtraction[], edits: Edit[]) {
  const deleted = deletedArticles(edits);
  const kept = extractions.filter((e) => !deleted.has(e.article.id));
  const articles: Article[] = kept.map((e) => e.article);
  const resolved = resolveCorpus(kept, rules.lexicon);
  return { resolved, ...applyEdits(resolved, articles, edits, new Set(extractions.map((e) => e.article.id))) };
}

const named = (c: ResolvedCorpus, label: string) => c.entities.filter((e) => e.label === label);
const only = (c: ResolvedCorpus, label: string) => {
  const found = named(c, label);
  expect(found, `one entity labelled ${label}`).toHaveLength(1);
  return found[0]!;
};
const edgesOf = (c: ResolvedCorpus, key: string) => c.relations.filter((r) => r.source === key || r.target === key);
const evidenceCount = (c: ResolvedCorpus) => c.relations.reduce((n, r) => n + r.evidence.length, 0);

describe("applyEdits", () => {
  it("merges: aliases, mentions, articles and edges move into the target; evidence is kept", () => {
    const before = resolveCorpus(seeds, rules.lexicon);
    const home = only(before, "White Home");
    const house = only(before, "White House");
    const moved = edgesOf(before, home.key).length;
    const m = edit({ op: "merge", from: "White Home", into: "White House" });
    const { corpus, report } = curate(seeds, [m]);
    expect(report.get(m.id)).toEqual({ status: "applied", problem: null });
    expect(named(corpus, "White Home")).toHaveLength(0);
    const merged = only(corpus, "White House");
    expect(merged.aliases).toContain("White Home");
    expect(merged.mentions).toBe(home.mentions + house.mentions);
    expect(edgesOf(corpus, house.key).length).toBeGreaterThanOrEqual(moved > 0 ? 1 : 0);
    expect(evidenceCount(corpus)).toBe(evidenceCount(before));
  });

  it("a merge made before an article arrives applies to that article's mentions", () => {
    const m = edit({ op: "merge", from: "White Home", into: "White House" });
    const { resolved, corpus, report } = curate([...seeds, later], [m]);
    expect(named(resolved, "White Home").length).toBeGreaterThan(0);
    expect(report.get(m.id)!.status).toBe("applied");
    expect(named(corpus, "White Home")).toHaveLength(0);
    const house = only(corpus, "White House");
    expect(house.articles).toContain("later");
    expect(corpus.relations.some((r) => r.source === house.key && r.type === "visited" && r.evidence.some((e) => e.article === "later"))).toBe(true);
  });

  it("renames (the old label stays an alias) and retypes (edges that no longer fit the ontology go)", () => {
    const before = resolveCorpus(seeds, rules.lexicon);
    const jeddah = only(before, "Jeddah");
    expect(before.relations.some((r) => r.target === jeddah.key && r.type === "visited")).toBe(true);
    const rename = edit({ op: "rename", entity: "Related Press", label: "Associated Press (misspelt)" });
    const retype = edit({ op: "retype", entity: "Jeddah", type: "proposal" });
    const { corpus, report } = curate(seeds, [rename, retype]);
    expect([report.get(rename.id)!.status, report.get(retype.id)!.status]).toEqual(["applied", "applied"]);
    expect(only(corpus, "Associated Press (misspelt)").aliases).toContain("Related Press");
    expect(only(corpus, "Jeddah").type).toBe("proposal");
    expect(corpus.relations.some((r) => r.target === jeddah.key && r.type === "visited")).toBe(false);
  });

  it("deletes an entity for good: its name in a later article makes no entity either", () => {
    const d = edit({ op: "delete-entity", entity: "Related Press" });
    const { resolved, corpus } = curate([...seeds, later], [d]);
    expect(named(resolved, "Related Press").length).toBeGreaterThan(0);
    expect(named(corpus, "Related Press")).toHaveLength(0);
    const gone = new Set(named(resolved, "Related Press").map((e) => e.key));
    expect(corpus.relations.some((r) => gone.has(r.source) || gone.has(r.target))).toBe(false);
  });

  it("rejects one evidence sentence (wrong reading), and the edge with its last one; deletes an edge", () => {
    const before = resolveCorpus(seeds, rules.lexicon);
    const label = (key: string) => before.entities.find((e) => e.key === key)!.label;
    const rich = before.relations.find((r) => new Set(r.evidence.map((e) => `${e.article}#${e.sentenceIndex}`)).size >= 2)!;
    const [first, ...rest] = [...new Map(rich.evidence.map((e) => [`${e.article}#${e.sentenceIndex}`, e])).values()];
    const reject = (ev: { article: string; sentenceIndex: number }) => edit({ op: "reject-evidence", source: label(rich.source), type: rich.type, target: label(rich.target), article: ev.article, sentenceIndex: ev.sentenceIndex });
    const one = curate(seeds, [reject(first!)]).corpus.relations.find((r) => r.source === rich.source && r.type === rich.type && r.target === rich.target)!;
    expect(one.evidence.some((e) => e.article === first!.article && e.sentenceIndex === first!.sentenceIndex)).toBe(false);
    expect(one.evidence.length).toBeGreaterThan(0);
    const all = curate(seeds, [first!, ...rest].map(reject)).corpus;
    expect(all.relations.some((r) => r.source === rich.source && r.type === rich.type && r.target === rich.target)).toBe(false);
    const d = edit({ op: "delete-edge", source: label(rich.source), type: rich.type, target: label(rich.target) });
    expect(curate(seeds, [d]).corpus.relations.some((r) => r.source === rich.source && r.type === rich.type && r.target === rich.target)).toBe(false);
  });

  it("adds an edge whose quote occurs in the sentence; refuses a quote that does not, or ends the ontology forbids", () => {
    const article = seeds[0]!.article;
    const sentence = article.sentences.find((s) => s.text.includes("Trump"))!;
    const quote = sentence.text.slice(sentence.text.indexOf("Trump"), sentence.text.indexOf("Trump") + 12);
    const add = edit({ op: "add-edge", source: "Donald Trump", type: "criticized", target: "Volodymyr Zelensky", article: article.id, sentenceIndex: sentence.index, quote });
    const wrongQuote = edit({ op: "add-edge", source: "Donald Trump", type: "criticized", target: "Volodymyr Zelensky", article: article.id, sentenceIndex: sentence.index, quote: "words nobody wrote" });
    const wrongEnds = edit({ op: "add-edge", source: "Donald Trump", type: "met_with", target: "Jeddah", article: article.id, sentenceIndex: sentence.index, quote });
    const { corpus, report } = curate(seeds, [add, wrongQuote, wrongEnds]);
    expect(report.get(add.id)!.status).toBe("applied");
    expect(corpus.relations.some((r) => r.type === "criticized" && r.evidence.some((e) => e.rule === "curated" && e.quote === quote && e.sentence === sentence.text))).toBe(true);
    expect(report.get(wrongQuote.id)).toEqual({ status: "not-applied", problem: expect.stringContaining("quote no longer occurs") });
    expect(report.get(wrongEnds.id)).toEqual({ status: "not-applied", problem: expect.stringContaining("met with") });
  });

  it("splits an alias off into its own entity with the sentences that use only it, losing no evidence", () => {
    const before = resolveCorpus(seeds, rules.lexicon);
    const host = before.entities.find((e) => e.aliases.includes("Michael Waltz") && e.aliases.includes("Waltz"))!;
    const s = edit({ op: "split", entity: host.label, alias: "Waltz" });
    const { corpus, report } = curate(seeds, [s]);
    expect(report.get(s.id)!.status).toBe("applied");
    const kept = corpus.entities.find((e) => e.key === host.key)!;
    expect(kept.label).toBe("Michael Waltz");
    expect(kept.aliases).not.toContain("Waltz");
    const split = only(corpus, "Waltz");
    expect(split.key).not.toBe(host.key);
    expect(evidenceCount(corpus)).toBe(evidenceCount(before));
    for (const r of edgesOf(corpus, split.key)) for (const e of r.evidence) expect(e.sentence).not.toContain("Michael Waltz");
  });

  it("reports an edit whose entity is gone as not applied, with the reason, and applies the rest", () => {
    const gone = edit({ op: "merge", from: "Nobody Anyone Knows", into: "White House" });
    const ok = edit({ op: "rename", entity: "Related Press", label: "Renamed Press" });
    const { report, corpus } = curate(seeds, [gone, ok]);
    expect(report.get(gone.id)).toEqual({ status: "not-applied", problem: 'no entity is named "Nobody Anyone Knows" any more' });
    expect(report.get(ok.id)!.status).toBe("applied");
    expect(named(corpus, "Renamed Press")).toHaveLength(1);
  });

  it("undo cancels an edit, an undo of the undo restores it; delete-article leaves the article out until undone", () => {
    const m = edit({ op: "merge", from: "White Home", into: "White House" });
    const u = edit({ op: "undo", target: m.id });
    const uu = edit({ op: "undo", target: u.id });
    const plain = resolveCorpus(seeds, rules.lexicon);
    const undone = curate(seeds, [m, u]);
    expect(undone.report.get(m.id)!.status).toBe("undone");
    expect(undone.report.get(u.id)!.status).toBe("applied");
    expect(JSON.stringify(undone.corpus)).toBe(JSON.stringify({ entities: plain.entities, relations: plain.relations }));
    const redone = curate(seeds, [m, u, uu]);
    expect(redone.report.get(m.id)!.status).toBe("applied");
    expect(redone.report.get(u.id)!.status).toBe("undone");
    expect(named(redone.corpus, "White Home")).toHaveLength(0);

    const id = seeds[1]!.article.id;
    const del = edit({ op: "delete-article", article: id });
    expect(curate(seeds, [del]).corpus.entities.some((e) => e.articles.includes(id))).toBe(false);
    expect(curate(seeds, [del, edit({ op: "undo", target: del.id })]).corpus.entities.some((e) => e.articles.includes(id))).toBe(true);
    const missing = edit({ op: "delete-article", article: "no-such-article" });
    expect(curate(seeds, [missing]).report.get(missing.id)!.status).toBe("not-applied");
  });

  it("leaves its input as it was and gives the same result twice", () => {
    const resolved = resolveCorpus(seeds, rules.lexicon);
    const snapshot = JSON.stringify(resolved);
    const edits = [edit({ op: "merge", from: "White Home", into: "White House" }), edit({ op: "split", entity: "Michael Waltz", alias: "Waltz" }), edit({ op: "retype", entity: "Jeddah", type: "organization" })];
    const articles = seeds.map((e) => e.article);
    const stored = new Set(articles.map((a) => a.id));
    const a = applyEdits(resolved, articles, edits, stored);
    const b = applyEdits(resolved, articles, edits, stored);
    expect(JSON.stringify(resolved)).toBe(snapshot);
    expect(JSON.stringify(a.corpus)).toBe(JSON.stringify(b.corpus));
  });
});
