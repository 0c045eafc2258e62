/**
 * A TCK scenario's setup as data: its `CREATE` statements (and a named graph's
 * script) read with the engine's own pattern and expression grammar, and
 * loaded into a graphology graph the engine then indexes as it would any
 * property graph (labels as a list, properties as stored). Parley's console
 * is read-only, so a setup that needs more than CREATE (MATCH … CREATE,
 * UNWIND … CREATE, DELETE) is reported as not plain data, not run.
 */
import { MultiDirectedGraph } from "graphology";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Expr, PatternPart } from "../../src/query/syntax/ast.ts";
import { TokenStream } from "../../src/query/syntax/token-stream.ts";
import { parsePatternPart } from "../../src/query/syntax/parse-pattern.ts";
import { evaluate } from "../../src/query/expressions/evaluate.ts";
import { isMap, type Value } from "../../src/query/expressions/values.ts";
import { GraphIndex } from "../../src/query/indexes/graph-index.ts";
import { PathSearcher } from "../../src/query/paths/path-search.ts";
import { UNGUARDED } from "../../src/query/execution/guards.ts";
import { newRow, type EvalContext } from "../../src/query/execution/context.ts";

/** The setup uses more than plain CREATE statements; the scenario is out of the runner's scope. */
export class NotPlainData extends Error {}

export type PropertyGraph = MultiDirectedGraph;

const emptyIndex = new GraphIndex(new MultiDirectedGraph());
const literalContext: EvalContext = { index: emptyIndex, searcher: new PathSearcher(emptyIndex), guard: UNGUARDED, params: {} };

/** The graph a scenario starts from: its named graph (if any), then each setup statement in turn. */
export function setupGraph(graphName: string, statements: string[], graphsDir: string): PropertyGraph {
  const graph = new MultiDirectedGraph();
  const scripts = graphName === "empty" || graphName === "any" ? [] : [readFileSync(join(graphsDir, graphName, `${graphName}.cypher`), "utf8")];
  for (const statement of [...scripts, ...statements]) runCreate(graph, statement);
  return graph;
}

function runCreate(graph: PropertyGraph, text: string): void {
  const ts = new TokenStream(text);
  const bound = new Map<string, string>();
  if (!ts.isKeyword("CREATE")) throw new NotPlainData(`setup starts with ${ts.peek().text}`);
  while (ts.acceptKeyword("CREATE")) {
    do createPattern(graph, parsePatternPart(ts), bound);
    while (ts.acceptPunct(","));
  }
  ts.acceptPunct(";");
  if (ts.peek().kind !== "eof") throw new NotPlainData(`setup has ${ts.peek().text} after CREATE`);
}

function createPattern(graph: PropertyGraph, part: PatternPart, bound: Map<string, string>): void {
  if (part.shortest !== "none" || part.rels.some((r) => r.range)) throw new NotPlainData("setup pattern is not a plain chain");
  const keys = part.nodes.map((node) => {
    const known = node.variable ? bound.get(node.variable) : undefined;
    if (known !== undefined) return known;
    const key = `n${graph.order}`;
    graph.addNode(key, { labels: node.labels.flat(), ...properties(node.properties, graph, bound) });
    if (node.variable) bound.set(node.variable, key);
    return key;
  });
  part.rels.forEach((rel, i) => {
    if (rel.types.length !== 1) throw new NotPlainData("a created relationship needs exactly one type");
    const [source, target] = rel.direction === "left" ? [keys[i + 1], keys[i]] : [keys[i], keys[i + 1]];
    graph.addEdgeWithKey(`r${graph.size}`, source, target, { type: rel.types[0], ...properties(rel.properties, graph, bound) });
  });
}

/**
 * A pattern's property map, evaluated; null values are not stored, as in
 * openCypher. A node created earlier in the statement is readable by its
 * variable, as a map of its properties (`(:Begin {num: a.id})`).
 */
function properties(expr: Expr | null, graph: PropertyGraph, bound: ReadonlyMap<string, string>): Record<string, Value> {
  if (!expr) return {};
  const row = newRow();
  for (const [variable, key] of bound) {
    const { labels: _labels, ...props } = graph.getNodeAttributes(key) as Record<string, Value>;
    row[variable] = props;
  }
  const value = evaluate(expr, row, literalContext);
  if (!isMap(value)) throw new NotPlainData("setup properties are not a map");
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}
