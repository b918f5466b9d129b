/**
 * What a plan says about a day that is a public holiday: its name, whether it
 * is in a Golden Week, whether it is only the provisional statutory day, and
 * a note for the customer (crowds, book ahead).
 */
import type { IsoDate } from '../catalogue/model.js';
import { isGoldenWeek, type HolidayCalendar } from '../calendar/holiday-calendar.js';
import type { DayHoliday } from '../itinerary/itinerary.js';

/**
 * The holiday of `date`, or undefined for an ordinary day (a make-up working
 * day is an ordinary working day for a traveller).
 *
 * @example
 * dayHoliday(calendar, '2027-10-01')
 *   // { name: 'National Day', nameZh: '国庆节', goldenWeek: true, provisional: true, note: 'Golden Week: …' }
 */
export function dayHoliday(calendar: HolidayCalendar, date: IsoDate): DayHoliday | undefined {
  const day = calendar.dayKind(date);
  if (day.kind !== 'holiday') return undefined;
  const name = day.name ?? 'Public holiday';
  const goldenWeek = isGoldenWeek(name);
  const provisional = day.provisional === true;
  return {
    name,
    ...(day.nameZh ? { nameZh: day.nameZh } : {}),
    goldenWeek,
    provisional,
    note: holidayNote(goldenWeek, provisional),
  };
}

function holidayNote(goldenWeek: boolean, provisional: boolean): string {
  const crowd = goldenWeek
    ? 'Golden Week: expect large crowds at major sights; book tickets, trains and hotels well ahead'
    : 'Public holiday: expect crowds at popular sights; book tickets and trains ahead';
  return provisional
    ? `${crowd}. Provisional: the statutory holiday of the law; the official schedule (make-up workdays, bridging days) is not yet published`
    : `${crowd}.`;
}
