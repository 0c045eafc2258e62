/**
 * Function calls before they run: the function must exist (the engine's
 * registries are the authority, so a function added there is known here),
 * take that many arguments, and not be handed a value whose type is known to
 * be wrong (`size()` of a path, `properties(1)`). A bare pattern is a
 * predicate, never an argument (`size((a)-->())` is refused as openCypher does).
 */
import type { Expr } from "../syntax/ast.ts";
import { AGGREGATES } from "../expressions/aggregates.ts";
import { FUNCTIONS } from "../expressions/functions.ts";
import { fail } from "./fail.ts";
import { ANY, BOOLEAN, NODE, NUMBER, RELATIONSHIP, STRING, certainlyNot, describe, itemType, listOf, type Kind, type SemType } from "./types.ts";

type Call = Extract<Expr, { kind: "call" }>;

/**
 * What the first argument may be, for functions whose runtime check this
 * mirrors (a kind outside the list fails there too); the rest are unchecked.
 */
const FIRST_ARGUMENT: Record<string, Kind[]> = {
  type: ["relationship"],
  labels: ["node"],
  id: ["node", "relationship"],
  keys: ["node", "relationship", "map"],
  properties: ["node", "relationship", "map"],
  nodes: ["path"],
  relationships: ["path"],
  length: ["path", "string", "list"],
  size: ["list", "string"],
  startnode: ["relationship"],
  endnode: ["relationship"],
  head: ["list"],
  last: ["list"],
  tail: ["list"],
  reverse: ["list", "string"],
  tolower: ["string"],
  toupper: ["string"],
  trim: ["string"],
  ltrim: ["string"],
  rtrim: ["string"],
  split: ["string"],
  replace: ["string"],
  substring: ["string"],
  abs: ["number"],
  ceil: ["number"],
  floor: ["number"],
  round: ["number"],
  sqrt: ["number"],
  sign: ["number"],
  // Temporal functions are in the registry too (expressions/temporal/functions.ts); their units are names.
  "date.truncate": ["string"],
  "localtime.truncate": ["string"],
  "time.truncate": ["string"],
  "localdatetime.truncate": ["string"],
  "datetime.truncate": ["string"],
};

/** Aggregates that take exactly one argument (count also `*`). */
const SINGLE_ARGUMENT_AGGREGATES = new Set(["count", "collect", "min", "max", "sum", "avg"]);
const TWO_ARGUMENT_AGGREGATES = new Set(["percentiledisc", "percentilecont"]);

/** What a call gives, where the function says (the rest: any). */
function resultType(name: string, args: SemType[]): SemType {
  switch (name) {
    case "count": case "size": case "length": case "abs": case "ceil": case "floor": case "round": case "sqrt": case "sign":
    case "tointeger": case "tofloat":
      return NUMBER;
    case "type": case "tolower": case "toupper": case "trim": case "ltrim": case "rtrim": case "tostring": case "replace": case "substring":
      return STRING;
    case "labels": case "keys": case "split":
      return listOf(STRING);
    case "nodes":
      return listOf(NODE);
    case "relationships":
      return listOf(RELATIONSHIP);
    case "startnode": case "endnode":
      return NODE;
    case "collect": case "tail":
      return name === "collect" ? listOf(args[0] ?? ANY) : (args[0] ?? ANY);
    case "head": case "last":
      return itemType(args[0] ?? ANY);
    case "range":
      return listOf(NUMBER);
    default:
      return name === "exists" ? BOOLEAN : ANY;
  }
}

export function checkCall(e: Call, args: SemType[]): SemType {
  const name = e.name.toLowerCase();
  const bare = e.args.find((a) => a.kind === "subquery" && a.bare);
  if (bare) fail("UnexpectedSyntax", `a pattern is a predicate, not an argument of ${e.name}(): write COUNT { … } or EXISTS { … }`, bare, e);
  // Own keys only: `constructor()` names no function.
  const aggregate = Object.hasOwn(AGGREGATES, name);
  const def = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!aggregate && !def) fail("UnknownFunction", `unknown function ${e.name}()`, e);
  if (aggregate && SINGLE_ARGUMENT_AGGREGATES.has(name) && !(e.star ? name === "count" : e.args.length === 1)) {
    fail("InvalidNumberOfArguments", `${e.name}() takes one argument${name === "count" ? " or *" : ""}, got ${e.star ? "*" : e.args.length}`, e);
  }
  if (aggregate && TWO_ARGUMENT_AGGREGATES.has(name) && (e.star || e.args.length !== 2)) {
    fail("InvalidNumberOfArguments", `${e.name}() takes two arguments (a value and a percentile), got ${e.star ? "*" : e.args.length}`, e);
  }
  if (def) {
    const [min, max] = def.arity;
    if (e.args.length < min || e.args.length > max) {
      fail("InvalidNumberOfArguments", `${e.name}() takes ${min === max ? min : max === Infinity ? `at least ${min}` : `${min} to ${max}`} argument(s), got ${e.args.length}`, e);
    }
    const allowed = FIRST_ARGUMENT[name];
    if (allowed && args[0] && certainlyNot(args[0], ...allowed)) fail("InvalidArgumentType", `${e.name}() expects ${allowed.join(" or ")}, got ${describe(args[0])}`, e.args[0], e);
  }
  return resultType(name, args);
}
