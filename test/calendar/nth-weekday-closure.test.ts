/**
 * Closures on the nth weekday of the month ("closed on the 1st and 3rd
 * Tuesday", the Lushan Conference Site), against known calendar dates, and
 * weekday-specific opening windows (what OSM hours like "Tu-Su" become).
 */
import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { isNthWeekday, openingOn } from '../../src/domain/calendar/opening-on.js';
import { addDays, datesIn, weekdayOf } from '../../src/domain/calendar/iso-date.js';
import { chinaHolidayCalendar } from '../../src/io/china-holidays.js';
import { anAttraction, minutes, season } from './attraction-builder.js';

const china = chinaHolidayCalendar([]);
const allYear = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

describe('a site closed on the 1st and 3rd Tuesday of the month', () => {
  const hall = anAttraction().closedOnNth('tue', 1, 3).build();

  it('is closed on 2026-12-01 and 2026-12-15, the 1st and 3rd Tuesdays of December 2026', () => {
    expect(openingOn(hall, '2026-12-01', china)).toEqual({
      open: false,
      reason: 'weekly-closure',
      detail: 'closed on the 1st and 3rd Tuesday of the month',
    });
    expect(openingOn(hall, '2026-12-15', china).open).toBe(false);
  });

  it('is open on the 2nd, 4th and 5th Tuesdays (2026-12-08, -22, -29)', () => {
    expect(['2026-12-08', '2026-12-22', '2026-12-29'].map((d) => openingOn(hall, d, china).open)).toEqual([true, true, true]);
  });

  it('closes exactly two days in every month of 2027', () => {
    for (let month = 1; month <= 12; month++) {
      const from = `2027-${String(month).padStart(2, '0')}-01`;
      const days = datesIn({ from, to: addDays(from, 27) }).concat(
        datesIn({ from: addDays(from, 28), to: addDays(from, 30) }).filter((d) => d.slice(5, 7) === from.slice(5, 7)),
      );
      const closed = days.filter((d) => !openingOn(hall, d, china).open);
      expect(closed.map(weekdayOf)).toEqual(['tue', 'tue']);
    }
  });

  it('opens on a public holiday when its holiday rule says open', () => {
    // 2026-10-06 is the 1st Tuesday of October and a National Day holiday
    const open = anAttraction().closedOnNth('tue', 1).onHolidays('open').build();
    expect(openingOn(open, '2026-10-06', china).open).toBe(true);
    expect(openingOn(anAttraction().closedOnNth('tue', 1).build(), '2026-10-06', china).open).toBe(false);
  });
});

describe('the last weekday of the month (nth -1)', () => {
  it('is 2027-02-22 for Mondays in February 2027 and 2026-12-28 for December 2026', () => {
    expect(isNthWeekday('2027-02-22', -1)).toBe(true);
    expect(isNthWeekday('2027-02-15', -1)).toBe(false);
    expect(isNthWeekday('2026-12-28', -1)).toBe(true);
  });
});

describe('isNthWeekday', () => {
  const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2026-01-01', n));

  it('holds for exactly one n in 1..5 on any date, and that n counts the same weekdays before it in the month', () => {
    fc.assert(
      fc.property(day, (date) => {
        const ns = [1, 2, 3, 4, 5].filter((n) => isNthWeekday(date, n));
        let earlier = 0;
        for (let d = addDays(date, -7); d.slice(0, 7) === date.slice(0, 7); d = addDays(d, -7)) earlier++;
        expect(ns).toEqual([earlier + 1]);
      }),
    );
  });

  it('calls a date the last of its weekday exactly when a week later is next month', () => {
    fc.assert(fc.property(day, (date) => expect(isNthWeekday(date, -1)).toBe(addDays(date, 7).slice(0, 7) !== date.slice(0, 7))));
  });
});

describe('weekday-specific hours', () => {
  const weekdays = { ...season(allYear, '09:00', '17:00'), weekdays: ['tue', 'wed', 'thu', 'fri'] as const };
  const weekend = { ...season(allYear, '08:00', '18:00'), weekdays: ['sat', 'sun'] as const };
  const site = anAttraction().withSeasons(weekdays, weekend).build();

  it('opens with the weekday window on Tuesday 2026-12-08 and the weekend window on Saturday 2026-12-12', () => {
    expect(openingOn(site, '2026-12-08', china)).toEqual({ open: true, intervals: [{ openMin: minutes('09:00'), closeMin: minutes('17:00') }] });
    expect(openingOn(site, '2026-12-12', china)).toEqual({ open: true, intervals: [{ openMin: minutes('08:00'), closeMin: minutes('18:00') }] });
  });

  it('is closed on Monday 2026-12-07, which no window covers', () => {
    expect(openingOn(site, '2026-12-07', china)).toEqual({ open: false, reason: 'weekly-closure', detail: 'closed on Mondays' });
  });
});
