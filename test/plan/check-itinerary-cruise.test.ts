/**
 * plan check on a plan that sails a cruise product: the programme's visits and items happen
 * aboard (inside the cruise leg's span), so they are not overlaps, need no travel item, and are
 * priced by the programme; moved off the ship, or priced otherwise, they are violations.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import type { Itinerary } from '../../src/domain/itinerary/itinerary.js';
import { checkItinerary } from '../../src/domain/itinerary/check-itinerary.js';
import { planTrip } from '../../src/domain/plan/plan-trip.js';
import { aRequest, shippedCatalogue } from './shipped.js';

let catalogue: Catalogue;
let calendar: HolidayCalendar;
let plan: Itinerary;
beforeAll(async () => {
  ({ catalogue, calendar } = await shippedCatalogue());
  const request = aRequest({ from: 'chongqing', to: 'yichang', start: '2026-05-12', days: 4, themes: ['water'], must: ['wu-gorge', 'baidicheng-qutang'], party: { adult: 2 } });
  const result = planTrip(catalogue, request, calendar, { seed: 1, maxIterations: 100 });
  if (!result.ok) throw new Error(result.message);
  plan = result.itinerary;
}, 60_000);

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };
const edit = (change: (p: Mutable<Itinerary>) => void): Itinerary => {
  const copy = structuredClone(plan) as Mutable<Itinerary>;
  change(copy);
  return copy as Itinerary;
};
const codes = (p: Itinerary) => checkItinerary(p, catalogue, calendar).map((v) => v.code);
const find = (p: Mutable<Itinerary>, test: (i: Mutable<Itinerary>['days'][number]['items'][number]) => boolean) => {
  for (const day of p.days) for (const item of day.items) if (test(item)) return item;
  throw new Error('not in the plan');
};

describe('checkItinerary on a cruise', () => {
  it('finds nothing wrong: programme visits and items lie inside the cruise leg, which is no overlap', () => {
    const aboard = plan.days.flatMap((d) => d.items).filter((i) => i.kind === 'cruise' || (i.kind === 'visit' && i.aboard !== undefined));
    expect(aboard.length).toBeGreaterThanOrEqual(5);
    expect(checkItinerary(plan, catalogue, calendar)).toEqual([]);
  });

  it('a programme item moved past the landing is not aboard', () => {
    const moved = edit((p) => {
      const item = p.days[1]!.items.find((i) => i.kind === 'cruise')!;
      if (item.kind !== 'cruise') throw new Error('no cruise item');
      p.days[3]!.items.push({ ...item, start: '2026-05-15T18:00:00+08:00', end: '2026-05-15T19:00:00+08:00' });
    });
    expect(codes(moved)).toContain('not-aboard');
  });

  it('boarding is the last item of day 1, before the ship sails; a boarding on a day no ship sails is not aboard', () => {
    const day1 = plan.days[0]!.items;
    const board = day1.findIndex((i) => i.kind === 'cruise' && i.part === 'board');
    expect(board).toBeGreaterThanOrEqual(0);
    expect(day1[board + 1]).toMatchObject({ kind: 'travel', mode: 'cruise', from: 'chongqing' });
    const late = edit((p) => {
      const item = p.days[0]!.items.splice(board, 1)[0]!;
      p.days[3]!.items.push({ ...item, start: '2026-05-15T18:00:00+08:00', end: '2026-05-15T19:00:00+08:00' } as typeof item);
    });
    expect(codes(late)).toContain('not-aboard');
  });

  it('an optional excursion costs its published price for the party (290 × 2), not the admission or nothing', () => {
    const baidicheng = plan.days.flatMap((d) => d.items).find((i) => i.kind === 'visit' && i.attraction === 'baidicheng-qutang');
    expect(baidicheng).toMatchObject({ cost: 580, aboard: 'three-gorges-cruise-downstream', excursion: true, optional: true });
    const free = edit((p) => {
      const item = find(p, (i) => i.kind === 'visit' && i.attraction === 'baidicheng-qutang');
      if (item.kind === 'visit') item.cost = 0;
      p.totals.admission -= 580;
    });
    expect(codes(free)).toEqual(['cost-mismatch']);
  });

  it('an included shore excursion is in the fare: charging its admission is a cost mismatch', () => {
    const charged = edit((p) => {
      const item = find(p, (i) => i.kind === 'visit' && i.attraction === 'three-gorges-dam');
      if (item.kind === 'visit') item.cost = 70;
      p.totals.admission += 70;
    });
    expect(codes(charged)).toEqual(['cost-mismatch']);
  });
});
