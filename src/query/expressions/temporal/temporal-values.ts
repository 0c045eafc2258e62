/**
 * The five instant-like temporal values of openCypher, as immutable records of
 * integers: a date is an epoch day, a time of day is nanoseconds since
 * midnight (< 8.64e13, exact in a double), an offset is seconds east of UTC.
 * A DateTime keeps its local fields, the offset in force there and, when it
 * was given one, the IANA zone name. Durations live in duration.ts.
 */
import { NANOS_PER_DAY, NANOS_PER_SECOND, SECONDS_PER_DAY, floorDiv } from "./calendar.ts";
import { formatDate, formatOffset, formatTime } from "./format.ts";

export type TemporalKind = "date" | "localtime" | "time" | "localdatetime" | "datetime" | "duration";

/** Base of every temporal value; JSON.stringify writes the openCypher string form. */
export abstract class Temporal {
  abstract readonly kind: TemporalKind;
  toJSON(): string {
    return this.toString();
  }
}

export class DateValue extends Temporal {
  readonly kind = "date";
  constructor(readonly epochDay: number) {
    super();
  }
  override toString(): string {
    return formatDate(this.epochDay);
  }
}

export class LocalTimeValue extends Temporal {
  readonly kind = "localtime";
  constructor(readonly nanoOfDay: number) {
    super();
  }
  override toString(): string {
    return formatTime(this.nanoOfDay);
  }
}

export class TimeValue extends Temporal {
  readonly kind = "time";
  constructor(
    readonly nanoOfDay: number,
    readonly offsetSeconds: number,
  ) {
    super();
  }
  /** Nanoseconds since UTC midnight, unwrapped (may fall outside one day): what times are compared by. */
  get utcNanos(): number {
    return this.nanoOfDay - this.offsetSeconds * NANOS_PER_SECOND;
  }
  override toString(): string {
    return formatTime(this.nanoOfDay) + formatOffset(this.offsetSeconds);
  }
}

export class LocalDateTimeValue extends Temporal {
  readonly kind = "localdatetime";
  constructor(
    readonly epochDay: number,
    readonly nanoOfDay: number,
  ) {
    super();
  }
  override toString(): string {
    return `${formatDate(this.epochDay)}T${formatTime(this.nanoOfDay)}`;
  }
}

export class DateTimeValue extends Temporal {
  readonly kind = "datetime";
  constructor(
    readonly epochDay: number,
    readonly nanoOfDay: number,
    readonly offsetSeconds: number,
    /** IANA name when the value was made in a named zone; null for a fixed offset. */
    readonly zone: string | null,
  ) {
    super();
  }
  /** The instant as a UTC day and nanosecond of that day: exact where epoch nanoseconds would not be. */
  get utc(): { epochDay: number; nanoOfDay: number } {
    const nanos = this.nanoOfDay - this.offsetSeconds * NANOS_PER_SECOND;
    const carry = floorDiv(nanos, NANOS_PER_DAY);
    return { epochDay: this.epochDay + carry, nanoOfDay: nanos - carry * NANOS_PER_DAY };
  }
  /** Whole seconds since 1970-01-01T00:00Z. */
  get epochSeconds(): number {
    const { epochDay, nanoOfDay } = this.utc;
    return epochDay * SECONDS_PER_DAY + floorDiv(nanoOfDay, NANOS_PER_SECOND);
  }
  override toString(): string {
    return `${formatDate(this.epochDay)}T${formatTime(this.nanoOfDay)}${formatOffset(this.offsetSeconds)}${this.zone ? `[${this.zone}]` : ""}`;
  }
}

/** Where a temporal value stands: its date, its time of day and its zone, each when it has one. */
export interface TemporalParts {
  epochDay?: number;
  nanoOfDay?: number;
  offsetSeconds?: number;
  zone?: string | null;
}

export function partsOf(t: Temporal): TemporalParts {
  if (t instanceof DateValue) return { epochDay: t.epochDay };
  if (t instanceof LocalTimeValue) return { nanoOfDay: t.nanoOfDay };
  if (t instanceof TimeValue) return { nanoOfDay: t.nanoOfDay, offsetSeconds: t.offsetSeconds, zone: null };
  if (t instanceof LocalDateTimeValue) return { epochDay: t.epochDay, nanoOfDay: t.nanoOfDay };
  if (t instanceof DateTimeValue) return { epochDay: t.epochDay, nanoOfDay: t.nanoOfDay, offsetSeconds: t.offsetSeconds, zone: t.zone };
  return {};
}
