/**
 * What the quote takes from the plan and what it derives: meal items (the
 * planner's `meal` kind) replace the derived lunches and dinners; nights on
 * board have no hotel and their meals come with the cruise; items aboard a
 * cruise are not local transfers.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../cli/helpers/run-cli.js';
import type { Itinerary, TravelItem } from '../../src/domain/itinerary/itinerary.js';
import { quoteTrip } from '../../src/domain/quote/quote-trip.js';
import { goldenPlan, options, shipped, shippedRates } from './shipped.js';

const cruise = goldenPlan('cruise-chongqing-wuhan');

function withMeals(plan: Itinerary, meals: readonly { day: number; meal: 'lunch' | 'dinner'; city: string; at?: string }[]): Itinerary {
  return {
    ...plan,
    days: plan.days.map((d) => ({
      ...d,
      items: [
        ...d.items,
        ...meals
          .filter((m) => m.day === d.day)
          .map((m) => ({ kind: 'meal', meal: m.meal, city: m.city, near: m.city, start: `${d.date}T${m.at ?? '12:00'}:00+08:00`, end: `${d.date}T13:00:00+08:00`, cost: 180, estimate: true })),
      ],
    })) as unknown as Itinerary['days'],
  };
}

const mealLines = (plan: Itinerary) =>
  quoteTrip(plan, shipped, shippedRates, options({ party: { adult: 2 } }))
    .lines.filter((l) => l.section === 'meals')
    .map((l) => `D${l.day} ${l.label.en}`);

describe('meals', () => {
  it('without meal items: lunch each day and dinner each night ashore, none aboard', () => {
    const lines = mealLines(cruise);
    expect(lines).not.toContain('D2 Lunch, adult'); // aboard all day
    expect(lines).not.toContain('D3 Dinner, adult');
    expect(lines).toContain('D5 Lunch, adult');
    expect(lines).toContain('D5 Dinner, adult');
    expect(lines).not.toContain('D6 Dinner, adult'); // the trip ends that evening
  });

  it('with meal items: exactly the planned lunches and dinners, and the assumption says so', () => {
    const plan = withMeals(cruise, [{ day: 5, meal: 'lunch', city: 'wuhan' }, { day: 6, meal: 'dinner', city: 'nanchang' }]);
    expect(mealLines(plan)).toEqual(['D5 Lunch, adult', 'D6 Dinner, adult']);
    const q = quoteTrip(plan, shipped, shippedRates, options({ party: { adult: 2 } }));
    expect(q.assumptions.map((a) => a.en)).toContain('Lunches and dinners as in the plan; breakfast at the hotel.');
    expect(q.days.find((d) => d.day === 5)!.meals).toEqual([{ meal: 'breakfast', where: 'hotel' }, { meal: 'lunch', where: 'restaurant' }]);
    // A plan has no meal items aboard; the ship's meals still show, priced in the cruise fare.
    expect(q.days.find((d) => d.day === 2)!.meals).toEqual([{ meal: 'breakfast', where: 'on-board' }, { meal: 'lunch', where: 'on-board' }, { meal: 'dinner', where: 'on-board' }]);
  });
});

describe('a landing day', () => {
  it('a planned lunch ashore after the ship lands (15:00 in this older plan) is a restaurant lunch, not the ship\'s (it was dropped as "on board")', () => {
    const arrive = cruise.days.flatMap((d) => d.items).find((i): i is TravelItem => i.kind === 'travel' && i.mode === 'cruise')!.arrive;
    const landing = cruise.days.find((d) => arrive.startsWith(d.date))!; // day 4, ashore 15:00
    const plan = withMeals(cruise, [{ day: landing.day, meal: 'lunch', city: 'yichang', at: '15:30' }]);
    expect(mealLines(plan)).toContain(`D${landing.day} Lunch, adult`);
    const q = quoteTrip(plan, shipped, shippedRates, options({ party: { adult: 2 } }));
    expect(q.days.find((d) => d.day === landing.day)!.meals).toContainEqual({ meal: 'lunch', where: 'restaurant' });
  });
});

describe('nights', () => {
  it('a hotel for each night ashore, the last after an evening arrival; none on board', () => {
    const q = quoteTrip(cruise, shipped, shippedRates, options());
    const nights = q.lines.filter((l) => l.section === 'lodging').map((l) => l.day);
    expect(nights).toEqual([4, 5, 6]); // days 1-3 end on board; day 6 ends with the 19:00 arrival in Wuhan, so its night is included (last-night.test.ts)
    expect(q.trip.nights).toBe(6);
    expect(q.days.filter((d) => d.night === 'on-board').map((d) => d.day)).toEqual([1, 2, 3]);
  });
});

describe('transfers', () => {
  it('taxis: a ride per local transfer, cars for the party, the distance an estimate', () => {
    const q = quoteTrip(cruise, shipped, shippedRates, options({ transport: 'taxi', party: { adult: 5 } }));
    const rides = q.lines.filter((l) => l.section === 'transfers');
    // An older plan says nothing of how its legs are made: the road model decides which are walked.
    const local = cruise.days.flatMap((d) => d.items).filter((i): i is TravelItem => i.kind === 'travel' && i.mode === 'local');
    expect(local.every((i) => i.transfer === undefined)).toBe(true);
    expect(rides.length).toBeGreaterThan(0);
    expect(rides.length).toBeLessThanOrEqual(local.length);
    for (const r of rides) expect(r).toMatchObject({ unit: 'ride', quantity: 2, estimate: true }); // five travellers, four to a taxi
    expect(rides.every((r) => r.unitFen >= 800)).toBe(true); // never below the flag fall
  });

  it('taxis: the plan\'s own rides, at the distance each local item gives, none for a walk', () => {
    const planned = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'golden', 'cruise-chongqing-wuhan.itinerary.json'), 'utf8')) as Itinerary;
    const q = quoteTrip(planned, shipped, shippedRates, options({ transport: 'taxi', party: { adult: 2 } }));
    const rides = q.lines.filter((l) => l.section === 'transfers');
    const local = planned.days.flatMap((d) => d.items).filter((i): i is TravelItem => i.kind === 'travel' && i.mode === 'local');
    const driven = local.filter((i) => i.transfer!.by !== 'walk');
    expect(driven.length).toBeLessThan(local.length); // some legs are walked
    expect(rides.map((r) => r.label.en.replace(/.*, /, ''))).toEqual(driven.map((i) => `${i.transfer!.km.toFixed(1)} km`));
    // Same tariff as the planner's: the quote's rides cost what the plan's items say.
    expect(rides.map((r) => (r.quantity * r.unitFen) / 100)).toEqual(driven.map((i) => i.cost));
  });

  it('a vehicle with driver: the smallest that seats the party, shared by everyone', () => {
    const vehicle = (adult: number) => quoteTrip(cruise, shipped, shippedRates, options({ party: { adult } })).lines.find((l) => l.section === 'transfers')!;
    expect(vehicle(2).label.en).toContain('Vehicle with driver (up to 3 passengers)');
    expect(vehicle(5).label.en).toContain('(up to 6 passengers)');
    expect(vehicle(12).label.en).toContain('(up to 14 passengers)');
    expect(vehicle(40).label.en).toContain('2 vehicles with driver (up to 30 passengers each)');
    expect(vehicle(40)).toMatchObject({ quantity: 2 }); // two 30-seat coaches
    expect(vehicle(5).payers).toEqual(['adult:twin', 'adult:single']);
  });
});
