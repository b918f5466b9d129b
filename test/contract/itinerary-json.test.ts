/**
 * The itinerary document of `plan --json` as design/CLI.md fixes it. The key
 * lists are written out again here, in order, so that a field cannot be added,
 * dropped or moved by accident (the idea of gh's jsonfieldstest). Fields the
 * design does not show (`request.budget`, `request.route`, `request.seed`)
 * are listed separately: they may only come after the documented ones.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { runCli, type RunCliOptions } from '../cli/helpers/run-cli.js';

const DOCUMENT_KEYS = ['schemaVersion', 'kind', 'request', 'days', 'byTheme', 'unscheduled', 'totals'];
const REQUEST_KEYS = ['from', 'to', 'start', 'days', 'themes', 'party', 'dayStart', 'dayEnd', 'must', 'avoid', 'pace'];
/** Not in the design's example; appended after the documented keys when set (`meals: false` with --no-meals). */
const REQUEST_EXTRA_KEYS = ['budget', 'route', 'seed', 'meals', 'cities'];
const DAY_KEYS = ['day', 'date', 'theme', 'start', 'lodging', 'items'];
/** docs/CLI.md's day-level holiday, appended after DAY_KEYS on a public holiday; `nameZh` when known. */
const HOLIDAY_KEYS = ['name', 'nameZh', 'goldenWeek', 'provisional', 'note'];
/**
 * docs/CLI.md's day-level sunset, last, on a day with an outdoor site (catalogue `daylight: required`):
 * `{ time, at }`, the earliest sunset among that day's outdoor sites.
 */
const SUNSET_KEYS = ['time', 'at'];
/** A day's keys less its sunset, which is checked on its own. */
const withoutSunset = (day: object) => {
  const keys = Object.keys(day);
  if (keys.at(-1) === 'sunset') expect(Object.keys((day as { sunset: object }).sunset)).toEqual(SUNSET_KEYS);
  return keys.filter((k, i) => !(k === 'sunset' && i === keys.length - 1));
};
const VISIT_KEYS = ['kind', 'attraction', 'city', 'start', 'end', 'themes', 'cost'];
const TRAVEL_KEYS = ['kind', 'from', 'to', 'mode', 'depart', 'arrive', 'cost'];
/** Added compatibly after the keys above (docs/CLI.md): a local leg's transfer, an inner site's area ticket, a cruise programme's marks. */
const ITEM_EXTRA_KEYS = ['transfer', 'within', 'withinCost', 'aboard', 'excursion', 'optional'];
/** docs/CLI.md's meal item; `within` is appended for a lunch taken inside a long visit. */
const MEAL_KEYS = ['kind', 'meal', 'city', 'near', 'start', 'end', 'cost', 'estimate'];
const MEAL_EXTRA_KEYS = ['within'];
const BY_THEME_KEYS = ['cultural', 'red', 'eco', 'water'];
const UNSCHEDULED_KEYS = ['attraction', 'reason', 'detail'];
const TOTALS_KEYS = ['visits', 'score', 'admission', 'transport', 'currency'];
const REASONS = ['closed', 'no-time', 'budget', 'theme', 'avoided', 'unreachable'];
const TRAVEL_MODES = ['local', 'rail', 'road', 'cruise', 'ferry', 'flight'];
/** ISO 8601 to the second, in China time. */
const CHINA_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/;

/** The design's example request: Wuhan to Nanchang, four days, red and cultural, two adults and a child. */
const EXAMPLE = [
  'plan', '--from', 'wuhan', '--to', 'nanchang', '--start', '2026-05-12', '--days', '4', '--themes', 'red,cultural',
  '--party', 'adult=2,child=1', '--must', 'hunan-museum', '--seed', '7', '--json',
];

interface Item { readonly kind: string; readonly cost: number; readonly [key: string]: unknown }
interface Doc {
  readonly request: Record<string, unknown>;
  readonly days: { readonly day: number; readonly date: string; readonly items: readonly Item[]; readonly [key: string]: unknown }[];
  readonly byTheme: Record<string, string[]>;
  readonly unscheduled: { readonly attraction: string; readonly reason: string; readonly detail: string }[];
  readonly totals: { readonly visits: number; readonly admission: number; readonly transport: number; readonly currency: string };
  readonly [key: string]: unknown;
}

/** A fixed monotonic clock: the search stops on effort alone, so runs repeat exactly. */
const plan = (args: readonly string[], options: RunCliOptions = {}) => runCli(args, { monotonicMs: () => 0, ...options });

let en: string;
let doc: Doc;
beforeAll(async () => {
  const run = await plan(EXAMPLE);
  expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({ exitCode: 0, stderr: '' });
  en = run.stdout;
  doc = JSON.parse(en) as Doc;
});

const sum = (ns: readonly number[]) => ns.reduce((s, n) => s + n, 0);
const items = () => doc.days.flatMap((d) => d.items);

describe('plan --json: keys, in order', () => {
  it('has exactly the documented top-level keys', () => {
    expect(Object.keys(doc)).toEqual(DOCUMENT_KEYS);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'yangtze.itinerary' });
  });

  it('has the documented request keys, then only the known extras', () => {
    expect(Object.keys(doc.request)).toEqual([...REQUEST_KEYS, 'seed']);
    expect(doc.request).toEqual({
      from: 'wuhan', to: 'nanchang', start: '2026-05-12', days: 4, themes: ['red', 'cultural'], party: { adult: 2, child: 1 },
      dayStart: '08:00', dayEnd: '20:00', must: ['hunan-museum'], avoid: [], pace: 'standard', seed: 7,
    });
  });

  it('appends --budget and --route after the documented request keys', async () => {
    const run = await plan(['plan', '--from', 'wuhan', '--start', '2026-05-12', '--route', 'red-heritage-trail', '--budget', '5000', '--json']);
    expect(run.exitCode).toBe(0);
    const keys = Object.keys((JSON.parse(run.stdout) as Doc).request);
    // Without --to (a route or "wherever suits") the trip has no fixed end and `to` is left out.
    expect(keys).toEqual([...REQUEST_KEYS.filter((k) => k !== 'to'), ...REQUEST_EXTRA_KEYS.filter((k) => k !== 'meals' && k !== 'cities')]);
  });

  it('records --no-meals as request.meals = false, after the other keys, and then plans no meal', async () => {
    const run = await plan([...EXAMPLE, '--no-meals']);
    expect(run.exitCode).toBe(0);
    const off = JSON.parse(run.stdout) as Doc;
    expect(Object.keys(off.request)).toEqual([...REQUEST_KEYS, 'seed', 'meals']);
    expect(off.request.meals).toBe(false);
    expect(off.days.flatMap((d) => d.items).filter((i) => i.kind === 'meal')).toEqual([]);
  });

  it('has a lunch, with the documented keys, on every day with sightseeing', () => {
    for (const day of doc.days) {
      if (!day.items.some((i) => i.kind === 'visit')) continue;
      const lunch = day.items.filter((i) => i.kind === 'meal' && i.meal === 'lunch');
      expect(lunch).toHaveLength(1);
    }
    for (const meal of items().filter((i) => i.kind === 'meal')) {
      const keys = Object.keys(meal);
      expect(keys.slice(0, MEAL_KEYS.length)).toEqual(MEAL_KEYS);
      for (const k of keys.slice(MEAL_KEYS.length)) expect(MEAL_EXTRA_KEYS).toContain(k);
      expect(meal.estimate).toBe(true);
    }
  });

  it('has the documented keys on every day, visit and travel item', () => {
    expect(doc.days.map((d) => d.day)).toEqual([1, 2, 3, 4]);
    expect(doc.days.map((d) => d.date)).toEqual(['2026-05-12', '2026-05-13', '2026-05-14', '2026-05-15']);
    for (const day of doc.days) expect(withoutSunset(day)).toEqual(DAY_KEYS);
    expect(doc.days.some((d) => 'sunset' in d)).toBe(true);
    const kinds = new Set(items().map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['meal', 'travel', 'visit']);
    // `estimates` (the unconfirmed facts behind an item) comes last, and only when there are some
    for (const item of items().filter((i) => i.kind !== 'meal')) {
      const keys = item.kind === 'visit' ? VISIT_KEYS : TRAVEL_KEYS;
      const actual = Object.keys(item);
      expect(actual.slice(0, keys.length)).toEqual(keys);
      const extra = actual.slice(keys.length).filter((k) => k !== 'estimates');
      for (const k of extra) expect(ITEM_EXTRA_KEYS).toContain(k);
      if ('estimates' in item) expect(actual[actual.length - 1]).toBe('estimates');
      if (item.kind === 'travel') expect('transfer' in item).toBe(item.mode === 'local');
    }
  });

  it('lists on an item the facts behind it that rest on an estimate, by catalogue field', () => {
    const marked = items().filter((i) => 'estimates' in i);
    expect(marked.length).toBeGreaterThan(0);
    for (const i of marked) {
      expect(i.estimates).toEqual(expect.arrayContaining([expect.stringMatching(/^(price\.(adult|child)|hours|closed|closed_nth|fare|fares\.child|timetable|duration|distance|rates\.(taxi|vehicles))$/)]));
      expect((i.estimates as string[]).length).toBeGreaterThan(0);
    }
    for (const item of items().filter((i) => i.kind === 'travel')) expect(TRAVEL_MODES).toContain(item.mode);
  });

  it('has all four themes in byTheme, and the documented keys on unscheduled entries and totals', () => {
    expect(Object.keys(doc.byTheme)).toEqual(BY_THEME_KEYS);
    for (const entry of doc.unscheduled) expect(Object.keys(entry)).toEqual(UNSCHEDULED_KEYS);
    expect(Object.keys(doc.totals)).toEqual(TOTALS_KEYS);
  });
});

describe('plan --json: values', () => {
  it('gives every time with the +08:00 offset', () => {
    const times = items().flatMap((i) => (i.kind === 'travel' ? [i.depart, i.arrive] : [i.start, i.end]));
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(t).toMatch(CHINA_TIME);
  });

  it('has item costs that add up to the totals', () => {
    const visits = items().filter((i) => i.kind === 'visit');
    expect(doc.totals.visits).toBe(visits.length);
    expect(doc.totals.admission).toBeCloseTo(sum(visits.map((i) => i.cost)), 6);
    expect(doc.totals.transport).toBeCloseTo(sum(items().filter((i) => i.kind === 'travel').map((i) => i.cost)), 6);
    expect(doc.totals.currency).toBe('CNY');
  });

  it('lists in byTheme only attractions it visits, each under a theme it has', () => {
    const visits = items().filter((i) => i.kind === 'visit') as unknown as { attraction: string; themes: string[] }[];
    for (const [theme, ids] of Object.entries(doc.byTheme)) {
      for (const id of ids) expect(visits.some((v) => v.attraction === id && v.themes.includes(theme))).toBe(true);
    }
  });

  it('gives each unscheduled entry a documented reason code and a sentence', () => {
    for (const entry of doc.unscheduled) {
      expect(REASONS).toContain(entry.reason);
      expect(entry.detail.length).toBeGreaterThan(0);
    }
  });

  it('accounts for every --must stop: visited or listed as unscheduled', () => {
    const visited = items().some((i) => i.attraction === 'hunan-museum');
    const listed = doc.unscheduled.some((u) => u.attraction === 'hunan-museum');
    expect(visited || listed).toBe(true);
  });
});

describe('plan --json: a day on a public holiday', () => {
  it('carries `holiday` after the documented day keys, with the documented keys, only on holidays', async () => {
    // Sep 30 is an ordinary day; Oct 1–2 2027 are provisional statutory National Day holidays.
    const run = await plan(['plan', '--from', 'wuhan', '--start', '2027-09-30', '--days', '3', '--json', '-q']);
    expect(run.exitCode).toBe(0);
    const days = (JSON.parse(run.stdout) as Doc).days;
    expect(withoutSunset(days[0]!)).toEqual(DAY_KEYS);
    for (const day of days.slice(1)) {
      expect(withoutSunset(day)).toEqual([...DAY_KEYS, 'holiday']);
      expect(Object.keys(day.holiday as object)).toEqual(HOLIDAY_KEYS);
      expect(day.holiday).toMatchObject({ name: 'National Day', nameZh: '国庆节', goldenWeek: true, provisional: true });
    }
  });

  it('is read back by `plan check` (the schema knows the field)', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'yangtze-holiday-'));
    try {
      const file = path.join(dir, 'golden-week.json');
      writeFileSync(file, (await plan(['plan', '--from', 'wuhan', '--start', '2027-10-01', '--days', '2', '--json', '-q'])).stdout);
      const check = await plan(['plan', 'check', file, '-q']);
      expect({ exitCode: check.exitCode, stderr: check.stderr }).toEqual({ exitCode: 0, stderr: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('plan --json: repeatable', () => {
  it('is byte-for-byte the same under --lang zh and --lang en', async () => {
    const zh = await plan(['--lang', 'zh', ...EXAMPLE]);
    const explicitEn = await plan(['--lang', 'en', ...EXAMPLE]);
    expect(zh.stdout).toBe(en);
    expect(explicitEn.stdout).toBe(en);
  });

  it('is the same under a Chinese locale in the environment', async () => {
    const run = await plan(EXAMPLE, { env: { LANG: 'zh_CN.UTF-8' } });
    expect(run.stdout).toBe(en);
  });

  it('is the same for two runs with the same seed', async () => {
    const again = await plan(EXAMPLE);
    expect(again.stdout).toBe(en);
  });
});
