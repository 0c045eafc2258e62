/**
 * date(), time(), localtime(), localdatetime() and datetime() from a map of
 * fields, optionally selecting from other temporal values: `date` (its date),
 * `time` (its time of day and zone), `datetime` (both). A `timezone` changes
 * the zone: a value that had one keeps its instant and shows it in the new
 * zone (`time({time: t, timezone: '+05:00'})` of 12:00+01:00 is 16:00+05:00);
 * one that had none is read in the new zone.
 */
import { NANOS_PER_DAY, NANOS_PER_SECOND, floorMod } from "./calendar.ts";
import { DATE_FIELDS, TIME_FIELDS, resolveDate, resolveTime, type Fields } from "./map-fields.ts";
import { temporalError } from "./temporal-error.ts";
import { DateTimeValue, DateValue, LocalDateTimeValue, LocalTimeValue, Temporal, TimeValue, partsOf, type TemporalKind, type TemporalParts } from "./temporal-values.ts";
import { UTC, localInZone, parseZone, placeInZone, zoneOf, zoneOffsetAt, type Zone } from "./zones.ts";

export type PointKind = Exclude<TemporalKind, "duration">;

const HAS_DATE: Record<PointKind, boolean> = { date: true, localtime: false, time: false, localdatetime: true, datetime: true };
const HAS_TIME: Record<PointKind, boolean> = { date: false, localtime: true, time: true, localdatetime: true, datetime: true };
const HAS_ZONE: Record<PointKind, boolean> = { date: false, localtime: false, time: true, localdatetime: false, datetime: true };

function allowedKeys(kind: PointKind): Set<string> {
  const keys = [...(HAS_DATE[kind] ? [...DATE_FIELDS, "date"] : []), ...(HAS_TIME[kind] ? [...TIME_FIELDS, "time"] : [])];
  if (HAS_DATE[kind] && HAS_TIME[kind]) keys.push("datetime");
  if (HAS_ZONE[kind]) keys.push("timezone");
  return new Set(keys);
}
const ALLOWED = Object.fromEntries((Object.keys(HAS_DATE) as PointKind[]).map((k) => [k, allowedKeys(k)])) as Record<PointKind, Set<string>>;

export function temporalFromMap(kind: PointKind, map: Record<string, unknown>, nowMs: number): Temporal {
  const fields: Fields = {};
  const selected: Record<string, TemporalParts> = {};
  let timezone: Zone | undefined;
  for (const [key, v] of Object.entries(map)) {
    if (!ALLOWED[kind].has(key)) throw temporalError(kind, `unknown field ${key} (expected ${[...ALLOWED[kind]].join(", ")})`);
    if (v === null || v === undefined) continue;
    if (key === "date" || key === "time" || key === "datetime") {
      if (!(v instanceof Temporal)) throw temporalError(kind, `${key} must be a temporal value`);
      selected[key] = partsOf(v);
      if (key !== "time" && selected[key].epochDay === undefined) throw temporalError(kind, `cannot select a date from a ${v.kind}`);
      if (key === "time" && selected[key].nanoOfDay === undefined) throw temporalError(kind, `cannot select a time from a ${v.kind}`);
    } else if (key === "timezone") {
      timezone = typeof v === "string" ? parseZone(v) : undefined;
      if (!timezone) throw temporalError(kind, `unknown time zone ${JSON.stringify(v)}`);
    } else {
      if (typeof v !== "number" || !Number.isInteger(v)) throw temporalError(kind, `${key} must be an integer`);
      fields[key] = v;
    }
  }
  // `date` and `time` win over the matching half of `datetime`.
  const dateBase = selected.date ?? selected.datetime;
  const timeBase = selected.time ?? selected.datetime;
  const epochDay = HAS_DATE[kind] ? resolveDate(kind, fields, dateBase?.epochDay) : 0;
  const nanoOfDay = HAS_TIME[kind] ? resolveTime(kind, fields, timeBase?.nanoOfDay) : 0;
  switch (kind) {
    case "date":
      return new DateValue(epochDay);
    case "localtime":
      return new LocalTimeValue(nanoOfDay);
    case "localdatetime":
      return new LocalDateTimeValue(epochDay, nanoOfDay);
    case "time":
      return zonedTime(nanoOfDay, timeBase && zoneOf(timeBase), timeBase?.offsetSeconds, timezone, nowMs);
    case "datetime":
      return zonedDateTime(epochDay, nanoOfDay, timeBase && zoneOf(timeBase), timeBase?.offsetSeconds, timezone);
  }
}

/** A zone's offset for a time of day without a date: a named zone's offset now. */
const offsetNow = (zone: Zone, nowMs: number): number => (zone.name === null ? zone.offsetSeconds : zoneOffsetAt(zone.name, Math.floor(nowMs / 1000)));

function zonedTime(nanoOfDay: number, baseZone: Zone | undefined, baseOffset: number | undefined, timezone: Zone | undefined, nowMs: number): TimeValue {
  if (!timezone) return new TimeValue(nanoOfDay, baseOffset ?? 0);
  const offset = offsetNow(timezone, nowMs);
  if (baseOffset === undefined || !baseZone) return new TimeValue(nanoOfDay, offset);
  return new TimeValue(floorMod(nanoOfDay + (offset - baseOffset) * NANOS_PER_SECOND, NANOS_PER_DAY), offset);
}

function zonedDateTime(epochDay: number, nanoOfDay: number, baseZone: Zone | undefined, baseOffset: number | undefined, timezone: Zone | undefined): DateTimeValue {
  if (timezone && baseZone) {
    const placed = placeInZone(baseZone, epochDay, nanoOfDay, baseOffset);
    const instant = new DateTimeValue(placed.epochDay, placed.nanoOfDay, placed.offsetSeconds, null).utc;
    return inZone(timezone, instant.epochDay, instant.nanoOfDay);
  }
  const zone = timezone ?? baseZone ?? UTC;
  const placed = placeInZone(zone, epochDay, nanoOfDay, baseOffset);
  return new DateTimeValue(placed.epochDay, placed.nanoOfDay, placed.offsetSeconds, zone.name);
}

/** The DateTime of an instant (UTC day and nanosecond) shown in a zone. */
export function inZone(zone: Zone, utcDay: number, utcNano: number): DateTimeValue {
  const local = localInZone(zone, utcDay, utcNano);
  return new DateTimeValue(local.epochDay, local.nanoOfDay, local.offsetSeconds, zone.name);
}
