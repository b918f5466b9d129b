/**
 * Local transfers on the itinerary: every leg from the hotel to the first
 * stop and back, how it is made (walk, taxi, the group's vehicle), what it
 * costs the party, and that the cost is in totals.transport and the budget —
 * in the JSON and in the terminal view.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import type { Itinerary, PlanRequest, TravelItem } from '../../src/domain/itinerary/itinerary.js';
import { planTrip } from '../../src/domain/plan/plan-trip.js';
import { taxiFareFen, vehicleFor } from '../../src/domain/travel/local-fares.js';
import { runCli, stripAnsi } from '../cli/helpers/run-cli.js';
import { SHIPPED, aRequest, shippedCatalogue } from './shipped.js';

let catalogue: Catalogue;
let calendar: HolidayCalendar;
beforeAll(async () => void ({ catalogue, calendar } = await shippedCatalogue()));

function plan(request: PlanRequest): Itinerary {
  const result = planTrip(catalogue, request, calendar, { seed: 1, maxIterations: 60 });
  if (!result.ok) throw new Error(result.message);
  return result.itinerary;
}

const localItems = (it: Itinerary): TravelItem[] =>
  it.days.flatMap((d) => d.items.filter((i): i is TravelItem => i.kind === 'travel' && i.mode === 'local'));
const cityOf = (id: string) => catalogue.attractions.find((a) => a.id === id)?.city ?? id;

const twoInJingdezhen = () => aRequest({ from: 'jingdezhen', to: 'jingdezhen', cities: [], days: 2, start: '2027-04-13', party: { adult: 2 }, must: ['yaoli-ancient-town'] });

describe('local transfers', () => {
  it('leaves the hotel for the first stop and comes back from the last, every sightseeing day', () => {
    const it = plan(twoInJingdezhen());
    for (const day of it.days) {
      const visits = day.items.filter((i) => i.kind === 'visit');
      if (visits.length === 0) continue;
      const travel = day.items.filter((i): i is TravelItem => i.kind === 'travel');
      expect(travel[0]).toMatchObject({ from: day.start, mode: 'local' });
      expect(travel.at(-1)).toMatchObject({ to: day.lodging, mode: 'local' });
    }
  });

  it('prices a small party\'s taxi rides by the meter, walks for nothing, and says so', () => {
    const it = plan(twoInJingdezhen());
    const items = localItems(it);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.transfer).toBeDefined();
      if (item.transfer!.by === 'walk') {
        expect(item.cost).toBe(0);
        continue;
      }
      expect(item.transfer!.by).toBe('taxi');
      const rate = catalogue.rates!.taxi.find((r) => r.city === cityOf(item.from))!;
      expect(item.cost * 100).toBeCloseTo(item.transfer!.taxis! * taxiFareFen(rate, item.transfer!.km), 6);
      expect(item.estimates).toContain('distance');
    }
    const yaoli = items.find((i) => i.to === 'yaoli-ancient-town')!;
    expect(yaoli.transfer!.km).toBeGreaterThan(40); // 40–60 km of mountain road
    expect(yaoli.cost).toBeGreaterThan(100);
  });

  it('counts every travel item\'s cost in totals.transport', () => {
    const it = plan(twoInJingdezhen());
    const sum = it.days.flatMap((d) => d.items).filter((i): i is TravelItem => i.kind === 'travel').reduce((s, i) => s + i.cost, 0);
    expect(it.totals.transport).toBeCloseTo(sum, 6);
    expect(it.totals.transport).toBeGreaterThan(0);
  });

  it('hires one vehicle per day and city for a group: its day rate on the day\'s first leg there', () => {
    const group = { adult: 6 };
    const it = plan({ ...twoInJingdezhen(), party: group });
    const rate = vehicleFor(catalogue.rates, 6, 'jingdezhen')!;
    for (const day of it.days) {
      const driven = day.items.filter((i): i is TravelItem => i.kind === 'travel' && i.mode === 'local' && i.transfer?.by !== 'walk');
      if (driven.length === 0) continue;
      expect(driven.every((i) => i.transfer!.by === 'vehicle')).toBe(true);
      expect(driven[0]).toMatchObject({ cost: rate.rate.perDayFen / 100, transfer: { vehicle: { seats: rate.rate.seats, count: 1 } } });
      expect(driven.slice(1).every((i) => i.cost === 0 && i.transfer!.vehicle === undefined)).toBe(true);
    }
  });

  it('keeps admission plus every transport cost within --budget', () => {
    const it = plan({ ...twoInJingdezhen(), must: [], budget: 300 });
    expect(localItems(it).some((i) => i.cost > 0)).toBe(true);
    expect(it.totals.admission + it.totals.transport).toBeLessThanOrEqual(300);
  });
});

describe('yangtze plan shows the transfers', () => {
  const args = ['--catalogue', SHIPPED, 'plan', '--from', 'jingdezhen', '--to', 'jingdezhen', '--start', '2027-04-13', '--days', '1', '--party', 'adult=2', '--must', 'yaoli-ancient-town', '-q'];

  it('in the terminal: how, how far and what it costs', async () => {
    const run = await runCli(args, { tty: true, monotonicMs: () => 0 });
    expect(run.exitCode).toBe(0);
    const text = stripAnsi(run.stdout);
    expect(text).toMatch(/→ Yaoli Ancient Town[^\n]* · Taxi \d+(\.\d)? km 1 h 45 min +¥\d+\.\d\d†/);
    expect(text).toMatch(/distance \(road model\)/);
  });

  it('a group: the leg that carries the day\'s hire says so (a ¥1,200 "Private vehicle 16 km" read as one ride\'s fare)', async () => {
    const group = ['--catalogue', SHIPPED, 'plan', '--from', 'wuhan', '--stay', 'wuhan', '--start', '2027-05-11', '--days', '1', '--party', 'adult=12', '-q', '--format', 'markdown'];
    const rate = vehicleFor(catalogue.rates, 12, 'wuhan')!;
    const en = (await runCli(group, { monotonicMs: () => 0 })).stdout.split('\n').filter((l) => l.includes('Private vehicle'));
    expect(en.length).toBeGreaterThan(1);
    expect(en[0]).toContain(`Private vehicle (${rate.rate.seats} seats with driver, for the day) `);
    expect(en.slice(1).every((l) => !l.includes('for the day'))).toBe(true);
    const zh = (await runCli([...group, '--lang', 'zh'], { monotonicMs: () => 0 })).stdout;
    expect(zh).toContain(`包车（${rate.rate.seats}座，含司机，全天）`);
  });

  it('in --json: the transfer on each local item', async () => {
    const run = await runCli([...args, '--json'], { monotonicMs: () => 0 });
    expect(run.exitCode).toBe(0);
    const it = JSON.parse(run.stdout) as Itinerary;
    const toYaoli = localItems(it).find((i) => i.to === 'yaoli-ancient-town')!;
    expect(toYaoli).toMatchObject({ transfer: { by: 'taxi', taxis: 1 }, estimates: expect.arrayContaining(['distance']) });
  });
});
