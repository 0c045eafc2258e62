/**
 * Console shortcuts for the everyday questions, as a registry of
 * {name, syntax, pattern, run}: `path A -> B [via T,U] [max N]`,
 * `paths A -> B [k N] [via T,U] [max N]`, `neighbors X [depth N]`, `find TEXT`.
 * Names resolve through labels, aliases and keys; a miss raises UnknownNameError
 * with "did you mean" suggestions. Results use the same table/JSON shape as Cypher.
 */
import type { EvalContext } from "./execution/context.ts";
import { QuerySyntaxError, UnknownNameError } from "./errors.ts";
import type { NameIndex } from "./indexes/name-index.ts";
import { findRoutes, separation } from "./paths/path-api.ts";
import { nodeJSON, toJSON } from "./output/serialize.ts";
import { PathVal } from "./expressions/values.ts";

export interface ShortcutEnv {
  ctx: EvalContext;
  names: NameIndex;
}

interface Shortcut {
  name: string;
  syntax: string;
  pattern: RegExp;
  run(m: RegExpExecArray, env: ShortcutEnv): { columns: string[]; rows: unknown[][]; notice?: string };
}

const NAME = `("[^"]+"|'[^']+'|.+?)`;
const VIA = `(?:\\s+via\\s+([\\w]+(?:\\s*,\\s*[\\w]+)*))?`;
const MAX = `(?:\\s+max\\s+(\\d+))?`;

function resolveNode(raw: string, env: ShortcutEnv): number {
  const name = raw.replace(/^(["'])(.*)\1$/, "$2").trim();
  const key = env.names.resolve(name, (k) => env.ctx.index.nodeIndex.has(k));
  if (key === null) throw new UnknownNameError(name, env.names.suggest(name));
  return env.ctx.index.nodeIndex.get(key)!;
}

const types = (via: string | undefined) => (via ? via.split(",").map((t) => t.trim()).filter(Boolean) : undefined);

function pathRows(m: RegExpExecArray, env: ShortcutEnv, k: number, via?: string, max?: string) {
  const { index, searcher, guard } = env.ctx;
  const from = resolveNode(m[1], env);
  const to = resolveNode(m[2], env);
  const routes = findRoutes(index, searcher, from, to, { types: types(via), max: max ? Number(max) : undefined, k }, guard);
  const columns = ["path", "length"];
  if (routes.length) return { columns, rows: routes.map((r) => [toJSON(index, new PathVal(r.nodes, r.edges)), r.edges.length]) };
  return { columns, rows: [], notice: noRouteNotice(env, from, to, separation(searcher, from, to, guard), via, max) };
}

/** Why no row came back: the two are not connected at all, or only farther than the limit or outside the types asked for. */
function noRouteNotice(env: ShortcutEnv, from: number, to: number, apart: number | null, via?: string, max?: string): string {
  const label = (i: number) => String(env.ctx.index.nodeAttributes(i).label ?? env.ctx.index.nodeKeys[i]);
  const pair = `${label(from)} and ${label(to)}`;
  if (apart === null) return `${pair} are not connected: no chain of relations joins them`;
  const hops = (n: number) => `${n} hop${n === 1 ? "" : "s"}`;
  const limits = [max ? `within ${hops(Number(max))}` : null, via ? `through ${types(via)!.join(", ")}` : null].filter(Boolean).join(" ");
  return `no path ${limits}: ${pair} are ${hops(apart)} apart through any relation`;
}

export const SHORTCUTS: Shortcut[] = [
  {
    name: "path",
    syntax: "path A -> B [via TYPE,TYPE] [max N]",
    pattern: new RegExp(`^path\\s+${NAME}\\s*->\\s*${NAME}${VIA}${MAX}\\s*$`, "i"),
    run: (m, env) => pathRows(m, env, 1, m[3], m[4]),
  },
  {
    name: "paths",
    syntax: "paths A -> B [k N] [via TYPE,TYPE] [max N]",
    pattern: new RegExp(`^paths\\s+${NAME}\\s*->\\s*${NAME}(?:\\s+k\\s+(\\d+))?${VIA}${MAX}\\s*$`, "i"),
    run: (m, env) => pathRows(m, env, m[3] ? Number(m[3]) : 3, m[4], m[5]),
  },
  {
    name: "neighbors",
    syntax: "neighbors X [depth N]",
    pattern: new RegExp(`^neighbou?rs\\s+${NAME}(?:\\s+depth\\s+(\\d+))?\\s*$`, "i"),
    run: (m, env) => neighbors(resolveNode(m[1], env), m[2] ? Number(m[2]) : 1, env),
  },
  {
    name: "find",
    syntax: "find TEXT",
    pattern: /^find\s+(.+?)\s*$/i,
    run: (m, env) => ({
      columns: ["node", "matched", "score"],
      rows: env.names.search(m[1].replace(/^(["'])(.*)\1$/, "$2"), 25).map((h) => [nodeJSON(env.ctx.index, env.ctx.index.nodeIndex.get(h.key)!), h.matched, h.score]),
    }),
  },
];

/** Breadth-first rings around a node: each neighbor with its depth and the path reaching it. */
function neighbors(start: number, depth: number, env: ShortcutEnv) {
  const { index: ix, guard } = env.ctx;
  if (!(depth >= 1 && depth <= 6)) throw new QuerySyntaxError(1, 1, "a depth from 1 to 6", String(depth));
  const parent = new Map<number, { from: number; edge: number }>([[start, { from: -1, edge: -1 }]]);
  const rows: unknown[][] = [];
  let frontier = [start];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      guard.expand();
      for (let p = ix.offsets[u]; p < ix.offsets[u + 1]; p++) {
        const v = ix.neighbors[p];
        if (parent.has(v)) continue;
        parent.set(v, { from: u, edge: ix.edges[p] });
        next.push(v);
        const nodes = [v];
        const edges: number[] = [];
        for (let w = v; w !== start; w = parent.get(w)!.from) (edges.unshift(parent.get(w)!.edge), nodes.unshift(parent.get(w)!.from));
        guard.row();
        rows.push([d, nodeJSON(ix, v), toJSON(ix, new PathVal(nodes, edges))]);
      }
    }
    frontier = next;
  }
  return { columns: ["depth", "neighbor", "path"], rows };
}

/** The shortcut a text invokes, or null when the text should be parsed as openCypher. */
export function matchShortcut(text: string): { shortcut: Shortcut; match: RegExpExecArray } | null {
  const trimmed = text.trim();
  const word = /^(\w+)/.exec(trimmed)?.[1].toLowerCase();
  const candidates = SHORTCUTS.filter((s) => s.name === word || (s.name === "neighbors" && word === "neighbours"));
  if (!candidates.length) return null;
  for (const shortcut of candidates) {
    const match = shortcut.pattern.exec(trimmed);
    if (match) return { shortcut, match };
  }
  const indent = text.length - text.trimStart().length;
  throw new QuerySyntaxError(1, indent + word!.length + 2, candidates[0].syntax, JSON.stringify(trimmed.slice(word!.length).trim()));
}
