/** Dates from pages and feeds to the YYYY-MM-DD the pipeline stores. */

const LEADING_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const EARLIEST_YEAR = 1900;

function valid(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= EARLIEST_YEAR && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * "2024-03-05T23:30:00-05:00" → "2024-03-05": an ISO value keeps the date the
 * page wrote (its own time zone), not the UTC date. Other forms ("Tue, 05 Mar
 * 2024 10:00:00 GMT") and Date objects go through Date, in UTC. Null when the
 * value is not a real date.
 */
export function toIsoDate(value: string | Date | null | undefined): string | null {
  if (value == null) return null;
  if (typeof value === "string") {
    const m = LEADING_DATE.exec(value);
    if (m) return valid(+m[1]!, +m[2]!, +m[3]!) ? `${m[1]}-${m[2]}-${m[3]}` : null;
    value = new Date(value.trim());
  }
  if (Number.isNaN(value.getTime())) return null;
  const iso = value.toISOString().slice(0, 10);
  return value.getUTCFullYear() >= EARLIEST_YEAR ? iso : null;
}
