/**
 * duration.between(a, b) and its single-unit forms inMonths, inDays and
 * inSeconds. Whatever one value lacks it borrows from the other: a time of
 * day is taken on the other's date, a local value in the other's zone; two
 * values without a date differ by their times of day alone, and then have no
 * months or days between them. Months and days are counted on a's local
 * clock (b shown in a's zone), as java.time's `until` counts them; the rest
 * is the exact time left, in seconds and nanoseconds.
 */
import { NANOS_PER_SECOND, SECONDS_PER_DAY, civilOf, floorDiv, plusMonths } from "./calendar.ts";
import { DurationValue } from "./duration.ts";
import { temporalError } from "./temporal-error.ts";
import { DateTimeValue, Temporal, partsOf } from "./temporal-values.ts";
import { localInZone, placeInZone, zoneOf, type Zone } from "./zones.ts";

export type BetweenUnit = "between" | "inMonths" | "inDays" | "inSeconds";

interface Clock {
  epochDay: number;
  nanoOfDay: number;
}

/** Whole months from a to b, not counting a last month whose time of day is not reached. */
function monthsUntil(a: Clock, b: Clock): number {
  const end = civilOf(adjustedEndDay(a, b));
  const start = civilOf(a.epochDay);
  const packed = (c: { year: number; month: number; day: number }) => (c.year * 12 + c.month - 1) * 32 + c.day;
  return Math.trunc((packed(end) - packed(start)) / 32);
}

const daysUntil = (a: Clock, b: Clock): number => adjustedEndDay(a, b) - a.epochDay;

/** b's day, one day nearer to a when b's time of day has not yet caught up with a's. */
function adjustedEndDay(a: Clock, b: Clock): number {
  if (b.epochDay > a.epochDay && b.nanoOfDay < a.nanoOfDay) return b.epochDay - 1;
  if (b.epochDay < a.epochDay && b.nanoOfDay > a.nanoOfDay) return b.epochDay + 1;
  return b.epochDay;
}

/** b - a in seconds and nanoseconds. */
const clockDifference = (a: Clock, b: Clock): DurationValue =>
  new DurationValue(
    0,
    0,
    (b.epochDay - a.epochDay) * SECONDS_PER_DAY + floorDiv(b.nanoOfDay, NANOS_PER_SECOND) - floorDiv(a.nanoOfDay, NANOS_PER_SECOND),
    (b.nanoOfDay % NANOS_PER_SECOND) - (a.nanoOfDay % NANOS_PER_SECOND),
  );

export function durationBetween(a: Temporal, b: Temporal, unit: BetweenUnit): DurationValue {
  if (a.kind === "duration" || b.kind === "duration") throw temporalError(`duration.${unit}`, "expects two instants, dates or times, not durations");
  const pa = partsOf(a);
  const pb = partsOf(b);
  const dated = pa.epochDay !== undefined && pb.epochDay !== undefined;
  const zoneA = zoneOf(pa) ?? zoneOf(pb);
  const zoneB = zoneOf(pb) ?? zoneOf(pa);
  const start = { epochDay: pa.epochDay ?? pb.epochDay ?? 0, nanoOfDay: pa.nanoOfDay ?? 0 };
  const end = { epochDay: pb.epochDay ?? pa.epochDay ?? 0, nanoOfDay: pb.nanoOfDay ?? 0 };
  // The instants (as UTC clocks) when zoned; the local clocks otherwise.
  const instant = (c: Clock, zone: Zone | undefined, preferred: number | undefined): Clock => {
    if (!zone) return c;
    const placed = placeInZone(zone, c.epochDay, c.nanoOfDay, preferred);
    return new DateTimeValue(placed.epochDay, placed.nanoOfDay, placed.offsetSeconds, null).utc;
  };
  const startInstant = instant(start, zoneA, pa.offsetSeconds);
  const endInstant = instant(end, zoneB, pb.offsetSeconds);
  if (unit === "inSeconds" || (!dated && unit === "between")) return clockDifference(startInstant, endInstant);
  if (!dated) return new DurationValue(0, 0, 0, 0);
  const endOnStartClock = zoneA ? localInZone(zoneA, endInstant.epochDay, endInstant.nanoOfDay) : end;
  if (unit === "inDays") return new DurationValue(0, daysUntil(start, endOnStartClock), 0, 0);
  const months = monthsUntil(start, endOnStartClock);
  if (unit === "inMonths") return new DurationValue(months, 0, 0, 0);
  const afterMonths = { epochDay: plusMonths(start.epochDay, months), nanoOfDay: start.nanoOfDay };
  const days = daysUntil(afterMonths, endOnStartClock);
  const afterDays = { epochDay: afterMonths.epochDay + days, nanoOfDay: start.nanoOfDay };
  const rest = clockDifference(instant(afterDays, zoneA, pa.offsetSeconds), endInstant);
  return new DurationValue(months, days, rest.seconds, rest.nanos);
}
