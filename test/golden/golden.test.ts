/**
 * Golden request/itinerary pairs on the shipped catalogue. Each case is
 * `<name>.request.json` (the `plan` flags), `<name>.itinerary.json` (what
 * `plan --json` printed) and `<name>.md`, the same plan as Markdown for
 * reviewing a change in a diff. The run must reproduce the file byte for byte, and
 * `plan check` must find nothing wrong with it. Regenerate with
 * UPDATE_GOLDEN=1 after a deliberate change, and review the diff.
 *
 * The fake monotonic clock stands still, so the wall-clock cap never cuts the
 * search short: the iteration count alone decides the plan, as in a real run
 * on an idle machine.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/helpers/run-cli.js';
import { renderItineraryMarkdown } from '../../src/export/itinerary-markdown.js';
import type { Itinerary } from '../../src/domain/itinerary/itinerary.js';
import { SHIPPED, shippedCatalogue } from '../plan/shipped.js';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.request.json'))
  .map((f) => f.replace(/\.request\.json$/, ''))
  .sort();

interface GoldenRequest {
  readonly about: string;
  readonly args: readonly string[];
  /** What the case is there to show, checked against the itinerary. */
  readonly expect?: {
    readonly onBoardNights?: boolean;
    readonly unscheduled?: readonly { attraction: string; reason: string }[];
    readonly themes?: readonly string[];
    readonly maxTotal?: number;
  };
}

describe('golden itineraries', () => {
  it('has at least six cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of cases) {
    describe(name, () => {
      const request = JSON.parse(readFileSync(path.join(DIR, `${name}.request.json`), 'utf8')) as GoldenRequest;
      const goldenFile = path.join(DIR, `${name}.itinerary.json`);

      it(`plans byte for byte as recorded (${request.about})`, async () => {
        const run = await runCli(['--catalogue', SHIPPED, 'plan', ...request.args, '--json'], { monotonicMs: () => 0 });
        expect(run.stderr).toBe('');
        expect(run.exitCode).toBe(0);
        if (update || !existsSync(goldenFile)) writeFileSync(goldenFile, run.stdout);
        expect(run.stdout).toBe(readFileSync(goldenFile, 'utf8'));
      });

      it('passes plan check', async () => {
        const run = await runCli(['--catalogue', SHIPPED, 'plan', 'check', goldenFile]);
        expect(run.stdout).toBe('');
        expect(run.exitCode).toBe(0);
      });

      it('matches its Markdown review copy', async () => {
        const { catalogue } = await shippedCatalogue();
        const itinerary = JSON.parse(readFileSync(goldenFile, 'utf8')) as Itinerary;
        const markdown = renderItineraryMarkdown(itinerary, catalogue, 'en');
        const reviewFile = path.join(DIR, `${name}.md`);
        if (update || !existsSync(reviewFile)) writeFileSync(reviewFile, markdown);
        expect(markdown).toBe(readFileSync(reviewFile, 'utf8'));
      });

      it('shows what the case is about', () => {
        const itinerary = JSON.parse(readFileSync(goldenFile, 'utf8'));
        const e = request.expect ?? {};
        if (e.onBoardNights) expect(itinerary.days.some((d: { lodging: string }) => d.lodging === 'on-board')).toBe(true);
        for (const u of e.unscheduled ?? []) expect(itinerary.unscheduled).toContainEqual(expect.objectContaining(u));
        for (const t of e.themes ?? []) expect(itinerary.byTheme[t].length).toBeGreaterThan(0);
        if (e.maxTotal !== undefined) expect(itinerary.totals.admission + itinerary.totals.transport).toBeLessThanOrEqual(e.maxTotal);
      });
    });
  }
});
