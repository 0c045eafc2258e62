/**
 * Component access on temporal values (`d.year`, `t.offset`, `dur.minutesOfHour`),
 * as declarative tables: each kind lists the components it has, so a date has
 * no `hour` and asking for one is an error naming what it does have.
 */
import { NANOS_PER_SECOND, civilOf, dayOfQuarterOf, dayOfWeek, isoWeekOf, ordinalDayOf, quarterOf } from "./calendar.ts";
import { DurationValue } from "./duration.ts";
import { formatOffset } from "./format.ts";
import { temporalError } from "./temporal-error.ts";
import { DateTimeValue, Temporal, partsOf } from "./temporal-values.ts";

type Getter<T> = (t: T) => number | string;

const DATE: Record<string, Getter<number>> = {
  year: (d) => civilOf(d).year,
  quarter: (d) => quarterOf(civilOf(d).month),
  month: (d) => civilOf(d).month,
  week: (d) => isoWeekOf(d).week,
  weekYear: (d) => isoWeekOf(d).weekYear,
  day: (d) => civilOf(d).day,
  ordinalDay: ordinalDayOf,
  weekDay: dayOfWeek,
  dayOfWeek,
  dayOfQuarter: dayOfQuarterOf,
};

const TIME: Record<string, Getter<number>> = {
  hour: (n) => Math.floor(n / 3_600_000_000_000),
  minute: (n) => Math.floor(n / 60_000_000_000) % 60,
  second: (n) => Math.floor(n / NANOS_PER_SECOND) % 60,
  millisecond: (n) => Math.floor((n % NANOS_PER_SECOND) / 1_000_000),
  microsecond: (n) => Math.floor((n % NANOS_PER_SECOND) / 1000),
  nanosecond: (n) => n % NANOS_PER_SECOND,
};

const ZONE: Record<string, Getter<{ offsetSeconds: number; zone: string | null }>> = {
  timezone: (z) => z.zone ?? formatOffset(z.offsetSeconds),
  offset: (z) => formatOffset(z.offsetSeconds),
  offsetMinutes: (z) => Math.trunc(z.offsetSeconds / 60),
  offsetSeconds: (z) => z.offsetSeconds,
};

const INSTANT: Record<string, Getter<DateTimeValue>> = {
  epochSeconds: (t) => t.epochSeconds,
  epochMillis: (t) => t.epochSeconds * 1000 + Math.floor(t.utc.nanoOfDay % NANOS_PER_SECOND / 1_000_000),
};

const DURATION: Record<string, Getter<DurationValue>> = {
  years: (d) => Math.trunc(d.months / 12),
  quarters: (d) => Math.trunc(d.months / 3),
  months: (d) => d.months,
  weeks: (d) => Math.trunc(d.days / 7),
  days: (d) => d.days,
  hours: (d) => Math.trunc(d.seconds / 3600),
  minutes: (d) => Math.trunc(d.seconds / 60),
  seconds: (d) => d.seconds,
  milliseconds: (d) => d.seconds * 1000 + Math.floor(d.nanos / 1_000_000),
  microseconds: (d) => d.seconds * 1_000_000 + Math.floor(d.nanos / 1000),
  nanoseconds: (d) => d.seconds * NANOS_PER_SECOND + d.nanos,
  quartersOfYear: (d) => Math.trunc(d.months / 3) % 4,
  monthsOfQuarter: (d) => d.months % 3,
  monthsOfYear: (d) => d.months % 12,
  daysOfWeek: (d) => d.days % 7,
  minutesOfHour: (d) => Math.trunc(d.seconds / 60) % 60,
  secondsOfMinute: (d) => d.seconds % 60,
  millisecondsOfSecond: (d) => Math.floor(d.nanos / 1_000_000),
  microsecondsOfSecond: (d) => Math.floor(d.nanos / 1000),
  nanosecondsOfSecond: (d) => d.nanos,
};

/** The named component of a temporal value; an error for a component its kind lacks. */
export function temporalComponent(t: Temporal, key: string): number | string {
  if (t instanceof DurationValue) {
    if (Object.hasOwn(DURATION, key)) return DURATION[key](t);
  } else {
    const p = partsOf(t);
    if (p.epochDay !== undefined && Object.hasOwn(DATE, key)) return DATE[key](p.epochDay);
    if (p.nanoOfDay !== undefined && Object.hasOwn(TIME, key)) return TIME[key](p.nanoOfDay);
    if (p.offsetSeconds !== undefined && Object.hasOwn(ZONE, key)) return ZONE[key]({ offsetSeconds: p.offsetSeconds, zone: p.zone ?? null });
    if (t instanceof DateTimeValue && Object.hasOwn(INSTANT, key)) return INSTANT[key](t);
  }
  throw temporalError(`${t.kind}.${key}`, `a ${t.kind} has no component ${key}`);
}
