/**
 * Top-k selection: the k smallest items under a comparator, in order, without
 * sorting everything. Search ranks tens of thousands of candidates to show ten,
 * and a full sort with localeCompare tie-breaks was most of its cost.
 */

export function topK<T>(items: Iterable<T>, k: number, cmp: (a: T, b: T) => number): T[] {
  if (!(k > 0)) return [];
  const top: T[] = [];
  for (const item of items) {
    if (top.length >= k && cmp(item, top[top.length - 1]) >= 0) continue;
    // Binary search for the first kept item ranked after this one (stable: equals stay before).
    let lo = 0, hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(item, top[mid]) < 0) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}
