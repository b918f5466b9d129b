/**
 * The whole interactive command in-process: a terminal (fake effects), the
 * shipped routes.yaml, the real planner, and a scripted Asker in place of the
 * keyboard. The saved files are parsed back with the same checkers as the
 * export tests.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { check } from '@placemarkio/check-geojson';
import ICAL from 'ical.js';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createContext } from '../../src/cli/context.js';
import { runInteractivePlan } from '../../src/commands/plan-interactive.js';
import type { Itinerary } from '../../src/domain/itinerary/itinerary.js';
import { fakeEffects, REPO_ROOT, runCli } from '../cli/helpers/run-cli.js';
import { scriptedAsker } from './helpers/scripted-asker.js';

const ROUTES = path.join(REPO_ROOT, 'routes.yaml');
const AGENCY = path.join(REPO_ROOT, 'test', 'quote', 'fixtures', 'agency', 'agency.yaml');
const haveCatalogue = existsSync(ROUTES);
if (!haveCatalogue) console.warn('[skipped] interactive plan with the real planner: routes.yaml is missing.');

(haveCatalogue ? describe : describe.skip)('yangtze plan --interactive (in-process, real planner)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'yangtze-interactive-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function terminal(lang: 'en' | 'zh') {
    const home = path.join(dir, 'home');
    const fake = fakeEffects({ tty: true, stdinTTY: true, cwd: dir, env: { NO_COLOR: '1', YANGTZE_HOME: home } });
    const ctx = createContext(fake.effects, { catalogue: ROUTES, lang, home });
    return { ctx, ...fake };
  }

  it('plans from the answers, then saves JSON, ICS, GeoJSON and HTML that the checkers accept', async () => {
    const { ctx, stdout } = terminal('en');
    expect(ctx.interactive).toBe(true);
    const script = scriptedAsker([
      ['checkbox', ['red', 'cultural']],
      ['select', 'standard'],
      ['checkbox', []],
      ['input', ''],
      ['select', 'save'],
      ['input', 'trip'],
      ['checkbox', ['json', 'html', 'ics', 'geojson']],
      ['select', 'done'],
    ]);
    const result = await runInteractivePlan(
      ctx,
      { from: 'wuhan', to: 'nanchang', start: '2026-05-12', days: '3', party: 'adult=2,child=1', interactive: true },
      { asker: script },
    );
    expect(script.remaining()).toBe(0);
    expect(result.saved).toEqual(['trip.json', 'trip.html', 'trip.ics', 'trip.geojson']);
    expect(stdout.text()).toContain('Wuhan → Nanchang · 3 days');

    const saved = JSON.parse(readFileSync(path.join(dir, 'trip.json'), 'utf8')) as Itinerary;
    expect(saved.kind).toBe('yangtze.itinerary');
    expect(saved.request).toMatchObject({ from: 'wuhan', to: 'nanchang', start: '2026-05-12', days: 3, party: { adult: 2, child: 1 } });
    const visits = saved.days.flatMap((d) => d.items.filter((i) => i.kind === 'visit'));
    expect(visits.length).toBeGreaterThan(2);

    const ics = readFileSync(path.join(dir, 'trip.ics'), 'utf8');
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(saved.days.reduce((n, d) => n + d.items.length, 0));
    expect(() => check(readFileSync(path.join(dir, 'trip.geojson'), 'utf8'))).not.toThrow();
    const html = readFileSync(path.join(dir, 'trip.html'), 'utf8');
    expect(html.match(/<li class="visit"/g)).toHaveLength(visits.length);
  });

  it('"Save the files" saves the quote document too: the one `yangtze quote --format html` writes for the saved plan with the same choices', async () => {
    const { ctx } = terminal('en');
    const script = scriptedAsker([
      ['checkbox', ['red', 'cultural']], ['select', 'standard'], ['checkbox', []], ['input', ''],
      ['select', 'price'], ['select', '3star'], ['select', 'en'], ['input', '15%'],
      ['select', 'save'], ['input', 'priced'], ['checkbox', ['json', 'quote-html']],
      ['select', 'done'],
    ]);
    const result = await runInteractivePlan(
      ctx,
      { from: 'wuhan', to: 'nanchang', start: '2026-05-12', days: '3', party: 'adult=2,child=1', interactive: true, agency: AGENCY },
      { asker: script },
    );
    expect(result.saved).toEqual(['priced.json', 'priced-quote.html']);
    const saved = readFileSync(path.join(dir, 'priced-quote.html'), 'utf8');
    expect(saved).toContain('<section class="price">');
    expect(saved).toContain('Three Rivers Travel (sample agency)'); // --agency: the letterhead
    const again = await runCli(['--catalogue', ROUTES, 'quote', 'priced.json', '--grade', '3star', '--guide', 'en', '--markup', '15%', '--format', 'html', '--agency', AGENCY], { cwd: dir });
    expect(again.exitCode).toBe(0);
    expect(saved).toBe(again.stdout);
  });

  it('a bad --agency profile is refused before the first question (exit 3 at its line), nothing asked', async () => {
    const { ctx } = terminal('en');
    const script = scriptedAsker([]);
    const bad = path.join(REPO_ROOT, 'test', 'quote', 'fixtures', 'agency', 'bad-key.yaml');
    await expect(runInteractivePlan(ctx, { from: 'wuhan', start: '2026-05-12', days: '2', interactive: true, agency: bad }, { asker: script })).rejects.toMatchObject({ exitCode: 3 });
    expect(script.asked).toEqual([]);
  });

  it('re-plans after removing a stop, and the stop is gone from the new plan', async () => {
    const { ctx } = terminal('en');
    const flags = { from: 'wuhan', to: 'nanchang', start: '2026-05-12', days: '3', themes: 'red,cultural', party: 'adult=2', pace: 'standard', must: '', budget: '' };
    // First run: learn the planned stops (and quit).
    const first = await runInteractivePlan(ctx, flags, { asker: scriptedAsker([['checkbox', []], ['input', ''], ['select', 'done']]) });
    const stops = first.itinerary.days.flatMap((d) => d.items.flatMap((i) => (i.kind === 'visit' ? [i.attraction] : [])));
    const dropped = stops[0]!;
    const second = await runInteractivePlan(ctx, flags, {
      asker: scriptedAsker([['checkbox', []], ['input', ''], ['select', 'remove'], ['select', dropped], ['select', 'done']]),
    });
    const after = second.itinerary.days.flatMap((d) => d.items.flatMap((i) => (i.kind === 'visit' ? [i.attraction] : [])));
    expect(after).not.toContain(dropped);
    expect(second.itinerary.request.avoid).toContain(dropped);
  });

  it('issues passes for named travellers through `pass issue`, and prints them with QR codes in the saved HTML', async () => {
    const home = path.join(dir, 'home');
    expect((await runCli(['--home', home, 'keys', 'init'], { cwd: dir })).exitCode).toBe(0);
    const { ctx, stdout } = terminal('en');
    const script = scriptedAsker([
      ['select', 'issue'],
      ['input', 'Li Wei'], ['select', 'adult'], ['input', '11010519491231002X'], ['confirm', true],
      ['input', 'Wang Fang'], ['select', 'adult'], ['input', ''], ['confirm', false],
      ['select', 'save'], ['input', 'towers'], ['checkbox', ['html']],
      ['select', 'done'],
    ]);
    const result = await runInteractivePlan(
      ctx,
      {
        from: 'wuhan', to: 'nanchang', start: '2026-05-12', days: '3', themes: 'red,cultural', party: 'adult=2', pace: 'standard',
        must: 'yellow-crane-tower,yueyang-tower,tengwang-pavilion', budget: '5000',
      },
      { asker: script },
    );
    expect(result.passes.map((p) => [p.holder, p.product])).toEqual([
      ['Li Wei', 'three-towers-pass'],
      ['Wang Fang', 'three-towers-pass'],
    ]);
    for (const p of result.passes) expect(p.token).toMatch(/^YZ1[.:]/);
    // Shown as `pass issue` shows them in a terminal: id, product, holder, then the QR code to scan.
    expect(stdout.text()).toMatch(/YZ-\S+ +three-towers-pass +Li Wei \(adult\)\nvalid .*\n[█▀▄ ]+\n/);
    const html = readFileSync(path.join(dir, 'towers.html'), 'utf8');
    expect(html.match(/<article class="pass"/g)).toHaveLength(2);
    expect(html.match(/<div class="qr"><svg /g)).toHaveLength(2);
    expect(html).toContain('Holder: Li Wei');
  });

  it('writes the final plan to -o in the --format given, as a plain run would', async () => {
    const { ctx, stderr } = terminal('en');
    const flags = { from: 'wuhan', to: 'nanchang', start: '2026-05-12', days: '2', themes: 'red', party: 'adult=1', pace: 'standard', must: 'bayi-uprising-memorial', budget: '2000' };
    const result = await runInteractivePlan(ctx, { ...flags, output: 'final.json', format: 'json' }, { asker: scriptedAsker([['select', 'done']]) });
    expect(JSON.parse(readFileSync(path.join(dir, 'final.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(result.itinerary)));
    expect(stderr.text()).toContain('wrote final.json');
  });

  it('refuses a bad --format before the first question', async () => {
    const { ctx } = terminal('en');
    const script = scriptedAsker([]);
    await expect(runInteractivePlan(ctx, { from: 'wuhan', start: '2026-05-12', days: '2', format: 'pdf' }, { asker: script })).rejects.toThrow(
      '--format pdf: use one of text, json, markdown, csv, ics, geojson, html',
    );
    expect(script.asked).toHaveLength(0);
  });

  it('talks Chinese with --lang zh', async () => {
    const { ctx, stdout } = terminal('zh');
    const script = scriptedAsker([['select', 'done']]);
    await runInteractivePlan(
      ctx,
      { from: 'wuhan', to: 'nanchang', start: '2026-05-12', days: '2', themes: 'red', party: 'adult=1', pace: 'standard', must: 'bayi-uprising-memorial', budget: '2000' },
      { asker: script },
    );
    expect(script.asked[0]!.message).toBe('下一步？');
    expect(script.asked[0]!.choices!.map((c) => c.name)).toContain('保存文件');
    expect(stdout.text()).toContain('武汉 → 南昌 · 2日行程');
    expect(stdout.text()).toContain('第1天');
  });

  it('ends with a summary and the command line that plans the same without questions', async () => {
    const { ctx, stderr } = terminal('en');
    const script = scriptedAsker([['checkbox', ['bayi-uprising-memorial']], ['select', 'replan'], ['select', 'done']]);
    const result = await runInteractivePlan(
      ctx,
      { from: 'wuhan', to: 'nanchang', start: '2026-05-12', days: '2', themes: 'red', party: 'adult=1', pace: 'standard', budget: '2000', dayStart: '09:00' },
      { asker: script },
    );
    const text = stderr.text();
    expect(text).toContain(`Plan: Wuhan → Nanchang, 2 days from 2026-05-12, ${result.itinerary.days.flatMap((d) => d.items).filter((i) => i.kind === 'visit').length} stops; no passes issued; nothing saved.`);
    const line = /The same plan without the questions:\n {2}(yangtze .*)\n/.exec(text)?.[1];
    expect(line).toBeDefined();
    // The re-plan moved the seed on, and the flag the session never asks about (--day-start) is kept.
    expect(line).toContain('--seed 2');
    expect(line).toContain('--day-start 09:00');
    const words = line!.split(' ').slice(1).map((w) => w.replace(/^'(.*)'$/, '$1'));
    const again = await runCli([...words, '--json'], { cwd: dir });
    expect(again.exitCode).toBe(0);
    expect(JSON.parse(again.stdout).days).toEqual(JSON.parse(JSON.stringify(result.itinerary.days)));
  });
});
