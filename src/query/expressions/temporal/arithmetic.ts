/**
 * Temporal arithmetic: instant ± duration, duration ± duration, duration × or
 * ÷ number. A duration moves a value by its months first (the day clamped to
 * the new month's length), then its days, then its seconds; each value keeps
 * only the parts it has: a date moves by whole days of the seconds, a time of
 * day wraps around midnight, a datetime in a named zone moves months and days
 * on its local clock and seconds on the instant (so one day across a DST
 * change is 23 or 25 hours).
 */
import { NANOS_PER_DAY, NANOS_PER_SECOND, SECONDS_PER_DAY, floorDiv, floorMod, plusMonths } from "./calendar.ts";
import { DurationValue } from "./duration.ts";
import { inZone } from "./from-map.ts";
import { temporalError } from "./temporal-error.ts";
import { DateTimeValue, DateValue, LocalDateTimeValue, LocalTimeValue, Temporal, TimeValue } from "./temporal-values.ts";
import { placeInZone, zoneOf } from "./zones.ts";

/** A local day and nanosecond of day moved by seconds and nanoseconds. */
function shiftClock(epochDay: number, nanoOfDay: number, seconds: number, nanos: number): { epochDay: number; nanoOfDay: number } {
  const days = floorDiv(seconds, SECONDS_PER_DAY);
  const total = nanoOfDay + (seconds - days * SECONDS_PER_DAY) * NANOS_PER_SECOND + nanos;
  const carry = floorDiv(total, NANOS_PER_DAY);
  return { epochDay: epochDay + days + carry, nanoOfDay: total - carry * NANOS_PER_DAY };
}

/** A time of day moved by a duration's seconds, around the clock. */
const shiftTimeOfDay = (nanoOfDay: number, d: DurationValue, sign: number): number =>
  floorMod(nanoOfDay + floorMod(sign * d.seconds, SECONDS_PER_DAY) * NANOS_PER_SECOND + sign * d.nanos, NANOS_PER_DAY);

/** `t + d` (sign 1) or `t - d` (sign -1) for an instant-like value t. */
export function shiftByDuration(t: Temporal, d: DurationValue, sign: 1 | -1): Temporal {
  if (t instanceof LocalTimeValue) return new LocalTimeValue(shiftTimeOfDay(t.nanoOfDay, d, sign));
  if (t instanceof TimeValue) return new TimeValue(shiftTimeOfDay(t.nanoOfDay, d, sign), t.offsetSeconds);
  if (!(t instanceof DateValue || t instanceof LocalDateTimeValue || t instanceof DateTimeValue)) throw temporalError("+", `cannot add a duration to a ${t.kind}`);
  const day = plusMonths(t.epochDay, sign * d.months) + sign * d.days;
  if (t instanceof DateValue) {
    // Whole days of the seconds only, toward zero: a date has no time of day to carry the rest.
    const seconds = d.seconds + (d.seconds < 0 && d.nanos > 0 ? 1 : 0);
    return new DateValue(day + sign * Math.trunc(seconds / SECONDS_PER_DAY));
  }
  if (t instanceof LocalDateTimeValue) {
    const moved = shiftClock(day, t.nanoOfDay, sign * d.seconds, sign * d.nanos);
    return new LocalDateTimeValue(moved.epochDay, moved.nanoOfDay);
  }
  const zone = zoneOf(t)!;
  const placed = placeInZone(zone, day, t.nanoOfDay, t.offsetSeconds);
  const utc = new DateTimeValue(placed.epochDay, placed.nanoOfDay, placed.offsetSeconds, null).utc;
  const moved = shiftClock(utc.epochDay, utc.nanoOfDay, sign * d.seconds, sign * d.nanos);
  return inZone(zone, moved.epochDay, moved.nanoOfDay);
}

export const addDurations = (a: DurationValue, b: DurationValue, sign: 1 | -1): DurationValue =>
  new DurationValue(a.months + sign * b.months, a.days + sign * b.days, a.seconds + sign * b.seconds, a.nanos + sign * b.nanos);

/** `d * factor`; division is multiplication by the inverse, and by zero an error. */
export function scaleDuration(d: DurationValue, factor: number, divide: boolean): DurationValue {
  if (divide && factor === 0) throw temporalError("/", "cannot divide a duration by zero");
  const k = (x: number) => (divide ? x / factor : x * factor);
  return DurationValue.approximate(k(d.months), k(d.days), k(d.seconds), k(d.nanos));
}
