/**
 * The string forms openCypher prints for temporal values (ISO 8601, as Java's
 * java.time writes them): '2015-07-21', '12:31:14.645876123',
 * '+01:00' or 'Z', '1984-10-11T12:31:14+01:00[Europe/Stockholm]',
 * 'P1Y2M10DT12H45M30.25S'. Every constructor reads back what these write.
 */
import { NANOS_PER_SECOND, civilOf, floorDiv } from "./calendar.ts";

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** Four digits at least; a sign before years below 0 and above 9999. */
export function formatYear(year: number): string {
  if (year < 0) return `-${pad(-year, 4)}`;
  return year > 9999 ? `+${year}` : pad(year, 4);
}

export function formatDate(epochDay: number): string {
  const { year, month, day } = civilOf(epochDay);
  return `${formatYear(year)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** 'HH:MM', then ':SS' when seconds or a fraction are set; the fraction in groups of three digits. */
export function formatTime(nanoOfDay: number): string {
  const seconds = floorDiv(nanoOfDay, NANOS_PER_SECOND);
  const nanos = nanoOfDay - seconds * NANOS_PER_SECOND;
  const hhmm = `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}`;
  if (!nanos && !(seconds % 60)) return hhmm;
  return `${hhmm}:${pad(seconds % 60, 2)}${nanos ? `.${fractionGroups(nanos)}` : ""}`;
}

function fractionGroups(nanos: number): string {
  const digits = pad(nanos, 9);
  if (nanos % 1_000_000 === 0) return digits.slice(0, 3);
  return nanos % 1000 === 0 ? digits.slice(0, 6) : digits;
}

/** 'Z' for UTC, else '±HH:MM', with ':SS' only when the offset has seconds. */
export function formatOffset(offsetSeconds: number): string {
  if (offsetSeconds === 0) return "Z";
  const abs = Math.abs(offsetSeconds);
  const sign = offsetSeconds < 0 ? "-" : "+";
  const secs = abs % 60;
  return `${sign}${pad(Math.floor(abs / 3600), 2)}:${pad(Math.floor(abs / 60) % 60, 2)}${secs ? `:${pad(secs, 2)}` : ""}`;
}

/**
 * 'P…Y…M…DT…H…M…S': each component with its own sign, zero components left
 * out, 'PT0S' for nothing at all. Seconds and nanoseconds are stored with the
 * nanoseconds in [0, 1e9); printed, the fraction takes the sign of the whole
 * (seconds -1 and nanos 999000000 print as '-0.001S').
 */
export function formatDuration(months: number, days: number, seconds: number, nanos: number): string {
  const years = Math.trunc(months / 12);
  const restMonths = months % 12;
  let date = "";
  if (years) date += `${years}Y`;
  if (restMonths) date += `${restMonths}M`;
  if (days) date += `${days}D`;
  const negative = seconds < 0;
  const absSeconds = negative ? -seconds - (nanos > 0 ? 1 : 0) : seconds;
  const absNanos = negative && nanos > 0 ? NANOS_PER_SECOND - nanos : nanos;
  const sign = negative ? "-" : "";
  const hours = Math.floor(absSeconds / 3600);
  const minutes = Math.floor(absSeconds / 60) % 60;
  const secs = absSeconds % 60;
  let time = "";
  if (hours) time += `${sign}${hours}H`;
  if (minutes) time += `${sign}${minutes}M`;
  if (secs || absNanos) time += `${sign}${secs}${absNanos ? `.${pad(absNanos, 9).replace(/0+$/, "")}` : ""}S`;
  if (!date && !time) return "PT0S";
  return `P${date}${time ? `T${time}` : ""}`;
}
