/**
 * How long a day runs, whole-CLI on the shipped catalogue (pace.ts programmeEndMin): the day as
 * sold — stops, rides, trains, the dinner and the ride back to the hotel — ends by `--day-end`
 * (20:00), and a relaxed party's an hour earlier; a relaxed party also starts an hour later (09:00). Before, 20:00 bounded only the stops and the
 * dinner came after: the README's 7-day trip ran 08:00–21:05 on day 6 (a riverside walk after
 * the evening train, then dinner) and arrived in Nanchang at 20:00 on day 7 with dinner to 21:15;
 * a day at Yaoli ate at the site at 17:40 and drove 1 h 45 back, home at 20:40.
 *
 * The one exception is an evening outing (plan/time-of-day.ts: a sight at its time of day or a
 * boat at its sailing, from dinner time on — Hongyadong's lit facade, the Two Rivers night boat):
 * the party goes out for it after dinner, so a day that holds one ends with it — nothing but the
 * ride back (or the walk to a ship's pier) after it — by the pace's EVENING_RETURN_BY (22:30 standard).
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Itinerary, ItineraryItem } from '../../src/domain/itinerary/itinerary.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { SHIPPED, shippedCatalogue } from './shipped.js';
import { EVENING_RETURN_BY_MIN, isEveningVisit } from '../../src/domain/plan/time-of-day.js';
import { MEAL_RULES } from '../../src/domain/plan/pace.js';
import type { Catalogue } from '../../src/domain/catalogue/model.js';

let catalogue: Catalogue;
beforeAll(async () => void (catalogue = (await shippedCatalogue()).catalogue));

async function planJson(args: readonly string[]): Promise<Itinerary> {
  const r = await runCli(['--catalogue', SHIPPED, 'plan', ...args, '--json', '-q'], { monotonicMs: () => 0 });
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as Itinerary;
}

const SEVEN_DAYS_WATER = ['--from', 'chongqing', '--to', 'nanchang', '--start', '2027-04-12', '--days', '7', '--themes', 'water,cultural', '--party', 'adult=2,child=1'];

/** The day's items ashore: not the ship's programme, not what is seen aboard, not the cruise leg itself. */
const ashore = (items: readonly ItineraryItem[]) =>
  items.filter((i) => i.kind !== 'cruise' && !(i.kind === 'travel' && i.mode === 'cruise') && !(i.kind === 'visit' && i.aboard !== undefined));
const endOf = (i: ItineraryItem): string => (i.kind === 'travel' ? i.arrive : i.end);
const clock = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
/** The day's last visit ashore, when it is an evening outing (catalogue best_time / departures from dinner time on). */
const eveningOuting = (items: readonly ItineraryItem[]) => {
  const last = items.filter((i) => i.kind === 'visit').at(-1);
  const a = last?.kind === 'visit' ? catalogue.attractions.find((x) => x.id === last.attraction) : undefined;
  return last && a && isEveningVisit(a, clock(last.start), MEAL_RULES.standard.dinnerFrom) ? last : undefined;
};
/** "HH:MM" at which each day's programme ashore ends (days spent aboard, and days ending with an evening outing, have none). */
const dayEnds = (p: Itinerary): string[] =>
  p.days.flatMap((d) => {
    const items = ashore(d.items);
    return items.length === 0 || eveningOuting(items) ? [] : [items.map(endOf).sort().at(-1)!.slice(11, 16)];
  });
/** Days that end with an evening outing: it is the last thing but the way back, and the way back ends by the standard pace's return (22:30). */
const evenings = (p: Itinerary) =>
  p.days.flatMap((d) => {
    const items = ashore(d.items);
    const outing = eveningOuting(items);
    if (!outing) return [];
    const after = items.slice(items.indexOf(outing) + 1);
    return [{ after: after.map((i) => (i.kind === 'travel' ? 'travel' : i.kind === 'meal' ? i.meal : i.kind)), end: clock(items.map(endOf).sort().at(-1)!) }];
  });
const endsWithTheOuting = (p: Itinerary) => {
  for (const e of evenings(p)) {
    expect(e.after.every((k) => k === 'travel' || k === 'dinner')).toBe(true);
    expect(e.end).toBeLessThanOrEqual(EVENING_RETURN_BY_MIN);
  }
};

describe('the day as sold ends by --day-end, dinner and the ride back included', () => {
  it('the README 7-day water trip: no day past 20:00, and the last day arrives in time for dinner', async () => {
    const p = await planJson(SEVEN_DAYS_WATER);
    for (const end of dayEnds(p)) expect(end <= '20:00').toBe(true);
    endsWithTheOuting(p);
    const lastTrain = p.days.at(-1)!.items.filter((i) => i.kind === 'travel' && i.mode === 'rail').at(-1);
    expect(lastTrain && lastTrain.kind === 'travel' ? lastTrain.arrive.slice(11, 16) <= '18:45' : true).toBe(true);
  }, 120_000);

  it('a relaxed party: every day ends by 19:00', async () => {
    const p = await planJson([...SEVEN_DAYS_WATER, '--pace', 'relaxed']);
    expect(dayEnds(p).length).toBeGreaterThanOrEqual(3);
    for (const end of dayEnds(p)) expect(end <= '19:00').toBe(true);
    endsWithTheOuting(p);
  }, 120_000);

  it('a relaxed party starts at 09:00 unless --day-start says otherwise', async () => {
    const relaxed = await planJson([...SEVEN_DAYS_WATER, '--pace', 'relaxed']);
    expect(relaxed.request.dayStart).toBe('09:00');
    const starts = relaxed.days.flatMap((d) => ashore(d.items).map((i) => (i.kind === 'travel' ? i.depart : i.start).slice(11, 16)));
    for (const start of starts) expect(start >= '09:00').toBe(true);
    const early = await planJson([...SEVEN_DAYS_WATER, '--pace', 'relaxed', '--day-start', '08:00']);
    expect(early.request.dayStart).toBe('08:00');
    expect((await planJson(SEVEN_DAYS_WATER)).request.dayStart).toBe('08:00');
  }, 120_000);

  it('a far last stop left before dinner time: ride back first, dinner in the hotel city by 20:00', async () => {
    const p = await planJson(['--from', 'jingdezhen', '--stay', 'jingdezhen', '--start', '2027-05-18', '--days', '1', '--must', 'yaoli-ancient-town', '--party', 'adult=2']);
    const items = p.days[0]!.items;
    const dinner = items.find((i) => i.kind === 'meal' && i.meal === 'dinner');
    expect(dinner).toMatchObject({ near: 'jingdezhen' });
    expect(items.at(-1)).toBe(dinner);
    expect(dayEnds(p)[0]! <= '20:00').toBe(true);
  }, 120_000);
});
