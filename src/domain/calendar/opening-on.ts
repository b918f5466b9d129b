/**
 * Whether an attraction is open on a date, and when. The rules, in order:
 * one-off closures always close; a public holiday follows the attraction's
 * `holidays` rule (closed, or open even on a weekly closing day); otherwise
 * the weekly and nth-weekday closing days apply ("1st and 3rd Tuesday"); and
 * the month (and, for weekday-specific hours, the weekday) must fall in some season.
 */
import type { Attraction, IsoDate, Weekday } from '../catalogue/model.js';
import type { HolidayCalendar } from './holiday-calendar.js';
import { addDays, inRange, monthOf, weekdayOf } from './iso-date.js';
import { MONTH_NAMES, monthSpan } from './month-span.js';

export interface OpeningInterval {
  readonly openMin: number;
  readonly closeMin: number;
  /** Absent: the visit must end by close. */
  readonly lastEntryMin?: number;
}

export type ClosedReason = 'weekly-closure' | 'holiday' | 'closed-date' | 'season';

export type Opening =
  | { readonly open: true; readonly intervals: readonly OpeningInterval[] }
  | { readonly open: false; readonly reason: ClosedReason; readonly detail: string };

const WEEKDAY_PLURALS: Readonly<Record<Weekday, string>> = {
  sun: 'Sundays', mon: 'Mondays', tue: 'Tuesdays', wed: 'Wednesdays', thu: 'Thursdays', fri: 'Fridays', sat: 'Saturdays',
};

const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday',
};

/** Whether `date` is the nth of its weekday in its month (n = -1: the last one). */
export function isNthWeekday(date: IsoDate, n: number): boolean {
  const day = Number(date.slice(8, 10));
  if (n === -1) return monthOf(addDays(date, 7)) !== monthOf(date);
  return Math.ceil(day / 7) === n;
}

function nthList(nth: readonly number[]): string {
  const words = nth.map((n) => (n === -1 ? 'last' : `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * @example
 * // A museum closed on Mondays except public holidays, on National Day 2026 (a Thursday):
 * openingOn(museum, '2026-10-05', chinaCalendar) // { open: true, intervals: [{ openMin: 540, closeMin: 1020 }] }
 */
export function openingOn(attraction: Attraction, date: IsoDate, calendar: HolidayCalendar): Opening {
  const closure = attraction.closedDates.find((range) => inRange(date, range));
  if (closure) {
    const when = closure.from === closure.to ? closure.from : `${closure.from} to ${closure.to}`;
    return { open: false, reason: 'closed-date', detail: `closed ${when} (one-off closure)` };
  }

  const day = calendar.dayKind(date);
  const isPublicHoliday = day.kind === 'holiday';
  if (isPublicHoliday && attraction.holidays === 'closed') {
    return { open: false, reason: 'holiday', detail: `closed for the ${day.name ?? 'public'} holiday` };
  }

  const weekday = weekdayOf(date);
  const holidayOverridesWeekly = isPublicHoliday && attraction.holidays === 'open';
  if (attraction.closedWeekdays.includes(weekday) && !holidayOverridesWeekly) {
    const exception = attraction.holidays === 'open' ? ' except public holidays' : '';
    return { open: false, reason: 'weekly-closure', detail: `closed on ${WEEKDAY_PLURALS[weekday]}${exception}` };
  }
  const nth = attraction.closedNth.find((c) => c.weekday === weekday && c.nth.some((n) => isNthWeekday(date, n)));
  if (nth && !holidayOverridesWeekly) {
    const exception = attraction.holidays === 'open' ? ' except public holidays' : '';
    return { open: false, reason: 'weekly-closure', detail: `closed on the ${nthList(nth.nth)} ${WEEKDAY_NAMES[weekday]} of the month${exception}` };
  }

  const month = monthOf(date);
  const inMonth = attraction.hours.filter((s) => s.months.includes(month));
  const seasons = inMonth.filter((s) => s.weekdays === undefined || s.weekdays.includes(weekday));
  if (inMonth.length > 0 && seasons.length === 0) {
    return { open: false, reason: 'weekly-closure', detail: `closed on ${WEEKDAY_PLURALS[weekday]}` };
  }
  if (seasons.length === 0) {
    const covered = attraction.hours.flatMap((s) => s.months);
    const season = covered.length > 0 ? ` (season ${monthSpan(covered)})` : '';
    return { open: false, reason: 'season', detail: `no opening hours in ${MONTH_NAMES[month - 1]}${season}` };
  }
  const intervals = seasons
    .map((s): OpeningInterval => ({
      openMin: s.openMin,
      closeMin: s.closeMin,
      ...(s.lastEntryMin !== undefined ? { lastEntryMin: s.lastEntryMin } : {}),
    }))
    .sort((a, b) => a.openMin - b.openMin);
  return { open: true, intervals };
}
