/**
 * Typed client for the Parley HTTP API (DESIGN.md "HTTP API"). Every call goes
 * through `request`, which turns `{error:{code,message,line?,column?}}` answers
 * into an ApiError the panels can show (the console uses line/column).
 */
import type { SerializedGraph } from "graphology-types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, NodeType } from "../../src/types.ts";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
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
}

export interface ArticleText {
  id: string;
  title: string;
  outlet: string | null;
  published: string | null;
  url?: string | null;
  sentences: { index: number; text: string }[];
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}) }, ...init });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body?.error ?? {};
    throw new ApiError(res.status, e.code ?? "http_error", e.message ?? `${res.status} ${res.statusText}`, e.line, e.column);
  }
  return body as T;
}

const q = encodeURIComponent;

export const api = {
  graph: () => request<SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>>("/api/graph"),
  search: (text: string, signal?: AbortSignal) => request<SearchHit[]>(`/api/search?q=${q(text)}`, { signal }),
  path: (from: string, to: string, types: string[], k = 3) =>
    request<PathResult>(`/api/path?from=${q(from)}&to=${q(to)}&k=${k}${types.length ? `&types=${q(types.join(","))}` : ""}`),
  query: (query: string) => request<QueryResult>("/api/query", { method: "POST", body: JSON.stringify({ query }) }),
  article: (id: string) => request<ArticleText>(`/api/articles/${q(id)}`),
};
