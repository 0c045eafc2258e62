/**
 * openCypher's Duration: months, days, seconds and nanoseconds kept apart,
 * because a month has no fixed number of days nor a day a fixed number of
 * seconds (daylight saving). Nanoseconds are kept in [0, 1e9), the sign in
 * the seconds. Fractions given to duration() or produced by * and / cascade
 * down: a month is 2,629,746 s on average (365.2425 / 12 days), a day 86,400 s.
 */
import { NANOS_PER_SECOND, SECONDS_PER_DAY, floorDiv } from "./calendar.ts";
import { formatDuration } from "./format.ts";
import { Temporal } from "./temporal-values.ts";

export const AVERAGE_SECONDS_PER_MONTH = 2_629_746;

export class DurationValue extends Temporal {
  readonly kind = "duration";
  readonly months: number;
  readonly days: number;
  readonly seconds: number;
  readonly nanos: number;

  /** Whole-number components; nanoseconds outside [0, 1e9) carry into the seconds. */
  constructor(months: number, days: number, seconds: number, nanos: number) {
    super();
    const carry = floorDiv(nanos, NANOS_PER_SECOND);
    this.months = months + 0;
    this.days = days + 0;
    this.seconds = seconds + carry + 0;
    this.nanos = nanos - carry * NANOS_PER_SECOND + 0;
  }

  /**
   * Components that may have fractions: each fraction moves to the next
   * smaller unit (truncating toward zero, as openCypher does), and what is
   * left below a nanosecond is dropped. Differences are taken before
   * scaling so that whole results stay exact (0.5 month + 7 days = 22 days
   * and 18,873 s, not 18,872.99…).
   */
  static approximate(months: number, days: number, seconds: number, nanos: number): DurationValue {
    const wholeMonths = Math.trunc(months);
    const monthRestSeconds = (months - wholeMonths) * AVERAGE_SECONDS_PER_MONTH;
    const wholeDays = Math.trunc(days + monthRestSeconds / SECONDS_PER_DAY);
    const allSeconds = seconds + (days - wholeDays) * SECONDS_PER_DAY + monthRestSeconds;
    const wholeSeconds = Math.trunc(allSeconds);
    // Truncated like the rest, after rounding away the binary noise of decimal fractions (0.1 s is 99,999,999.99… ns).
    const allNanos = Math.trunc(Math.round((nanos + (allSeconds - wholeSeconds) * NANOS_PER_SECOND) * 1000) / 1000);
    return new DurationValue(wholeMonths, wholeDays, wholeSeconds, allNanos);
  }

  override toString(): string {
    return formatDuration(this.months, this.days, this.seconds, this.nanos);
  }
}
