/** Seasonal and agency rates: the first rate that fits the night's month wins, a sheet's before the catalogue's. */
import { describe, expect, it } from '@jest/globals';
import { quoteTrip } from '../../src/domain/quote/quote-trip.js';
import { EMPTY_RATES, overlayRates, type LodgingRate, type RateTable } from '../../src/domain/quote/rates.js';
import { goldenPlan, options, shipped, shippedRates } from './shipped.js';

const plan = goldenPlan('cruise-chongqing-wuhan'); // nights ashore: Wuhan 2026-05-15, Nanchang 2026-05-16
const hotel = (months: number[] | undefined, roomFen: number): LodgingRate => ({
  origin: 'sheet', city: 'wuhan', grade: '4star', hotel: 'Riverside', ...(months ? { months } : {}), roomFen, breakfastIncluded: true,
});
const sheet = (...lodging: LodgingRate[]): RateTable => ({ ...EMPTY_RATES, lodging });
const wuhanRoom = (rates: RateTable) => quoteTrip(plan, shipped, rates, options()).lines.find((l) => l.section === 'lodging' && l.label.en.includes('Wuhan'))!;

describe('lodging seasons', () => {
  it('a May night takes the rate whose months include May', () => {
    const rates = overlayRates(sheet(hotel([7, 8], 62000), hotel([4, 5, 6], 55000), hotel(undefined, 50000)), shippedRates);
    expect(wuhanRoom(rates)).toMatchObject({ unitFen: 55000, estimate: false, basis: 'agency rate sheet' });
  });

  it('out of every season, the all-year rate; without a sheet rate, the catalogue estimate', () => {
    expect(wuhanRoom(overlayRates(sheet(hotel([7, 8], 62000), hotel(undefined, 50000)), shippedRates)).unitFen).toBe(50000);
    expect(wuhanRoom(overlayRates(sheet(hotel([7, 8], 62000)), shippedRates))).toMatchObject({ unitFen: 48000, estimate: true });
  });

  it('no rate at all: the night is listed as not priced, never guessed', () => {
    const q = quoteTrip(plan, shipped, EMPTY_RATES, options());
    expect(q.lines.filter((l) => l.section === 'lodging')).toEqual([]);
    expect(q.missing.map((m) => m.en)).toContain('No 4★ hotel rate for Wuhan (night of day 4).');
  });
});
