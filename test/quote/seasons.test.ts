/**
 * Seasonal and agency rates: a sheet's rates before the catalogue's; of one origin, a season that
 * holds the night's month before an all-year rate. The shipped Lushan summer season (Jiujiang,
 * July-August) end to end, and the Golden Week assumption.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { quoteTrip } from '../../src/domain/quote/quote-trip.js';
import { cruiseRate } from '../../src/domain/quote/price-trip.js';
import { EMPTY_RATES, overlayRates, type CruiseRate, type LodgingRate, type RateTable } from '../../src/domain/quote/rates.js';
import { parseRateSheet } from '../../src/io/rate-sheet.js';
import { runCli } from '../cli/helpers/run-cli.js';
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

describe('a season listed after the all-year rate', () => {
  it('still applies in its months (the seasonal rate of the same origin wins over the all-year one)', () => {
    const rates = overlayRates(sheet(hotel(undefined, 50000), hotel([5], 57000)), shippedRates);
    expect(wuhanRoom(rates)).toMatchObject({ unitFen: 57000, basis: 'agency rate sheet' });
  });

  it('never beats a sheet\'s all-year rate with the catalogue\'s season (the agency\'s contract wins)', () => {
    const catalogueSeason: LodgingRate = { origin: 'catalogue', city: 'wuhan', grade: '4star', months: [5], roomFen: 99000, breakfastIncluded: true, estimate: 'test season' };
    const rates = overlayRates(sheet(hotel(undefined, 50000)), { ...shippedRates, lodging: [catalogueSeason, ...shippedRates.lodging] });
    expect(wuhanRoom(rates).unitFen).toBe(50000);
  });
});

describe('the shipped seasons, whole CLI', () => {
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(path.join(tmpdir(), 'yangtze-seasons-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function jiujiangRoom(start: string): Promise<{ unitFen: number; basis: string; assumptions: string[] }> {
    const plan = await runCli(['plan', '--from', 'jiujiang', '--stay', 'jiujiang', '--start', start, '--days', '2', '--party', 'adult=2', '--json', '-q'], { monotonicMs: () => 0 });
    expect(plan.exitCode).toBe(0);
    const file = path.join(dir, `${start}.json`);
    writeFileSync(file, plan.stdout);
    const run = await runCli(['quote', file, '--json']);
    expect(run.exitCode).toBe(0);
    const q = JSON.parse(run.stdout) as { lines: { section: string; unitFen: number; basis: string }[]; assumptions: { en: string }[] };
    const room = q.lines.find((l) => l.section === 'lodging')!;
    return { unitFen: room.unitFen, basis: room.basis, assumptions: q.assumptions.map((a) => a.en) };
  }

  it('a July night in Jiujiang (Lushan\'s summer season) costs 30 % more than an April night, and says why', async () => {
    const april = await jiujiangRoom('2027-04-12');
    const july = await jiujiangRoom('2027-07-12');
    expect([april.unitFen, july.unitFen]).toEqual([40000, 52000]);
    expect(july.basis).toContain('Lushan');
  }, 120_000);

  it('a night in a Golden Week is not guessed at: the quote asks to confirm the room price', async () => {
    const golden = await jiujiangRoom('2027-10-01');
    expect(golden.assumptions.some((a) => a.startsWith('A hotel night falls in a Golden Week holiday'))).toBe(true);
    expect((await jiujiangRoom('2027-04-12')).assumptions.some((a) => a.includes('Golden Week'))).toBe(false);
  }, 120_000);
});

describe('cruise fare seasons (by the month the ship leaves)', () => {
  const fare = (months: number[] | undefined, adultFen: number, origin: 'sheet' | 'catalogue' = 'sheet'): CruiseRate => ({
    origin, from: 'chongqing', to: 'yichang', cabin: 'standard', ...(months ? { months } : {}), fen: { adult: adultFen }, ...(origin === 'catalogue' ? { estimate: 'test' } : {}),
  });

  it('a sailing in a season\'s month takes the season\'s fare, else the all-year one, wherever each stands in the list', () => {
    const all = [fare(undefined, 300_000), fare([12, 1, 2, 3], 150_000)];
    expect(cruiseRate(all, 'chongqing', 'yichang', 'standard', '2027-01-12')?.fen.adult).toBe(150_000);
    expect(cruiseRate(all, 'chongqing', 'yichang', 'standard', '2027-04-12')?.fen.adult).toBe(300_000);
    expect(cruiseRate(all, 'chongqing', 'yichang', 'suite', '2027-01-12')).toBeUndefined();
  });

  it('an agency\'s all-year contract fare beats the catalogue\'s low-season fare', () => {
    const all = [fare(undefined, 250_000), fare([12, 1, 2, 3], 150_000, 'catalogue'), fare(undefined, 300_000, 'catalogue')];
    expect(cruiseRate(all, 'chongqing', 'yichang', 'standard', '2027-01-12')?.fen.adult).toBe(250_000);
  });

  it('the shipped standard cabin: December–March sailings pay half the high-season fare (two sources agree on the low season)', () => {
    const jan = cruiseRate(shippedRates.cruise, 'chongqing', 'yichang', 'standard', '2027-01-12')!;
    const apr = cruiseRate(shippedRates.cruise, 'chongqing', 'yichang', 'standard', '2027-04-12')!;
    expect([jan.fen.adult, apr.fen.adult]).toEqual([144_950, 289_900]);
    expect(jan.estimate).toContain('chinahighlights.com');
    expect(apr.source).toBe('https://www.meipian.cn/5dfrout5');
    // No published high-season figure for the superior cabin: no season is invented for it.
    expect(shippedRates.cruise.filter((r) => r.cabin !== 'standard' && r.months !== undefined)).toEqual([]);
  });

  it('no seasonal fare for a cabin: the quote says the fare is used all year, not that a season applies', () => {
    const q = quoteTrip(plan, shipped, shippedRates, options({ cabin: 'superior' }));
    expect(q.assumptions.map((a) => a.en)).toContain(
      'No seasonal fare was found for the superior cabin Chongqing → Yichang: the same estimated fare is used all year. Cruise fares are higher from April to October and lower from December to March, so confirm the fare for the sailing date.',
    );
  });
});

describe('the shipped cruise seasons, whole CLI', () => {
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(path.join(tmpdir(), 'yangtze-cruise-seasons-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function cruiseQuote(start: string): Promise<{ cruise: { label: string; unitFen: number; estimate: boolean }[]; notes: string[]; zh: string[] }> {
    const planned = await runCli(['plan', '--from', 'chongqing', '--to', 'yichang', '--start', start, '--days', '4', '--party', 'adult=2,child=1', '--json', '-q'], { monotonicMs: () => 0 });
    expect(planned.exitCode).toBe(0);
    const file = path.join(dir, `${start}.json`);
    writeFileSync(file, planned.stdout);
    const run = await runCli(['quote', file, '--json']);
    expect(run.exitCode).toBe(0);
    const q = JSON.parse(run.stdout) as { lines: { section: string; label: { en: string }; unitFen: number; estimate: boolean }[]; assumptions: { en: string; zh: string }[] };
    return {
      cruise: q.lines.filter((l) => l.section === 'cruise' && l.label.en.startsWith('Cruise ')).map((l) => ({ label: l.label.en, unitFen: l.unitFen, estimate: l.estimate })),
      notes: q.assumptions.map((a) => a.en).filter((a) => a.startsWith('The cruise')),
      zh: q.assumptions.map((a) => a.zh).filter((a) => a.startsWith('游轮重庆')),
    };
  }

  it('the same cruise in January costs half what it costs in April, for the adults and the child, and the notes say which season', async () => {
    const january = await cruiseQuote('2027-01-12');
    const april = await cruiseQuote('2027-04-13');
    expect(january.cruise).toEqual([
      { label: 'Cruise Chongqing → Yichang, standard cabin, adult', unitFen: 144_950, estimate: true },
      { label: 'Cruise Chongqing → Yichang, standard cabin, child', unitFen: 72_475, estimate: true },
    ]);
    expect(april.cruise).toEqual([
      { label: 'Cruise Chongqing → Yichang, standard cabin, adult', unitFen: 289_900, estimate: false },
      { label: 'Cruise Chongqing → Yichang, standard cabin, child', unitFen: 144_950, estimate: false },
    ]);
    expect(january.notes).toEqual(["The cruise Chongqing → Yichang sails in January: the standard cabin's Dec–Mar season fare applies (other months cost more)."]);
    expect(april.notes).toEqual(["The cruise Chongqing → Yichang sails in April: the standard cabin's regular fare applies (sailings Dec–Mar have a lower fare)."]);
    expect(january.zh).toEqual(['游轮重庆→宜昌于1月开航：按标准舱12月至3月的季节票价计（其他月份票价较高）。']);
  }, 180_000);
});

describe('a rate sheet\'s cruise seasons', () => {
  it('CSV: a cruise row takes `months` (7;8 or Dec-Mar) like a lodging row', () => {
    const csv = 'kind,from,to,cabin,months,adult,child\ncruise,chongqing,yichang,standard,Dec-Mar,1500,750\ncruise,chongqing,yichang,standard,,2600,1300\n';
    const sheet = parseRateSheet(csv, 'contract.csv', ['adult', 'child']);
    expect(sheet.ok).toBe(true);
    if (!sheet.ok) return;
    expect(sheet.value.cruise.map((r) => [r.months ?? 'all year', r.fen.adult])).toEqual([[[1, 2, 3, 12], 150_000], ['all year', 260_000]]);
    expect(cruiseRate(sheet.value.cruise, 'chongqing', 'yichang', 'standard', '2027-02-01')?.fen.child).toBe(75_000);
  });

  it('YAML: a month range that is not one is refused at its position', () => {
    const sheet = parseRateSheet('cruise:\n  - { from: chongqing, to: yichang, cabin: standard, months: Winter, price: { adult: 1500 } }\n', 'contract.yaml', ['adult']);
    expect(sheet.ok).toBe(false);
    if (sheet.ok) return;
    expect(sheet.issues.map((i) => [i.path.join('.'), i.line])).toEqual([['cruise.0.months', 2]]);
  });
});
