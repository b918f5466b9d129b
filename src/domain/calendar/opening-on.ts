/**
 * Whether an attraction is open on a date, and when. The rules, in order:
 * one-off closures always close; a public holiday follows the attraction's
 * `holidays` rule (closed, or open even on a weekly closing day); otherwise
 * the weekly closing days apply; and the month must fall in some season.
 */
import type { Attraction, IsoDate, Weekday } from '../catalogue/model.js';
import type { HolidayCalendar } from './holiday-calendar.js';
import { inRange, monthOf, weekdayOf } from './iso-date.js';
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

  const month = monthOf(date);
  const seasons = attraction.hours.filter((s) => s.months.includes(month));
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
