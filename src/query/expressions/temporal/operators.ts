/**
 * +, -, * and / where a temporal value is an operand: instant ± duration,
 * duration + instant, duration ± duration, duration × number, number ×
 * duration, duration ÷ number. Anything else with a temporal operand is a
 * type error (two dates do not subtract: duration.between says how far apart
 * they are).
 */
import { QueryRuntimeError } from "../../errors.ts";
import { addDurations, scaleDuration, shiftByDuration } from "./arithmetic.ts";
import { DurationValue } from "./duration.ts";
import { Temporal } from "./temporal-values.ts";

export type ArithmeticOp = "+" | "-" | "*" | "/";

const describe = (v: unknown): string => (v instanceof Temporal ? v.kind : v === null ? "null" : Array.isArray(v) ? "list" : typeof v);

/** The result of `a op b` when either is temporal; undefined when neither is (the caller's rules apply). */
export function temporalOperator(op: ArithmeticOp, a: unknown, b: unknown): Temporal | undefined {
  if (!(a instanceof Temporal) && !(b instanceof Temporal)) return undefined;
  const da = a instanceof DurationValue ? a : undefined;
  const db = b instanceof DurationValue ? b : undefined;
  if (op === "+" || op === "-") {
    const sign = op === "+" ? 1 : -1;
    if (da && db) return addDurations(da, db, sign);
    if (db && a instanceof Temporal) return shiftByDuration(a, db, sign);
    if (da && b instanceof Temporal && op === "+") return shiftByDuration(b, da, 1);
  } else if (op === "*") {
    if (da && typeof b === "number") return scaleDuration(da, b, false);
    if (db && typeof a === "number") return scaleDuration(db, a, false);
  } else if (da && typeof b === "number") {
    return scaleDuration(da, b, true);
  }
  throw new QueryRuntimeError(`cannot apply ${op} to ${describe(a)} and ${describe(b)}`).as("TypeError", "InvalidArgumentType");
}
