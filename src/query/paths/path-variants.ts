/**
 * Path searches built on PathSearcher: all shortest paths (allShortestPaths) by
 * layering distances from both ends, and up to k shortest simple paths (Yen's
 * algorithm over node sequences, so parallel edges do not count as new routes).
 */
import { BOTH, IN, OUT, type GraphIndex } from "../indexes/graph-index.ts";
import type { IndexPath, PathSearchOptions, PathSearcher } from "./path-search.ts";

/** Distances (hop counts) from `root` up to `limit` hops (-1 = not reached), and the nodes of each level. */
function layer(ix: GraphIndex, root: number, need: number, limit: number, opts: PathSearchOptions): { dist: Int32Array; levels: number[][] } {
  const dist = new Int32Array(ix.nodeCount).fill(-1);
  dist[root] = 0;
  const levels = [[root]];
  for (let d = 0; d < limit && levels[d].length; d++) {
    const next: number[] = [];
    for (const u of levels[d]) {
      opts.guard?.expand();
      for (let p = ix.offsets[u]; p < ix.offsets[u + 1]; p++) {
        const v = ix.neighbors[p];
        if (dist[v] >= 0 || !allowed(ix, p, need, opts)) continue;
        dist[v] = d + 1;
        next.push(v);
      }
    }
    levels.push(next);
  }
  return { dist, levels };
}

function allowed(ix: GraphIndex, p: number, need: number, opts: PathSearchOptions): boolean {
  if (need !== BOTH && (ix.dirs[p] & need) === 0) return false;
  const e = ix.edges[p];
  if (opts.mask && !opts.mask[ix.edgeType[e]]) return false;
  if (opts.bannedEdges && opts.bannedEdges[e]) return false;
  if (opts.bannedNodes && opts.bannedNodes[ix.neighbors[p]]) return false;
  return !opts.edgeFilter || opts.edgeFilter(e);
}

/** Every shortest path from source to target (each parallel edge makes its own path). */
export function allShortestPaths(searcher: PathSearcher, source: number, target: number, opts: PathSearchOptions = {}): IndexPath[] {
  const first = searcher.shortest(source, target, opts);
  if (!first) return [];
  const L = first.edges.length;
  if (L === 0) return [first];
  const ix = searcher.index;
  const dir = opts.direction ?? "both";
  const needF = dir === "right" ? OUT : dir === "left" ? IN : BOTH;
  const needB = dir === "right" ? IN : dir === "left" ? OUT : BOTH;
  // Layer only halfway from each end (the deeper half from the end with the shorter adjacency list):
  // the two half-depth searches cost far less than two full-depth ones through hubs.
  const degree = (u: number) => ix.offsets[u + 1] - ix.offsets[u];
  const mid = degree(source) <= degree(target) ? Math.ceil(L / 2) : Math.floor(L / 2);
  const { dist: distF, levels } = layer(ix, source, needF, mid, opts);
  const distB = layer(ix, target, needB, L - mid, opts).dist;
  // onPath[u] for u within `mid` of the source: u lies on a shortest path (it reaches a middle node on one).
  const onPath = new Uint8Array(ix.nodeCount);
  for (const v of levels[mid] ?? []) if (distB[v] === L - mid) onPath[v] = 1;
  for (let d = Math.min(mid, levels.length) - 1; d >= 0; d--) {
    for (const u of levels[d]) {
      for (let p = ix.offsets[u]; p < ix.offsets[u + 1] && !onPath[u]; p++) {
        const v = ix.neighbors[p];
        if (distF[v] === d + 1 && onPath[v] && allowed(ix, p, needF, opts)) onPath[u] = 1;
      }
    }
  }
  const out: IndexPath[] = [];
  const nodes = [source];
  const edges: number[] = [];
  // The node at position d + 1 of a shortest path: on the source side one marked onPath, beyond it one `L - d - 1` from the target.
  const fits = (v: number, d: number) => (d + 1 <= mid ? distF[v] === d + 1 && onPath[v] === 1 : distB[v] === L - d - 1);
  const walk = (u: number, d: number): void => {
    for (let p = ix.offsets[u]; p < ix.offsets[u + 1]; p++) {
      const v = ix.neighbors[p];
      if (!fits(v, d) || !allowed(ix, p, needF, opts)) continue;
      opts.guard?.expand();
      nodes.push(v);
      edges.push(ix.edges[p]);
      if (v === target) out.push({ nodes: nodes.slice(), edges: edges.slice() });
      else walk(v, d + 1);
      nodes.pop();
      edges.pop();
    }
  };
  walk(source, 0);
  return out;
}

/** Up to k shortest simple paths, distinct by their node sequence (Yen, 1971). */
export function kShortestPaths(searcher: PathSearcher, source: number, target: number, k: number, opts: PathSearchOptions = {}): IndexPath[] {
  const first = searcher.shortest(source, target, opts);
  if (!first) return [];
  const ix = searcher.index;
  const found: IndexPath[] = [first];
  const candidates: IndexPath[] = [];
  const seen = new Set([first.nodes.join(",")]);
  const bannedNodes = new Uint8Array(ix.nodeCount);
  const bannedEdges = new Uint8Array(ix.edgeCount);
  const maxHops = opts.maxHops ?? Infinity;
  while (found.length < k) {
    const last = found[found.length - 1];
    for (let i = 0; i < last.nodes.length - 1; i++) {
      const spur = last.nodes[i];
      const root = last.nodes.slice(0, i + 1);
      const rootKey = root.join(",");
      const touched: number[] = [];
      for (const p of found) {
        if (p.nodes.slice(0, i + 1).join(",") !== rootKey) continue;
        // Ban every edge between the spur node and that path's next node.
        for (let q = ix.offsets[spur]; q < ix.offsets[spur + 1]; q++) {
          if (ix.neighbors[q] !== p.nodes[i + 1]) continue;
          bannedEdges[ix.edges[q]] = 1;
          touched.push(ix.edges[q]);
        }
      }
      for (let j = 0; j < i; j++) bannedNodes[root[j]] = 1;
      const spurPath = searcher.shortest(spur, target, { ...opts, bannedNodes, bannedEdges, maxHops: maxHops - i });
      for (let j = 0; j < i; j++) bannedNodes[root[j]] = 0;
      for (const e of touched) bannedEdges[e] = 0;
      if (!spurPath) continue;
      const path = { nodes: [...root, ...spurPath.nodes.slice(1)], edges: [...last.edges.slice(0, i), ...spurPath.edges] };
      const key = path.nodes.join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(path);
    }
    if (!candidates.length) break;
    candidates.sort((a, b) => a.edges.length - b.edges.length);
    found.push(candidates.shift()!);
  }
  return found;
}
