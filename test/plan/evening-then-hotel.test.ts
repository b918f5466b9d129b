/**
 * After an evening outing the party goes back to its hotel, not on to a train (issue 12: plans an
 * agency would sell). A 9-day Chongqing trip over National Day took the 09:15 train from Yichang to
 * Wuhan, waited at the pier from 15:10 for the 19:00 Two Rivers boat, and then the 21:00 train to
 * Jiujiang, arriving at 22:30: the evening window let the day run late whatever came after it.
 */
import { describe, expect, it } from '@jest/globals';
import { eveningOuting } from '../../src/domain/plan/time-of-day.js';
import { planJson } from './shipped-cli.js';

const NINE_DAYS = ['--from', 'chongqing', '--start', '2027-10-01', '--days', '9', '--themes', 'eco,water', '--pace', 'standard', '--party', 'adult=2'];
const RIDES = new Set(['rail', 'road', 'flight', 'ferry']);

describe('an evening outing', () => {
  const boats = { city: 'wuhan', departures: [{ fromMin: 12 * 60 + 30, toMin: 12 * 60 + 30 }, { fromMin: 19 * 60, toMin: 20 * 60 + 30 }] } as const;
  const dinnerFrom = 17 * 60 + 30;

  it('is one in the city where the day ends', () => {
    expect(eveningOuting(boats as never, 'wuhan', 19 * 60, dinnerFrom)).toBe(true);
    expect(eveningOuting(boats as never, 'wuhan', 12 * 60 + 30, dinnerFrom)).toBe(false);
  });

  it('is none on a day that ends in another city', () => {
    expect(eveningOuting(boats as never, 'jiujiang', 19 * 60, dinnerFrom)).toBe(false);
  });

  it('is never followed by a ride to another city in a shipped plan', async () => {
    const p = await planJson(NINE_DAYS);
    for (const d of p.days) {
      const lateVisit = d.items.findIndex((i) => i.kind === 'visit' && !i.aboard && i.start.slice(11, 16) >= '18:00');
      if (lateVisit < 0) continue;
      const after = d.items.slice(lateVisit + 1).filter((i) => i.kind === 'travel' && RIDES.has(i.mode));
      expect({ day: d.day, rides: after }).toEqual({ day: d.day, rides: [] });
    }
  }, 120_000);
});
