/**
 * The Three Gorges cruise as a product in plans (issue 12 item 3), whole-CLI on the shipped
 * catalogue: a water trip from Chongqing that has the days sails; the water route goes by ship;
 * --must wu-gorge gives days aboard that are full of the programme, Wu Gorge on the programme's
 * morning of day 3; the ship's sites are programme items, never "too far from the hotel"; the
 * plan passes `plan check` (aboard items are not overlaps).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Itinerary, ItineraryItem } from '../../src/domain/itinerary/itinerary.js';
import { runCli, stripAnsi } from '../cli/helpers/run-cli.js';
import { SHIPPED } from './shipped.js';

const run = (args: readonly string[]) => runCli(['--catalogue', SHIPPED, ...args], { monotonicMs: () => 0 });
async function planJson(args: readonly string[]): Promise<Itinerary> {
  const r = await run(['plan', ...args, '--json', '-q']);
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as Itinerary;
}

const SEVEN_DAYS_WATER = ['--from', 'chongqing', '--to', 'nanchang', '--start', '2027-04-12', '--days', '7', '--themes', 'water,cultural', '--party', 'adult=2,child=1'];
const MUST_WU = ['--from', 'chongqing', '--start', '2026-05-12', '--days', '6', '--themes', 'water', '--must', 'wu-gorge'];
const GORGE_SITES = ['wu-gorge', 'baidicheng-qutang', 'lesser-three-gorges', 'shennong-stream'];

/** When an item starts and ends (a travel item departs and arrives). */
const endOf = (i: ItineraryItem): string => (i.kind === 'travel' ? i.arrive : i.end);
const startOf = (i: ItineraryItem): string => (i.kind === 'travel' ? i.depart : i.start);
const cruiseLeg = (p: Itinerary) => p.days.flatMap((d) => d.items).find((i) => i.kind === 'travel' && i.mode === 'cruise');
const visitOf = (p: Itinerary, id: string) => p.days.flatMap((d) => d.items.map((item) => ({ day: d.day, item }))).find((x) => x.item.kind === 'visit' && x.item.attraction === id);

let dir: string;
beforeAll(() => void (dir = mkdtempSync(path.join(tmpdir(), 'yangtze-cruise-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function passesPlanCheck(p: Itinerary): Promise<void> {
  const file = path.join(dir, `plan-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(p));
  const check = await run(['plan', 'check', file]);
  expect(check.stdout + check.stderr).toBe('');
  expect(check.exitCode).toBe(0);
}

describe('a 7-day water and culture trip from Chongqing to Nanchang', () => {
  let p: Itinerary;
  beforeAll(async () => void (p = await planJson(SEVEN_DAYS_WATER)), 120_000);

  it('sails the Three Gorges cruise (3 nights aboard) instead of taking the train', () => {
    // Two adults at the example fare, the child (sharing the cabin) at the operators' 50 %.
    expect(cruiseLeg(p)).toMatchObject({ from: 'chongqing', to: 'yichang', mode: 'cruise', depart: '2027-04-12T21:00:00+08:00', arrive: '2027-04-15T13:30:00+08:00', cost: 2 * 2899 + 1449.5 });
    expect(p.days.map((d) => d.lodging).slice(0, 3)).toEqual(['on-board', 'on-board', 'on-board']);
    expect(p.days.at(-1)!.lodging).toBe('nanchang');
  });

  it('day 1 reads like the cruise line\'s and an agency\'s: Hongyadong by night (lit from 18:00), then the few hundred metres to Chaotianmen and boarding (18:00-21:00) before the ship sails at 21:00', () => {
    const day1 = p.days[0]!.items;
    const board = day1.findIndex((i) => i.kind === 'cruise' && i.part === 'board');
    expect(day1[board]).toMatchObject({ kind: 'cruise', part: 'board', aboard: 'three-gorges-cruise-downstream', end: '2027-04-12T21:00:00+08:00', cost: 0 });
    expect(startOf(day1[board]!) >= '2027-04-12T18:00:00+08:00').toBe(true);
    expect(day1[board + 1]).toBe(cruiseLeg(p));
    expect(day1.slice(0, board).every((i) => endOf(i) <= startOf(day1[board]!))).toBe(true);
    // The last sight of the day is the lit facade, seen inside its best time (catalogue best_time 18:00-22:00), and the
    // party walks from it to the pier (travel to the Chongqing hub) just before boarding.
    const visits = day1.filter((i) => i.kind === 'visit');
    expect(visits.at(-1)).toMatchObject({ attraction: 'hongyadong' });
    expect(startOf(visits.at(-1)!) >= '2027-04-12T18:00:00+08:00' && endOf(visits.at(-1)!) <= '2027-04-12T22:00:00+08:00').toBe(true);
    expect(day1[board - 1]).toMatchObject({ kind: 'travel', from: 'hongyadong', to: 'chongqing', mode: 'local' });
  });

  it('passes Wu Gorge from the deck on day 3 after Qutang Gorge, and the dam ashore on day 4', () => {
    expect(visitOf(p, 'wu-gorge')).toMatchObject({ day: 3, item: { start: '2027-04-14T11:30:00+08:00', cost: 0, aboard: 'three-gorges-cruise-downstream' } });
    expect(visitOf(p, 'three-gorges-dam')).toMatchObject({ day: 4, item: { start: '2027-04-15T08:00:00+08:00', cost: 0, aboard: 'three-gorges-cruise-downstream', excursion: true } });
  });

  it('lays day 3 out in the river\'s downstream order, Qutang Gorge → Wu Gorge → Shennong Stream, with no two items overlapping', () => {
    const day3 = p.days[2]!.items;
    const what = day3.map((i) => (i.kind === 'visit' ? i.attraction : i.kind === 'cruise' ? i.what : i.kind));
    expect(what).toEqual([expect.stringMatching(/^Sail through Qutang Gorge/), 'wu-gorge', 'shennong-stream']);
    for (let k = 1; k < day3.length; k++) expect(endOf(day3[k - 1]!) <= startOf(day3[k]!)).toBe(true);
  });

  it('does not schedule the optional White Emperor City excursion it did not book: it is in unscheduled only', () => {
    const items = p.days.flatMap((d) => d.items);
    expect(items.some((i) => i.kind === 'cruise' && /White Emperor/.test(i.what))).toBe(false);
    expect(items.some((i) => i.kind === 'visit' && i.attraction === 'baidicheng-qutang')).toBe(false);
    expect(p.unscheduled.find((u) => u.attraction === 'baidicheng-qutang')).toMatchObject({ reason: 'cruise-option' });
  });

  it('says an optional excursion to a place the catalogue does not list is not booked, in every language', async () => {
    const text = stripAnsi((await run(['plan', ...SEVEN_DAYS_WATER, '-q', '--format', 'markdown'])).stdout);
    expect(text).toContain('Optional excursion, not booked (sold aboard): Shibaozhai');
    const zh = stripAnsi((await run(['--lang', 'zh', 'plan', ...SEVEN_DAYS_WATER, '-q', '--format', 'markdown'])).stdout);
    expect(zh).toContain('自费项目（未预订，船上购买）：石宝寨');
  }, 120_000);

  it('says why a gorge site is not in the plan truthfully: an optional excursion not chosen, never "too far"', () => {
    const reasons = Object.fromEntries(p.unscheduled.map((u) => [u.attraction, u]));
    expect(reasons['baidicheng-qutang']).toMatchObject({ reason: 'cruise-option' });
    expect(reasons['baidicheng-qutang']!.detail).toContain('290 CNY per person');
    for (const u of p.unscheduled) expect(u.detail).not.toMatch(/too far/);
  });

  it('gives no sunset on the days wholly aboard (the ship times the gorges, not the party\'s daylight), and the sunset of the party\'s own sights on land', () => {
    const aboardOnly = p.days.filter((d) => d.items.every((i) => i.kind === 'cruise' || (i.kind === 'visit' && i.aboard !== undefined)));
    expect(aboardOnly.map((d) => d.day)).toEqual([2, 3]);
    for (const d of aboardOnly) expect(d.sunset).toBeUndefined();
    const onLand = p.days.filter((d) => d.items.some((i) => i.kind === 'visit' && i.aboard === undefined));
    expect(onLand.length).toBeGreaterThan(0);
    for (const d of onLand) {
      const at = d.sunset?.at;
      expect(d.items.some((i) => i.kind === 'visit' && i.aboard !== undefined && i.attraction === at)).toBe(false);
    }
  });

  it('passes plan check: the ship\'s programme items are not overlaps with the cruise leg', async () => passesPlanCheck(p));
});

describe('--must wu-gorge', () => {
  let p: Itinerary;
  beforeAll(async () => void (p = await planJson(MUST_WU)), 120_000);

  it('fills every full day aboard with the programme and keeps Wu Gorge on day 3, not the first night', () => {
    const aboard = p.days.filter((d) => d.start === 'on-board' && d.lodging === 'on-board');
    expect(aboard.map((d) => d.day)).toEqual([2, 3]);
    for (const day of aboard) expect(day.items.length).toBeGreaterThanOrEqual(2);
    expect(aboard[0]!.items.map((i: ItineraryItem) => (i.kind === 'cruise' ? i.part : i.kind))).toContain('shore-excursion');
    expect(visitOf(p, 'wu-gorge')?.day).toBe(3);
    expect(p.unscheduled.find((u) => u.attraction === 'wu-gorge')).toBeUndefined();
  });

  it('shows programme items in the terminal, the pipe rows and Markdown', async () => {
    const tty = await run(['plan', ...MUST_WU, '-q']).then((r) => r);
    const rows = tty.stdout.split('\n').map((r) => r.split('\t'));
    expect(rows.find((r) => r[0] === 'cruise' && r[4] === 'shore-excursion')).toEqual(
      ['cruise', '2', '2026-05-13T08:00:00+08:00', '2026-05-13T11:30:00+08:00', 'shore-excursion', 'three-gorges-cruise-downstream', expect.stringContaining('Fengdu Ghost City'), '0'],
    );
    const md = await run(['plan', ...MUST_WU, '-q', '--format', 'markdown']);
    expect(md.stdout).toContain('_Shore excursion: Fengdu Ghost City');
    expect(md.stdout).toMatch(/Wu Gorge[^|]*· cruise: from the deck/);
    const zh = await run(['--lang', 'zh', 'plan', ...MUST_WU, '-q', '--format', 'markdown']);
    expect(stripAnsi(zh.stdout)).toContain('岸上游览：丰都鬼城岸上游览');
  }, 120_000);

  it('takes an optional excursion when it is a must, at its published price, before Qutang and Wu Gorge and overlapping neither', async () => {
    const q = await planJson([...MUST_WU.slice(0, -1), 'wu-gorge,baidicheng-qutang', '--party', 'adult=2']);
    expect(visitOf(q, 'baidicheng-qutang')).toMatchObject({ day: 3, item: { cost: 580, aboard: 'three-gorges-cruise-downstream', excursion: true, optional: true } });
    const day3 = q.days[2]!.items;
    expect(day3.map((i) => (i.kind === 'visit' ? i.attraction : i.kind === 'cruise' ? i.part : i.kind)).slice(0, 3)).toEqual(['baidicheng-qutang', 'passage', 'wu-gorge']);
    for (let k = 1; k < day3.length; k++) expect(endOf(day3[k - 1]!) <= startOf(day3[k]!)).toBe(true);
    await passesPlanCheck(q);
  }, 120_000);

  it('counts a chosen optional excursion against --budget like the fares (its price was left out: 9,865 spent of 9,000)', async () => {
    const q = await planJson([...SEVEN_DAYS_WATER, '--must', 'baidicheng-qutang', '--budget', '9000']);
    expect(visitOf(q, 'baidicheng-qutang')?.item.cost).toBe(870);
    expect(q.totals.admission + q.totals.transport).toBeLessThanOrEqual(9000);
  }, 120_000);

  it('passes plan check', async () => passesPlanCheck(p));
});

describe('--route three-gorges-water-route ("downstream by cruise ship")', () => {
  it('goes by ship, not by train', async () => {
    const p = await planJson(['--from', 'chongqing', '--start', '2027-04-12', '--days', '5', '--route', 'three-gorges-water-route']);
    expect(cruiseLeg(p)).toMatchObject({ from: 'chongqing', to: 'yichang' });
    expect(p.days.flatMap((d) => d.items).some((i) => i.kind === 'travel' && i.mode === 'rail' && i.from === 'chongqing')).toBe(false);
  }, 120_000);
});

describe('a trip that does not sail', () => {
  it('says a gorge site is reached by the cruise the trip does not take, not that it is too far from the hotel', async () => {
    const p = await planJson(['--from', 'chongqing', '--start', '2027-04-12', '--days', '2', '--themes', 'water', '--must', 'shennong-stream']);
    const u = p.unscheduled.find((x) => x.attraction === 'shennong-stream');
    expect(u).toMatchObject({ reason: 'unreachable' });
    expect(u!.detail).toMatch(/^reached by the Three Gorges cruise/);
    for (const x of p.unscheduled.filter((y) => GORGE_SITES.includes(y.attraction))) expect(x.detail).not.toMatch(/too far/);
  }, 120_000);
});
