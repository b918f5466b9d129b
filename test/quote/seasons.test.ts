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
import { EMPTY_RATES, overlayRates, type LodgingRate, type RateTable } from '../../src/domain/quote/rates.js';
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
