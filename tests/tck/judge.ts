/**
 * Runs one TCK scenario against Parley's engine, in process, and judges it as
 * the TCK does: the same columns; rows in order, in any order, or with lists
 * compared as multisets; no rows; or an error of the expected class and
 * detail (strictly: an error without openCypher's name for it fails).
 * Scenarios outside the console's scope — a query that writes, a setup that
 * is not plain CREATE data, steps such as procedures — are counted apart.
 */
import { createQueryEngine } from "../../src/query/index.ts";
import { QueryError } from "../../src/query/errors.ts";
import type { Scenario } from "./scenarios.ts";
import { NotPlainData, setupGraph } from "./setup-graph.ts";
import { matches, parseTckValue, toParameter, unorderedMatch, type TckValue } from "./tck-values.ts";

export type Verdict =
  | { status: "pass" }
  | { status: "fail"; reason: string }
  | { status: "out of scope"; reason: "writes" | "setup" | "steps" };

/** Clauses that change the graph or call procedures: a console query has none. */
const WRITES = /\b(CREATE|MERGE|SET|DELETE|REMOVE|DETACH|CALL|FOREACH|LOAD)\b/i;
const withoutLiterals = (q: string) => q.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|\/\/[^\n]*/g, "''");

export function inScope(s: Scenario): Verdict | null {
  if (s.unsupportedSteps.length || !s.expect || !s.query) return { status: "out of scope", reason: "steps" };
  if (WRITES.test(withoutLiterals(s.query))) return { status: "out of scope", reason: "writes" };
  return null;
}

export async function judge(s: Scenario, graphsDir: string): Promise<Verdict> {
  const out = inScope(s);
  if (out) return out;
  let graph;
  try {
    graph = setupGraph(s.graph, s.setup, graphsDir);
  } catch (err) {
    if (err instanceof NotPlainData) return { status: "out of scope", reason: "setup" };
    return { status: "fail", reason: `setup failed: ${(err as Error).message}` };
  }
  const engine = createQueryEngine(graph, { timeoutMs: 10_000, maxRows: 1_000_000 }, { properties: "stored", symmetricTypes: [] });
  const params = Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, toParameter(parseTckValue(v))]));
  const expect = s.expect!;
  let result;
  try {
    result = await engine.run(s.query, params);
  } catch (err) {
    if (expect.kind !== "error") return { status: "fail", reason: `error: ${(err as Error).message}` };
    const named = err instanceof QueryError ? err.cypher : undefined;
    if (named?.class === expect.errorClass && named.detail === expect.detail) return { status: "pass" };
    return { status: "fail", reason: `expected ${expect.errorClass}: ${expect.detail}, got ${named ? `${named.class}: ${named.detail}` : "an error without a class"} (${(err as Error).message})` };
  }
  if (expect.kind === "error") return { status: "fail", reason: `expected ${expect.errorClass}: ${expect.detail}, got ${result.rows.length} rows` };
  if (expect.kind === "empty") return result.rows.length === 0 ? { status: "pass" } : { status: "fail", reason: `expected no rows, got ${result.rows.length}` };
  if (result.columns.join("\u0000") !== expect.columns.join("\u0000")) {
    return { status: "fail", reason: `columns ${JSON.stringify(result.columns)}, expected ${JSON.stringify(expect.columns)}` };
  }
  const expected: TckValue[][] = expect.rows.map((r) => r.map(parseTckValue));
  const rowMatches = (e: TckValue[], a: unknown[]) => e.every((v, i) => matches(v, a[i], expect.listsUnordered));
  const ok = expect.ordered
    ? expected.length === result.rows.length && expected.every((e, i) => rowMatches(e, result.rows[i]))
    : unorderedMatch(expected, result.rows, rowMatches);
  if (ok) return { status: "pass" };
  return { status: "fail", reason: `rows ${JSON.stringify(result.rows).slice(0, 300)}, expected ${JSON.stringify(expect.rows).slice(0, 300)}` };
}
