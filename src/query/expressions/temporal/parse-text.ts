/**
 * Temporal values from ISO 8601 text, in the forms openCypher reads:
 * dates '2015-07-21', '20150721', '2015-07', '2015-W30-2', '2015W302',
 * '2015-202', '2015', '+999999999-12-31'; times '21:40:32.142', '214032',
 * '21:40', '21' with an optional offset ('Z', '+01:00', '+0100', '+01') and,
 * for datetimes, a zone name in brackets; datetimes join the two with 'T'.
 * The result is the fields found, for the constructors to assemble.
 */
import { daysInMonth, epochDayOf, isLeapYear, weekYearStart, weeksInWeekYear } from "./calendar.ts";
import { temporalError } from "./temporal-error.ts";
import { parseOffset, parseZone, type Zone } from "./zones.ts";

export interface ParsedText {
  epochDay?: number;
  nanoOfDay?: number;
  /** The zone written in the text (an offset, a bracketed name, or both: then the name, preferring that offset). */
  zone?: Zone;
  offsetSeconds?: number;
}

export interface TextShape {
  date: boolean;
  time: boolean;
  zone: boolean;
}

const DATE = /^(\d{4}|[+-]\d{4,9})(?:-?W(\d{2})(?:-?(\d))?|-?(\d{3})|-?(\d{2})(?:-?(\d{2}))?)?$/;
const TIME = /^(\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?(.*)$/;
const ZONE = /^(Z|[+-][\d:]+)?(?:\[([^\]]+)\])?$/;

/** Parses text of the given shape (date part, time part, zone allowed) or throws an ArgumentError naming fn. */
export function parseTemporalText(fn: string, text: string, shape: TextShape): ParsedText {
  const bad = (why: string) => temporalError(fn, `cannot read ${JSON.stringify(text)} as a ${fn}: ${why}`);
  const t = text.trim();
  const split = shape.date ? t.search(/T/i) : 0;
  const datePart = shape.date ? (split < 0 ? t : t.slice(0, split)) : "";
  const timePart = shape.date ? (split < 0 ? "" : t.slice(split + 1)) : t;
  if (!shape.time && split >= 0) throw bad("expected a date without a time");
  const out: ParsedText = {};
  if (shape.date) out.epochDay = parseDate(datePart, bad);
  if (!shape.time) return out;
  if (!timePart) {
    if (!shape.date) throw bad("expected a time such as 12:31:14");
    out.nanoOfDay = 0;
    return out;
  }
  const m = TIME.exec(timePart);
  if (!m) throw bad("expected a time such as 12:31:14.645");
  const [hour, minute, second] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) throw bad("hour, minute or second out of range");
  out.nanoOfDay = ((hour * 60 + minute) * 60 + second) * 1e9 + Number((m[4] ?? "").padEnd(9, "0"));
  if (m[5]) {
    const z = ZONE.exec(m[5]);
    if (!z || !shape.zone) throw bad(shape.zone ? "expected an offset such as +01:00 or a zone such as [Europe/Stockholm]" : "a local value takes no time zone");
    if (z[1] !== undefined) {
      const offset = parseOffset(z[1]);
      if (offset === undefined) throw bad(`${z[1]} is not an offset`);
      out.offsetSeconds = offset;
      out.zone = { offsetSeconds: offset, name: null };
    }
    if (z[2] !== undefined) {
      const named = parseZone(z[2]);
      if (!named) throw bad(`unknown time zone ${z[2]}`);
      out.zone = named;
    }
  }
  return out;
}

function parseDate(text: string, bad: (why: string) => Error): number {
  const m = DATE.exec(text);
  if (!m) throw bad("expected a date such as 2015-07-21, 2015-W30-2 or 2015-202");
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const week = Number(m[2]);
    const day = Number(m[3] ?? 1);
    if (week < 1 || week > weeksInWeekYear(year) || day < 1 || day > 7) throw bad("week or day of week out of range");
    return weekYearStart(year) + (week - 1) * 7 + day - 1;
  }
  if (m[4] !== undefined) {
    const ordinal = Number(m[4]);
    if (ordinal < 1 || ordinal > (isLeapYear(year) ? 366 : 365)) throw bad("day of year out of range");
    return epochDayOf(year, 1, 1) + ordinal - 1;
  }
  const month = Number(m[5] ?? 1);
  const day = Number(m[6] ?? 1);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw bad("month or day out of range");
  return epochDayOf(year, month, day);
}

/** A date from exactly 'YYYY-MM-DD' text, or undefined (for data that only may hold dates). */
export function parseDateText(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const [year, month, day] = text.split("-").map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? epochDayOf(year, month, day) : undefined;
}
