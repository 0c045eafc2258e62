/**
 * A speed-up for adding many edges to a graphology graph, without changing
 * what it holds. graphology keeps each node's neighbours in plain objects keyed
 * by neighbour key; V8 gives every such object hidden classes of its own until
 * it turns it into a dictionary, and making those classes is most of the cost
 * of adding a million edges (6.4 instead of 10.8 CPU seconds for the 100k/1M
 * bench graph here, and a smaller heap). So once the nodes are in, each empty
 * neighbour object is made a dictionary from the start: a property added and
 * deleted out of order does it. Reaches into graphology's internals, checked
 * first: with another layout it does nothing.
 */
import type { AbstractGraph } from "graphology-types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function startAdjacencyAsDictionaries(graph: AbstractGraph<any, any, any>): void {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return;
  for (const data of nodes.values()) {
    for (const side of ["out", "in", "undirected"]) {
      const adjacency = (data as Record<string, unknown>)?.[side];
      if (!adjacency || typeof adjacency !== "object" || Object.getPrototypeOf(adjacency) !== Object.prototype) continue;
      for (const _ in adjacency) return; // not empty: edges were added already, leave it
      const o = adjacency as Record<string, number>;
      o.a = 0;
      o.b = 0;
      delete o.a; // not the last one added: V8 switches the object to dictionary mode
      delete o.b;
    }
  }
}
