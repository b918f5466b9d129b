/**
 * The printable itinerary's maps on a cruise trip (whole-CLI, the README's 7-day water trip): the
 * gorges seen from the deck and the ship's shore excursions are the cruise's, on a map of their
 * own — not "Stops in Chongqing" because the catalogue files them under the boarding city — and
 * the route drawn goes Chongqing → Yichang once, not back to Chongqing after Yichang.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../cli/helpers/run-cli.js';
import { SHIPPED } from '../plan/shipped.js';

const SEVEN_DAYS_WATER = ['--from', 'chongqing', '--to', 'nanchang', '--start', '2027-04-12', '--days', '7', '--themes', 'water,cultural', '--party', 'adult=2,child=1'];

async function html(lang: 'en' | 'zh'): Promise<string> {
  const run = await runCli(['--catalogue', SHIPPED, 'plan', ...SEVEN_DAYS_WATER, '--format', 'html', '--lang', lang, '-q'], { monotonicMs: () => 0 });
  expect(run.exitCode).toBe(0);
  return run.stdout;
}
/** The legend under each map: its title, and the stops it lists. */
const captions = (doc: string) => [...doc.matchAll(/<figcaption><strong>([^<]*)<\/strong> — ([^<]*)<\/figcaption>/g)].map((m) => ({ title: m[1]!, legend: m[2]! }));

describe('plan --format html on a cruise trip', () => {
  let en: string;
  let zh: string;
  beforeAll(async () => void ([en, zh] = [await html('en'), await html('zh')]), 120_000);

  it('maps the sights of the cruise apart from the boarding city', () => {
    const maps = captions(en);
    const chongqing = maps.find((m) => m.title === 'Stops in Chongqing')!;
    const cruise = maps.find((m) => m.title === 'On the cruise, Chongqing → Yichang')!;
    expect(chongqing.legend).not.toMatch(/Gorge|Shennong/);
    expect(cruise.legend).toContain('Wu Gorge');
    expect(captions(zh).map((m) => m.title)).toContain('游轮途经（重庆 → 宜昌）');
  });

  it('draws the route through Chongqing once', () => {
    const corridor = en.match(/<path d="([^"]*)"/)![1]!;
    const points = corridor.split(/ ?[ML] ?/).filter((p) => p !== '');
    expect(new Set(points).size).toBe(points.length);
  });
});
