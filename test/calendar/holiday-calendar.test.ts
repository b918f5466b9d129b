import { describe, it, expect } from '@jest/globals';
import { builtInHolidayYears, chinaHolidayCalendar } from '../../src/io/china-holidays.js';
import { datesIn } from '../../src/domain/calendar/iso-date.js';

describe('the China holiday calendar', () => {
  const china = chinaHolidayCalendar([]);

  it('marks every day of Golden Week 2026 as the National Day holiday', () => {
    for (const date of datesIn({ from: '2026-10-01', to: '2026-10-07' })) {
      expect(china.dayKind(date)).toEqual({ kind: 'holiday', name: 'National Day', nameZh: '国庆节' });
    }
    expect(china.dayKind('2026-10-08').kind).toBe('weekday');
  });

  it('marks the make-up working days (调休) of 2026', () => {
    // Saturday 10 October and Sunday 20 September are worked in exchange for Golden Week.
    expect(china.dayKind('2026-10-10')).toEqual({ kind: 'workday', name: 'National Day', nameZh: '国庆节' });
    expect(china.dayKind('2026-09-20')).toEqual({ kind: 'workday', name: 'National Day', nameZh: '国庆节' });
    expect(china.dayKind('2026-02-14')).toEqual({ kind: 'workday', name: 'Spring Festival', nameZh: '春节' });
  });

  it('tells ordinary weekends from weekdays', () => {
    expect(china.dayKind('2026-05-16')).toEqual({ kind: 'weekend' });
    expect(china.dayKind('2026-05-12')).toEqual({ kind: 'weekday' });
  });

  it('knows the Spring Festival and Labour Day holidays of 2026', () => {
    expect(china.dayKind('2026-02-17')).toEqual({ kind: 'holiday', name: 'Spring Festival', nameZh: '春节' });
    expect(china.dayKind('2026-05-05')).toEqual({ kind: 'holiday', name: 'Labour Day', nameZh: '劳动节' });
  });

  it('gives a year with no official schedule the provisional statutory holidays', () => {
    expect(china.dayKind('2027-10-01')).toEqual({ kind: 'holiday', name: 'National Day', nameZh: '国庆节', provisional: true });
    expect(china.dayKind('2027-02-05')).toEqual({ kind: 'holiday', name: 'Spring Festival', nameZh: '春节', provisional: true });
    // No make-up working days are guessed: a Saturday stays a weekend.
    expect(china.dayKind('2027-09-25')).toEqual({ kind: 'weekend' });
  });

  it('covers 2026 from the built-in data', () => {
    expect(builtInHolidayYears().first).toBeLessThanOrEqual(2026);
    expect(builtInHolidayYears().last).toBeGreaterThanOrEqual(2026);
  });

  describe('with catalogue overrides', () => {
    const calendar = chinaHolidayCalendar([
      { range: { from: '2027-10-01', to: '2027-10-07' }, name: 'National Day', kind: 'holiday' },
      { range: { from: '2027-09-26', to: '2027-09-26' }, name: 'National Day make-up workday', kind: 'workday' },
      { range: { from: '2026-10-07', to: '2026-10-07' }, name: 'Local working day', kind: 'workday' },
    ]);

    it('adds holidays the built-in data does not have', () => {
      expect(calendar.dayKind('2027-10-04')).toEqual({ kind: 'holiday', name: 'National Day', nameZh: '国庆节' });
      expect(calendar.dayKind('2027-09-26')).toEqual({ kind: 'workday', name: 'National Day make-up workday' });
    });

    it('overrides a built-in day, leaving its neighbours alone', () => {
      expect(calendar.dayKind('2026-10-07')).toEqual({ kind: 'workday', name: 'Local working day' });
      expect(calendar.dayKind('2026-10-06')).toEqual({ kind: 'holiday', name: 'National Day', nameZh: '国庆节' });
    });

    it('replace the provisional statutory holidays of a year they list', () => {
      // Oct 4 2027 is no statutory holiday, so without the notice it is an ordinary Monday.
      expect(china.dayKind('2027-10-04').kind).toBe('weekday');
      expect(calendar.dayKind('2027-10-01')).toEqual({ kind: 'holiday', name: 'National Day', nameZh: '国庆节' });
      // The listed year wins whole: its other statutory days are no longer guessed.
      expect(calendar.dayKind('2027-05-01').kind).toBe('weekend');
    });
  });
});
