/**
 * Issue 12: Two Dams One Gorge (the boat from Yichang through the Gezhouba
 * lock and Xiling Gorge to the Three Gorges Dam) was never chosen — 0 of 32
 * eligible plans. It is a product that includes other sites (catalogue
 * `includes`): valued by what it includes, never sold together with them,
 * not offered when the cruise already visits them, and its pier by the
 * centre is a short walk from the hotel, not 40 minutes.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Attraction, Catalogue } from '../../src/domain/catalogue/model.js';
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import { checkItinerary } from '../../src/domain/itinerary/check-itinerary.js';
import type { Itinerary, VisitItem } from '../../src/domain/itinerary/itinerary.js';
import { planTrip } from '../../src/domain/plan/plan-trip.js';
import { catalogueScore, stopScore } from '../../src/domain/plan/score.js';
import { localLegs } from '../../src/domain/travel/local-legs.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { aRequest, SHIPPED, shippedCatalogue } from './shipped.js';

let catalogue: Catalogue;
let calendar: HolidayCalendar;
beforeAll(async () => ({ catalogue, calendar } = await shippedCatalogue()));

const byId = (id: string): Attraction => catalogue.attractions.find((a) => a.id === id)!;
const visits = (it: Itinerary) => it.days.flatMap((d) => d.items.filter((i): i is VisitItem => i.kind === 'visit'));

describe('a product that includes other sites (Two Dams One Gorge)', () => {
  it('the catalogue says what the boat includes: the dam\'s visitor area and Xiling Gorge, sourced', () => {
    const boat = byId('two-dams-one-gorge-cruise');
    expect(boat.includes).toEqual(['three-gorges-dam', 'xiling-gorge-scenic-area']);
    expect(boat.provenance?.['includes']?.sources.length).toBeGreaterThan(0);
  });

  it('is worth what it includes plus the boat\'s own hour (dam 45 + Xiling Gorge 26 + 9 on a water and culture trip), not 25 as an unrated stop', () => {
    const themes = ['water', 'cultural'] as const;
    expect(stopScore(byId('two-dams-one-gorge-cruise'), themes, byId)).toBe(45 + 26 + 9);
    expect(catalogueScore(catalogue)(byId('two-dams-one-gorge-cruise'), themes)).toBe(80);
    expect(catalogueScore(catalogue)(byId('three-gorges-dam'), themes)).toBe(45);
  });

  it('its pier by the centre is a short walk from the hotel; the boat\'s leg to the dam takes the dam road\'s hour', () => {
    const legs = localLegs(catalogue, 15);
    expect(legs.leg('yichang', 'two-dams-one-gorge-cruise')!.minutes).toBeLessThanOrEqual(15);
    expect(legs.leg('yichang', 'three-gorges-dam')!.minutes).toBe(75);
    expect(legs.leg('two-dams-one-gorge-cruise', 'three-gorges-dam')!.minutes).toBeGreaterThanOrEqual(75 - 15);
  });

  it('a 3-day Yichang trip books the boat and sells neither the dam nor Xiling Gorge again; the visit says what it includes; plan check agrees', () => {
    const result = planTrip(catalogue, aRequest({ from: 'yichang', to: 'yichang', days: 3, start: '2027-04-12', themes: ['water', 'cultural'], party: { adult: 2 } }), calendar, {
      seed: 1, maxIterations: 400, effort: 60_000,
    });
    if (!result.ok) throw new Error(result.message);
    const ids = visits(result.itinerary).map((v) => v.attraction);
    expect(ids).toContain('two-dams-one-gorge-cruise');
    expect(ids).not.toContain('three-gorges-dam');
    expect(ids).not.toContain('xiling-gorge-scenic-area');
    expect(visits(result.itinerary).find((v) => v.attraction === 'two-dams-one-gorge-cruise')!.includes).toEqual(['three-gorges-dam', 'xiling-gorge-scenic-area']);
    expect(result.itinerary.unscheduled.map((u) => u.attraction)).not.toContain('three-gorges-dam');
    expect(checkItinerary(result.itinerary, catalogue, calendar)).toEqual([]);
  });

  it('plan check faults a plan that visits the dam as well as the boat that includes it', async () => {
    const run = await runCli(['--catalogue', SHIPPED, 'plan', '--from', 'yichang', '--to', 'yichang', '--start', '2027-04-12', '--days', '3',
      '--themes', 'water,cultural', '--party', 'adult=2', '--json', '-q'], { monotonicMs: () => 0 });
    const doc = JSON.parse(run.stdout) as Itinerary;
    expect(visits(doc).map((v) => v.attraction)).toContain('two-dams-one-gorge-cruise');
    // Another day's first stop swapped for the dam: the dam would be sold twice.
    const k = doc.days.findIndex((d) => d.items.some((i) => i.kind === 'visit' && i.attraction !== 'two-dams-one-gorge-cruise'));
    const other = doc.days[k]!.items.find((i): i is VisitItem => i.kind === 'visit')!;
    const withDam: Itinerary = {
      ...doc,
      days: doc.days.map((d, n) => (n !== k ? d : { ...d, items: d.items.map((i) => (i === other ? { ...other, attraction: 'three-gorges-dam', themes: ['water', 'cultural'] } : i)) })),
    };
    const faults = checkItinerary(withDam, catalogue, calendar);
    expect(faults.some((f) => f.code === 'duplicate-visit' && /three-gorges-dam/.test(f.message) && /two-dams-one-gorge-cruise/.test(f.message))).toBe(true);
  });
});

describe('a product whose sites the cruise already visits', () => {
  it('is not offered on a trip that sails to Yichang (the ship takes the party to the dam): the 7-day Chongqing → Nanchang water trip', () => {
    const result = planTrip(catalogue, aRequest({ from: 'chongqing', to: 'nanchang', days: 7, start: '2027-04-12', themes: ['water', 'cultural'], party: { adult: 2, child: 1 } }), calendar, {
      seed: 1, maxIterations: 300, effort: 40_000,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.itinerary.days.some((d) => d.lodging === 'on-board')).toBe(true);
    expect(result.built.landDays.some(({ day }) => day.startCity === 'yichang' || day.endCity === 'yichang')).toBe(true);
    expect(result.built.attractions.map((a) => a.id)).not.toContain('two-dams-one-gorge-cruise');
    expect(visits(result.itinerary).filter((v) => v.attraction === 'three-gorges-dam')).toHaveLength(1);
  });
});
