import { describe, expect, it } from '@jest/globals';
import { parseDateRange } from '../../src/domain/catalogue/parse-date-range.js';
import { parseDuration } from '../../src/domain/catalogue/parse-duration.js';
import { parseMonths } from '../../src/domain/catalogue/parse-months.js';
import { parseTime } from '../../src/domain/catalogue/parse-time.js';

describe('parseDuration', () => {
  it.each([
    ['90m', 90],
    ['2h', 120],
    ['1h30m', 90],
    ['3d12h', 5040],
    ['1d', 1440],
    ['0m', 0],
  ])('reads %s as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each(['', '90', '1.5h', '30m1h', '1h 30m', 'h', '-1h', '2H'])('rejects %p', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('parseTime', () => {
  it.each([
    ['00:00', 0],
    ['08:30', 510],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('reads %s as minute %i of the day', (text, minute) => {
    expect(parseTime(text)).toBe(minute);
  });

  it.each(['8:30', '24:01', '25:00', '12:60', '0830', '08:30:00', 'noon'])('rejects %p', (text) => {
    expect(parseTime(text)).toBeUndefined();
  });
});

describe('parseMonths', () => {
  it('reads a range within one year', () => {
    expect(parseMonths('Apr-Oct')).toEqual([4, 5, 6, 7, 8, 9, 10]);
  });

  it('wraps a range over the new year', () => {
    expect(parseMonths('Nov-Mar')).toEqual([1, 2, 3, 11, 12]);
  });

  it('reads a single month and ignores letter case', () => {
    expect(parseMonths('jul')).toEqual([7]);
    expect(parseMonths('DEC-jan')).toEqual([1, 12]);
  });

  it('sorts a list of month numbers and drops repeats', () => {
    expect(parseMonths([12, 1, 2, 1])).toEqual([1, 2, 12]);
  });

  it.each([['April-October'], ['Apr-Oct-Dec'], ['Apr-'], ['13']])('rejects %p', (text) => {
    expect(parseMonths(text)).toBeUndefined();
  });

  it('rejects month numbers outside 1..12', () => {
    expect(parseMonths([0, 5])).toBeUndefined();
    expect(parseMonths([13])).toBeUndefined();
    expect(parseMonths([1.5])).toBeUndefined();
  });
});

describe('parseDateRange', () => {
  it('reads one date as a one-day range', () => {
    expect(parseDateRange('2026-12-31')).toEqual({ from: '2026-12-31', to: '2026-12-31' });
  });

  it('reads START..END inclusive', () => {
    expect(parseDateRange('2026-10-01..2026-10-07')).toEqual({ from: '2026-10-01', to: '2026-10-07' });
  });

  it('leaves the order of START and END to the rules', () => {
    expect(parseDateRange('2026-10-07..2026-10-01')).toEqual({ from: '2026-10-07', to: '2026-10-01' });
  });

  it('knows leap years', () => {
    expect(parseDateRange('2028-02-29')).toBeDefined();
    expect(parseDateRange('2026-02-29')).toBeUndefined();
    expect(parseDateRange('2100-02-29')).toBeUndefined();
    expect(parseDateRange('2000-02-29')).toBeDefined();
  });

  it.each(['2026-02-30', '2026-13-01', '2026-04-31', '2026-00-10', '2026-1-5', '2026-10-01...2026-10-02', '01/10/2026'])(
    'rejects %p',
    (text) => {
      expect(parseDateRange(text)).toBeUndefined();
    },
  );
});
