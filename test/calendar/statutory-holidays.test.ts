/**
 * The statutory public holidays of the law (as amended 2024-11), for years
 * without the State Council's annual schedule: the table of lunar festivals
 * and Qingming recomputed independently, and the derived days checked
 * against the schedules the `chinese-days` package publishes for 2025–2026.
 */
import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import { getLunarDate, getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { addDays } from '../../src/domain/calendar/iso-date.js';
import { LAST_STATUTORY_YEAR, LUNAR_ANCHORS, statutoryHolidays } from '../../src/domain/calendar/statutory-holidays.js';

const published = (createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string> }).holidays;
const years = Object.keys(LUNAR_ANCHORS).map(Number);

describe('the lunar festival table', () => {
  it('runs without a gap to LAST_STATUTORY_YEAR', () => {
    expect(years).toEqual(Array.from({ length: LAST_STATUTORY_YEAR - years[0]! + 1 }, (_, i) => years[0]! + i));
  });

  it.each(years)('%i: every festival is the lunar date the law names, by the package\'s lunar conversion', (year) => {
    const a = LUNAR_ANCHORS[year]!;
    expect(a.lunarNewYear).toBe(getSolarDateFromLunar(`${year}-01-01`).date);
    expect(a.dragonBoat).toBe(getSolarDateFromLunar(`${year}-05-05`).date);
    expect(a.midAutumn).toBe(getSolarDateFromLunar(`${year}-08-15`).date);
    expect(a.qingming).toBe(getSolarTermDate(year, 4, 'pure_brightness'));
    // And back again: the day before the new year is the last day of the 12th month (the eve).
    expect(getLunarDate(a.lunarNewYear)).toMatchObject({ lunarMon: 1, lunarDay: 1, isLeap: false });
    expect(getLunarDate(addDays(a.lunarNewYear, -1))).toMatchObject({ lunarMon: 12, isLeap: false });
    expect(getLunarDate(a.midAutumn)).toMatchObject({ lunarMon: 8, lunarDay: 15, isLeap: false });
  });
});

describe('statutoryHolidays', () => {
  it('gives the 13 days of the law', () => {
    for (const y of years) {
      const days = statutoryHolidays(y);
      // 13 distinct days, unless Mid-Autumn falls within National Day (2028: Oct 3).
      expect(days.length).toBe(LUNAR_ANCHORS[y]!.midAutumn.match(/-10-0[1-3]$/) ? 12 : 13);
      expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
    }
  });

  it.each([2025, 2026])('%i: every statutory day is a holiday in the published schedule, under the same name', (year) => {
    for (const d of statutoryHolidays(year)) {
      const label = published[d.date];
      expect([d.date, label?.split(',')[1]]).toEqual([d.date, d.nameZh]);
    }
  });

  it('2027: Spring Festival is the eve (Feb 5) and the first three days (Feb 6–8)', () => {
    const by = (name: string) => statutoryHolidays(2027).filter((d) => d.name === name).map((d) => d.date);
    expect(by('Spring Festival')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect(by("New Year's Day")).toEqual(['2027-01-01']);
    expect(by('Tomb-sweeping Day')).toEqual(['2027-04-05']);
    expect(by('Labour Day')).toEqual(['2027-05-01', '2027-05-02']);
    expect(by('Dragon Boat Festival')).toEqual(['2027-06-09']);
    expect(by('Mid-autumn Festival')).toEqual(['2027-09-15']);
    expect(by('National Day')).toEqual(['2027-10-01', '2027-10-02', '2027-10-03']);
  });

  it('has nothing for a year beyond the table', () => {
    expect(statutoryHolidays(LAST_STATUTORY_YEAR + 1)).toEqual([]);
  });
});
