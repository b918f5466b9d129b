/**
 * Sights at a time of day and boats at their sailings (plan/time-of-day.ts; catalogue `best_time`
 * and `departures`), on the shipped catalogue. Before, Hongyadong — whose whole point is the facade
 * lit from about 18:00 to 22:00 — was visited at noon, and the Wuhan Two Rivers cruise started
 * whenever the party arrived inside an estimated 09:00–17:00 window, though the boats leave at
 * fixed sailings (12:30, 15:00, and in turn between 19:00 and 20:30 in the evening).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import type { Itinerary, ItineraryItem, VisitItem } from '../../src/domain/itinerary/itinerary.js';
import { windowsOn } from '../../src/domain/plan/build-problem.js';
import { EVENING_RETURN_BY_MIN } from '../../src/domain/plan/time-of-day.js';
import { shippedCatalogue } from './shipped.js';
import { atClock, planChecker, planJson, retimed, runShipped as run } from './shipped-cli.js';
import { hhmm } from '../../src/domain/itinerary/itinerary-time.js';

const clock = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
const visitsOf = (p: Itinerary, id: string) =>
  p.days.flatMap((d) => d.items.filter((i): i is VisitItem => i.kind === 'visit' && i.attraction === id));
const endOf = (i: ItineraryItem): string => (i.kind === 'travel' ? i.arrive : i.end);

let catalogue: Catalogue;
let calendar: HolidayCalendar;
beforeAll(async () => void ({ catalogue, calendar } = await shippedCatalogue()));
const checker = planChecker('yangtze-time-of-day-');
afterAll(() => checker.remove());
const check = checker.check;
const site = (id: string) => catalogue.attractions.find((a) => a.id === id)!;

describe('start windows', () => {
  it('a lit sight starts so as to end inside its best time: Hongyadong (18:00-22:00), 90 min, from 18:00 to 20:30', () => {
    const a = site('hongyadong');
    expect(a.bestTime).toEqual({ fromMin: 18 * 60, toMin: 22 * 60 });
    expect(windowsOn(a, '2027-04-13', 2, 90, calendar, catalogue.timezone)).toEqual([{ open: 2 * 1440 + 18 * 60, close: 2 * 1440 + 20 * 60 + 30 }]);
  });

  it('a boat starts only at its sailings: 12:30, 15:00, and the evening run 19:00-20:30 every ten minutes (boats in turn, headway not given)', () => {
    const a = site('two-rivers-cruise');
    expect(a.departures).toEqual([{ fromMin: 750, toMin: 750 }, { fromMin: 900, toMin: 900 }, { fromMin: 1140, toMin: 1230 }]);
    const evening = Array.from({ length: 10 }, (_, k) => ({ open: 1140 + 10 * k, close: 1140 + 10 * k }));
    expect(windowsOn(a, '2027-04-13', 0, 60, calendar, catalogue.timezone)).toEqual([
      { open: 750, close: 750 },
      { open: 900, close: 900 },
      ...evening,
    ]);
  });
});

describe('a day in Chongqing that must see Hongyadong', () => {
  let p: Itinerary;
  beforeAll(async () => void (p = await planJson(['--from', 'chongqing', '--stay', 'chongqing', '--start', '2027-04-13', '--days', '1', '--must', 'hongyadong'])), 60_000);

  it('sees it lit, after dinner, as the last sight of the day: only the ride back follows', async () => {
    const [v] = visitsOf(p, 'hongyadong');
    expect(clock(v!.start)).toBeGreaterThanOrEqual(18 * 60);
    expect(clock(v!.end)).toBeLessThanOrEqual(22 * 60);
    const items = p.days[0]!.items;
    const at = items.indexOf(v!);
    const dinner = items.find((i) => i.kind === 'meal' && i.meal === 'dinner');
    expect(dinner && endOf(dinner) <= v!.start).toBe(true);
    expect(items.slice(at + 1).map((i) => i.kind)).toEqual(['travel']);
    expect(clock(endOf(items.at(-1)!))).toBeLessThanOrEqual(EVENING_RETURN_BY_MIN);
    expect(await check(p)).toEqual({ exitCode: 0, out: '' });
  });

  it('plan check flags the same visit moved to noon: outside its best time', async () => {
    const moved = retimed(p, 0, (i) => i.kind === 'visit' && i.attraction === 'hongyadong', '12:00', '13:30');
    const r = await check(moved);
    expect(r.exitCode).toBe(1);
    expect(r.out).toContain('outside-best-time');
    expect(r.out).toContain('hongyadong is seen 18:00–22:00 (catalogue best_time); the visit is 12:00–13:30');
  });
});

describe('a Monday in Chongqing (the museum shut)', () => {
  it('fills the day with the city\'s sights and ends at Hongyadong by night: the gorge sites 280-400 km down the river take no shortlist place', async () => {
    // Before, the cruise's gorge sites (filed under Chongqing, too far for any day) filled the city's shortlist:
    // the day was Ciqikou and the cableway, back at the hotel at 14:10, without Hongyadong or the Great Hall.
    const p = await planJson(['--from', 'chongqing', '--stay', 'chongqing', '--start', '2027-04-12', '--days', '1', '--themes', 'water,cultural']);
    const visits = p.days[0]!.items.filter((i): i is VisitItem => i.kind === 'visit').map((v) => v.attraction);
    expect(visits).toEqual(expect.arrayContaining(['great-hall-of-the-people-chongqing', 'ciqikou', 'yangtze-river-cableway']));
    expect(visits.at(-1)).toBe('hongyadong');
    expect(await check(p)).toEqual({ exitCode: 0, out: '' });
  }, 60_000);
});

describe('the Wuhan Two Rivers cruise', () => {
  it('an afternoon and evening in Wuhan takes the evening boat after dinner, past the day\'s usual end, back by 22:30', async () => {
    const p = await planJson(['--from', 'wuhan', '--stay', 'wuhan', '--start', '2027-04-13', '--days', '1', '--day-start', '14:00', '--must', 'two-rivers-cruise']);
    const visits = visitsOf(p, 'two-rivers-cruise');
    expect(visits).toHaveLength(1);
    const v = visits[0]!;
    // One visit, at a departure of the evening run, one hour on the river.
    expect(clock(v.start)).toBeGreaterThanOrEqual(19 * 60);
    expect(clock(v.start)).toBeLessThanOrEqual(20 * 60 + 30);
    expect(clock(v.end) - clock(v.start)).toBe(60);
    const items = p.days[0]!.items;
    const dinner = items.find((i) => i.kind === 'meal' && i.meal === 'dinner');
    expect(dinner && endOf(dinner) <= v.start).toBe(true);
    expect(items.slice(items.indexOf(v) + 1).map((i) => i.kind)).toEqual(['travel']);
    expect(clock(endOf(items.at(-1)!))).toBeGreaterThan(20 * 60);
    expect(clock(endOf(items.at(-1)!))).toBeLessThanOrEqual(EVENING_RETURN_BY_MIN);
    expect(await check(p)).toEqual({ exitCode: 0, out: '' });
  }, 60_000);

  it('three days in Wuhan board it at a sailing, and plan check flags a start between sailings', async () => {
    const p = await planJson(['--from', 'wuhan', '--stay', 'wuhan', '--start', '2027-04-12', '--days', '3', '--must', 'two-rivers-cruise']);
    const [v, ...more] = visitsOf(p, 'two-rivers-cruise');
    expect(more).toEqual([]);
    const start = clock(v!.start);
    expect(site('two-rivers-cruise').departures!.some((d) => start >= d.fromMin && start <= d.toMin)).toBe(true);
    expect(await check(p)).toEqual({ exitCode: 0, out: '' });
    const shifted = (iso: string, by: number) => atClock(iso, hhmm(clock(iso) + by));
    // 17:00 is no sailing: from the 15:00 or the evening boat, move it into the gap.
    const to = 17 * 60 - start;
    const days = p.days.map((d) => ({ ...d, items: d.items.map((i) => (i === v ? { ...i, start: shifted(i.start, to), end: shifted(i.end, to) } : i)) }));
    const r = await check({ ...p, days });
    expect(r.exitCode).toBe(1);
    expect(r.out).toContain('not-a-sailing');
    expect(r.out).toContain('two-rivers-cruise leaves at 12:30, 15:00, 19:00–20:30 (catalogue departures); the visit starts at 17:00');
  }, 60_000);

  it('a party that can only be at the pier after the last evening boat is told so: last-entry, the last sailing', async () => {
    const p = await run(['plan', '--from', 'wuhan', '--stay', 'wuhan', '--start', '2027-04-13', '--days', '1', '--day-start', '20:45', '--day-end', '23:00', '--no-meals', '--must', 'two-rivers-cruise', '--json', '-q']);
    const it = JSON.parse(p.stdout) as Itinerary;
    const u = it.unscheduled.find((x) => x.attraction === 'two-rivers-cruise');
    expect(u).toMatchObject({ reason: 'last-entry' });
    expect(u!.detail).toContain('after the last sailing it can take for a 1 h visit (20:30)');
  }, 60_000);
});
