/**
 * Calendar dates as `YYYY-MM-DD` strings, computed from the year/month/day
 * numbers alone, so the answers never depend on the machine's time zone.
 */
import type { DateRange, IsoDate, Weekday } from '../catalogue/model.js';
import { WEEKDAYS } from '../catalogue/model.js';

const msPerDay = 86_400_000;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YearMonthDay {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
}

/** Splits a date; undefined when it is not a real `YYYY-MM-DD` day (2026-02-30 is not). */
export function parseIsoDate(date: string): YearMonthDay | undefined {
  const m = isoDatePattern.exec(date);
  if (!m) return undefined;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const n = toDayNumber(ymd);
  // Round-tripping rejects days that do not exist (Date.UTC rolls 02-30 over to 03-02).
  return n !== undefined && isoFromDayNumber(n) === date ? ymd : undefined;
}

export function isIsoDate(date: string): date is IsoDate {
  return parseIsoDate(date) !== undefined;
}

export function formatIsoDate({ year, month, day }: YearMonthDay): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * @example addDays('2026-12-31', 1) // '2027-01-01'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return isoFromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * @example weekdayOf('2026-10-05') // 'mon'
 */
export function weekdayOf(date: IsoDate): Weekday {
  // Day 0 of the Unix epoch, 1970-01-01, was a Thursday (index 4).
  const index = (((dayNumber(date) + 4) % 7) + 7) % 7;
  return WEEKDAYS[index]!;
}

/** 1..12 */
export function monthOf(date: IsoDate): number {
  return ymdOrThrow(date).month;
}

/** Every date from `from` to `to`, both included. */
export function datesIn(range: DateRange): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = dayNumber(range.from), end = dayNumber(range.to); d <= end; d++) out.push(isoFromDayNumber(d));
  return out;
}

/** `count` consecutive dates starting at `from`. */
export function nextDates(from: IsoDate, count: number): IsoDate[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** ISO dates compare correctly as strings. */
export function inRange(date: IsoDate, range: DateRange): boolean {
  return range.from <= date && date <= range.to;
}

/** Days since 1970-01-01 (UTC arithmetic only; no local time involved). */
function dayNumber(date: IsoDate): number {
  return toDayNumber(ymdOrThrow(date))!;
}

function toDayNumber({ year, month, day }: YearMonthDay): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return Date.UTC(year, month - 1, day) / msPerDay;
}

function isoFromDayNumber(n: number): IsoDate {
  const d = new Date(n * msPerDay);
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

function ymdOrThrow(date: IsoDate): YearMonthDay {
  const m = isoDatePattern.exec(date);
  // A malformed date here is a bug in the caller: the loader only lets valid ones through.
  if (!m) throw new RangeError(`not an ISO date: ${JSON.stringify(date)}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}
