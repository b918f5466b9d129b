import { describe, it, expect } from '@jest/globals';
import { dateInZone } from '../../src/domain/calendar/date-in-zone.js';

describe('dateInZone', () => {
  it('gives the Wuhan date when it is already tomorrow there', () => {
    expect(dateInZone(Date.parse('2026-05-10T17:00:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-05-11', minuteOfDay: 60 });
  });

  it('gives the date in another zone for the same instant', () => {
    expect(dateInZone(Date.parse('2026-05-10T17:00:00Z'), 'Europe/London')).toEqual({ date: '2026-05-10', minuteOfDay: 18 * 60 });
  });

  it('puts midnight at minute 0, not 1440', () => {
    expect(dateInZone(Date.parse('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toEqual({ date: '2027-01-01', minuteOfDay: 0 });
  });
});
