/**
 * OSM opening_hours strings become the catalogue's own rules (seasons by
 * month and weekday, weekly and nth-weekday closures, the holiday rule), and
 * what the catalogue cannot represent is refused with a message naming it.
 */
import { describe, expect, it } from '@jest/globals';
import { openingOn } from '../../src/domain/calendar/opening-on.js';
import { parseOsmHours } from '../../src/io/osm-opening-hours.js';
import { chinaHolidayCalendar } from '../../src/io/china-holidays.js';
import { validateCatalogueDocument } from '../../src/io/catalogue-document.js';
import { readFileSync } from 'node:fs';
import { fixturePath } from './fixture-path.js';

const ok = (text: string) => {
  const r = parseOsmHours(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('parseOsmHours', () => {
  it('reads "Tu-Su 09:00-17:00; Mo off" as one all-year window and a Monday closure', () => {
    expect(ok('Tu-Su 09:00-17:00; Mo off')).toEqual({ hours: [{ open: '09:00', close: '17:00' }], closed: ['mon'], closedNth: [] });
  });

  it('reads seasons by month, wrapping the new year (listed from January)', () => {
    expect(ok('Apr-Oct: 08:00-18:30; Nov-Mar: 08:00-17:30').hours).toEqual([
      { months: [1, 2, 3, 11, 12], open: '08:00', close: '17:30' },
      { months: [4, 5, 6, 7, 8, 9, 10], open: '08:00', close: '18:30' },
    ]);
  });

  it('keeps weekday-specific windows apart (listed from Sunday)', () => {
    expect(ok('Mo-Fr 09:00-17:00; Sa,Su 08:00-18:00').hours).toEqual([
      { open: '08:00', close: '18:00', weekdays: ['sun', 'sat'] },
      { open: '09:00', close: '17:00', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    ]);
  });

  it('reads "24/7", an nth-weekday closure and a public-holiday rule', () => {
    expect(ok('24/7').hours).toEqual([{ open: '00:00', close: '24:00' }]);
    expect(ok('08:00-17:00; Tu[1,3] off; PH open')).toEqual({
      hours: [{ open: '08:00', close: '17:00' }],
      closed: [],
      closedNth: [{ weekday: 'tue', nth: [1, 3] }],
      holidays: 'open',
    });
  });

  it('lets a later rule replace an earlier one on the days it names', () => {
    expect(ok('09:00-17:00; Mo off')).toEqual(ok('Tu-Su 09:00-17:00; Mo off'));
  });

  it.each([
    ['Oct 01-Oct 07 08:00-22:00', 'dates inside a month'],
    ['Mo-Fr 08:00-12:00,14:00-18:00', 'time range'],
    ['Tu[1] 10:00-12:00', 'only as a closure'],
    ['Mo-Fr sunrise-sunset', 'not supported'],
    ['', 'empty'],
  ])('refuses %j, saying why', (text, why) => {
    const r = parseOsmHours(text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toContain(why);
  });
});

describe('a catalogue with OSM hours', () => {
  const base = readFileSync(fixturePath('valid-minimal.yaml'), 'utf8');
  const withHours = (osm: string) =>
    base.replace(/    hours:\n      - open: "09:00"\n        close: "17:00"\n    closed: \[mon\]\n/, `    hours: "${osm}"\n`);

  it('plans the same opening as the seasons form (Hunan Museum closed on Mondays)', () => {
    const result = validateCatalogueDocument(withHours('Tu-Su 09:00-17:00; Mo off'), 'osm.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const museum = result.value.attractions.find((a) => a.id === 'hunan-museum')!;
    const china = chinaHolidayCalendar([]);
    expect(openingOn(museum, '2026-05-11', china)).toMatchObject({ open: false, reason: 'weekly-closure' });
    expect(openingOn(museum, '2026-05-12', china)).toEqual({ open: true, intervals: [{ openMin: 540, closeMin: 1020 }] });
  });

  it('reports hours it cannot use at the string, with file:line:col', () => {
    const result = validateCatalogueDocument(withHours('Oct 01-Oct 07 08:00-22:00'), 'osm.yaml');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.line, i.col])).toEqual([['bad-opening-hours', 52, 12]]);
  });
});
