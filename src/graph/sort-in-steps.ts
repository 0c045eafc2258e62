/**
 * Array sort as a generator that pauses every few milliseconds of work: runs
 * of a few thousand items sorted by Array.prototype.sort, then merged pairwise.
 * For a total order (no two items compare equal) the result is exactly
 * `[...items].sort(compare)`; live ingest sorts tens of thousands of edge keys
 * after every article, which one sort call did in 40 ms of a blocked event loop.
 */

/** Items sorted at once, and items merged, per pause. */
const RUN = 2048;
const MERGED = 16_384;

export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Generator<void, T[]> {
  let from = [...items];
  const n = from.length;
  for (let at = 0; at < n; at += RUN) {
    const run = from.slice(at, at + RUN).sort(compare);
    for (let i = 0; i < run.length; i++) from[at + i] = run[i]!;
    if (at + RUN < n) yield;
  }
  let to = new Array<T>(n);
  let since = 0;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        to[k] = j >= hi || (i < mid && compare(from[i]!, from[j]!) <= 0) ? from[i++]! : from[j++]!;
        if (++since === MERGED) (since = 0), yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
