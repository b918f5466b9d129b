/** The routes.yaml shipped in the package is the demo input of every command: it must load cleanly. */
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogueFile } from '../../src/io/load-catalogue.js';

const SHIPPED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../routes.yaml');

describe('the shipped routes.yaml', () => {
  it('loads with no errors', async () => {
    const result = await loadCatalogueFile(SHIPPED, 'routes.yaml', { cacheDir: null });
    const errors = result.ok ? [] : result.issues.map((i) => `${i.file}:${i.line}:${i.col} ${i.code}: ${i.message}`);
    expect(errors).toEqual([]);
  });

  it('covers the corridor: every pass admits to at least one attraction and every city has one', async () => {
    const result = await loadCatalogueFile(SHIPPED, 'routes.yaml', { cacheDir: null });
    if (!result.ok) throw new Error('routes.yaml does not load');
    const c = result.value;
    expect(c.attractions.length).toBeGreaterThanOrEqual(50);
    for (const p of c.passes) expect({ pass: p.id, covered: p.attractionIds.length > 0 }).toEqual({ pass: p.id, covered: true });
    const citiesWithSights = new Set(c.attractions.map((a) => a.city));
    expect(c.cities.filter((x) => !citiesWithSights.has(x.id)).map((x) => x.id)).toEqual([]);
  });
});
