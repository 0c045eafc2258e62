/**
 * Node keys graphology cannot hold safely. Its multi graphs keep each node's
 * neighbours in plain objects indexed by neighbour key, so an edge to a node
 * called "__proto__" (or "constructor", "toString", …) finds Object.prototype's
 * member in that slot and links the new edge into it: with "__proto__", every
 * object in the process then inherits an enumerable `previous` (graphology
 * 0.26). Parley's own keys steer clear of these names (assemble.ts), and a
 * graph file that uses one is refused before graphology sees it.
 */
export const RESERVED_NODE_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Throws, naming the key, when a record of a serialized graph's `nodes` uses a reserved key. */
export function refuseReservedNodeKeys(nodes: unknown): void {
  if (!Array.isArray(nodes)) return;
  for (const node of nodes) {
    const key = (node as { key?: unknown } | null)?.key;
    if (typeof key === "string" && RESERVED_NODE_KEYS.has(key)) {
      throw new Error(`node key "${key}" is the name of a JavaScript object member, which graphology cannot hold as a key`);
    }
  }
}
