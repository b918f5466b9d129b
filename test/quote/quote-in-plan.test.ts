/**
 * The quote where agents already work: `plan … --quote` (text and HTML) and
 * the interactive session's "Price the trip" action.
 */
import { describe, expect, it } from '@jest/globals';
import { Chalk } from 'chalk';
import type { PlanAnswers } from '../../src/cli/prompts/plan-questions.js';
import { runPlanSession, type SessionDeps } from '../../src/cli/prompts/plan-session.js';
import type { TripQuote } from '../../src/domain/quote/quote-model.js';
import { catalogue, itinerary } from '../fixtures/agency/wuhan-nanchang.js';
import { scriptedAsker } from '../agency/helpers/scripted-asker.js';
import path from 'node:path';
import { REPO_ROOT, runCli } from '../cli/helpers/run-cli.js';
import { shippedRates } from './shipped.js';

const PLAN = ['plan', '--from', 'wuhan', '--to', 'nanchang', '--start', '2026-05-12', '--days', '3', '--party', 'adult=2,child=1', '--time-limit', '200'];

describe('plan --quote', () => {
  it('text: the itinerary, then the package price per person', async () => {
    const run = await runCli([...PLAN, '--quote', '--no-color'], { tty: true });
    expect(run.exitCode).toBe(0);
    const plan = run.stdout.indexOf('Wuhan');
    const price = run.stdout.indexOf('Price per person');
    expect(plan).toBeGreaterThanOrEqual(0);
    expect(price).toBeGreaterThan(plan);
    expect(run.stdout).toContain('Per person by group size (twin share)');
  });

  it('pipe: the plan rows, then the quote records', async () => {
    const run = await runCli([...PLAN, '--quote']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/\ntotal\t3\t/);
    expect(run.stdout).toMatch(/\npax\t16\t/);
  });

  it('html: the itinerary document with the price block', async () => {
    const run = await runCli([...PLAN, '--quote', '--format', 'html']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('<section class="price">');
    expect(run.stdout).toContain('Hotels, meals and transfers');
  });

  it('html with --agency: the agency\'s letterhead on the quoted itinerary; --agency without --quote --format html is a usage error', async () => {
    const agency = path.join(REPO_ROOT, 'test', 'quote', 'fixtures', 'agency', 'agency.yaml');
    const run = await runCli([...PLAN, '--quote', '--format', 'html', '--agency', agency]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Three Rivers Travel (sample agency)');
    const text = await runCli([...PLAN, '--agency', agency]);
    expect(text.exitCode).toBe(2);
    expect(text.stderr).toContain('--agency is for the quote document');
  });

  it('json: a usage error that points at `yangtze quote`', async () => {
    const run = await runCli([...PLAN, '--quote', '--json']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('yangtze quote PLAN.json');
  });
});

describe('the interactive session', () => {
  const ctx = { catalogue: { ...catalogue, rates: shippedRates }, lang: 'en' as const, today: '2026-05-11' };
  const first: PlanAnswers = {
    from: 'wuhan', to: 'nanchang', start: '2026-05-12', days: 3, themes: ['red', 'cultural'], party: { adult: 2, child: 1 }, pace: 'standard', must: [],
  };

  /** The session's effects on the fixture plan: what it shows (stdout) and notes (stderr). */
  function sessionDeps(canPrintPdf = false): { deps: SessionDeps; shown: string[]; notes: string[]; quotes: { file: string; quote: TripQuote }[] } {
    const shown: string[] = [];
    const notes: string[] = [];
    const quotes: { file: string; quote: TripQuote }[] = [];
    const deps: SessionDeps = {
      plan: async () => itinerary,
      issue: async () => [],
      save: async (_p, basename, format) => `${basename}.${format}`,
      saveQuote: async (_p, quote, basename, format) => {
        quotes.push({ file: `${basename}-quote.${format}`, quote });
        return `${basename}-quote.${format}`;
      },
      canPrintPdf,
      show: (text) => shown.push(text),
      note: (text) => notes.push(text),
      style: new Chalk({ level: 0 }),
    };
    return { deps, shown, notes, quotes };
  }

  it('"Save the files" saves the quote document beside the itinerary, priced with the agent\'s last answers', async () => {
    const { deps, quotes, notes } = sessionDeps(true);
    const asker = scriptedAsker([
      ['select', 'price'], ['select', '3star'], ['select', 'en'], ['input', '15%'],
      ['select', 'save'], ['input', 'trip'], ['checkbox', ['json', 'quote-html', 'quote-pdf']],
      ['select', 'done'],
    ]);
    const result = await runPlanSession(asker, ctx, first, deps);
    expect(result.saved).toEqual(['trip.json', 'trip-quote.html', 'trip-quote.pdf']);
    expect(quotes.map((q) => q.file)).toEqual(['trip-quote.html', 'trip-quote.pdf']);
    for (const { quote } of quotes) {
      expect(quote.options).toMatchObject({ grade: '3star', guide: 'en', margin: { kind: 'markup', basisPoints: 1500 }, party: { adult: 2, child: 1 } });
    }
    expect(notes).toContain('Saved trip-quote.html');
    // Priced: the quote document is ticked beside the JSON and HTML itinerary.
    const offered = asker.asked.find((q) => q.kind === 'checkbox')!.choices as unknown as readonly { value: string; checked?: boolean }[];
    expect(offered.filter((c) => c.checked).map((c) => c.value)).toEqual(['json', 'html', 'quote-html']);
  });

  it('not priced yet: the quote is offered unticked (yangtze quote\'s defaults); without Chromium no PDF is offered, and saving the HTML says why', async () => {
    const { deps, quotes, notes } = sessionDeps(false);
    const asker = scriptedAsker([['select', 'save'], ['input', 'trip'], ['checkbox', ['quote-html']], ['select', 'done']]);
    await runPlanSession(asker, ctx, first, deps);
    const offered = asker.asked.find((q) => q.kind === 'checkbox')!.choices as unknown as readonly { value: string; checked?: boolean }[];
    expect(offered.map((c) => c.value)).toEqual(['json', 'html', 'ics', 'geojson', 'quote-html']);
    expect(offered.find((c) => c.value === 'quote-html')!.checked).toBe(false);
    expect(quotes[0]!.quote.options).toMatchObject({ grade: '4star', guide: null, margin: { kind: 'none' } });
    expect(notes.some((n) => n.startsWith('The quote is saved as HTML only: a PDF needs Chromium'))).toBe(true);
  });

  it('prices the trip per person on request', async () => {
    const { deps, shown } = sessionDeps();
    await runPlanSession(scriptedAsker([['select', 'price'], ['select', '4star'], ['select', 'none'], ['input', '0%'], ['select', 'done']]), ctx, first, deps);
    expect(shown[1]).toMatch(/^Quote: 3 days \/ 2 nights from 2026-05-12, adult 2, child 1/);
    expect(shown[1]).toContain('Price per person');
    expect(shown[1]).toMatch(/adult, twin share +× 2 +[\d,]+\.00/);
  });

  it('asks the grade, a guide and the markup (the defaults of `yangtze quote` could not be changed before), and gives the same quote as a command', async () => {
    const { deps, shown, notes } = sessionDeps();
    const asker = scriptedAsker([
      ['select', 'price'], ['select', '3star'], ['select', 'en'], ['input', '15%'],
      ['select', 'price'], ['select', '3star'], ['select', 'en'], ['input', '12.5'],
      ['select', 'done'],
    ]);
    await runPlanSession(asker, ctx, first, deps);
    expect(shown[1]).toContain('grade 3star');
    expect(shown[1]).toContain('guide en');
    expect(shown[1]).toContain('margin markup 15%');
    expect(shown[1]).toMatch(/English-speaking guide, Wuhan, /);
    expect(notes.at(-2)).toContain('yangtze quote plan-wuhan-2026-05-12.json --grade 3star --guide en --markup 15%');
    // The second time the last answers are offered as the defaults.
    const markups = asker.asked.filter((q) => q.kind === 'input');
    expect(markups.map((q) => q.default)).toEqual(['0%', '15%']);
    expect(shown[2]).toContain('margin markup 12.5%');
  });

  it.each(['lots', '-5%', '1001%'])('refuses the markup %s with what to type instead, and prices nothing', async (answer) => {
    const { deps, shown } = sessionDeps();
    const asker = scriptedAsker([['select', 'price'], ['select', '4star'], ['select', 'none'], ['input', answer]]);
    await expect(runPlanSession(asker, ctx, first, deps)).rejects.toThrow('Give a percentage from 0% to 1000%, like 15%');
    expect(shown.filter((t) => t.startsWith('Quote:'))).toEqual([]);
  });
});
