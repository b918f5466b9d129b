/**
 * The agency's quote document (`quote --format html`, whole-CLI) for the README's 7-day trip as
 * planned today: day 7 takes the 12:00 train to Nanchang (arriving 14:00, see
 * test/plan/day-length.test.ts), so the quote leaves the last night out (`--last-night auto`, a
 * daytime arrival) and its services table says "No hotel: the trip ends this day". The day-by-day
 * part must say the same under day 7: it said "Overnight: Nanchang".
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli/helpers/run-cli.js';
import { SHIPPED } from '../plan/shipped.js';

const SEVEN_DAYS_WATER = ['--from', 'chongqing', '--to', 'nanchang', '--start', '2027-04-12', '--days', '7', '--themes', 'water,cultural', '--party', 'adult=2,child=1'];
const dayFoots = (doc: string) => [...doc.matchAll(/<div class="day-foot"><span>([^<]*)<\/span>/g)].map((m) => m[1]!);

let dir: string;
let plan: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'yangtze-last-day-'));
  plan = path.join(dir, 'seven.json');
  const run = await runCli(['--catalogue', SHIPPED, 'plan', ...SEVEN_DAYS_WATER, '--json', '-q'], { monotonicMs: () => 0 });
  writeFileSync(plan, run.stdout);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the quote document of a trip whose last night is not booked', () => {
  it('says under the last day that the trip ends there, as its services table does', async () => {
    const en = await runCli(['--catalogue', SHIPPED, 'quote', plan, '--format', 'html']);
    expect(en.exitCode).toBe(0);
    expect(en.stdout).toContain('No hotel: the trip ends this day');
    const foots = dayFoots(en.stdout);
    expect(foots).toHaveLength(7);
    expect(foots.at(-1)).toBe('No hotel tonight: the trip ends this day');
    expect(foots.slice(3, 6).every((f) => f.startsWith('Overnight: '))).toBe(true);
    const zh = await runCli(['--catalogue', SHIPPED, 'quote', plan, '--format', 'html', '--lang', 'zh']);
    expect(dayFoots(zh.stdout).at(-1)).toBe('当晚不含住宿：行程当天结束');
  });

  it('keeps "Overnight" under the last day with --last-night include', async () => {
    const run = await runCli(['--catalogue', SHIPPED, 'quote', plan, '--format', 'html', '--last-night', 'include']);
    expect(dayFoots(run.stdout).at(-1)).toBe('Overnight: Nanchang');
  });
});
