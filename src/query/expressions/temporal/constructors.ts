/**
 * One constructor per temporal kind — date(), localtime(), time(),
 * localdatetime(), datetime(), duration() — and what each accepts: nothing
 * (the statement's clock), an ISO 8601 string, a map of fields, or another
 * temporal value to convert (a datetime's date, a date's midnight…).
 */
import { NANOS_PER_DAY, floorDiv } from "./calendar.ts";
import { DurationValue } from "./duration.ts";
import { durationFromMap } from "./duration-map.ts";
import { inZone, temporalFromMap, type PointKind } from "./from-map.ts";
import { parseDuration } from "./parse-duration.ts";
import { parseTemporalText } from "./parse-text.ts";
import { temporalError } from "./temporal-error.ts";
import { DateTimeValue, DateValue, LocalDateTimeValue, LocalTimeValue, Temporal, TimeValue } from "./temporal-values.ts";
import { UTC, parseZone, placeInZone, zoneOffsetAt, type Zone } from "./zones.ts";

const SELECTOR: Record<PointKind, string> = { date: "date", localtime: "time", time: "time", localdatetime: "datetime", datetime: "datetime" };
const SHAPE: Record<PointKind, { date: boolean; time: boolean; zone: boolean }> = {
  date: { date: true, time: false, zone: false },
  localtime: { date: false, time: true, zone: false },
  time: { date: false, time: true, zone: true },
  localdatetime: { date: true, time: true, zone: false },
  datetime: { date: true, time: true, zone: true },
};

const isPlainMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** The value of a kind at an instant (epoch milliseconds), shown in a zone (default UTC). */
export function temporalAt(kind: PointKind, nowMs: number, zone: Zone = UTC): Temporal {
  const utcDay = floorDiv(nowMs, 86_400_000);
  const utcNano = (nowMs - utcDay * 86_400_000) * 1e6;
  const here = inZone(zone, utcDay, utcNano);
  switch (kind) {
    case "date":
      return new DateValue(here.epochDay);
    case "localtime":
      return new LocalTimeValue(here.nanoOfDay);
    case "time":
      return new TimeValue(here.nanoOfDay, here.offsetSeconds);
    case "localdatetime":
      return new LocalDateTimeValue(here.epochDay, here.nanoOfDay);
    case "datetime":
      return here;
  }
}

/** date(x), time(x), …: x absent, a string, a map or a temporal value. */
export function constructTemporal(kind: PointKind, arg: unknown, nowMs: number): Temporal {
  if (arg === undefined) return temporalAt(kind, nowMs);
  if (typeof arg === "string") return fromText(kind, arg, nowMs);
  if (arg instanceof Temporal) {
    if (arg instanceof DurationValue) throw temporalError(kind, "cannot convert a duration");
    return temporalFromMap(kind, { [SELECTOR[kind]]: arg }, nowMs);
  }
  if (isPlainMap(arg)) {
    const keys = Object.keys(arg);
    // {timezone: 'Europe/Stockholm'} alone: the current time there.
    if (keys.length === 1 && keys[0] === "timezone" && typeof arg.timezone === "string") {
      const zone = parseZone(arg.timezone);
      if (!zone) throw temporalError(kind, `unknown time zone ${JSON.stringify(arg.timezone)}`);
      return temporalAt(kind, nowMs, zone);
    }
    return temporalFromMap(kind, arg, nowMs);
  }
  throw temporalError(kind, "expects a string, a map or a temporal value");
}

function fromText(kind: PointKind, text: string, nowMs: number): Temporal {
  const p = parseTemporalText(kind, text, SHAPE[kind]);
  const epochDay = p.epochDay ?? 0;
  const nanoOfDay = p.nanoOfDay ?? 0;
  switch (kind) {
    case "date":
      return new DateValue(epochDay);
    case "localtime":
      return new LocalTimeValue(nanoOfDay);
    case "localdatetime":
      return new LocalDateTimeValue(epochDay, nanoOfDay);
    case "time": {
      const zone = p.zone ?? UTC;
      return new TimeValue(nanoOfDay, zone.name === null ? zone.offsetSeconds : zoneOffsetAt(zone.name, Math.floor(nowMs / 1000)));
    }
    case "datetime": {
      const zone = p.zone ?? UTC;
      const placed = placeInZone(zone, epochDay, nanoOfDay, p.offsetSeconds);
      return new DateTimeValue(placed.epochDay, placed.nanoOfDay, placed.offsetSeconds, zone.name);
    }
  }
}

/** duration(x): an ISO 8601 string, a map of units, or a duration. */
export function constructDuration(arg: unknown): DurationValue {
  if (typeof arg === "string") return parseDuration(arg);
  if (arg instanceof DurationValue) return arg;
  if (isPlainMap(arg)) return durationFromMap(arg);
  throw temporalError("duration", "expects a string or a map");
}

/** datetime.fromepoch(seconds, nanoseconds) and datetime.fromepochmillis(ms), in UTC. */
export function datetimeFromEpoch(seconds: number, nanos: number): DateTimeValue {
  if (!Number.isFinite(seconds) || !Number.isFinite(nanos)) throw temporalError("datetime.fromepoch", "expects numbers");
  const utcDay = floorDiv(seconds, 86_400);
  const nanoOfDay = (seconds - utcDay * 86_400) * 1e9 + nanos;
  const carry = floorDiv(nanoOfDay, NANOS_PER_DAY);
  return inZone(UTC, utcDay + carry, nanoOfDay - carry * NANOS_PER_DAY);
}
