/**
 * The openCypher TCK's feature files as scenarios the runner can judge: each
 * Gherkin pickle (scenario outlines already expanded by @cucumber/gherkin)
 * becomes its setup (empty, any or a named graph, then `CREATE` statements),
 * parameters, the query, and what is expected (rows, no rows, or an error by
 * class and detail). Steps the runner does not model (procedures, control
 * queries) are kept as `unsupportedSteps`, so the scenario is counted as out
 * of scope rather than silently judged.
 */
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from "@cucumber/gherkin";
import { IdGenerator, type Pickle, type PickleStep } from "@cucumber/messages";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export type Expectation =
  | { kind: "rows"; ordered: boolean; listsUnordered: boolean; columns: string[]; rows: string[][] }
  | { kind: "empty" }
  | { kind: "error"; errorClass: string; phase: string; detail: string };

export interface Scenario {
  /** `feature#n`: the n-th scenario of the feature file (outline rows counted one by one), stable while the files are. */
  id: string;
  /** Feature file relative to the features folder, e.g. `expressions/list/List1.feature`. */
  feature: string;
  /** Folder of the feature, e.g. `expressions/list`: the unit the runner reports passes by. */
  area: string;
  name: string;
  /** `empty`, `any`, or the name of one of the TCK's named graphs. */
  graph: string;
  setup: string[];
  /** Parameter name → its value in the TCK's value syntax. */
  params: Record<string, string>;
  query: string;
  expect: Expectation | null;
  unsupportedSteps: string[];
}

const SETUP_GRAPH = /^(?:an empty graph|any graph|the (\S+) graph)$/;
const RESULT = /^the result should be(?:, (in order|in any order))?(?: \(ignoring element order for lists\))?:?$/;
const ERROR = /^an? (\w+) should be raised at (compile time|runtime|any time): (\w+)$/;

/** Every `.feature` file under `dir`, sorted so runs are comparable. */
export function featureFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".feature")) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function loadScenarios(featuresDir: string): Scenario[] {
  return featureFiles(featuresDir).flatMap((file) => scenariosOf(file, relative(featuresDir, file).split(sep).join("/")));
}

function scenariosOf(file: string, feature: string): Scenario[] {
  const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher());
  const document = parser.parse(readFileSync(file, "utf8"));
  const area = feature.split("/").slice(0, -1).join("/");
  return compile(document, feature, IdGenerator.incrementing()).map((pickle, n) => toScenario(pickle, feature, area, `${feature}#${n + 1}`));
}

function toScenario(pickle: Pickle, feature: string, area: string, id: string): Scenario {
  const s: Scenario = { id, feature, area, name: pickle.name, graph: "empty", setup: [], params: {}, query: "", expect: null, unsupportedSteps: [] };
  for (const step of pickle.steps) readStep(s, step);
  return s;
}

function readStep(s: Scenario, step: PickleStep): void {
  const text = step.text.trim();
  const doc = step.argument?.docString?.content;
  const table = step.argument?.dataTable?.rows.map((r) => r.cells.map((c) => c.value));
  const graph = SETUP_GRAPH.exec(text);
  if (graph) {
    s.graph = text === "an empty graph" ? "empty" : text === "any graph" ? "any" : graph[1];
    return;
  }
  if (text === "having executed:" && doc !== undefined) return void s.setup.push(doc);
  if ((text === "parameters are:" || text === "parameter values are:") && table) {
    for (const [name, value] of table) s.params[name] = value;
    return;
  }
  if (text === "executing query:" && doc !== undefined) return void (s.query = doc);
  const result = RESULT.exec(text);
  if (result && table) {
    s.expect = { kind: "rows", ordered: result[1] === "in order", listsUnordered: text.includes("ignoring element order for lists"), columns: table[0], rows: table.slice(1) };
    return;
  }
  if (text === "the result should be empty") return void (s.expect = { kind: "empty" });
  const error = ERROR.exec(text);
  if (error) return void (s.expect = { kind: "error", errorClass: error[1], phase: error[2], detail: error[3] });
  // Side effects of a read-only query are none; the runner does not count them.
  if (text === "no side effects" || text === "the side effects should be:") return;
  s.unsupportedSteps.push(text);
}
