/**
 * The day's timing as a customer reads it (operator's review, session 8), whole-CLI on the
 * shipped catalogue:
 * - lunch around trains: the README 7-day trip took a 12:00 train on day 7 and lunched at 14:25
 *   in Nanchang; a programme eats before boarding or on arrival when the ride ends in time
 *   (pace.ts lunchStartSpan), and `plan check` says so of a late lunch after a train;
 * - a relaxed party's evening outing brought it back at 22:05: the return bound is the pace's
 *   (time-of-day.ts EVENING_RETURN_BY);
 * - boats leaving in turn (Two Rivers, 19:00–20:30) were boarded at 19:17: a sailing is on the
 *   clock's ten minutes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Itinerary, ItineraryDay, ItineraryItem, MealItem, TravelItem, VisitItem } from '../../src/domain/itinerary/itinerary.js';
import { MEAL_RULES } from '../../src/domain/plan/pace.js';
import { EVENING_RETURN_BY } from '../../src/domain/plan/time-of-day.js';
import { freeTimes } from '../../src/export/free-time.js';
import { pierNote } from '../../src/export/pier-note.js';
import { shippedCatalogue } from './shipped.js';
import { atClock, planChecker, planJson, retimed, runShipped } from './shipped-cli.js';
import { hhmm } from '../../src/domain/itinerary/itinerary-time.js';

const clock = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
const endOf = (i: ItineraryItem): string => (i.kind === 'travel' ? i.arrive : i.end);
const lunchOf = (items: readonly ItineraryItem[]) => items.find((i): i is MealItem => i.kind === 'meal' && i.meal === 'lunch');
const trainOf = (items: readonly ItineraryItem[]) => items.find((i): i is TravelItem => i.kind === 'travel' && i.mode === 'rail');

const checker = planChecker('yangtze-operator-timing-');
afterAll(() => checker.remove());
const check = checker.check;

const SEVEN_DAYS_WATER = ['--from', 'chongqing', '--to', 'nanchang', '--start', '2027-04-12', '--days', '7', '--themes', 'water,cultural', '--party', 'adult=2,child=1'];

describe('lunch on a day with a train', () => {
  let p: Itinerary;
  beforeAll(async () => void (p = await planJson(SEVEN_DAYS_WATER)), 60_000);

  it('every train day of the README trip lunches before boarding, or on arrival by 13:30 — never after the ride at 14:25', () => {
    const trainDays = p.days.filter((d) => trainOf(d.items) && d.items.some((i) => i.kind === 'visit'));
    expect(trainDays.length).toBeGreaterThan(0);
    for (const day of trainDays) {
      const lunch = lunchOf(day.items)!;
      const train = trainOf(day.items)!;
      expect(lunch).toBeDefined();
      const before = lunch.end <= train.depart;
      expect(before || clock(lunch.start) <= MEAL_RULES.standard.lunchTo).toBe(true);
      expect(clock(lunch.start)).toBeGreaterThanOrEqual(MEAL_RULES.standard.trainLunchFrom);
    }
    // Day 7, Wuhan → Nanchang: the Yellow Crane Tower, lunch there, then the train.
    const day7 = p.days[6]!.items;
    expect(lunchOf(day7)!.end <= trainOf(day7)!.depart).toBe(true);
  });

  it('plan check passes the plan, and flags a lunch moved to after the train (14:25)', async () => {
    expect(await check(p)).toEqual({ exitCode: 0, out: '' });
    const day7 = p.days[6]!;
    const train = trainOf(day7.items)!;
    const arrive = clock(train.arrive);
    // The lunch taken after the ride, the rest of the afternoon as it was (only the lunch's time is in question).
    const late = retimed(p, 6, (i) => i.kind === 'meal' && i.meal === 'lunch', hhmm(arrive + 25), hhmm(arrive + 85));
    const r = await check(late);
    expect(r.exitCode).toBe(1);
    expect(r.out).toContain('meal-time');
    expect(r.out).toContain('on a day with a train');
  });
});

describe('the evening outing ends by the pace', () => {
  it('a relaxed day in Chongqing that ends at Hongyadong by night is back at the hotel by 21:30', async () => {
    const p = await planJson(['--from', 'chongqing', '--to', 'chongqing', '--days', '2', '--pace', 'relaxed', '--themes', 'cultural', '--start', '2027-04-17']);
    const hongyadong = p.days.flatMap((d) => d.items).find((i): i is VisitItem => i.kind === 'visit' && i.attraction === 'hongyadong');
    expect(hongyadong).toBeDefined();
    for (const day of p.days) expect(clock(endOf(day.items.at(-1)!))).toBeLessThanOrEqual(EVENING_RETURN_BY.relaxed);
    expect(await check(p)).toEqual({ exitCode: 0, out: '' });
  }, 60_000);
});

describe('boats leaving in turn', () => {
  it('three days in Wuhan board the Two Rivers evening boat on the clock\'s ten minutes, whatever the pace', async () => {
    for (const pace of ['relaxed', 'standard']) {
      const p = await planJson(['--from', 'wuhan', '--stay', 'wuhan', '--start', '2027-04-16', '--days', '3', '--pace', pace, '--must', 'two-rivers-cruise']);
      const boats = p.days.flatMap((d) => d.items).filter((i): i is VisitItem => i.kind === 'visit' && i.attraction === 'two-rivers-cruise');
      expect(boats).toHaveLength(1);
      expect(clock(boats[0]!.start) % 10).toBe(0);
    }
  }, 60_000);
});

describe('the pier the evening boats board at', () => {
  // The source names Hankou Yuehan pier for the evening sailings; the catalogue's point is the Wuchang pier across
  // the river and no point of the Hankou pier is sourced: every people view says where the boat boards.
  const WUHAN_EVENING = ['--from', 'wuhan', '--stay', 'wuhan', '--start', '2027-04-16', '--days', '3', '--must', 'two-rivers-cruise', '-q'];
  it.each([
    ['markdown', 'en', 'boards at Hankou Yuehan pier (汉口粤汉码头); transfers are timed to the catalogue\'s point'],
    ['html', 'en', 'boards at Hankou Yuehan pier (汉口粤汉码头); transfers are timed to the catalogue&#39;s point'],
    ['markdown', 'zh', '登船码头：汉口粤汉码头'],
    ['html', 'zh', '登船码头：汉口粤汉码头'],
  ])('%s (%s) says where the boat boards beside the evening boat', async (format, lang, note) => {
    const r = await runShipped(['plan', ...WUHAN_EVENING, '--format', format, '--lang', lang]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(note);
  }, 60_000);

  it('a daytime sailing (no pier named for it) carries no such note; the evening one does', async () => {
    const { catalogue } = await shippedCatalogue();
    const p = await planJson(WUHAN_EVENING.filter((x) => x !== '-q'));
    const boat = p.days.flatMap((d) => d.items).find((i): i is VisitItem => i.kind === 'visit' && i.attraction === 'two-rivers-cruise')!;
    expect(pierNote(boat, catalogue, 'en')).toContain('Hankou Yuehan pier');
    const at1500 = { ...boat, start: atClock(boat.start, '15:00'), end: atClock(boat.end, '16:00') };
    expect(pierNote(at1500, catalogue, 'en')).toBe('');
  }, 60_000);
});

describe('free time', () => {
  // Day 1 of the README trip: the cableway ends at 14:55, the walk to Hongyadong (lit after dinner) starts at 17:45.
  it.each([
    ['markdown', 'en', '| 14:55–17:45 | _Free time near Yangtze River Cableway (Xinhua Road - Shangxinjie)_ |  |'],
    ['html', 'en', 'Free time near Yangtze River Cableway (Xinhua Road - Shangxinjie)'],
    ['markdown', 'zh', '_长江索道附近自由活动_'],
  ])('%s (%s) shows the afternoon between the cableway and the evening as free time', async (format, lang, line) => {
    const r = await runShipped(['plan', ...SEVEN_DAYS_WATER, '-q', '--format', format, '--lang', lang]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(line);
  }, 60_000);

  it('counts no free time across the ship\'s programme, nor a stretch under an hour (the 55 minutes before a train)', async () => {
    const p = await planJson(SEVEN_DAYS_WATER);
    const found = p.days.map((d) => freeTimes(d).map((f) => `${f.start.slice(11, 16)}-${f.end.slice(11, 16)} ${f.near}`));
    expect(found).toEqual([['14:55-17:45 yangtze-river-cableway'], [], [], [], [], [], []]);
  }, 60_000);

  it('before a train, the half hour at the station is not free: an hour after it is', () => {
    const at = (hhmm: string) => `2027-04-18T${hhmm}:00+08:00`;
    const day = (backAt: string): ItineraryDay => ({
      day: 1, date: '2027-04-18', theme: null, start: 'wuhan', lodging: 'nanchang',
      items: [
        { kind: 'travel', from: 'yellow-crane-tower', to: 'wuhan', mode: 'local', depart: at('11:00'), arrive: at(backAt), cost: 0 },
        { kind: 'travel', from: 'wuhan', to: 'nanchang', mode: 'rail', depart: at('15:00'), arrive: at('17:00'), cost: 150 },
      ],
    });
    expect(freeTimes(day('13:30'))).toEqual([{ before: 1, start: at('13:30'), end: at('14:30'), near: 'wuhan' }]);
    expect(freeTimes(day('13:31'))).toEqual([]);
  });
});

