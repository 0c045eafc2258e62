/**
 * Result types of the engine's public API (table, path results, search hits)
 * and the conversion of one row of values into its JSON cells.
 */
import type { Evidence } from "../../types.ts";
import type { GraphIndex } from "../indexes/graph-index.ts";
import { toJSON } from "./serialize.ts";
import type { Value } from "../expressions/values.ts";

export interface QueryResult {
  kind: "table";
  columns: string[];
  rows: unknown[][];
  elapsedMs: number;
  /** Why a console shortcut gave no rows (`path A -> B`: not connected, or farther than its limit). */
  notice?: string;
}

export interface PathHop {
  source: string;
  target: string;
  type: string;
  label: string;
  direction: "forward" | "backward";
  evidence: Evidence[];
}

export interface PathResult {
  from: string;
  to: string;
  paths: Array<{ nodes: Array<{ key: string; label: string; type: string }>; hops: PathHop[] }>;
  /** Only when `paths` is empty: hops between the two through any relation and without a hop limit, or null when nothing connects them. */
  apart?: number | null;
}

export interface SearchHit {
  key: string;
  label: string;
  type: string;
  /** The name or alias that matched. */
  matched: string;
  score: number;
}

export function serializeRow(ix: GraphIndex, row: Record<string, Value>, columns: string[]): unknown[] {
  return columns.map((c) => toJSON(ix, row[c] ?? null));
}
