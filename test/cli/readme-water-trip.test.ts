/**
 * The README's walkthrough shows days 3 and 4 of the 7-day water trip (the cruise's programme,
 * the dam ashore, the afternoon in Yichang, the holiday note): that excerpt is what `plan`
 * prints today, not a picture of an older planner.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './helpers/run-cli.js';

const README = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'README.md');

describe('the README walkthrough shows the water trip as planned', () => {
  it('has days 3 and 4 of the Golden Week water trip exactly as `plan --format markdown` prints them', async () => {
    const run = await runCli(['plan', '--from', 'chongqing', '--to', 'nanchang', '--start', '2027-09-29', '--days', '7',
      '--themes', 'water,cultural', '--party', 'adult=2,child=1', '--format', 'markdown', '-q']);
    expect(run.exitCode).toBe(0);
    const excerpt = run.stdout.slice(run.stdout.indexOf('## Day 3'), run.stdout.indexOf('## Day 5')).trimEnd();
    expect(excerpt).toContain('Wu Gorge');
    expect(excerpt).toContain('Golden Week');
    expect(readFileSync(README, 'utf8')).toContain(excerpt);
  });

  it('has day 2 of the two-day Wuhan stay exactly as `plan --format markdown` prints it (it was a plan from an older planner, for another date)', async () => {
    const run = await runCli(['plan', '--from', 'wuhan', '--stay', 'wuhan', '--start', '2026-12-15', '--days', '2', '--themes', 'cultural,red',
      '--party', 'adult=2,child=1', '--format', 'markdown', '-q']);
    expect(run.exitCode).toBe(0);
    const excerpt = run.stdout.slice(run.stdout.indexOf('## Day 2'), run.stdout.indexOf('## By theme')).trimEnd();
    expect(excerpt).toContain('Lunch near');
    expect(readFileSync(README, 'utf8')).toContain(excerpt);
  });
});
