/**
 * Where the customer's views put the estimate mark (†), whole-CLI on the README's 7-day trip:
 * beside the time when an opening time or timetable is the estimate (Hongyadong's hours), beside
 * the cost when a price, fare, distance or tariff is (the Cableway's child fare, a taxi). Before,
 * every mark sat on the cost: "Free†" / "¥0.00†" under a footnote "opening hours, closing days"
 * read as a price in doubt.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { runCli, stripAnsi } from '../cli/helpers/run-cli.js';
import { SHIPPED } from './shipped.js';

const SEVEN_DAYS_WATER = ['--from', 'chongqing', '--to', 'nanchang', '--start', '2027-04-12', '--days', '7', '--themes', 'water,cultural', '--party', 'adult=2,child=1'];
const view = async (...extra: string[]) => {
  const run = await runCli(['--catalogue', SHIPPED, 'plan', ...SEVEN_DAYS_WATER, '-q', ...extra], { monotonicMs: () => 0, tty: extra.length === 0 });
  expect(run.exitCode).toBe(0);
  return stripAnsi(run.stdout);
};
const row = (text: string, needle: string) => text.split('\n').find((l) => l.includes(needle))!;

describe('estimate marks in the customer views', () => {
  let markdown: string;
  let html: string;
  let terminal: string;
  beforeAll(async () => void ([markdown, html, terminal] = [await view('--format', 'markdown'), await view('--format', 'html'), await view()]), 120_000);

  it('Markdown: Hongyadong (estimated hours) marked at its time, free of charge unmarked', () => {
    expect(row(markdown, '**Hongyadong')).toMatch(/^\| \d\d:\d\d–\d\d:\d\d† \| .* \| ¥0\.00 \|$/);
    expect(row(markdown, '**Yangtze River Cableway')).toMatch(/^\| \d\d:\d\d–\d\d:\d\d \| .* \| ¥75\.00† \|$/);
    expect(row(markdown, '| Taxi ')).toMatch(/¥[\d.]+† \|$/);
  });

  it('HTML: the mark in the time cell for Hongyadong, in the cost cell for the Cableway', () => {
    const hongyadong = html.match(/<li class="visit" data-attraction="hongyadong".*?<\/li>/)![0];
    expect(hongyadong).toMatch(/<span class="time">[^<]*<sup class="estimate">/);
    expect(hongyadong).toMatch(/<span class="cost">Free<\/span>/);
    expect(html.match(/<li class="visit" data-attraction="yangtze-river-cableway".*?<\/li>/)![0]).toMatch(/<span class="cost">[^<]*<sup class="estimate">/);
  });

  it('terminal: the same split', () => {
    expect(row(terminal, '● Hongyadong')).toMatch(/\d\d:\d\d–\d\d:\d\d† /);
    expect(row(terminal, '● Hongyadong')).not.toMatch(/Free†|¥0\.00†/);
    expect(row(terminal, '● Yangtze River Cableway')).toMatch(/\d\d:\d\d–\d\d:\d\d  .*†/);
  });
});
