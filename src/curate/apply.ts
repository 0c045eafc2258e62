/**
 * Applies the edit log over a resolved corpus: the step between corpus
 * resolution and graph assembly, run after every build and every ingest, so
 * corrections survive both. Pure: same corpus, articles and log, same result;
 * the input corpus is not changed.
 *
 * Edits apply in the order they were made, each to the corpus as the ones
 * before it left it. One that finds nothing to act on (its entity, edge or
 * sentence is gone) is reported as not applied, with the reason, and the rest
 * go on.
 */
import type { Article, Evidence } from "../types.ts";
import { EDGE_TYPE_BY_ID } from "../ontology.ts";
import type { ResolvedCorpus, ResolvedEntity, ResolvedRelation } from "../extract/index.ts";
import type { CurationReport, Edit, EditParams } from "./edits.ts";
import { entitiesNamed, foldName, formsOf, mentionsName } from "./names.ts";

/** What an edit could not act on: its outcome's problem. */
class NotApplicable extends Error {}

const q = (s: string) => JSON.stringify(s);
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedUnion = (...lists: string[][]) => [...new Set(lists.flat())].sort(byString);
/** Quotes match across runs of whitespace and case, as people copy them. */
const loose = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

export function quoteOccursIn(sentence: string, quote: string): boolean {
  const needle = loose(quote);
  return needle !== "" && loose(sentence).includes(needle);
}

/**
 * Which edits are in force: an undo in force cancels its target, so reading the
 * log from its end decides each one (an undo of an undo restores the edit).
 */
export function cancelledEdits(edits: readonly Edit[]): Set<number> {
  const cancelled = new Set<number>();
  for (let i = edits.length - 1; i >= 0; i--) {
    const e = edits[i]!;
    if (!cancelled.has(e.id) && e.params.op === "undo") cancelled.add(e.params.target);
  }
  return cancelled;
}

/** Articles taken out of the graph by delete-article edits in force. */
export function deletedArticles(edits: readonly Edit[]): Set<string> {
  const cancelled = cancelledEdits(edits);
  return new Set(edits.flatMap((e) => (e.params.op === "delete-article" && !cancelled.has(e.id) ? [e.params.article] : [])));
}

/** The corpus an edit log is applied to, copied so the caller's stays as it was. */
class Working {
  readonly entities: Map<string, ResolvedEntity>;
  relations: ResolvedRelation[];
  private readonly forms = new Map<string, Set<string>>();
  retyped = false;

  constructor(
    corpus: ResolvedCorpus,
    readonly articles: ReadonlyMap<string, Article>,
  ) {
    this.entities = new Map(corpus.entities.map((e) => [e.key, { ...e, aliases: [...e.aliases], articles: [...e.articles] }]));
    this.relations = corpus.relations.map((r) => ({ ...r, evidence: [...r.evidence] }));
  }

  formsOf = (e: ResolvedEntity): Set<string> => {
    let f = this.forms.get(e.key);
    if (!f) this.forms.set(e.key, (f = formsOf(e)));
    return f;
  };

  changed(e: ResolvedEntity): void {
    this.forms.delete(e.key);
  }

  named(name: string): ResolvedEntity[] {
    return entitiesNamed(this.entities.values(), name, this.formsOf);
  }

  one(name: string): ResolvedEntity {
    const found = this.named(name)[0];
    if (!found) throw new NotApplicable(`no entity is named ${q(name)} any more`);
    return found;
  }

  remove(keys: Set<string>): void {
    for (const k of keys) this.entities.delete(k);
    this.relations = this.relations.filter((r) => !keys.has(r.source) && !keys.has(r.target));
  }

  /** Relations of `type` between what the two names stand for (either way round for a symmetric type). */
  edgesBetween(source: string, type: string, target: string): ResolvedRelation[] {
    const def = EDGE_TYPE_BY_ID.get(type);
    if (!def) throw new NotApplicable(`${q(type)} is not a relation type`);
    const from = new Set(this.named(source).map((e) => e.key));
    const to = new Set(this.named(target).map((e) => e.key));
    const found = this.relations.filter((r) => r.type === type && ((from.has(r.source) && to.has(r.target)) || (def.symmetric && from.has(r.target) && to.has(r.source))));
    if (!found.length) throw new NotApplicable(`there is no edge ${q(source)} ${type} ${q(target)} any more`);
    return found;
  }
}

type Apply<P> = (w: Working, p: P, edit: Edit) => void;
type Appliers = { [Op in EditParams["op"]]: Apply<Extract<EditParams, { op: Op }>> };

const APPLY: Appliers = {
  merge(w, p) {
    const into = w.one(p.into);
    const from = w.named(p.from).filter((e) => e.key !== into.key);
    // Nothing left to merge (extraction now joins them itself): the edit holds.
    if (!from.length && !w.formsOf(into).has(foldName(p.from))) throw new NotApplicable(`no entity is named ${q(p.from)} any more`);
    const moved = new Set(from.map((e) => e.key));
    for (const e of from) {
      into.aliases = sortedUnion(into.aliases, e.aliases, [e.label]);
      into.mentions += e.mentions;
      into.articles = sortedUnion(into.articles, e.articles);
      into.known ||= e.known;
      w.entities.delete(e.key);
    }
    w.changed(into);
    for (const r of w.relations) {
      if (moved.has(r.source)) r.source = into.key;
      if (moved.has(r.target)) r.target = into.key;
    }
    w.relations = w.relations.filter((r) => r.source !== r.target);
  },

  split(w, p, edit) {
    const host = w.one(p.entity);
    const alias = foldName(p.alias);
    const spelled = host.aliases.filter((a) => foldName(a) === alias);
    if (!w.formsOf(host).has(alias)) throw new NotApplicable(`${q(host.label)} is no longer also called ${q(p.alias)}`);
    const rest = host.aliases.filter((a) => foldName(a) !== alias);
    if (!rest.length) throw new NotApplicable(`${q(p.alias)} is the only name of ${q(host.label)}`);
    host.aliases = rest;
    if (foldName(host.label) === alias) host.label = [...rest].sort((a, b) => b.length - a.length || byString(a, b))[0]!;
    w.changed(host);
    const remaining = [...w.formsOf(host)];
    // A sentence is the split entity's when it uses the alias and none of the names the host keeps
    // ("Waltz said" moves; "Michael Waltz said" stays).
    const names = (text: string) => {
      const folded = foldName(text);
      return mentionsName(folded, alias) && !remaining.some((n) => mentionsName(folded, n));
    };
    const split: ResolvedEntity = { key: `edit:${edit.id}`, label: spelled[0] ?? p.alias, type: p.type ?? host.type, aliases: spelled.length ? spelled : [p.alias], mentions: 0, articles: [], known: false };
    const articles = new Set<string>();
    for (const id of host.articles) {
      for (const s of w.articles.get(id)?.sentences ?? []) {
        if (!names(s.text)) continue;
        split.mentions++;
        articles.add(id);
      }
    }
    split.articles = [...articles].sort(byString);
    host.mentions = Math.max(0, host.mentions - split.mentions);
    const movedRelations: ResolvedRelation[] = [];
    for (const r of w.relations) {
      if (r.source !== host.key && r.target !== host.key) continue;
      const moving = r.evidence.filter((ev) => names(ev.sentence));
      if (!moving.length) continue;
      r.evidence = r.evidence.filter((ev) => !moving.includes(ev));
      movedRelations.push({ source: r.source === host.key ? split.key : r.source, type: r.type, target: r.target === host.key ? split.key : r.target, evidence: moving });
    }
    w.relations = [...w.relations.filter((r) => r.evidence.length), ...movedRelations.filter((r) => r.source !== r.target)];
    w.entities.set(split.key, split);
  },

  rename(w, p) {
    const e = w.one(p.entity);
    if (e.label !== p.label) e.aliases = sortedUnion(e.aliases, [e.label]);
    e.label = p.label;
    w.changed(e);
  },

  retype(w, p) {
    const e = w.one(p.entity);
    e.type = p.type;
    w.retyped = true;
  },

  "delete-entity"(w, p) {
    const found = w.named(p.entity);
    if (!found.length) throw new NotApplicable(`no entity is named ${q(p.entity)} any more`);
    w.remove(new Set(found.map((e) => e.key)));
  },

  "delete-edge"(w, p) {
    const gone = new Set(w.edgesBetween(p.source, p.type, p.target));
    w.relations = w.relations.filter((r) => !gone.has(r));
  },

  "reject-evidence"(w, p) {
    let removed = 0;
    for (const r of w.edgesBetween(p.source, p.type, p.target)) {
      const kept = r.evidence.filter((ev) => ev.article !== p.article || ev.sentenceIndex !== p.sentenceIndex);
      removed += r.evidence.length - kept.length;
      r.evidence = kept;
    }
    if (!removed) throw new NotApplicable(`sentence ${p.sentenceIndex} of article ${p.article} is no longer evidence of ${q(p.source)} ${p.type} ${q(p.target)}`);
    w.relations = w.relations.filter((r) => r.evidence.length);
  },

  "add-edge"(w, p) {
    const def = EDGE_TYPE_BY_ID.get(p.type);
    if (!def) throw new NotApplicable(`${q(p.type)} is not a relation type`);
    const source = w.one(p.source);
    const target = w.one(p.target);
    if (source.key === target.key) throw new NotApplicable(`${q(p.source)} and ${q(p.target)} are one entity`);
    if (!def.from.includes(source.type) || !def.to.includes(target.type)) {
      throw new NotApplicable(`"${def.label}" goes from ${def.from.join("/")} to ${def.to.join("/")}; ${q(source.label)} is ${source.type === "actor" ? "an" : "a"} ${source.type} and ${q(target.label)} ${target.type === "actor" || target.type === "organization" ? "an" : "a"} ${target.type}`);
    }
    const sentence = w.articles.get(p.article)?.sentences[p.sentenceIndex];
    if (!sentence) throw new NotApplicable(`article ${p.article} (sentence ${p.sentenceIndex}) is not in the corpus any more`);
    if (!quoteOccursIn(sentence.text, p.quote)) throw new NotApplicable(`the quote no longer occurs in sentence ${p.sentenceIndex} of article ${p.article}`);
    const evidence: Evidence = { article: p.article, sentence: sentence.text, quote: p.quote, rule: "curated", sentenceIndex: p.sentenceIndex };
    w.relations.push({ source: source.key, type: p.type, target: target.key, evidence: [evidence] });
  },

  // Taken out before resolution (deletedArticles); here only whether there was such an article.
  "delete-article"() {},
  undo() {},
};

/**
 * The corpus with the log applied, and the outcome of every edit. `articles`
 * holds the articles the corpus was resolved from; `stored` every article id
 * of the store (a deleted article is stored but not resolved).
 */
export function applyEdits(corpus: ResolvedCorpus, articles: readonly Article[], edits: readonly Edit[], stored: ReadonlySet<string>): { corpus: ResolvedCorpus; report: CurationReport } {
  const report: CurationReport = new Map();
  if (!edits.length) return { corpus, report };
  const w = new Working(corpus, new Map(articles.map((a) => [a.id, a])));
  const cancelled = cancelledEdits(edits);
  const ids = new Set(edits.map((e) => e.id));
  for (const edit of edits) {
    if (cancelled.has(edit.id)) {
      report.set(edit.id, { status: "undone", problem: null });
      continue;
    }
    const p = edit.params;
    try {
      if (p.op === "undo" && !ids.has(p.target)) throw new NotApplicable(`there is no edit #${p.target}`);
      if (p.op === "delete-article" && !stored.has(p.article)) throw new NotApplicable(`there is no article ${p.article} any more`);
      (APPLY[p.op] as Apply<EditParams>)(w, p, edit);
      report.set(edit.id, { status: "applied", problem: null });
    } catch (err) {
      if (!(err instanceof NotApplicable)) throw err;
      report.set(edit.id, { status: "not-applied", problem: err.message });
    }
  }
  // A retyped entity may no longer fit the ends of its edges (a place cannot meet anyone): those edges go.
  if (w.retyped) {
    w.relations = w.relations.filter((r) => {
      const def = EDGE_TYPE_BY_ID.get(r.type)!;
      return def.from.includes(w.entities.get(r.source)!.type) && def.to.includes(w.entities.get(r.target)!.type);
    });
  }
  return { corpus: { entities: [...w.entities.values()], relations: w.relations }, report };
}
