/**
 * The plan as the interactive session shows it (src/cli/prompts/plan-summary.ts), on the README's
 * water trip sailing in National Day week: like every other view it says how each local leg is made
 * and how far ("Taxi 11.4 km", not "Local transfer"), that the cruise arrives days later ("+3d"),
 * and the holiday note on the days it falls on (issue 12 item 6: in every view) — before, the
 * summary an agent reads before saving had none of the three.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Chalk } from 'chalk';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { Itinerary } from '../../src/domain/itinerary/itinerary.js';
import { renderPlanSummary } from '../../src/cli/prompts/plan-summary.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { SHIPPED, shippedCatalogue } from '../plan/shipped.js';

const GOLDEN_WEEK_WATER = ['--from', 'chongqing', '--to', 'nanchang', '--start', '2027-09-29', '--days', '7', '--themes', 'water,cultural', '--party', 'adult=2,child=1'];
const plain = new Chalk({ level: 0 });

let catalogue: Catalogue;
let itinerary: Itinerary;
beforeAll(async () => {
  ({ catalogue } = await shippedCatalogue());
  const run = await runCli(['--catalogue', SHIPPED, 'plan', ...GOLDEN_WEEK_WATER, '--json', '-q'], { monotonicMs: () => 0 });
  itinerary = JSON.parse(run.stdout) as Itinerary;
}, 120_000);

describe('the interactive plan summary', () => {
  it('names each local leg as the other views do: taxi or walk, and how far', () => {
    const text = renderPlanSummary(itinerary, catalogue, 'en', plain);
    expect(text).toMatch(/ Taxi \d+(\.\d)? km: /);
    expect(text).not.toContain('Local transfer');
    expect(renderPlanSummary(itinerary, catalogue, 'zh', plain)).toMatch(/出租车 \d+(\.\d)?公里/);
  });

  it('shows the cruise arriving three days later', () => {
    expect(renderPlanSummary(itinerary, catalogue, 'en', plain)).toMatch(/21:00–13:30 \+3d +Cruise: Chongqing → Yichang/);
    expect(renderPlanSummary(itinerary, catalogue, 'zh', plain)).toMatch(/21:00–13:30 \+3天 +游轮：重庆 → 宜昌/);
  });

  it('says which days are National Day holidays', () => {
    const text = renderPlanSummary(itinerary, catalogue, 'en', plain);
    const holidayDays = itinerary.days.filter((d) => d.holiday !== undefined).length;
    expect(holidayDays).toBeGreaterThan(0);
    expect(text.match(/! Golden Week · National Day/g)?.length).toBe(holidayDays);
    expect(renderPlanSummary(itinerary, catalogue, 'zh', plain)).toContain('国庆节');
  });
});
