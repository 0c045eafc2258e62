/**
 * Typed client for the Parley HTTP API (DESIGN.md "HTTP API"). Every call goes
 * through `request`, which turns `{error:{code,message,line?,column?}}` answers
 * into an ApiError the panels can show (the console uses line/column). Writes
 * (edits, undo, posted articles) go through `write`, which sends the write key
 * and, on a 401, forgets it and asks for it again (see state/write-access.ts).
 */
import type { SerializedGraph } from "graphology-types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, NodeType } from "../../src/types.ts";
import type { EditOp, EditStatus } from "../../src/curate/edits.ts";
import type { EditBody } from "../../src/pipeline/edit-input.ts";
import { writeAccess } from "./state/write-access.ts";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
    /** Names the server would accept instead of an unknown one (404 on an edit). */
    readonly suggestions: readonly string[] = [],
  ) {
    super(message);
  }
}

export interface SearchHit {
  key: string;
  label: string;
  type: NodeType;
  matched: string;
  score: number;
}

export interface PathNode {
  key: string;
  label: string;
  type: NodeType;
}

export interface PathEvidence {
  article: string;
  sentence: string;
  quote: string;
  rule: string;
  sentenceIndex: number;
}

export interface PathHop {
  source: string;
  target: string;
  type: string;
  label: string;
  direction: string;
  evidence: PathEvidence[];
}

export interface PathResult {
  from: string;
  to: string;
  paths: { nodes: PathNode[]; hops: PathHop[] }[];
  /** With no paths: hops apart through any relation and without a limit, or null when not connected at all. */
  apart?: number | null;
}

export type QueryCell =
  | null
  | string
  | number
  | boolean
  | QueryCell[]
  | { kind: "node"; key: string; labels: string[]; properties: Record<string, unknown> }
  | { kind: "relationship"; key: string; type: string; start: string; end: string; properties: Record<string, unknown> }
  | { kind: "path"; nodes: QueryCell[]; relationships: QueryCell[] }
  | { [k: string]: unknown };

export interface QueryResult {
  kind: "table";
  columns: string[];
  rows: QueryCell[][];
  elapsedMs: number;
  /** Why a path shortcut gave no rows (not connected, or farther than its limit). */
  notice?: string;
}

export interface ArticleText {
  id: string;
  title: string;
  outlet: string | null;
  published: string | null;
  url?: string | null;
  sentences: { index: number; text: string }[];
}

export interface Session {
  writable: boolean;
}

/**
 * A curation edit as POST /api/edits takes it (docs/api.md, "Curation"): the
 * server's own body type, less undo (its own route); names are labels,
 * aliases or keys.
 */
export type EditRequest = Exclude<EditBody, { op: "undo" }>;
export type { EditOp, EditStatus };

export interface EditRecord {
  id: number;
  op: EditOp;
  at: string;
  author: string;
  reason: string;
  params: Record<string, unknown>;
  /** The graph state the edit was made against: its journal position and the node keys of each role. */
  against: { seq: number; nodes: Record<string, string> };
  status: EditStatus;
  /** Why it is not applied (null when it is). */
  problem: string | null;
  /** One human line: 'merge "White Home" into "White House"'. */
  summary: string;
}

export interface GraphCounts {
  nodes: number;
  edges: number;
  articles: number;
}

export interface EditAnswer {
  edit: EditRecord;
  graph: GraphCounts;
}

export interface EditQuery {
  status?: EditStatus;
  op?: EditOp;
  limit?: number;
}

/** Who wrote an edit and why; both optional, sent beside the op's fields. */
export interface EditNote {
  reason?: string;
  author?: string;
}

export type ArticlePost = { title: string; text: string; outlet?: string; published?: string } | { url: string };

/** POST /api/articles: one article (page or pasted text), or a feed with what became of each item. */
export type ArticleAnswer =
  | { article: { id: string; title: string }; seq: number; integrated: boolean; graph: GraphCounts }
  | { status: "not-modified"; graph: GraphCounts }
  | { feed: { url: string; title: string | null }; items: { url?: string; title?: string; status: string; reason?: string }[]; ingested: number; graph: GraphCounts };

/** `plain`: no headers of ours, so the request matches the page's `<link rel="preload">` of the same URL and takes its response. */
async function request<T>(url: string, init: RequestInit = {}, plain = false): Promise<T> {
  const headers = { accept: "application/json", ...(init.body ? { "content-type": "application/json" } : {}), ...(init.headers as Record<string, string> | undefined) };
  const res = await fetch(url, plain ? init : { ...init, headers });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body?.error ?? {};
    throw new ApiError(res.status, e.code ?? "http_error", e.message ?? `${res.status} ${res.statusText}`, e.line, e.column, Array.isArray(e.suggestions) ? e.suggestions.map(String) : []);
  }
  return body as T;
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/**
 * A POST that needs the write key: asks for it when none is stored, and when the
 * server refuses it (401) forgets it and asks again, until the user gives up —
 * then the write fails with a 401 ApiError the form shows like any other.
 */
async function write<T>(url: string, body: () => unknown): Promise<T> {
  let problem: string | undefined;
  for (;;) {
    const key = writeAccess.key() ?? (await writeAccess.ask(problem));
    if (!key) throw new ApiError(401, "unauthorized", "Nothing was changed: changing the graph needs the write key.");
    try {
      // The body is made once the key is known: the prompt may just have taken the author's name.
      return await request<T>(url, { method: "POST", body: JSON.stringify(body()), headers: bearer(key) });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      writeAccess.forget();
      problem = `The server refused that key: ${err.message}`;
    }
  }
}

/** The optional note with the stored author name filled in. */
const noted = (note: EditNote) => {
  const author = note.author ?? writeAccess.author();
  return { ...(note.reason?.trim() ? { reason: note.reason.trim() } : {}), ...(author ? { author } : {}) };
};

const q = encodeURIComponent;

export const api = {
  // index.html preloads it: the download starts while the script is still being fetched and parsed.
  graph: () => request<SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>>("/api/graph", {}, true),
  search: (text: string, signal?: AbortSignal) => request<SearchHit[]>(`/api/search?q=${q(text)}`, { signal }),
  path: (from: string, to: string, types: string[], max: number | null, k = 3) =>
    request<PathResult>(`/api/path?from=${q(from)}&to=${q(to)}&k=${k}${types.length ? `&types=${q(types.join(","))}` : ""}${max !== null ? `&max=${max}` : ""}`),
  query: (query: string) => request<QueryResult>("/api/query", { method: "POST", body: JSON.stringify({ query }) }),
  article: (id: string) => request<ArticleText>(`/api/articles/${q(id)}`),
  /** Is this key the server's write key? (No key: is the server writable without one — it never is.) */
  session: (key?: string) => request<Session>("/api/session", { headers: key ? bearer(key) : {} }),
  edits: (query: EditQuery = {}) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    const s = params.toString();
    return request<{ edits: EditRecord[]; total: number }>(`/api/edits${s ? `?${s}` : ""}`);
  },
  edit: (edit: EditRequest, note: EditNote = {}) => write<EditAnswer>("/api/edits", () => ({ ...edit, ...noted(note) })),
  undo: (id: number, note: EditNote = {}) => write<EditAnswer>(`/api/edits/${id}/undo`, () => noted(note)),
  postArticle: (article: ArticlePost) => write<ArticleAnswer>("/api/articles", () => article),
};
