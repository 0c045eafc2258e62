/**
 * The temporal functions as entries of the engine's function registry
 * (expressions/functions.ts), by lower-case name: the six constructors, their
 * clocks (`datetime.statement()`, …), `<kind>.truncate`, `duration.between`
 * and its unit forms, and `datetime.fromepoch[millis]`. All of one query read
 * one clock: the statement's start time.
 */
import type { EvalContext } from "../../execution/context.ts";
import type { FunctionDef } from "../functions.ts";
import { durationBetween, type BetweenUnit } from "./between.ts";
import { constructDuration, constructTemporal, datetimeFromEpoch, temporalAt } from "./constructors.ts";
import type { PointKind } from "./from-map.ts";
import { temporalError } from "./temporal-error.ts";
import { Temporal } from "./temporal-values.ts";
import { truncateTemporal } from "./truncate.ts";
import { parseZone } from "./zones.ts";

const KINDS: PointKind[] = ["date", "localtime", "time", "localdatetime", "datetime"];
const CLOCKS = ["transaction", "statement", "realtime"];
const BETWEEN: BetweenUnit[] = ["between", "inMonths", "inDays", "inSeconds"];

const nowOf = (ctx: EvalContext): number => ctx.statementTime ?? Date.now();

function temporalArg(fn: string, v: unknown): Temporal {
  if (v instanceof Temporal) return v;
  throw temporalError(fn, "expects a temporal value");
}

function clock(kind: PointKind): FunctionDef {
  return {
    arity: [0, 1],
    call: ([zone], ctx) => {
      if (zone === undefined) return temporalAt(kind, nowOf(ctx));
      const z = typeof zone === "string" ? parseZone(zone) : undefined;
      if (!z) throw temporalError(kind, `unknown time zone ${JSON.stringify(zone)}`);
      return temporalAt(kind, nowOf(ctx), z);
    },
  };
}

function truncate(kind: PointKind): FunctionDef {
  const fn = `${kind}.truncate`;
  return {
    arity: [2, 3],
    call: ([unit, value, fields], ctx) => {
      if (typeof unit !== "string") throw temporalError(fn, "expects a unit name such as 'day'");
      const map = fields === undefined ? {} : fields;
      if (typeof map !== "object" || map === null || Array.isArray(map) || map instanceof Temporal) throw temporalError(fn, "expects a map of fields");
      return truncateTemporal(kind, unit, temporalArg(fn, value), map as Record<string, unknown>, nowOf(ctx));
    },
  };
}

export const TEMPORAL_FUNCTIONS: Record<string, FunctionDef> = {
  duration: { arity: [1, 1], call: ([x]) => constructDuration(x) },
  "datetime.fromepoch": {
    arity: [2, 2],
    call: ([s, n]) => {
      if (typeof s !== "number" || typeof n !== "number") throw temporalError("datetime.fromepoch", "expects seconds and nanoseconds");
      return datetimeFromEpoch(s, n);
    },
  },
  "datetime.fromepochmillis": {
    arity: [1, 1],
    call: ([ms]) => {
      if (typeof ms !== "number") throw temporalError("datetime.fromepochmillis", "expects milliseconds");
      const seconds = Math.floor(ms / 1000);
      return datetimeFromEpoch(seconds, (ms - seconds * 1000) * 1e6);
    },
  },
};

for (const kind of KINDS) {
  TEMPORAL_FUNCTIONS[kind] = { arity: [0, 1], call: ([x], ctx) => constructTemporal(kind, x, nowOf(ctx)) };
  TEMPORAL_FUNCTIONS[`${kind}.truncate`] = truncate(kind);
  for (const c of CLOCKS) TEMPORAL_FUNCTIONS[`${kind}.${c}`] = clock(kind);
}
for (const unit of BETWEEN) {
  TEMPORAL_FUNCTIONS[`duration.${unit.toLowerCase()}`] = {
    arity: [2, 2],
    call: ([a, b]) => durationBetween(temporalArg(`duration.${unit}`, a), temporalArg(`duration.${unit}`, b), unit),
  };
}
