/**
 * Equality, comparison, sort order and grouping keys of temporal values.
 * Values of one kind compare by where they are in time: times and datetimes
 * by their instant (12:00+01:00 equals 11:00Z), the rest by their fields.
 * Different kinds are never equal and do not compare (`<` gives null).
 * Durations are equal when all four components are, and never compare,
 * yet still sort (by components) so that ORDER BY is total.
 */
import { DurationValue } from "./duration.ts";
import { DateTimeValue, DateValue, LocalDateTimeValue, LocalTimeValue, Temporal, TimeValue, type TemporalKind } from "./temporal-values.ts";

/** Sort order of the kinds among themselves, as openCypher's global order lists them. */
export const KIND_ORDER: Record<TemporalKind, number> = { datetime: 0, localdatetime: 1, date: 2, time: 3, localtime: 4, duration: 5 };

/** The numbers a value is compared by, most significant first. */
function sortKey(t: Temporal): number[] {
  if (t instanceof DateValue) return [t.epochDay];
  if (t instanceof LocalTimeValue) return [t.nanoOfDay];
  if (t instanceof TimeValue) return [t.utcNanos];
  if (t instanceof LocalDateTimeValue) return [t.epochDay, t.nanoOfDay];
  if (t instanceof DateTimeValue) {
    const { epochDay, nanoOfDay } = t.utc;
    return [epochDay, nanoOfDay];
  }
  const d = t as DurationValue;
  return [d.months, d.days, d.seconds, d.nanos];
}

function lexicographic(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/** `<` family: negative, zero or positive; null across kinds and for durations. */
export function compareTemporal(a: Temporal, b: Temporal): number | null {
  if (a.kind !== b.kind || a.kind === "duration") return null;
  return lexicographic(sortKey(a), sortKey(b));
}

export const equalTemporal = (a: Temporal, b: Temporal): boolean => a.kind === b.kind && lexicographic(sortKey(a), sortKey(b)) === 0;

/** Total order for ORDER BY: by kind, then by value. */
export function orderTemporal(a: Temporal, b: Temporal): number {
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  return lexicographic(sortKey(a), sortKey(b));
}

/** DISTINCT and grouping key: equal values, equal keys. */
export const temporalKey = (t: Temporal): string => `${t.kind}(${sortKey(t).join(",")})`;
