/**
 * Every name of every node (label, aliases, key, `name`), column by column:
 * entry e is the name `name[e]`, folded `folded[e]`, of node `node[e]`, in
 * node order then name order. Typed arrays and chains of entry numbers instead
 * of an object and a list per name: the server and its query worker each hold
 * one, and for 100k nodes the object form took ~90 MB (this, ~35).
 */

import { drain } from "./stepped.ts";

export interface NodeNames {
  key: string;
  label: string;
  type: string;
  weight: number;
  /** Distinct, label first. */
  names: Iterable<string>;
}

/** Names between the pauses of nameTableParts. */
const STEP = 4_096;

interface TableParts {
  readonly isTableParts: true;
  keys: string[];
  labels: string[];
  types: string[];
  weights: Float64Array;
  node: Int32Array;
  name: string[];
  folded: string[];
  isLabel: Uint8Array;
  sortedFolded: string[];
  firstOfSorted: Int32Array;
  sameNext: Int32Array;
}

/** The table's columns, pausing every STEP names (NameTable.inSteps); the constructor runs it at once. */
function* nameTableParts(nodes: Iterable<NodeNames>, fold: (name: string) => string): Generator<void, TableParts> {
  const keys: string[] = [];
  const labels: string[] = [];
  const types: string[] = [];
  const name: string[] = [];
  const foldedNames: string[] = [];
  const node: number[] = [];
  const isLabel: number[] = [];
  const weights: number[] = [];
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  const next: number[] = [];
  let n = 0;
  for (const spec of nodes) {
    keys.push(spec.key);
    labels.push(spec.label);
    types.push(spec.type);
    weights.push(spec.weight);
    for (const each of spec.names) {
      const folded = fold(each);
      if (!folded) continue;
      const e = name.length;
      if (e % STEP === STEP - 1) yield;
      name.push(each);
      foldedNames.push(folded);
      node.push(n);
      isLabel.push(each === spec.label ? 1 : 0);
      next.push(-1);
      const prev = last.get(folded);
      if (prev === undefined) first.set(folded, e);
      else next[prev] = e;
      last.set(folded, e);
    }
    n++;
  }
  yield;
  // Sorted once and searched by halves: no map of every name kept beside it.
  const sortedFolded = [...first.keys()].sort();
  yield;
  return {
    isTableParts: true,
    keys, labels, types, name, folded: foldedNames,
    weights: Float64Array.from(weights),
    node: Int32Array.from(node),
    isLabel: Uint8Array.from(isLabel),
    sameNext: Int32Array.from(next),
    sortedFolded,
    firstOfSorted: Int32Array.from(sortedFolded, (f) => first.get(f)!),
  };
}

export class NameTable {
  /** Per node. */
  readonly keys: string[];
  readonly labels: string[];
  readonly types: string[];
  readonly weights: Float64Array;
  /** Per entry. */
  readonly node: Int32Array;
  readonly name: string[];
  readonly folded: string[];
  readonly isLabel: Uint8Array;
  readonly size: number;
  /** Distinct folded names in code-unit order, each one's first entry, and `sameNext[e]`: the next entry with e's folded name, or -1. */
  readonly sortedFolded: string[];
  private readonly firstOfSorted: Int32Array;
  readonly sameNext: Int32Array;

  /** The table built in steps, with a pause between them. */
  static *inSteps(nodes: Iterable<NodeNames>, fold: (name: string) => string): Generator<void, NameTable> {
    const parts = yield* nameTableParts(nodes, fold);
    return new NameTable(parts);
  }

  constructor(nodes: Iterable<NodeNames> | TableParts, fold?: (name: string) => string) {
    const p = (nodes as Partial<TableParts>).isTableParts === true ? (nodes as TableParts) : drain(nameTableParts(nodes as Iterable<NodeNames>, fold!));
    this.keys = p.keys;
    this.labels = p.labels;
    this.types = p.types;
    this.weights = p.weights;
    this.node = p.node;
    this.name = p.name;
    this.folded = p.folded;
    this.isLabel = p.isLabel;
    this.size = p.name.length;
    this.sortedFolded = p.sortedFolded;
    this.firstOfSorted = p.firstOfSorted;
    this.sameNext = p.sameNext;
  }

  /** The first entry with the i-th folded name of `sortedFolded` (the rest follow through `sameNext`). */
  firstOf(i: number): number {
    return this.firstOfSorted[i];
  }

  /** The entries with the i-th folded name of `sortedFolded`, in entry order. */
  *withSorted(i: number): Generator<number> {
    for (let e = this.firstOfSorted[i]; e >= 0; e = this.sameNext[e]) yield e;
  }

  /** Position of the first folded name ≥ `needle` in `sortedFolded`. */
  lowerBound(needle: string): number {
    return lowerBound(this.sortedFolded, needle);
  }

  /** The entries named exactly `folded`, in entry order (none for a name no node has). */
  withFolded(folded: string): number[] {
    const i = this.lowerBound(folded);
    return this.sortedFolded[i] === folded ? [...this.withSorted(i)] : [];
  }

  key(e: number): string {
    return this.keys[this.node[e]];
  }

  label(e: number): string {
    return this.labels[this.node[e]];
  }

  weight(e: number): number {
    return this.weights[this.node[e]];
  }
}

export function lowerBound(sorted: readonly string[], needle: string): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < needle) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
