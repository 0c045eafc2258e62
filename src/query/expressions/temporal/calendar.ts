/**
 * Proleptic Gregorian calendar arithmetic on epoch days (days since
 * 1970-01-01, negative before): civil dates, ISO weeks, quarters, ordinal
 * days. Plain integer math on doubles, exact for the ±999,999,999 years
 * openCypher allows, and independent of JavaScript's Date (which stops at
 * ±275,760 years and knows no week dates).
 */

export const SECONDS_PER_DAY = 86_400;
export const NANOS_PER_SECOND = 1_000_000_000;
export const NANOS_PER_DAY = SECONDS_PER_DAY * NANOS_PER_SECOND;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Floor division and its remainder, for negative operands too. */
export const floorDiv = (a: number, b: number): number => Math.floor(a / b);
export const floorMod = (a: number, b: number): number => a - Math.floor(a / b) * b;

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const daysInMonth = (y: number, m: number): number => (m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]);

/** Days since 1970-01-01 of a civil date (400-year eras of 146,097 days, years starting in March). */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The civil date of an epoch day (the inverse of epochDayOf). */
export function civilOf(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = floorDiv(z, 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO day of the week: Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
export const dayOfWeek = (epochDay: number): number => floorMod(epochDay + 3, 7) + 1;

export const ordinalDayOf = (epochDay: number): number => epochDay - epochDayOf(civilOf(epochDay).year, 1, 1) + 1;

export const quarterOf = (month: number): number => Math.ceil(month / 3);

export const dayOfQuarterOf = (epochDay: number): number => {
  const { year, month } = civilOf(epochDay);
  return epochDay - epochDayOf(year, (quarterOf(month) - 1) * 3 + 1, 1) + 1;
};

/** Monday of ISO week 1 of a week-based year: the week holding January 4th. */
export function weekYearStart(weekYear: number): number {
  const jan4 = epochDayOf(weekYear, 1, 4);
  return jan4 - (dayOfWeek(jan4) - 1);
}

export const weeksInWeekYear = (weekYear: number): number => (weekYearStart(weekYear + 1) - weekYearStart(weekYear)) / 7;

/** The ISO week-based year and week number of a day. */
export function isoWeekOf(epochDay: number): { weekYear: number; week: number } {
  let weekYear = civilOf(epochDay).year;
  if (epochDay >= weekYearStart(weekYear + 1)) weekYear++;
  else if (epochDay < weekYearStart(weekYear)) weekYear--;
  return { weekYear, week: Math.floor((epochDay - weekYearStart(weekYear)) / 7) + 1 };
}

/** Adds months to a civil date, clamping the day to the new month's length (Jan 31 + 1 month = Feb 28/29). */
export function plusMonths(epochDay: number, months: number): number {
  if (!months) return epochDay;
  const { year, month, day } = civilOf(epochDay);
  const total = year * 12 + (month - 1) + months;
  const y = floorDiv(total, 12);
  const m = floorMod(total, 12) + 1;
  return epochDayOf(y, m, Math.min(day, daysInMonth(y, m)));
}
