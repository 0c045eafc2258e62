/**
 * Parley's relationships say when a relation was first and last reported as
 * `firstSeen`/`lastSeen` attributes holding 'YYYY-MM-DD' strings. The
 * console presents those two as openCypher dates, so that
 * `WHERE r.firstSeen >= date('2025-03-01')` compares days, not text; JSON
 * output writes a date back as the same 'YYYY-MM-DD' string. Anything else
 * stored there (null, '', a malformed day) is left as it is. Graphs indexed
 * with properties "stored" (the TCK's) are not Parley's and keep their values.
 */
import { DateValue, parseDateText } from "../expressions/temporal/index.ts";

const DATE_PROPERTIES = ["firstSeen", "lastSeen"] as const;

/** Replaces the date strings of a relationship's own property object (a fresh copy) by dates. */
export function presentParleyDates(props: Record<string, unknown>): Record<string, unknown> {
  for (const key of DATE_PROPERTIES) {
    const v = props[key];
    if (typeof v !== "string") continue;
    const epochDay = parseDateText(v);
    if (epochDay !== undefined) props[key] = new DateValue(epochDay);
  }
  return props;
}
