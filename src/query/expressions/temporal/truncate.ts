/**
 * `date.truncate(unit, value[, fields])` and its siblings: the value cut down
 * to the start of its millennium, century, decade, year, weekYear, quarter,
 * month, week, day, hour, minute, second, millisecond or microsecond, then
 * adjusted by the optional fields as a constructor map would (`{day: 2}`,
 * `{nanosecond: 2}`). A `timezone` among the fields re-reads the truncated
 * local date and time in that zone rather than converting the instant.
 */
import { NANOS_PER_DAY, civilOf, dayOfWeek, epochDayOf, floorDiv, isoWeekOf, quarterOf, weekYearStart } from "./calendar.ts";
import { temporalFromMap, type PointKind } from "./from-map.ts";
import { temporalError } from "./temporal-error.ts";
import { DateTimeValue, LocalDateTimeValue, LocalTimeValue, Temporal, TimeValue, partsOf } from "./temporal-values.ts";
import { placeInZone, zoneOf } from "./zones.ts";

const DATE_UNITS: Record<string, (epochDay: number) => number> = {
  millennium: (d) => epochDayOf(floorDiv(civilOf(d).year, 1000) * 1000, 1, 1),
  century: (d) => epochDayOf(floorDiv(civilOf(d).year, 100) * 100, 1, 1),
  decade: (d) => epochDayOf(floorDiv(civilOf(d).year, 10) * 10, 1, 1),
  year: (d) => epochDayOf(civilOf(d).year, 1, 1),
  weekYear: (d) => weekYearStart(isoWeekOf(d).weekYear),
  quarter: (d) => {
    const { year, month } = civilOf(d);
    return epochDayOf(year, quarterOf(month) * 3 - 2, 1);
  },
  month: (d) => {
    const { year, month } = civilOf(d);
    return epochDayOf(year, month, 1);
  },
  week: (d) => d - dayOfWeek(d) + 1,
  day: (d) => d,
};

/** Length in nanoseconds of each unit that cuts a time of day. */
const TIME_UNITS: Record<string, number> = { day: NANOS_PER_DAY, hour: 3.6e12, minute: 6e10, second: 1e9, millisecond: 1e6, microsecond: 1e3 };

const HAS_DATE = new Set<PointKind>(["date", "localdatetime", "datetime"]);
const HAS_TIME = new Set<PointKind>(["localtime", "time", "localdatetime", "datetime"]);

export function truncateTemporal(kind: PointKind, unit: string, value: Temporal, fields: Record<string, unknown>, nowMs: number): Temporal {
  const fn = `${kind}.truncate`;
  const dateUnit = Object.hasOwn(DATE_UNITS, unit);
  if (!dateUnit && !Object.hasOwn(TIME_UNITS, unit)) throw temporalError(fn, `unknown unit ${JSON.stringify(unit)}`);
  if (!HAS_TIME.has(kind) && !dateUnit) throw temporalError(fn, `a ${kind} cannot be truncated to a ${unit}`);
  if (!HAS_DATE.has(kind) && dateUnit && unit !== "day") throw temporalError(fn, `a ${kind} cannot be truncated to a ${unit}`);
  const p = partsOf(value);
  if (value.kind === "duration" || (HAS_DATE.has(kind) && p.epochDay === undefined)) throw temporalError(fn, `cannot truncate a ${value.kind} to a ${kind}`);
  const nanoOfDay = p.nanoOfDay === undefined || dateUnit ? 0 : Math.floor(p.nanoOfDay / TIME_UNITS[unit]) * TIME_UNITS[unit];
  const epochDay = p.epochDay === undefined ? undefined : dateUnit ? DATE_UNITS[unit](p.epochDay) : p.epochDay;
  const keepZone = p.offsetSeconds !== undefined && (fields.timezone === undefined || fields.timezone === null);
  const base = truncatedBase(epochDay, nanoOfDay, keepZone ? p : undefined);
  const selector = kind === "date" ? "date" : HAS_DATE.has(kind) ? "datetime" : "time";
  return temporalFromMap(kind, { ...fields, [selector]: base }, nowMs);
}

/** The truncated fields as a value to select from: zoned like the input, or local when a new zone is to be applied. */
function truncatedBase(epochDay: number | undefined, nanoOfDay: number, zoned: { offsetSeconds?: number; zone?: string | null } | undefined): Temporal {
  if (epochDay === undefined) return zoned ? new TimeValue(nanoOfDay, zoned.offsetSeconds!) : new LocalTimeValue(nanoOfDay);
  if (!zoned) return new LocalDateTimeValue(epochDay, nanoOfDay);
  const zone = zoneOf(zoned)!;
  const placed = placeInZone(zone, epochDay, nanoOfDay, zoned.offsetSeconds);
  return new DateTimeValue(placed.epochDay, placed.nanoOfDay, placed.offsetSeconds, zoned.zone ?? null);
}
