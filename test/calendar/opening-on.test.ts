import { describe, it, expect } from '@jest/globals';
import { openingOn } from '../../src/domain/calendar/opening-on.js';
import { datesIn } from '../../src/domain/calendar/iso-date.js';
import { chinaHolidayCalendar } from '../../src/io/china-holidays.js';
import { anAttraction, minutes, season } from './attraction-builder.js';

const china = chinaHolidayCalendar([]);
const nineToFive = { openMin: minutes('09:00'), closeMin: minutes('17:00'), lastEntryMin: minutes('16:00') };

describe('openingOn', () => {
  describe('a museum closed on Mondays except public holidays', () => {
    const museum = anAttraction().closedOn('mon').onHolidays('open').build();

    it('is closed on an ordinary Monday, and says so', () => {
      expect(openingOn(museum, '2026-05-11', china)).toEqual({
        open: false,
        reason: 'weekly-closure',
        detail: 'closed on Mondays except public holidays',
      });
    });

    it('is open on the Tuesday after', () => {
      expect(openingOn(museum, '2026-05-12', china)).toEqual({ open: true, intervals: [nineToFive] });
    });

    it('is open on the Monday of Golden Week (2026-10-05)', () => {
      expect(openingOn(museum, '2026-10-05', china)).toEqual({ open: true, intervals: [nineToFive] });
    });

    it('is open on every day of Golden Week', () => {
      const closed = datesIn({ from: '2026-10-01', to: '2026-10-07' }).filter((d) => !openingOn(museum, d, china).open);
      expect(closed).toEqual([]);
    });
  });

  it('keeps the weekly closure on a public holiday when the holiday rule is "normal"', () => {
    const site = anAttraction().closedOn('mon').onHolidays('normal').build();
    expect(openingOn(site, '2026-10-05', china)).toEqual({ open: false, reason: 'weekly-closure', detail: 'closed on Mondays' });
  });

  describe('a site closed on public holidays', () => {
    const site = anAttraction().onHolidays('closed').build();

    it('is closed on each day of Golden Week, naming the holiday', () => {
      expect(openingOn(site, '2026-10-03', china)).toEqual({
        open: false,
        reason: 'holiday',
        detail: 'closed for the National Day holiday',
      });
    });

    it('is open on a make-up working day, which is not a holiday', () => {
      expect(openingOn(site, '2026-10-10', china).open).toBe(true);
    });
  });

  it('keeps a Saturday closure on a make-up working Saturday', () => {
    const site = anAttraction().closedOn('sat', 'sun').onHolidays('open').build();
    expect(openingOn(site, '2026-10-10', china)).toMatchObject({ open: false, reason: 'weekly-closure' });
  });

  describe('seasons', () => {
    const summer = season([4, 5, 6, 7, 8, 9, 10], '08:00', '18:30', '17:30');
    const winter = season([11, 12, 1, 2, 3], '08:00', '17:30');
    const tower = anAttraction().withSeasons(summer, winter).build();

    it('uses the winter season across the new year', () => {
      const winterHours = { open: true, intervals: [{ openMin: minutes('08:00'), closeMin: minutes('17:30') }] };
      expect(openingOn(tower, '2026-12-31', china)).toEqual(winterHours);
      expect(openingOn(tower, '2027-01-15', china)).toEqual(winterHours);
      expect(openingOn(tower, '2027-03-31', china)).toEqual(winterHours);
    });

    it('switches to summer hours on 1 April', () => {
      expect(openingOn(tower, '2027-04-01', china)).toEqual({
        open: true,
        intervals: [{ openMin: minutes('08:00'), closeMin: minutes('18:30'), lastEntryMin: minutes('17:30') }],
      });
    });

    it('is closed in a month no season covers, naming the season', () => {
      const summerOnly = anAttraction().withSeasons(summer).build();
      expect(openingOn(summerOnly, '2027-01-15', china)).toEqual({
        open: false,
        reason: 'season',
        detail: 'no opening hours in January (season Apr-Oct)',
      });
    });

    it('is closed in a month outside a season that wraps the new year', () => {
      const winterOnly = anAttraction().withSeasons(winter).build();
      expect(openingOn(winterOnly, '2026-07-01', china)).toEqual({
        open: false,
        reason: 'season',
        detail: 'no opening hours in July (season Nov-Mar)',
      });
    });

    it('gives split hours in the order of the day', () => {
      const lightShow = anAttraction()
        .withSeasons(season([5], '19:30', '21:30'), season([5], '09:00', '12:00'))
        .build();
      expect(openingOn(lightShow, '2026-05-12', china)).toEqual({
        open: true,
        intervals: [
          { openMin: minutes('09:00'), closeMin: minutes('12:00') },
          { openMin: minutes('19:30'), closeMin: minutes('21:30') },
        ],
      });
    });
  });

  describe('one-off closures', () => {
    const site = anAttraction()
      .onHolidays('open')
      .closedDates('2026-12-31', { from: '2026-10-02', to: '2026-10-04' })
      .build();

    it('close a single date', () => {
      expect(openingOn(site, '2026-12-31', china)).toEqual({
        open: false,
        reason: 'closed-date',
        detail: 'closed 2026-12-31 (one-off closure)',
      });
    });

    it('close every day of a range, both ends included, even on public holidays', () => {
      const closed = datesIn({ from: '2026-10-01', to: '2026-10-05' }).map((d) => openingOn(site, d, china).open);
      expect(closed).toEqual([true, false, false, false, true]);
      expect(openingOn(site, '2026-10-02', china)).toMatchObject({ detail: 'closed 2026-10-02 to 2026-10-04 (one-off closure)' });
    });
  });

  it('opens a Monday-closed site on a holiday the catalogue adds', () => {
    const museum = anAttraction().closedOn('mon').onHolidays('open').build();
    const calendar = chinaHolidayCalendar([
      { range: { from: '2027-10-01', to: '2027-10-07' }, name: 'National Day', kind: 'holiday' },
    ]);
    expect(openingOn(museum, '2027-10-04', china).open).toBe(false);
    expect(openingOn(museum, '2027-10-04', calendar).open).toBe(true);
  });
});
