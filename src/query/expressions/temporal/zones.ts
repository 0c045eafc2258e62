/**
 * Time zones: fixed offsets ('+01:00', '-0230', 'Z') and IANA names
 * ('Europe/Stockholm'), whose offset at an instant comes from the platform's
 * own tz database through Intl.DateTimeFormat (Node ships full ICU), so no
 * zone data is bundled here. A local date and time is placed in a named zone
 * as java.time does: in an overlap the earlier offset (unless the caller
 * prefers another valid one), in a gap the time moves forward by the gap.
 */
import { NANOS_PER_SECOND, SECONDS_PER_DAY, epochDayOf, floorDiv } from "./calendar.ts";

/** A zone as a value: a fixed offset in seconds, or a named zone. */
export type Zone = { offsetSeconds: number; name: null } | { offsetSeconds?: undefined; name: string };

export const UTC: Zone = { offsetSeconds: 0, name: null };

/** The zone a value is in, from its offset and zone name (undefined for a local value). */
export const zoneOf = (p: { offsetSeconds?: number; zone?: string | null }): Zone | undefined =>
  p.offsetSeconds === undefined ? undefined : p.zone ? { name: p.zone } : { offsetSeconds: p.offsetSeconds, name: null };

const OFFSET = /^([+-])(\d{2})(?::?(\d{2})(?::?(\d{2}))?)?$/;
const MAX_OFFSET = 18 * 3600;

/** Seconds of a '+HH[:MM[:SS]]' offset or 'Z'; undefined for anything else. */
export function parseOffset(text: string): number | undefined {
  if (text === "Z" || text === "z") return 0;
  const m = OFFSET.exec(text);
  if (!m) return undefined;
  const seconds = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  if (seconds > MAX_OFFSET || Number(m[3] ?? 0) > 59 || Number(m[4] ?? 0) > 59) return undefined;
  return m[1] === "-" ? -seconds : seconds;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterOf(name: string): Intl.DateTimeFormat | null {
  let f = formatters.get(name);
  if (f !== undefined) return f;
  try {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: name, hourCycle: "h23", era: "short",
      year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
  } catch {
    f = null; // RangeError: not a zone the tz database knows
  }
  if (formatters.size < 1000) formatters.set(name, f);
  return f;
}

/** A zone from an offset string or an IANA name; undefined when it is neither. */
export function parseZone(text: string): Zone | undefined {
  const offset = parseOffset(text);
  if (offset !== undefined) return { offsetSeconds: offset, name: null };
  return /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(text) && formatterOf(text) ? { name: text } : undefined;
}

/** JavaScript dates reach ±8.64e15 ms; beyond that the nearest representable offset stands in. */
const MAX_DATE_SECONDS = 8.64e12;

/** Offset (seconds east of UTC) of a named zone at an instant given in epoch seconds. */
export function zoneOffsetAt(name: string, epochSeconds: number): number {
  const seconds = Math.max(-MAX_DATE_SECONDS, Math.min(MAX_DATE_SECONDS, epochSeconds));
  const parts: Record<string, string> = {};
  for (const p of formatterOf(name)!.formatToParts(new Date(seconds * 1000))) parts[p.type] = p.value;
  const year = parts.era === "BC" || parts.era === "B" ? 1 - Number(parts.year) : Number(parts.year);
  const wall = epochDayOf(year, Number(parts.month), Number(parts.day)) * SECONDS_PER_DAY + Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
  return wall - Math.floor(seconds);
}

/** A local date and time placed in a zone: the offset in force, and the local time (moved forward out of a gap). */
export function placeInZone(zone: Zone, epochDay: number, nanoOfDay: number, preferredOffset?: number): { epochDay: number; nanoOfDay: number; offsetSeconds: number } {
  if (zone.name === null) return { epochDay, nanoOfDay, offsetSeconds: zone.offsetSeconds };
  const local = epochDay * SECONDS_PER_DAY + floorDiv(nanoOfDay, NANOS_PER_SECOND);
  const before = zoneOffsetAt(zone.name, local - SECONDS_PER_DAY);
  const after = zoneOffsetAt(zone.name, local + SECONDS_PER_DAY);
  const valid = [preferredOffset, Math.max(before, after), Math.min(before, after)].filter(
    (o): o is number => o !== undefined && zoneOffsetAt(zone.name, local - o) === o,
  );
  if (valid.length) return { epochDay, nanoOfDay, offsetSeconds: valid[0] };
  // In a gap: the instant the offset before the transition gives, shown with the offset after it.
  const shift = after - before;
  const nanos = nanoOfDay + shift * NANOS_PER_SECOND;
  const carry = floorDiv(nanos, SECONDS_PER_DAY * NANOS_PER_SECOND);
  return { epochDay: epochDay + carry, nanoOfDay: nanos - carry * SECONDS_PER_DAY * NANOS_PER_SECOND, offsetSeconds: after };
}

/** The local date and time in a zone of an instant given as a UTC day and nanosecond of day. */
export function localInZone(zone: Zone, utcDay: number, utcNano: number): { epochDay: number; nanoOfDay: number; offsetSeconds: number } {
  const offsetSeconds = zone.name === null ? zone.offsetSeconds : zoneOffsetAt(zone.name, utcDay * SECONDS_PER_DAY + floorDiv(utcNano, NANOS_PER_SECOND));
  const nanos = utcNano + offsetSeconds * NANOS_PER_SECOND;
  const carry = floorDiv(nanos, SECONDS_PER_DAY * NANOS_PER_SECOND);
  return { epochDay: utcDay + carry, nanoOfDay: nanos - carry * SECONDS_PER_DAY * NANOS_PER_SECOND, offsetSeconds };
}
