import { describe, expect, it } from '@jest/globals';
import type { Itinerary, ItineraryItem } from '../../src/domain/itinerary/itinerary.js';
import { checkItinerary } from '../../src/domain/itinerary/check-itinerary.js';
import { planTrip } from '../../src/domain/plan/plan-trip.js';
import { aRequest } from './shipped.js';
import { corridor, plainCalendar } from './fixture.js';

const catalogue = corridor();
const calendar = plainCalendar();

/** Tuesday 12 May 2026 in Wuhan, then the train to Changsha on day 2. */
function validPlan(): Itinerary {
  const request = aRequest({ from: 'wuhan', to: 'changsha', start: '2026-05-12', days: 2, party: { adult: 2, child: 1 } });
  const result = planTrip(catalogue, request, calendar, { seed: 1, maxIterations: 100 });
  if (!result.ok) throw new Error(result.message);
  return result.itinerary;
}

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };
function edit(plan: Itinerary, change: (p: Mutable<Itinerary>) => void): Itinerary {
  const copy = structuredClone(plan) as Mutable<Itinerary>;
  change(copy);
  return copy as Itinerary;
}
function codes(plan: Itinerary): string[] {
  return checkItinerary(plan, catalogue, calendar).map((v) => v.code);
}
function firstVisit(p: Mutable<Itinerary>): { item: Mutable<ItineraryItem> & { kind: 'visit' }; index: number; day: number } {
  for (const [d, day] of p.days.entries()) {
    const index = day.items.findIndex((i) => i.kind === 'visit');
    if (index >= 0) return { item: day.items[index] as Mutable<ItineraryItem> & { kind: 'visit' }, index, day: d };
  }
  throw new Error('no visit');
}

describe('checkItinerary', () => {
  const plan = validPlan();

  it('finds nothing wrong with what the planner made', () => {
    expect(plan.totals.visits).toBeGreaterThan(2);
    expect(checkItinerary(plan, catalogue, calendar)).toEqual([]);
  });

  it('reports a visit on the museum\'s weekly closing day', () => {
    const monday = edit(plan, (p) => {
      p.request.start = '2026-05-11';
      for (const [d, day] of p.days.entries()) {
        day.date = `2026-05-${11 + d}`;
        for (const item of day.items) {
          if (item.kind !== 'travel') { item.start = item.start.replace(/2026-05-1(\d)/, (_, n) => `2026-05-1${Number(n) - 1}`); item.end = item.end.replace(/2026-05-1(\d)/, (_, n) => `2026-05-1${Number(n) - 1}`); }
          else { item.depart = item.depart.replace(/2026-05-1(\d)/, (_, n) => `2026-05-1${Number(n) - 1}`); item.arrive = item.arrive.replace(/2026-05-1(\d)/, (_, n) => `2026-05-1${Number(n) - 1}`); }
        }
      }
    });
    const museumVisited = plan.days[0]!.items.some((i) => i.kind === 'visit' && i.attraction === 'museum');
    expect(museumVisited).toBe(true);
    expect(codes(monday)).toContain('closed');
  });

  it('reports a visit starting after last entry and one ending after closing', () => {
    const late = edit(plan, (p) => {
      const { item } = firstVisit(p);
      item.attraction = 'tower';
      item.start = `${p.days[0]!.date}T17:30:00+08:00`;
      item.end = `${p.days[0]!.date}T19:00:00+08:00`;
    });
    expect(codes(late)).toContain('after-last-entry');
    const overrun = edit(plan, (p) => {
      const { item } = firstVisit(p);
      item.attraction = 'memorial';
      item.start = `${p.days[0]!.date}T16:30:00+08:00`;
      item.end = `${p.days[0]!.date}T17:30:00+08:00`;
    });
    expect(codes(overrun)).toContain('ends-after-closing');
  });

  it('reports two items that overlap', () => {
    const overlapping = edit(plan, (p) => {
      const visits = p.days[0]!.items.filter((i) => i.kind === 'visit');
      const second = visits[1]!;
      if (second.kind === 'visit') second.start = visits[0]!.kind === 'visit' ? visits[0]!.start : second.start;
    });
    expect(codes(overlapping)).toContain('overlap');
  });

  it('reports a local transfer faster than the city can allow', () => {
    const fast = edit(plan, (p) => {
      const leg = p.days[0]!.items.find((i) => i.kind === 'travel' && i.mode === 'local')!;
      if (leg.kind === 'travel') leg.arrive = leg.depart;
    });
    expect(codes(fast)).toContain('travel-too-short');
  });

  it('reports a train off the timetable and one faster than the line', () => {
    const rail = plan.days.flatMap((d) => d.items).find((i) => i.kind === 'travel' && i.mode === 'rail');
    expect(rail).toBeDefined();
    const off = edit(plan, (p) => {
      for (const day of p.days) for (const i of day.items) if (i.kind === 'travel' && i.mode === 'rail') i.depart = i.depart.replace(/T(\d\d):(\d\d)/, (_, h) => `T${h}:07`);
    });
    expect(codes(off)).toContain('off-timetable');
    const quick = edit(plan, (p) => {
      for (const day of p.days) for (const i of day.items) if (i.kind === 'travel' && i.mode === 'rail') i.arrive = i.depart;
    });
    expect(codes(quick)).toContain('travel-too-short');
  });

  it('reports a night in a town without hotels', () => {
    const hamlet = edit(plan, (p) => { p.days[0]!.lodging = 'hamlet'; });
    expect(codes(hamlet)).toContain('no-lodging');
  });

  it('reports an avoided stop in the plan and a must-see neither planned nor explained', () => {
    const visited = firstVisit(structuredClone(plan) as Mutable<Itinerary>).item.attraction;
    const avoided = edit(plan, (p) => { p.request.avoid = [visited]; });
    expect(codes(avoided)).toContain('avoided-visited');
    const must = edit(plan, (p) => { p.request.must = ['lake']; p.unscheduled = p.unscheduled.filter((u) => u.attraction !== 'lake'); });
    const lakePlanned = plan.days.some((d) => d.items.some((i) => i.kind === 'visit' && i.attraction === 'lake'));
    expect(codes(must).includes('must-missing')).toBe(!lakePlanned);
  });

  it('reports a budget the plan exceeds', () => {
    const total = plan.totals.admission + plan.totals.transport;
    const tight = edit(plan, (p) => { p.request.budget = total - 1; });
    expect(codes(tight)).toEqual(['over-budget']);
  });

  it('reports costs that are not the party\'s price, and totals that do not add up', () => {
    const wrong = edit(plan, (p) => {
      const paid = p.days.flatMap((d) => d.items).find((i) => i.kind === 'visit' && i.cost > 0)!;
      paid.cost += 10;
    });
    expect(codes(wrong)).toEqual(expect.arrayContaining(['cost-mismatch', 'totals-mismatch']));
  });

  it('reports ids the catalogue does not know', () => {
    const unknown = edit(plan, (p) => {
      const { item } = firstVisit(p);
      item.attraction = 'yellow-crane-towr';
    });
    expect(codes(unknown)).toContain('unknown-id');
  });

  it('reports the party somewhere it never travelled to', () => {
    const teleport = edit(plan, (p) => {
      p.days[0]!.items = p.days[0]!.items.filter((i) => i.kind !== 'travel' || i.mode !== 'local' || i.from !== 'wuhan');
    });
    expect(codes(teleport)).toContain('not-there');
  });
});
