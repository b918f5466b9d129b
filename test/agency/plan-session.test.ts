import { describe, expect, it } from '@jest/globals';
import { Chalk } from 'chalk';
import type { PlanAnswers } from '../../src/cli/prompts/plan-questions.js';
import { runPlanSession, scheduledStops, type SessionDeps } from '../../src/cli/prompts/plan-session.js';
import { renderQuoteSummary } from '../../src/cli/prompts/plan-summary.js';
import type { Quote } from '../../src/domain/passes/quote.js';
import { runInteractivePlan } from '../../src/commands/plan-interactive.js';
import { createContext } from '../../src/cli/context.js';
import { UsageError } from '../../src/cli/errors.js';
import type { Itinerary } from '../../src/domain/itinerary/itinerary.js';
import { fakeEffects } from '../cli/helpers/run-cli.js';
import { catalogue, itinerary, passes } from '../fixtures/agency/wuhan-nanchang.js';
import { scriptedAsker } from './helpers/scripted-asker.js';

const ctx = { catalogue, lang: 'en' as const, today: '2026-05-11' };
const first: PlanAnswers = {
  from: 'wuhan', to: 'nanchang', start: '2026-05-12', days: 3, themes: ['red', 'cultural'], party: { adult: 2, child: 1 },
  pace: 'standard', must: [],
};

/** Fake planner: the fixture plan with avoided stops taken out; records every request. */
function fakeDeps() {
  const requests: Parameters<SessionDeps['plan']>[0][] = [];
  const shown: string[] = [];
  const saved: { basename: string; format: string; passes: number }[] = [];
  const issued: unknown[] = [];
  const deps: SessionDeps = {
    plan: async (request) => {
      requests.push(request);
      const plan: Itinerary = {
        ...itinerary,
        days: itinerary.days.map((d) => ({ ...d, items: d.items.filter((i) => i.kind !== 'visit' || !request.avoid.includes(i.attraction)) })),
      };
      return plan;
    },
    issue: async (_plan, travellers) => {
      issued.push(travellers);
      return passes.slice(0, travellers.length);
    },
    save: async (_plan, basename, format, p) => {
      saved.push({ basename, format, passes: p.length });
      return `${basename}.${format}`;
    },
    saveQuote: async (_plan, _quote, basename, format) => {
      saved.push({ basename, format: `quote.${format}`, passes: 0 });
      return `${basename}-quote.${format}`;
    },
    canPrintPdf: false,
    show: (text) => shown.push(text),
    note: () => undefined,
    style: new Chalk({ level: 0 }),
  };
  return { deps, requests, shown, saved, issued };
}

describe('the interactive session', () => {
  it('shows the plan, then saves the chosen files', async () => {
    const f = fakeDeps();
    const asker = scriptedAsker([['select', 'save'], ['input', 'trip'], ['checkbox', ['json', 'html', 'ics']], ['select', 'done']]);
    const result = await runPlanSession(asker, ctx, first, f.deps);
    expect(f.shown[0]).toContain('Wuhan → Nanchang · 3 days');
    expect(f.shown[0]).toContain('08:30–11:00   1. Yellow Crane Tower Park');
    expect(f.shown[0]).toContain('Train: Wuhan → Nanchang (2 h 10 min)');
    expect(f.saved.map((s) => `${s.basename}.${s.format}`)).toEqual(['trip.json', 'trip.html', 'trip.ics']);
    expect(result.saved).toEqual(['trip.json', 'trip.html', 'trip.ics']);
    expect(asker.remaining()).toBe(0);
  });

  it('removes a stop and re-plans keeping the rest', async () => {
    const f = fakeDeps();
    const asker = scriptedAsker([['select', 'remove'], ['select', 'wh-east-lake'], ['select', 'done']]);
    const result = await runPlanSession(asker, ctx, first, f.deps);
    const second = f.requests[1]!;
    expect(second.avoid).toEqual(['wh-east-lake']);
    expect(second.must).toContain('wh-yellow-crane-tower');
    expect(second.must).toContain('nc-bayi-uprising-memorial');
    expect(second.must).not.toContain('wh-east-lake');
    expect(f.shown).toHaveLength(2);
    expect(f.shown[1]).not.toMatch(/\d\. East Lake/);
    expect(scheduledStops(result.itinerary)).not.toContain('wh-east-lake');
  });

  it('adds a stop (searched by name), pinning the stops already planned', async () => {
    const f = fakeDeps();
    const asker = scriptedAsker([['select', 'remove'], ['select', 'wh-east-lake'], ['select', 'add'], ['search', 'east lake'], ['select', 'done']]);
    await runPlanSession(asker, ctx, { ...first, themes: ['eco', 'red'] }, f.deps);
    const third = f.requests[2]!;
    expect(third.must).toContain('wh-east-lake');
    expect(third.must).toContain('wh-yellow-crane-tower');
    expect(third.avoid).toEqual([]);
  });

  it('changes the dates and re-plans with the same stops', async () => {
    const f = fakeDeps();
    const asker = scriptedAsker([['select', 'dates'], ['input', '2026-06-02'], ['input', '4'], ['select', 'done']]);
    await runPlanSession(asker, ctx, first, f.deps);
    expect(f.requests[1]).toMatchObject({ start: '2026-06-02', days: 4 });
    expect(f.requests[1]!.must).toHaveLength(8);
  });

  it('re-plans with a new seed, keeping the stops the agent chose', async () => {
    const f = fakeDeps();
    const asker = scriptedAsker([['select', 'replan'], ['select', 'done']]);
    await runPlanSession(asker, ctx, { ...first, must: ['nc-tengwang-pavilion'] }, f.deps);
    expect(f.requests.map((r) => r.seed)).toEqual([1, 2]);
    expect(f.requests[1]!.must).toEqual(['nc-tengwang-pavilion']);
  });

  it('quotes passes for the party', async () => {
    const f = fakeDeps();
    const asker = scriptedAsker([['select', 'quote'], ['select', 'done']]);
    await runPlanSession(asker, ctx, first, f.deps);
    expect(f.shown[1]).toMatch(/^Pass quote/);
    expect(f.shown[1]).toContain('2 × Adult');
    expect(f.shown[1]).toContain('1 × Child');
  });

  it('shows a pass and the single tickets beside it at their own prices, adding up to the bundle', () => {
    const product = catalogue.passes[0]!;
    const visit = (attraction: string, price: number) => ({ attraction, date: '2026-05-12', price });
    const quote: Quote = {
      currency: 'CNY',
      visits: [],
      categories: [
        {
          category: 'adult', travellers: 2, walkUp: 400, bundle: 298, savings: 102,
          passes: [{ product: product.id, price: 168, validFrom: '2026-05-12', validUntil: '2026-05-14', visits: [], walkUpValue: 270 }],
          singles: [visit('wh-yellow-crane-tower', 80), visit('nc-tengwang-pavilion', 50), visit('wh-east-lake', 0)],
        },
      ],
      walkUpTotal: 800, bundleTotal: 596, savings: 204, optimal: true,
    } as Quote;
    const en = renderQuoteSummary(quote, catalogue, 'en', new Chalk({ level: 0 }));
    expect(en).toContain(`2 × Adult: ${product.name} ¥168.00 + 2 single tickets ¥130.00 = ¥298.00  each (walk-up ¥400.00 each)`);
    const zh = renderQuoteSummary(quote, catalogue, 'zh', new Chalk({ level: 0 }));
    expect(zh).toContain(`成人 × 2：每人 ${product.nameZh} 168.00 元 + 2 张单次门票 130.00 元 = 298.00 元 （单买每人 400.00 元）`);
  });

  it('issues passes for named travellers and prints them in the saved HTML', async () => {
    const f = fakeDeps();
    const asker = scriptedAsker([
      ['select', 'issue'],
      ['input', 'Li Wei'], ['select', 'adult'], ['input', '11010519491231002X'], ['confirm', true],
      ['input', '王芳'], ['select', 'adult'], ['input', ''], ['confirm', false],
      ['select', 'save'], ['input', 'trip'], ['checkbox', ['html']],
      ['select', 'done'],
    ]);
    const result = await runPlanSession(asker, ctx, first, f.deps);
    // The ID number is asked for each traveller and is optional: an empty answer issues without one.
    expect(f.issued).toEqual([[{ holder: 'Li Wei', category: 'adult', idNumber: '11010519491231002X' }, { holder: '王芳', category: 'adult' }]]);
    expect(asker.asked.filter((q) => q.message.startsWith('ID number of')).map((q) => q.message)).toEqual([
      'ID number of Li Wei? (optional: the gate can then check it; empty for none)',
      'ID number of 王芳? (optional: the gate can then check it; empty for none)',
    ]);
    expect(result.passes).toHaveLength(2);
    expect(f.saved).toEqual([{ basename: 'trip', format: 'html', passes: 2 }]);
    // The party said 2 adults and a child: the third traveller is suggested as a child.
    expect(asker.asked.filter((q) => q.kind === 'confirm').map((q) => q.default)).toEqual([true, true]);
  });
});

describe('runInteractivePlan', () => {
  it('never prompts without a terminal: a usage error names the flags instead', async () => {
    const { effects } = fakeEffects({ tty: false, stdinTTY: false });
    const asker = scriptedAsker([]);
    const cli = createContext(effects, {});
    expect(cli.interactive).toBe(false);
    const run = runInteractivePlan(cli, {}, { asker, plan: async () => itinerary });
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow('--interactive needs a terminal');
    expect(asker.asked).toEqual([]);
  });

  it('never prompts with --no-input, even in a terminal', async () => {
    const { effects } = fakeEffects({ tty: true, stdinTTY: true });
    const asker = scriptedAsker([]);
    await expect(runInteractivePlan(createContext(effects, { input: false }), {}, { asker, plan: async () => itinerary })).rejects.toBeInstanceOf(UsageError);
    expect(asker.asked).toEqual([]);
  });
});
