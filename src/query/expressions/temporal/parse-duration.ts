/**
 * Durations from ISO 8601 text: the unit form 'P1Y2M3W10DT12H45M30.25S'
 * (every component optional but at least one, each may be negative or have a
 * fraction; a leading '-' negates all) and the date-time form
 * 'P0001-02-10T12:45:30'. Whole seconds and their fraction are read as
 * integers, so '30.25S' is exactly 30 s and 250,000,000 ns.
 */
import { DurationValue } from "./duration.ts";
import { temporalError } from "./temporal-error.ts";

const N = "([+-]?\\d+(?:[.,]\\d+)?)";
const UNITS = new RegExp(`^([+-])?P(?:${N}Y)?(?:${N}M)?(?:${N}W)?(?:${N}D)?(?:T(?:${N}H)?(?:${N}M)?(?:([+-]?)(\\d+)(?:[.,](\\d{1,9}))?S)?)?$`, "i");
const DATE_TIME = /^([+-])?P(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?$/i;

const num = (s: string | undefined): number => (s === undefined ? 0 : Number(s.replace(",", ".")));

export function parseDuration(text: string): DurationValue {
  const t = text.trim();
  const u = UNITS.exec(t);
  if (u && /\d/.test(t) && !/T$/i.test(t)) {
    const sign = u[1] === "-" ? -1 : 1;
    const secondSign = u[8] === "-" ? -1 : 1;
    const wholeSeconds = secondSign * num(u[9]);
    const fraction = secondSign * Number((u[10] ?? "").padEnd(9, "0"));
    return DurationValue.approximate(
      sign * (num(u[2]) * 12 + num(u[3])),
      sign * (num(u[4]) * 7 + num(u[5])),
      sign * (num(u[6]) * 3600 + num(u[7]) * 60 + wholeSeconds),
      sign * fraction,
    );
  }
  const d = DATE_TIME.exec(t);
  if (d) {
    const sign = d[1] === "-" ? -1 : 1;
    return new DurationValue(
      sign * (num(d[2]) * 12 + num(d[3])),
      sign * num(d[4]),
      sign * (num(d[5]) * 3600 + num(d[6]) * 60 + num(d[7])),
      sign * Number((d[8] ?? "").padEnd(9, "0")),
    );
  }
  throw temporalError("duration", `cannot read ${JSON.stringify(text)} as a duration: expected an ISO 8601 duration such as P1Y2M10DT12H45M30.25S`);
}
