/**
 * Runtime values of the executor and openCypher's rules for them: equality with
 * null (three-valued: `null = x` is null), comparability (`<` between different
 * types is null), the global sort order used by ORDER BY, and a canonical key for
 * DISTINCT and grouping. Graph elements are references by index into GraphIndex.
 * Temporal values (dates, times, durations) bring their own rules (temporal/order.ts).
 */
import { Temporal, compareTemporal, equalTemporal, orderTemporal, temporalKey } from "./temporal/index.ts";

export { Temporal } from "./temporal/index.ts";

export class NodeRef {
  constructor(readonly idx: number) {}
}
export class RelRef {
  constructor(readonly idx: number) {}
}
export class PathVal {
  constructor(
    readonly nodes: number[],
    readonly rels: number[],
  ) {}
}

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value } | NodeRef | RelRef | PathVal | Temporal;

export const isMap = (v: unknown): v is { [key: string]: Value } =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof NodeRef) && !(v instanceof RelRef) && !(v instanceof PathVal) && !(v instanceof Temporal);

/** openCypher equality: true, false, or null when the answer is unknown. */
export function equals(a: Value, b: Value): boolean | null {
  if (a === null || b === null) return null;
  if (typeof a === "number" && typeof b === "number") return a === b;
  if (a instanceof NodeRef || a instanceof RelRef) return b instanceof a.constructor && (b as NodeRef).idx === a.idx;
  if (a instanceof PathVal) return b instanceof PathVal && a.nodes.join() === b.nodes.join() && a.rels.join() === b.rels.join();
  if (a instanceof Temporal) return b instanceof Temporal && equalTemporal(a, b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    let unknown = false;
    for (let i = 0; i < a.length; i++) {
      const r = equals(a[i], b[i]);
      if (r === false) return false;
      if (r === null) unknown = true;
    }
    return unknown ? null : true;
  }
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length || !ka.every((k) => k in b)) return false;
    let unknown = false;
    for (const k of ka) {
      const r = equals(a[k], b[k]);
      if (r === false) return false;
      if (r === null) unknown = true;
    }
    return unknown ? null : true;
  }
  return typeof a === typeof b ? a === b : false;
}

/** `<` family: a negative/zero/positive number, or null when the values are not comparable. */
export function compare(a: Value, b: Value): number | null {
  if (a === null || b === null) return null;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) || Number.isNaN(b) ? null : a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (a instanceof Temporal && b instanceof Temporal) return compareTemporal(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compare(a[i], b[i]);
      if (c === null || c !== 0) return c;
    }
    return a.length - b.length;
  }
  return null;
}

/** Rank of each kind in ORDER BY's ascending global order (null sorts last); temporal kinds order among themselves. */
function rank(v: Value): number {
  if (isMap(v)) return 0;
  if (v instanceof NodeRef) return 1;
  if (v instanceof RelRef) return 2;
  if (Array.isArray(v)) return 3;
  if (v instanceof PathVal) return 4;
  if (v instanceof Temporal) return 5;
  if (typeof v === "string") return 6;
  if (typeof v === "boolean") return 7;
  if (typeof v === "number") return 8;
  return 9;
}

/** Total order for ORDER BY, min() and max(). */
export function orderCompare(a: Value, b: Value): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "number" && typeof b === "number") {
    if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
    if (Number.isNaN(b)) return -1;
    return a - b;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = orderCompare(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (a instanceof NodeRef || a instanceof RelRef) return a.idx - (b as NodeRef).idx;
  if (a instanceof Temporal) return orderTemporal(a, b as Temporal);
  const c = compare(a, b);
  return c ?? valueKey(a).localeCompare(valueKey(b));
}

/** Canonical string for grouping and DISTINCT: equal values give equal keys. */
export function valueKey(v: Value): string {
  if (v === null) return "null";
  if (v instanceof NodeRef) return `N${v.idx}`;
  if (v instanceof RelRef) return `R${v.idx}`;
  if (v instanceof PathVal) return `P${v.nodes.join(",")}/${v.rels.join(",")}`;
  if (v instanceof Temporal) return `T${temporalKey(v)}`;
  if (Array.isArray(v)) return `[${v.map(valueKey).join(",")}]`;
  if (isMap(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${valueKey(v[k])}`).join(",")}}`;
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

/** Converts parameters and graph attributes (plain JSON) to values; undefined becomes null. */
export function fromJS(v: unknown): Value {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof NodeRef || v instanceof RelRef || v instanceof PathVal || v instanceof Temporal) return v;
  if (Array.isArray(v)) return v.map(fromJS);
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "object") {
    const out: { [key: string]: Value } = {};
    for (const [k, x] of Object.entries(v as object)) out[k] = fromJS(x);
    return out;
  }
  return String(v);
}

export function typeName(v: Value): string {
  if (v === null) return "null";
  if (v instanceof NodeRef) return "node";
  if (v instanceof RelRef) return "relationship";
  if (v instanceof PathVal) return "path";
  if (v instanceof Temporal) return v.kind;
  if (Array.isArray(v)) return "list";
  if (isMap(v)) return "map";
  return typeof v;
}
