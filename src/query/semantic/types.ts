/**
 * What the analysis knows of a value before the query runs: its kind when a
 * literal, a pattern or a known function says so, else `any`. Only what is
 * certain is used to refuse a query: `any` and `null` fit everywhere.
 */

export type Kind = "any" | "null" | "boolean" | "number" | "string" | "map" | "list" | "node" | "relationship" | "path";

export interface SemType {
  kind: Kind;
  /** The items' type, for lists (`any` when they differ). */
  of?: SemType;
}

export const ANY: SemType = { kind: "any" };
export const NULL: SemType = { kind: "null" };
export const BOOLEAN: SemType = { kind: "boolean" };
export const NUMBER: SemType = { kind: "number" };
export const STRING: SemType = { kind: "string" };
export const MAP: SemType = { kind: "map" };
export const NODE: SemType = { kind: "node" };
export const RELATIONSHIP: SemType = { kind: "relationship" };
export const PATH: SemType = { kind: "path" };
export const listOf = (of: SemType): SemType => ({ kind: "list", of });

export function literalType(value: null | boolean | number | string): SemType {
  if (value === null) return NULL;
  if (typeof value === "boolean") return BOOLEAN;
  return typeof value === "number" ? NUMBER : STRING;
}

/** One type for values that may come from either side (CASE branches, list items); null joins anything. */
export function join(a: SemType, b: SemType): SemType {
  if (a.kind === "null") return b;
  if (b.kind === "null") return a;
  if (a.kind !== b.kind) return ANY;
  if (a.kind === "list") return listOf(join(a.of ?? ANY, b.of ?? ANY));
  return a;
}

/** The type of one item of a list of type `t` (`any` when `t` is not known to be a list). */
export const itemType = (t: SemType): SemType => (t.kind === "list" ? (t.of ?? ANY) : ANY);

/** True when a value of type `t` is certainly none of `kinds` (nor null). */
export const certainlyNot = (t: SemType, ...kinds: Kind[]): boolean => t.kind !== "any" && t.kind !== "null" && !kinds.includes(t.kind);

/** How an error message names a type. */
export function describe(t: SemType): string {
  if (t.kind === "list") return t.of && t.of.kind !== "any" ? `a list of ${describe(t.of).replace(/^an? /, "")}s` : "a list";
  return t.kind === "any" ? "a value" : `${/^[aeiou]/.test(t.kind) ? "an" : "a"} ${t.kind}`;
}
