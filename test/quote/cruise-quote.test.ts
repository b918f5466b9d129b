/**
 * The quote of a plan that sails the Three Gorges cruise product (issue 15): the cabin by grade
 * for the party with the child at the operators' child fare (sharing the adults' cabin: 50 %),
 * the programme's visits inside the fare (no admission lines), an optional excursion the plan
 * takes as an optional line at its published price, the ones it does not take named with their
 * price in the exclusions, and no meals charged while aboard.
 * Whole CLI: plan --json, then quote --json.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli/helpers/run-cli.js';
import { SHIPPED } from '../plan/shipped.js';

interface Line { readonly section: string; readonly day: number; readonly label: { readonly en: string }; readonly quantity: number; readonly unitFen: number; readonly estimate: boolean; readonly basis: string }
interface Quote { readonly lines: readonly Line[]; readonly assumptions: readonly { readonly en: string }[]; readonly exclusions: readonly { readonly en: string; readonly zh: string }[] }

const cli = (args: readonly string[]) => runCli(['--catalogue', SHIPPED, ...args], { monotonicMs: () => 0 });
let dir: string;
beforeAll(() => void (dir = mkdtempSync(path.join(tmpdir(), 'yangtze-cruise-quote-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function quoteOf(planArgs: readonly string[], quoteArgs: readonly string[] = []): Promise<Quote> {
  const plan = await cli(['plan', ...planArgs, '--json', '-q']);
  expect(plan.exitCode).toBe(0);
  const file = path.join(dir, `${planArgs.join('-').replace(/[^a-z0-9-]/gi, '')}.json`);
  writeFileSync(file, plan.stdout);
  const quote = await cli(['quote', file, '--json', ...quoteArgs]);
  expect(quote.exitCode).toBe(0);
  return JSON.parse(quote.stdout) as Quote;
}

const FAMILY = ['--from', 'chongqing', '--to', 'yichang', '--start', '2026-05-12', '--days', '4', '--themes', 'water', '--must', 'wu-gorge', '--party', 'adult=2,child=1'];

describe('quote of a cruise plan for 2 adults and a child', () => {
  let q: Quote;
  beforeAll(async () => void (q = await quoteOf(FAMILY)), 120_000);

  it('prices the standard cabin per person, the child sharing at 50 % of the adult fare', () => {
    const cruise = q.lines.filter((l) => l.section === 'cruise');
    const adult = cruise.find((l) => /standard cabin, adult/.test(l.label.en))!;
    const child = cruise.find((l) => /standard cabin, child/.test(l.label.en))!;
    expect([adult.quantity, adult.unitFen]).toEqual([2, 289_900]);
    expect([child.quantity, child.unitFen]).toEqual([1, 144_950]);
    expect(child.basis).toBe('50 % of the adult cruise fare (child 2-11, sharing the adults\u2019 beds)');
    expect(q.assumptions.map((a) => a.en)).toContain(
      'A child pays 50 % of the adult cruise fare (operators\' rule for ages 2-11, sharing the adults\u2019 cabin without a bed); from 12 a child pays the adult fare.',
    );
  });

  it('charges no admission for the programme\'s passages and shore excursions (the fare covers them)', () => {
    const admissions = q.lines.filter((l) => l.section === 'admissions').map((l) => l.label.en);
    for (const site of ['Wu Gorge', 'Shennong Stream', 'Three Gorges Dam']) expect(admissions.filter((a) => a.includes(site))).toEqual([]);
  });

  it('charges no meal while aboard (days 2 and 3, and lunch on the landing day)', () => {
    expect(q.lines.filter((l) => l.section === 'meals' && (l.day === 2 || l.day === 3))).toEqual([]);
    expect(q.lines.filter((l) => l.section === 'meals' && l.day === 4 && /Lunch/.test(l.label.en))).toEqual([]);
  });

  it('with an own bed for the child (--child-bed extra-bed) the child pays 75 %', async () => {
    const own = await quoteOf(FAMILY, ['--child-bed', 'extra-bed']);
    expect(own.lines.find((l) => /standard cabin, child/.test(l.label.en))?.unitFen).toBe(217_425);
  }, 120_000);
});

describe('an optional excursion the plan takes', () => {
  it('is a cruise line at its published price per person, marked an estimate, and not an admission', async () => {
    const q = await quoteOf([...FAMILY.slice(0, -3), 'wu-gorge,baidicheng-qutang', '--party', 'adult=2']);
    const optional = q.lines.filter((l) => /Optional excursion \(sold aboard\): White Emperor City/.test(l.label.en));
    expect(optional.map((l) => [l.section, l.quantity, l.unitFen, l.estimate])).toEqual([['cruise', 2, 29_000, true]]);
    expect(q.lines.filter((l) => l.section === 'admissions' && /White Emperor/.test(l.label.en))).toEqual([]);
    // Taken, so not among the exclusions; the ones not taken still are.
    expect(q.exclusions.filter((e) => /White Emperor/.test(e.en))).toEqual([]);
    expect(q.exclusions.map((e) => e.en)).toContain("'Xiaoxiao Sanxia' (Mini Three Gorges) rafting (Yangtze Gold 1): optional excursion sold aboard, not booked (¥150 per person)");
  }, 120_000);
});

describe('the optional excursions the plan does not take', () => {
  it('are each named in the exclusions with the price sold aboard, in both languages', async () => {
    const q = await quoteOf(FAMILY);
    const notBooked = q.exclusions.filter((e) => e.en.includes('not booked'));
    expect(notBooked.map((e) => e.en)).toEqual([
      "Shibaozhai or 'Fengyan Sanguo' show (Yangtze Gold 1): optional excursion sold aboard, not booked (¥290 per person)",
      'White Emperor City (Yangtze Gold 1): optional excursion sold aboard, not booked (¥290 per person)',
      "'Xiaoxiao Sanxia' (Mini Three Gorges) rafting (Yangtze Gold 1): optional excursion sold aboard, not booked (¥150 per person)",
      'Passage through the Three Gorges Dam ship lock (Yangtze Gold 1): optional excursion sold aboard, not booked (¥290 per person)',
    ]);
    expect(notBooked[1]!.zh).toBe('白帝城（长江黄金1号）：船上自费项目，未预订（每人¥290）');
  }, 120_000);
});

describe('the cruise programme in a Chinese document', () => {
  it('reads in Chinese: the catalogue\'s what_zh for every programme item, no English left', async () => {
    const plan = await cli(['plan', ...FAMILY, '--json', '-q']);
    const file = path.join(dir, 'family-zh.json');
    writeFileSync(file, plan.stdout);
    const html = (await cli(['quote', file, '--format', 'html', '--lang', 'zh'])).stdout;
    for (const zh of ['船长欢迎酒会', '丰都鬼城岸上游览', '乘大巴前往宜昌市区']) expect(html).toContain(zh);
    for (const en of ['Captain', 'Fengdu Ghost City shore excursion', 'Disembark;']) expect(html).not.toContain(en);
  }, 120_000);
});
