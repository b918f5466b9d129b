/**
 * A stretch of river sailed both ways is one river (issue 12 items 2, 3): the 9-day Yichang →
 * Wuhan trip of the issue sailed up the gorges and straight back down (two cruises, ¥13,947 of
 * fares), listed Wu Gorge, Shennong Stream and the Dam twice, and `plan check` refused it
 * (duplicate-visit, totals-mismatch). The chooser and the race now count a stretch's sights and
 * days aboard once, and a second sailing's programme passes the sites again as items of the
 * ship's day, not as second visits.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { sailingEvents } from '../../src/domain/cruise/cruise-programme.js';
import { riverStretch } from '../../src/domain/cruise/river-stretch.js';
import type { Itinerary } from '../../src/domain/itinerary/itinerary.js';
import { shippedCatalogue } from './shipped.js';
import { planChecker, planJson } from './shipped-cli.js';

const { check, remove } = planChecker('yangtze-twice-');
afterAll(remove);
const NINE_DAYS = ['--from', 'yichang', '--to', 'wuhan', '--start', '2027-10-05', '--days', '9', '--themes', 'eco,water,red,cultural', '--party', 'adult=2'];

describe('the 9-day Yichang → Wuhan trip of the issue', () => {
  let p: Itinerary;
  beforeAll(async () => void (p = await planJson(NINE_DAYS)), 120_000);

  it('sails each stretch of river at most once', () => {
    const stretches = p.days.flatMap((d) => d.items).flatMap((i) => (i.kind === 'travel' && i.mode === 'cruise' ? [riverStretch(i.from, i.to)] : []));
    expect(stretches.length).toBeGreaterThan(0);
    expect(new Set(stretches).size).toBe(stretches.length);
  });

  it('visits no site twice and passes plan check', async () => {
    const visits = p.days.flatMap((d) => d.items).flatMap((i) => (i.kind === 'visit' ? [i.attraction] : []));
    expect(new Set(visits).size).toBe(visits.length);
    expect(await check(p)).toEqual({ exitCode: 0, out: '' });
  }, 60_000);
});

describe('a second sailing of the same river', () => {
  let catalogue: Catalogue;
  beforeAll(async () => void ({ catalogue } = await shippedCatalogue()));
  const options = (seenBefore?: Set<string>) => ({ chosen: new Set<string>(), avoided: new Set<string>(), party: { adult: 2 }, defaultId: 'adult', ...(seenBefore ? { seenBefore } : {}) });
  const sites = (events: ReturnType<typeof sailingEvents>) => events.flatMap((e) => (e.kind === 'visit' ? [e.site] : []));

  it('passes the sites the first visited as items of the ship\'s day, not as visits', () => {
    const up = catalogue.cruises.find((c) => c.id === 'three-gorges-cruise-upstream')!;
    const down = catalogue.cruises.find((c) => c.id === 'three-gorges-cruise-downstream')!;
    const seenBefore = new Set<string>();
    const first = sites(sailingEvents(up, 0, options(seenBefore)));
    const alone = sailingEvents(down, 4, options());
    const second = sailingEvents(down, 4, options(seenBefore));
    const shared = sites(alone).filter((s) => first.includes(s));
    expect(shared.length).toBeGreaterThan(0);
    expect(sites(second).filter((s) => first.includes(s))).toEqual([]);
    // The same programme, event for event: only what the repeated sites are.
    expect(second.map((e) => e.slot)).toEqual(alone.map((e) => e.slot));
  });
});
