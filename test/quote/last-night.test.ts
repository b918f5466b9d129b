/**
 * The hotel night after the last day (`--last-night`, default auto): a trip that ends with an
 * evening arrival includes that night's hotel; one that ends after a day of sightseeing or a
 * daytime arrival does not. The rule, its boundary (18:00), the overrides, and what the quote
 * says about it (nights, the Hotels lines, the assumptions, the exclusions, trip.lastNight).
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Itinerary } from '../../src/domain/itinerary/itinerary.js';
import { quoteTrip } from '../../src/domain/quote/quote-trip.js';
import type { LastNight } from '../../src/domain/quote/quote-model.js';
import { REPO_ROOT, runCli } from '../cli/helpers/run-cli.js';
import { options, shipped, shippedRates } from './shipped.js';

const SEVEN = path.join(REPO_ROOT, 'test', 'quote', 'fixtures', 'plans', 'chongqing-nanchang-7d-evening-arrival.itinerary.json');
/** A saved 7-day plan (the README request as planned before session 7): day 7 ends with the train Wuhan → Nanchang arriving 20:00, then dinner in Nanchang. */
const seven = (): Itinerary => JSON.parse(readFileSync(SEVEN, 'utf8')) as Itinerary;

/** The same plan with the last train arriving at `hhmm` instead (and no dinner after it). */
function arrivingAt(hhmm: string): Itinerary {
  const plan = seven();
  const last = plan.days[plan.days.length - 1]!;
  const items = last.items
    .filter((i) => i.kind !== 'meal' || (i as { meal?: string }).meal !== 'dinner')
    .map((i) => (i.kind === 'travel' && (i as { mode?: string }).mode === 'rail' ? { ...i, depart: `${last.date}T${hhmm === '18:00' ? '16:00' : '12:00'}:00+08:00`, arrive: `${last.date}T${hhmm}:00+08:00` } : i));
  return { ...plan, days: [...plan.days.slice(0, -1), { ...last, items }] } as Itinerary;
}

/** The same plan without day 7's train: the trip ends after a day of sightseeing in Wuhan. */
function endingInWuhan(): Itinerary {
  const plan = seven();
  const last = plan.days[plan.days.length - 1]!;
  const items = last.items.filter((i) => !(i.kind === 'travel' && (i as { mode?: string }).mode === 'rail') && !(i.kind === 'meal' && (i as { meal?: string }).meal === 'dinner'));
  return { ...plan, days: [...plan.days.slice(0, -1), { ...last, lodging: 'wuhan', items }] } as Itinerary;
}

const quote = (plan: Itinerary, lastNight?: LastNight) => quoteTrip(plan, shipped, shippedRates, options(lastNight ? { lastNight } : {}));
const hotelDays = (q: ReturnType<typeof quote>) => q.lines.filter((l) => l.section === 'lodging').map((l) => l.day);

describe('the last night, by rule (auto)', () => {
  it('an evening arrival (the 20:00 train into Nanchang) includes that night: 4 hotel nights, day 7 in Nanchang', () => {
    const q = quote(seven());
    expect(hotelDays(q)).toEqual([4, 5, 6, 7]);
    expect(q.lines.find((l) => l.section === 'lodging' && l.day === 7)!.label.en).toBe('Twin room, 4★ hotel, Nanchang');
    expect(q.trip.nights).toBe(7);
    expect(q.trip.lastNight.included).toBe(true);
    expect(q.trip.lastNight.reason.en).toContain('evening arrival in Nanchang (20:00 on day 7)');
    expect(q.assumptions).toContainEqual(q.trip.lastNight.reason);
    expect(q.days.at(-1)!.night).toBe('nanchang');
    expect(q.exclusions.map((x) => x.en)).not.toContain('A hotel night after the last day');
  });

  it('18:00 is the evening: a train arriving at 18:00 includes the night, one arriving at 17:59 does not', () => {
    expect(quote(arrivingAt('18:00')).trip.lastNight.included).toBe(true);
    const day = quote(arrivingAt('17:59'));
    expect(day.trip.lastNight.included).toBe(false);
    expect(day.trip.lastNight.reason.en).toContain('daytime arrival (17:59)');
  });

  it('a daytime arrival: no hotel on day 7, six nights, and the exclusions say so in both languages', () => {
    const q = quote(arrivingAt('13:00'));
    expect(hotelDays(q)).toEqual([4, 5, 6]);
    expect(q.trip.nights).toBe(6);
    expect(q.days.at(-1)!.night).toBeUndefined();
    expect(q.exclusions).toContainEqual({ en: 'A hotel night after the last day', zh: '行程最后一天当晚的住宿' });
  });

  it('the night before day 1 is never priced (the first night is the one after day 1), and the exclusions say so in both languages', () => {
    for (const q of [quote(arrivingAt('20:00')), quote(arrivingAt('13:00'))]) {
      expect(q.exclusions).toContainEqual({ en: 'A hotel night before the first day', zh: '行程第一天前一晚的住宿' });
    }
  });

  it('a trip that ends after a day of sightseeing (no train on day 7): no hotel night, the journey home leaves that day', () => {
    const q = quote(endingInWuhan());
    expect(hotelDays(q)).toEqual([4, 5, 6]);
    expect(q.trip.lastNight.reason.en).toBe('The trip ends in Wuhan after the sightseeing of day 7: no hotel night after it; the journey home leaves that day.');
  });
});

describe('the last night, by option', () => {
  it('include adds the night after a day of sightseeing; exclude drops the night after an evening arrival', () => {
    expect(hotelDays(quote(endingInWuhan(), 'include'))).toEqual([4, 5, 6, 7]);
    const excluded = quote(seven(), 'exclude');
    expect(hotelDays(excluded)).toEqual([4, 5, 6]);
    expect(excluded.options.lastNight).toBe('exclude');
    expect(excluded.trip.lastNight.reason.zh).toContain('不含行程最后一天（第7天）当晚的住宿');
  });

  it('the night costs what a night in that city costs, for the party and in the pax-range table', () => {
    const withNight = quote(seven(), 'include');
    const without = quote(seven(), 'exclude');
    expect(withNight.totals.netFen - without.totals.netFen).toBe(48_000); // one 4★ twin room in Nanchang
  });

  it('--last-night on the command line: exclude is exit 0 with six nights; a bad value is exit 2 naming the flag', async () => {
    const run = await runCli(['quote', SEVEN, '--last-night', 'exclude', '--json']);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).trip.nights).toBe(6);
    const bad = await runCli(['quote', SEVEN, '--last-night', 'sometimes']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--last-night');
  });
});
