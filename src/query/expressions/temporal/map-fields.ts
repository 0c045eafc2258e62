/**
 * The date and time fields of a constructor map, resolved against an optional
 * base value (`date({date: other, day: 5})` keeps other's year and month).
 * Which calendar the date fields speak decides how the rest is filled in:
 * week (weekYear/week/dayOfWeek), ordinal (year/ordinalDay), quarter
 * (year/quarter/dayOfQuarter) or months (year/month/day). A sub-second field
 * replaces only its own digits: truncating to milliseconds and setting
 * `nanosecond: 2` gives .645000002.
 */
import {
  civilOf, dayOfQuarterOf, dayOfWeek, daysInMonth, epochDayOf, isLeapYear, isoWeekOf, quarterOf, weekYearStart, weeksInWeekYear,
  NANOS_PER_SECOND,
} from "./calendar.ts";
import { temporalError } from "./temporal-error.ts";

/** Field name → whole number, as read from the map (absent fields are missing). */
export type Fields = Partial<Record<string, number>>;

export const DATE_FIELDS = ["year", "month", "day", "week", "weekYear", "dayOfWeek", "quarter", "dayOfQuarter", "ordinalDay"];
export const TIME_FIELDS = ["hour", "minute", "second", "millisecond", "microsecond", "nanosecond"];

function checked(fn: string, name: string, value: number, min: number, max: number): number {
  if (value < min || value > max) throw temporalError(fn, `${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** The epoch day the fields name, filling gaps from the base day (or the start of the year/week/quarter without one). */
export function resolveDate(fn: string, f: Fields, base: number | undefined): number {
  const civil = base === undefined ? undefined : civilOf(base);
  const need = (v: number | undefined, name: string): number => {
    if (v === undefined) throw temporalError(fn, `a map needs ${name} (or a date to select from)`);
    return v;
  };
  if (f.week !== undefined || f.dayOfWeek !== undefined || f.weekYear !== undefined) {
    const iso = base === undefined ? undefined : isoWeekOf(base);
    const weekYear = need(f.weekYear ?? f.year ?? iso?.weekYear, "year");
    const week = checked(fn, "week", f.week ?? iso?.week ?? 1, 1, weeksInWeekYear(weekYear));
    const day = checked(fn, "dayOfWeek", f.dayOfWeek ?? (base === undefined ? 1 : dayOfWeek(base)), 1, 7);
    return weekYearStart(weekYear) + (week - 1) * 7 + day - 1;
  }
  const year = need(f.year ?? civil?.year, "year");
  if (f.ordinalDay !== undefined) return epochDayOf(year, 1, 1) + checked(fn, "ordinalDay", f.ordinalDay, 1, isLeapYear(year) ? 366 : 365) - 1;
  if (f.quarter !== undefined || f.dayOfQuarter !== undefined) {
    const quarter = checked(fn, "quarter", f.quarter ?? quarterOf(civil?.month ?? 1), 1, 4);
    const start = epochDayOf(year, quarter * 3 - 2, 1);
    const length = epochDayOf(quarter === 4 ? year + 1 : year, quarter === 4 ? 1 : quarter * 3 + 1, 1) - start;
    return start + checked(fn, "dayOfQuarter", f.dayOfQuarter ?? (base === undefined ? 1 : dayOfQuarterOf(base)), 1, length) - 1;
  }
  const month = checked(fn, "month", f.month ?? civil?.month ?? 1, 1, 12);
  return epochDayOf(year, month, checked(fn, "day", f.day ?? civil?.day ?? 1, 1, daysInMonth(year, month)));
}

/** Nanoseconds since midnight the fields name, filling gaps from the base time of day (or zero). */
export function resolveTime(fn: string, f: Fields, base: number | undefined): number {
  const b = base ?? 0;
  const baseSecond = Math.floor(b / NANOS_PER_SECOND);
  const hour = checked(fn, "hour", f.hour ?? Math.floor(baseSecond / 3600), 0, 23);
  const minute = checked(fn, "minute", f.minute ?? Math.floor(baseSecond / 60) % 60, 0, 59);
  const second = checked(fn, "second", f.second ?? baseSecond % 60, 0, 59);
  return ((hour * 60 + minute) * 60 + second) * NANOS_PER_SECOND + fraction(fn, f, b % NANOS_PER_SECOND);
}

/** Nanoseconds of the second: a lone field of its full size is the whole fraction; otherwise each replaces its digits. */
function fraction(fn: string, f: Fields, base: number): number {
  const { millisecond: ms, microsecond: us, nanosecond: ns } = f;
  if (ms === undefined && us === undefined && ns === undefined) return base;
  if (ms === undefined && us === undefined && ns! >= 1000) return checked(fn, "nanosecond", ns!, 0, 999_999_999);
  if (ms === undefined && us !== undefined && us >= 1000) return checked(fn, "microsecond", us, 0, 999_999) * 1000 + checked(fn, "nanosecond", ns ?? 0, 0, 999);
  const milli = checked(fn, "millisecond", ms ?? Math.floor(base / 1_000_000), 0, 999);
  const micro = checked(fn, "microsecond", us ?? Math.floor(base / 1000) % 1000, 0, 999);
  return milli * 1_000_000 + micro * 1000 + checked(fn, "nanosecond", ns ?? base % 1000, 0, 999);
}
