/**
 * An edit as people give it (API body, CLI arguments): validated, its names
 * resolved against the graph being corrected, and turned into the edit the
 * curation log stores — names replaced by the labels they stand for, a quote
 * pinned to the sentence it occurs in, and the node keys it was made against.
 * Shared by `POST /api/edits` and `parley edit`, so both accept the same edits.
 */
import { z } from "zod";
import type { Article, NodeType } from "../types.ts";
import { NODE_TYPES } from "../types.ts";
import { EDGE_TYPES } from "../ontology.ts";
import { quoteOccursIn, type EditParams } from "../curate/index.ts";
import type { EditInput } from "./live-corpus.ts";

export class EditInputError extends Error {
  override name = "EditInputError";
  expose = true;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** What a name stood for in the graph when the edit was made. */
export interface NamedNode {
  key: string;
  label: string;
  type: NodeType;
}

// No control characters: labels and reasons are shown in the page and written to GEXF.
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `is longer than ${max} characters`)
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, "holds control characters");
const name = text(300);
const nodeType = z.enum(NODE_TYPES as [NodeType, ...NodeType[]], { message: `must be one of ${NODE_TYPES.join(", ")}` });
const edgeType = z.enum(EDGE_TYPES.map((t) => t.id) as [string, ...string[]], { message: `must be a relation type (${EDGE_TYPES.map((t) => t.id).join(", ")})` });
const articleId = z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, "is not an article id");
const sentenceIndex = z.number().int().min(0);
const meta = { reason: z.string().max(2000, "is longer than 2000 characters").optional(), author: text(100).optional() };

const EditBody = z.discriminatedUnion(
  "op",
  [
    z.object({ op: z.literal("merge"), from: name, into: name, ...meta }).strict(),
    z.object({ op: z.literal("split"), entity: name, alias: name, type: nodeType.optional(), ...meta }).strict(),
    z.object({ op: z.literal("rename"), entity: name, label: text(200), ...meta }).strict(),
    z.object({ op: z.literal("retype"), entity: name, type: nodeType, ...meta }).strict(),
    z.object({ op: z.literal("delete-entity"), entity: name, ...meta }).strict(),
    z.object({ op: z.literal("delete-edge"), source: name, type: edgeType, target: name, ...meta }).strict(),
    z.object({ op: z.literal("reject-evidence"), source: name, type: edgeType, target: name, article: articleId, sentenceIndex, ...meta }).strict(),
    z.object({ op: z.literal("add-edge"), source: name, type: edgeType, target: name, quote: text(2000), article: articleId.optional(), sentenceIndex: sentenceIndex.optional(), ...meta }).strict(),
    z.object({ op: z.literal("delete-article"), article: articleId, ...meta }).strict(),
    z.object({ op: z.literal("undo"), target: z.number().int().min(1), ...meta }).strict(),
  ],
  { message: "op must be one of merge, split, rename, retype, delete-entity, delete-edge, reject-evidence, add-edge, delete-article, undo" },
);

export type EditBody = z.infer<typeof EditBody>;

export function parseEditBody(body: unknown): EditBody {
  const parsed = EditBody.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new EditInputError(issue.path.length ? issue.path.map(String).join(".") : "edit", issue.message);
}

/** The one sentence a quote occurs in, within `article` when given; an error when none or several. */
function locateQuote(quote: string, articles: readonly Article[], article?: string, index?: number): { article: string; sentenceIndex: number } {
  const pool = article === undefined ? articles : articles.filter((a) => a.id === article);
  if (article !== undefined && !pool.length) throw new EditInputError("article", `there is no article ${article}`);
  const hits = pool.flatMap((a) => a.sentences.filter((s) => (index === undefined || s.index === index) && quoteOccursIn(s.text, quote)).map((s) => ({ article: a.id, sentenceIndex: s.index })));
  if (!hits.length) throw new EditInputError("quote", `occurs in no sentence of ${article === undefined ? "a stored article" : `article ${article}${index === undefined ? "" : ` (sentence ${index})`}`}`);
  if (hits.length > 1) {
    const where = [...new Set(hits.map((h) => h.article))];
    throw new EditInputError("quote", `occurs in ${hits.length} sentences (${where.slice(0, 3).join(", ")}${where.length > 3 ? ", …" : ""}); give a longer quote, or the article and sentenceIndex`);
  }
  return hits[0]!;
}

/**
 * The stored form of an edit. `lookup` resolves a name (label, alias or node
 * key) the way the console does and throws its unknown-name error (with
 * suggestions) when nothing is called so; `articles` are those in the graph.
 */
export function prepareEdit(body: unknown, lookup: (name: string) => NamedNode, articles: readonly Article[], seq: number, defaultAuthor = "anonymous"): EditInput {
  const b = parseEditBody(body);
  const nodes: Record<string, string> = {};
  const named = (role: string, value: string) => {
    const node = lookup(value);
    nodes[role] = node.key;
    return node;
  };
  let params: EditParams;
  switch (b.op) {
    case "merge": {
      const from = named("from", b.from);
      const into = named("into", b.into);
      if (from.key === into.key) throw new EditInputError("from", `"${b.from}" and "${b.into}" are already one entity ("${into.label}")`);
      params = { op: "merge", from: from.label, into: into.label };
      break;
    }
    case "split":
      params = { op: "split", entity: named("entity", b.entity).label, alias: b.alias, ...(b.type ? { type: b.type } : {}) };
      break;
    case "rename":
      params = { op: "rename", entity: named("entity", b.entity).label, label: b.label };
      break;
    case "retype":
      params = { op: "retype", entity: named("entity", b.entity).label, type: b.type };
      break;
    case "delete-entity":
      params = { op: "delete-entity", entity: named("entity", b.entity).label };
      break;
    case "delete-edge":
      params = { op: "delete-edge", source: named("source", b.source).label, type: b.type, target: named("target", b.target).label };
      break;
    case "reject-evidence":
      params = { op: "reject-evidence", source: named("source", b.source).label, type: b.type, target: named("target", b.target).label, article: b.article, sentenceIndex: b.sentenceIndex };
      break;
    case "add-edge": {
      const source = named("source", b.source).label;
      const target = named("target", b.target).label;
      const at = locateQuote(b.quote, articles, b.article, b.sentenceIndex);
      params = { op: "add-edge", source, type: b.type, target, ...at, quote: b.quote };
      break;
    }
    case "delete-article":
      params = { op: "delete-article", article: b.article };
      break;
    case "undo":
      params = { op: "undo", target: b.target };
      break;
  }
  return { author: b.author ?? defaultAuthor, reason: b.reason?.trim() ?? "", params, against: { seq, nodes } };
}
