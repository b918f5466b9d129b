/** The smallest complete catalogue loads, and comes out in model units with defaults filled in. */
import { describe, expect, it } from '@jest/globals';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { loadCatalogueFile } from '../../src/io/load-catalogue.js';
import { fixturePath } from './fixture-path.js';

async function loadValid(): Promise<Catalogue> {
  const result = await loadCatalogueFile(fixturePath('valid-minimal.yaml'), 'valid-minimal.yaml', { cacheDir: null });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.line}:${i.col} ${i.code} ${i.message}`).join('\n'));
  expect(result.warnings).toEqual([]);
  return result.value;
}

const attraction = (c: Catalogue, id: string) => c.attractions.find((a) => a.id === id)!;

describe('valid-minimal.yaml', () => {
  it('loads without errors or warnings', async () => {
    const c = await loadValid();
    expect(c.version).toBe(1);
    expect(c.cities.map((x) => x.id)).toEqual(['wuhan', 'changsha']);
    expect(c.attractions.map((x) => x.id)).toEqual(['yellow-crane-tower', 'hunan-museum']);
  });

  it('turns durations into minutes and times into minutes after midnight', async () => {
    const c = await loadValid();
    const tower = attraction(c, 'yellow-crane-tower');
    expect(tower.visitMin).toBe(120);
    expect(tower.hours[0]).toEqual({ months: [4, 5, 6, 7, 8, 9, 10], openMin: 480, closeMin: 1110, lastEntryMin: 1050 });
    expect(tower.hours[1]).toEqual({ months: [1, 2, 3, 11, 12], openMin: 480, closeMin: 1050 });
    expect(c.links[0]).toMatchObject({ durationMin: 95, firstMin: 390, lastMin: 1290, everyMin: 30, fare: 164.5 });
  });

  it('gives a season without months every month', async () => {
    const c = await loadValid();
    expect(attraction(c, 'hunan-museum').hours[0]!.months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('fills in the documented defaults', async () => {
    const c = await loadValid();
    const tower = attraction(c, 'yellow-crane-tower');
    expect(c.cities[0]!.lodging).toBe(true);
    expect(tower).toMatchObject({
      closedWeekdays: [],
      holidays: 'normal',
      closedDates: [],
      mustSee: false,
      facts: { unconfirmed: [], sources: [] },
    });
    expect(c.links[0]).toMatchObject({ oneway: false, fares: {} });
    expect(c.riderCategories.map((r) => [r.id, r.isDefault])).toEqual([
      ['adult', true],
      ['child', false],
    ]);
  });

  it('keeps what the file says about closures and provenance', async () => {
    const museum = attraction(await loadValid(), 'hunan-museum');
    expect(museum).toMatchObject({
      closedWeekdays: ['mon'],
      holidays: 'open',
      reservation: 'none',
      closedDates: [
        { from: '2026-12-31', to: '2026-12-31' },
        { from: '2026-02-16', to: '2026-02-17' },
      ],
      facts: { checked: '2025-09', unconfirmed: ['hours'], sources: ['https://example.org/hunan-museum'] },
    });
  });

  it('resolves the attractions a pass covers: its themes, minus exclude', async () => {
    const c = await loadValid();
    expect(c.passes[0]!.attractionIds).toEqual(['yellow-crane-tower']);
    expect(c.passes[0]!.validity).toEqual({ kind: 'consecutive-days', days: 3, starts: 'first-use' });
    expect(c.passes[0]!.blackout).toEqual([{ from: '2026-10-01', to: '2026-10-07' }]);
    expect(c.passes[0]!.reservationStillRequired).toBe(true);
  });

  it('reads holiday overrides as ranges', async () => {
    const c = await loadValid();
    expect(c.holidays).toEqual([{ range: { from: '2026-10-01', to: '2026-10-07' }, name: 'National Day', kind: 'holiday' }]);
  });
});
