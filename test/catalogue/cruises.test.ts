/**
 * The `cruises:` section (docs/CATALOGUE.md "cruises"): a product loads into model units, and
 * each test/fixtures/catalogues/cruise/invalid-<defect>.yaml (valid-cruise.yaml with exactly
 * one defect) is rejected with that one problem at its file:line:col. The shipped catalogue
 * carries both Three Gorges products, generated from catalogue/research/cruise.yaml.
 */
import { describe, expect, it } from '@jest/globals';
import { loadCatalogueFile } from '../../src/io/load-catalogue.js';
import { fixturePath } from './fixture-path.js';

const load = (name: string) => loadCatalogueFile(fixturePath(`cruise/${name}.yaml`), `${name}.yaml`, { cacheDir: null });

describe('a cruise product', () => {
  it('loads with times in minutes, the programme flat by day, and the documented defaults', async () => {
    const result = await load('valid-cruise');
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.line}:${i.col} ${i.code} ${i.message}`).join('\n'));
    expect(result.warnings).toEqual([]);
    const cruise = result.value.cruises[0]!;
    expect(cruise).toMatchObject({
      id: 'downstream', from: 'chongqing', to: 'yichang', link: 'chongqing-yichang-cruise', nights: 3,
      weekdays: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      board: { place: 'Chaotianmen', openMin: 18 * 60, closeMin: 21 * 60 },
      sailMin: 21 * 60,
      disembark: { day: 4, openMin: 11 * 60 + 30, closeMin: 13 * 60 + 30 },
      fare: { adult: 2899 },
      singleUsePercent: 175,
      mealsIncluded: true,
    });
    expect(cruise.programme[2]).toEqual({
      day: 3, kind: 'sail', what: 'Qutang and Wu gorges from the deck', startMin: 435, endMin: 660, approximate: true, site: 'wu-gorge', alternatives: [],
    });
    expect(cruise.programme[4]).toEqual({ day: 3, kind: 'sail', what: 'Ship locks at night', whatZh: '夜过船闸', when: 'evening', whenZh: '晚上', approximate: false, alternatives: [] });
    expect(cruise.optionalExcursions).toEqual([{ id: 'white-emperor-city', what: 'White Emperor City', whatZh: '白帝城', price: { adult: 290 } }]);
    expect(cruise.childFares).toEqual([
      { category: 'child', ages: '2-11', bed: false, paysPercent: 50 },
      { category: 'child', ages: '2-11', bed: true, paysPercent: 75 },
    ]);
    expect(cruise.cabins.map((c) => [c.grade, c.paysPercent, c.plus, c.onRequest])).toEqual([
      ['inside', 70, undefined, false], ['standard', 100, undefined, false], ['deck-3', undefined, 200, false], ['suite', undefined, undefined, true],
    ]);
    expect(cruise.provenance.programme).toEqual({ status: 'estimate', sources: [], note: 'a test programme' });
  });

  it('is optional: a catalogue without cruises has none', async () => {
    const result = await loadCatalogueFile(fixturePath('valid-minimal.yaml'), 'valid-minimal.yaml', { cacheDir: null });
    expect(result.ok && result.value.cruises).toEqual([]);
  });
});

const DEFECTS: readonly [fixture: string, code: string, line: number, col: number][] = [
  ['unknown-attraction', 'unknown-attraction', 60, 96],
  ['unknown-link', 'unknown-link', 49, 11],
  ['cruise-link-mismatch', 'cruise-link-mismatch', 49, 11],
  ['bad-nights', 'bad-nights', 53, 39],
  ['unknown-excursion', 'unknown-excursion', 58, 102],
  ['bad-cabin', 'bad-cabin', 68, 9],
  ['end-before-start', 'end-before-start', 56, 82],
  ['bad-kind', 'bad-value', 59, 25],
  ['unknown-fact-field', 'unknown-fact-field', 75, 7],
];

describe('a cruise product with one defect', () => {
  it.each(DEFECTS)('invalid-%s.yaml is rejected with exactly one %s at %i:%i', async (fixture, code, line, col) => {
    const result = await load(`invalid-${fixture}`);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => ({ code: i.code, line: i.line, col: i.col, file: i.file }))).toEqual([
      { code, line, col, file: `invalid-${fixture}.yaml` },
    ]);
  });

  it('suggests the nearest link id for a misspelt one', async () => {
    const result = await load('invalid-unknown-link');
    expect(result.ok ? [] : result.issues.map((i) => i.hint)).toEqual(["Did you mean 'chongqing-yichang-cruise'?"]);
  });
});

describe('the shipped catalogue', () => {
  it('has the downstream and upstream Three Gorges products, each on its cruise link, with sourced programmes', async () => {
    const result = await loadCatalogueFile('routes.yaml', 'routes.yaml', { cacheDir: null });
    if (!result.ok) throw new Error('routes.yaml does not load');
    const c = result.value;
    const down = c.cruises.find((x) => x.id === 'three-gorges-cruise-downstream')!;
    const up = c.cruises.find((x) => x.id === 'three-gorges-cruise-upstream')!;
    expect([down.from, down.to, down.nights, up.from, up.to, up.nights]).toEqual(['chongqing', 'yichang', 3, 'yichang', 'chongqing', 4]);
    // Wu Gorge is passed on day 3, not on the first night, after Qutang Gorge (11:00) and before the
    // Shennong Stream excursion at Badong, downriver of it (research: about 11:30-13:30).
    expect(down.programme.find((p) => p.site === 'wu-gorge')).toMatchObject({ day: 3, kind: 'sail', startMin: 690, endMin: 810 });
    const day3 = down.programme.filter((p) => p.day === 3 && p.startMin !== undefined);
    expect(day3.map((p) => p.site ?? p.what.slice(0, 25))).toEqual(['baidicheng-qutang', 'Sail through Qutang Gorge', 'wu-gorge', 'shennong-stream']);
    for (let k = 1; k < day3.length; k++) expect(day3[k - 1]!.endMin! <= day3[k]!.startMin!).toBe(true);
    expect(down.childFares.find((f) => f.ages === '2-11' && !f.bed)?.paysPercent).toBe(50);
    for (const cruise of [down, up]) {
      const link = c.links.find((l) => l.id === cruise.link)!;
      expect(link.mode).toBe('cruise');
      // The leg arrives when the programme's disembarking window closes.
      expect(((link.departures![0]! + link.durationMin) % 1440)).toBe(cruise.disembark.closeMin);
      expect(Math.floor((link.departures![0]! + link.durationMin) / 1440)).toBe(cruise.disembark.day - 1);
      for (const field of ['programme', 'timetable', 'fare', 'child_fares', 'nights']) expect(cruise.provenance[field]).toBeDefined();
    }
  });
});
