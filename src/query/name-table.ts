/**
 * Every name of every node (label, aliases, key, `name`), column by column:
 * entry e is the name `name[e]`, folded `folded[e]`, of node `node[e]`, in
 * node order then name order. Typed arrays and chains of entry numbers instead
 * of an object and a list per name: the server and its query worker each hold
 * one, and for 100k nodes the object form took ~90 MB (this, ~35).
 */

export interface NodeNames {
  key: string;
  label: string;
  type: string;
  weight: number;
  /** Distinct, label first. */
  names: Iterable<string>;
}

export class NameTable {
  /** Per node. */
  readonly keys: string[] = [];
  readonly labels: string[] = [];
  readonly types: string[] = [];
  readonly weights: Float64Array;
  /** Per entry. */
  readonly node: Int32Array;
  readonly name: string[] = [];
  readonly folded: string[] = [];
  readonly isLabel: Uint8Array;
  readonly size: number;
  /** Distinct folded names in code-unit order, each one's first entry, and `sameNext[e]`: the next entry with e's folded name, or -1. */
  readonly sortedFolded: string[];
  private readonly firstOfSorted: Int32Array;
  readonly sameNext: Int32Array;

  constructor(nodes: Iterable<NodeNames>, fold: (name: string) => string) {
    const node: number[] = [];
    const isLabel: number[] = [];
    const weights: number[] = [];
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    const next: number[] = [];
    let n = 0;
    for (const spec of nodes) {
      this.keys.push(spec.key);
      this.labels.push(spec.label);
      this.types.push(spec.type);
      weights.push(spec.weight);
      for (const name of spec.names) {
        const folded = fold(name);
        if (!folded) continue;
        const e = this.name.length;
        this.name.push(name);
        this.folded.push(folded);
        node.push(n);
        isLabel.push(name === spec.label ? 1 : 0);
        next.push(-1);
        const prev = last.get(folded);
        if (prev === undefined) first.set(folded, e);
        else next[prev] = e;
        last.set(folded, e);
      }
      n++;
    }
    this.size = this.name.length;
    this.node = Int32Array.from(node);
    this.isLabel = Uint8Array.from(isLabel);
    this.weights = Float64Array.from(weights);
    this.sameNext = Int32Array.from(next);
    // Sorted once and searched by halves: no map of every name kept beside it.
    this.sortedFolded = [...first.keys()].sort();
    this.firstOfSorted = Int32Array.from(this.sortedFolded, (f) => first.get(f)!);
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
