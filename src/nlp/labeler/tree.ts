/**
 * Children lists and a top-down order of a tree given by its heads (word i's
 * head, n for the root): the labeler names each arc after its head's own arc.
 */

export interface TreeView {
  n: number;
  heads: Int32Array;
  /** Children of word h (index n: the root) in sentence order: childList[childStart[h] .. childStart[h+1]). */
  childStart: Int32Array;
  childList: Int32Array;
  /** Every word once, heads before their dependents. */
  topDown: Int32Array;
}

export function treeView(heads: Int32Array): TreeView {
  const n = heads.length;
  const counts = new Int32Array(n + 2);
  for (let i = 0; i < n; i++) counts[heads[i]! + 1]++;
  const childStart = new Int32Array(n + 2);
  for (let h = 0; h <= n; h++) childStart[h + 1] = childStart[h]! + counts[h + 1]!;
  const fill = childStart.slice(0, n + 1);
  const childList = new Int32Array(n);
  for (let i = 0; i < n; i++) childList[fill[heads[i]!]!++] = i;
  const topDown = new Int32Array(n);
  let read = 0;
  let write = 0;
  for (let j = childStart[n]!; j < childStart[n + 1]!; j++) topDown[write++] = childList[j]!;
  while (read < write) {
    const h = topDown[read++]!;
    for (let j = childStart[h]!; j < childStart[h + 1]!; j++) topDown[write++] = childList[j]!;
  }
  if (write !== n) throw new Error(`labeler: the heads do not form a tree (${n - write} words unreachable from the root)`);
  return { n, heads, childStart, childList, topDown };
}

/** The child of the same head just before `dep` in sentence order, or -1. */
export function previousSibling(t: TreeView, dep: number): number {
  const h = t.heads[dep]!;
  let previous = -1;
  for (let j = t.childStart[h]!; j < t.childStart[h + 1]!; j++) {
    const c = t.childList[j]!;
    if (c === dep) return previous;
    previous = c;
  }
  return previous;
}
