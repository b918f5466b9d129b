import { describe, it, expect } from '@jest/globals';
import { addDays, datesIn, daysBetween, isIsoDate, monthOf, nextDates, parseIsoDate, weekdayOf } from '../../src/domain/calendar/iso-date.js';

describe('ISO dates', () => {
  it('names the weekday from the date alone', () => {
    expect(weekdayOf('2026-05-11')).toBe('mon');
    expect(weekdayOf('2026-10-01')).toBe('thu');
    expect(weekdayOf('2027-01-01')).toBe('fri');
    expect(weekdayOf('1969-12-31')).toBe('wed');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts the days between two dates', () => {
    expect(daysBetween('2026-10-01', '2026-10-07')).toBe(6);
    expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
  });

  it('lists a range with both ends included', () => {
    expect(datesIn({ from: '2026-12-30', to: '2027-01-02' })).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(nextDates('2026-05-11', 3)).toEqual(['2026-05-11', '2026-05-12', '2026-05-13']);
  });

  it('accepts only days that exist', () => {
    expect(parseIsoDate('2026-10-01')).toEqual({ year: 2026, month: 10, day: 1 });
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(monthOf('2026-11-30')).toBe(11);
  });
});
