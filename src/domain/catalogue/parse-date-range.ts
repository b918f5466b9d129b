import type { DateRange } from './model.js';

/** `YYYY-MM-DD` or an inclusive range `START..END`. */
export const DATE_OR_RANGE_PATTERN = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/;


/**
 * Parses a date or a `START..END` range into an inclusive DateRange; undefined
 * if it does not parse or names a day the calendar does not have.
 * The order of START and END is not checked here (a rule reports it).
 *
 * @example
 * parseDateRange('2026-10-01..2026-10-07') // { from: '2026-10-01', to: '2026-10-07' }
 * parseDateRange('2026-12-31')             // { from: '2026-12-31', to: '2026-12-31' }
 * parseDateRange('2026-02-30')             // undefined
 */
export function parseDateRange(text: string): DateRange | undefined {
  const match = DATE_OR_RANGE_PATTERN.exec(text);
  if (!match) return undefined;
  const from = match[1]!;
  const to = match[2] ?? from;
  return isCalendarDate(from) && isCalendarDate(to) ? { from, to } : undefined;
}

/** True for a `YYYY-MM-DD` that names a real day (no 2026-02-30, no month 13). */
function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** A single `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
