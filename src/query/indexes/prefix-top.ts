/**
 * The best few names starting with a prefix, without visiting every one: the
 * entries laid out in folded-name order (so a prefix is one contiguous range)
 * under a tournament tree (a min segment tree) that keeps, for every span, the
 * best key of its entries, in the order prefix hits rank in — label before
 * alias, shorter name first (the score's bonuses, for one needle), more weight
 * first, then entry order — packed into one exact double per entry. A range's
 * entries come out best first by a best-first walk from the range's few
 * covering spans (two doubles per entry: 4.8 MB for the 300k names of 100k nodes): O(log n) per entry taken instead of O(entries in range).
 * Label and node order (the ranking's last tie-breaks) are left to the caller,
 * which takes every entry tied with the last one it needs.
 */
import type { NameTable } from "./name-table.ts";
import { drain } from "./stepped.ts";

/** Tree nodes between the pauses of the build. */
const STEP = 32_768;

interface PrefixTopParts {
  /** Every span's best key (Infinity: no entry); leaves from `leaves` on, in folded-name order. */
  tree: Float64Array;
  leaves: number;
  nameStart: Int32Array;
}

/** The same order without the entry tie-break: true when `a` and `b` tie on label bonus, length and weight. */
export function sameRankKey(t: NameTable, a: number, b: number): boolean {
  return t.isLabel[a] === t.isLabel[b] && t.folded[a].length === t.folded[b].length && t.weight(a) === t.weight(b);
}

/**
 * One number per entry in the order prefix hits rank in, so the tree compares numbers:
 * (rank of label bonus and length, rank of weight, entry) in mixed radix — or null when
 * that does not fit a double exactly (then the caller scans instead).
 */
function* rankKeys(t: NameTable): Generator<void, { key: (entry: number) => number } | null> {
  // Weights, most first (NaN, which compares with nothing, after every number).
  const distinct = Float64Array.from(t.weights).sort().reverse();
  const weights: number[] = [];
  for (const w of distinct) if (!Number.isNaN(w) && w !== weights[weights.length - 1]) weights.push(w);
  const weightRank = new Map<number, number>(weights.map((w, i) => [w, i]));
  const nodeRank = Int32Array.from(t.weights, (w) => weightRank.get(w) ?? weights.length);
  yield;
  // Label before alias, then shorter first.
  let maxLength = 0;
  for (let e = 0; e < t.size; e++) {
    if (e % STEP === STEP - 1) yield;
    maxLength = Math.max(maxLength, t.folded[e].length);
  }
  const lengthRadix = maxLength + 1;
  const weightRadix = weights.length + 1;
  if (2 * lengthRadix * weightRadix * Math.max(1, t.size) > Number.MAX_SAFE_INTEGER) return null;
  return { key: (e) => (((1 - t.isLabel[e]) * lengthRadix + t.folded[e].length) * weightRadix + nodeRank[t.node[e]]) * t.size + e };
}

function* prefixTopParts(t: NameTable): Generator<void, PrefixTopParts | null> {
  const keys = yield* rankKeys(t);
  if (!keys) return null;
  // The bottom-up layout: leaves at [size, 2·size), node i over nodes 2i and 2i + 1.
  const leaves = t.size;
  const tree = new Float64Array(2 * leaves).fill(Infinity);
  const names = t.sortedFolded;
  const nameStart = new Int32Array(names.length + 1);
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    if (i % STEP === STEP - 1) yield;
    nameStart[i] = at;
    for (let e = t.firstOf(i); e >= 0; e = t.sameNext[e]) tree[leaves + at++] = keys.key(e);
  }
  nameStart[names.length] = at;
  yield;
  for (let i = leaves - 1; i >= 1; i--) {
    if (i % STEP === 0) yield;
    tree[i] = Math.min(tree[2 * i], tree[2 * i + 1]);
  }
  return { tree, leaves, nameStart };
}

export class PrefixTop {
  private readonly tree: Float64Array;
  private readonly leaves: number;
  /** Position of the first entry of the i-th sorted folded name among the leaves. */
  private readonly nameStart: Int32Array;
  /** The walk's heap of tree nodes, kept between walks. */
  private readonly heap: number[] = [];

  /** The tree built in steps, or null when the table's keys would not fit a double (see rankKeys). */
  static *inSteps(table: NameTable): Generator<void, PrefixTop | null> {
    const parts = yield* prefixTopParts(table);
    return parts && new PrefixTop(table, parts);
  }

  static of(table: NameTable): PrefixTop | null {
    return drain(PrefixTop.inSteps(table));
  }

  private constructor(
    private readonly table: NameTable,
    parts: PrefixTopParts,
  ) {
    ({ tree: this.tree, leaves: this.leaves, nameStart: this.nameStart } = parts);
  }

  /** Range of sorted folded names starting with `needle`: [from, to). */
  nameRange(needle: string): [number, number] {
    const names = this.table.sortedFolded;
    const from = this.table.lowerBound(needle);
    // Names with the prefix sort together right from `from`; find where they end.
    let lo = from, hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (names[mid].startsWith(needle)) lo = mid + 1;
      else hi = mid;
    }
    return [from, lo];
  }

  /**
   * The entries of sorted names [fromName, toName), best first — label before alias, shorter
   * folded name first, more weight first, then entry order — for as long as `take` returns true.
   */
  walk(fromName: number, toName: number, take: (entry: number) => boolean): void {
    const { tree, heap, leaves } = this;
    const size = this.table.size;
    heap.length = 0;
    const push = (node: number) => {
      const key = tree[node];
      if (key === Infinity) return;
      let i = heap.push(node) - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (tree[heap[parent]] <= key) break;
        heap[i] = heap[parent];
        i = parent;
      }
      heap[i] = node;
    };
    const pop = (): number => {
      const top = heap[0];
      const last = heap.pop()!;
      const n = heap.length;
      if (n) {
        const key = tree[last];
        let i = 0;
        for (;;) {
          let child = 2 * i + 1;
          if (child >= n) break;
          if (child + 1 < n && tree[heap[child + 1]] < tree[heap[child]]) child++;
          if (tree[heap[child]] >= key) break;
          heap[i] = heap[child];
          i = child;
        }
        heap[i] = last;
      }
      return top;
    };
    for (let l = this.nameStart[fromName] + leaves, r = this.nameStart[toName] + leaves; l < r; l >>= 1, r >>= 1) {
      if (l & 1) push(l++);
      if (r & 1) push(--r);
    }
    while (heap.length) {
      let node = pop();
      // Down to the leaf holding this span's best key, leaving the other side of each split for later.
      while (node < leaves) {
        const left = 2 * node;
        if (tree[left] === tree[node]) {
          push(left + 1);
          node = left;
        } else {
          push(left);
          node = left + 1;
        }
      }
      if (!take(tree[node] % size)) return;
    }
  }
}
