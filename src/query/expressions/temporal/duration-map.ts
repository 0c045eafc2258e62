/**
 * duration() from a map: years, quarters, months, weeks, days, hours,
 * minutes, seconds, milliseconds, microseconds and nanoseconds, any of them
 * negative or fractional (`{months: 0.75}` is 22 days, 19 h 51 min 49.5 s).
 */
import { DurationValue } from "./duration.ts";
import { temporalError } from "./temporal-error.ts";

/** Each field's place: [months, days, seconds, nanoseconds] per unit. */
const UNITS: Record<string, [number, number, number, number]> = {
  years: [12, 0, 0, 0],
  quarters: [3, 0, 0, 0],
  months: [1, 0, 0, 0],
  weeks: [0, 7, 0, 0],
  days: [0, 1, 0, 0],
  hours: [0, 0, 3600, 0],
  minutes: [0, 0, 60, 0],
  seconds: [0, 0, 1, 0],
  milliseconds: [0, 0, 0, 1e6],
  microseconds: [0, 0, 0, 1e3],
  nanoseconds: [0, 0, 0, 1],
};

export function durationFromMap(map: Record<string, unknown>): DurationValue {
  const sum = [0, 0, 0, 0];
  for (const [key, v] of Object.entries(map)) {
    if (!Object.hasOwn(UNITS, key)) throw temporalError("duration", `unknown field ${key} (expected ${Object.keys(UNITS).join(", ")})`);
    if (v === null || v === undefined) continue;
    if (typeof v !== "number" || !Number.isFinite(v)) throw temporalError("duration", `${key} must be a number`);
    UNITS[key].forEach((scale, i) => (sum[i] += scale * v));
  }
  return DurationValue.approximate(sum[0], sum[1], sum[2], sum[3]);
}
