/** The routes.yaml shipped in the package is the demo input of every command: it must load cleanly. */
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FactMap } from '../../src/domain/catalogue/model.js';
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

  it('has no confirmed fact without a known source and a checked date', async () => {
    const c = await shipped();
    const sourceIds = new Set(c.sources.map((x) => x.id));
    const bad: string[] = [];
    for (const [kind, items] of [['city', c.cities], ['attraction', c.attractions], ['link', c.links], ['pass', c.passes]] as const) {
      for (const item of items as readonly { id?: string; provenance: FactMap }[]) {
        for (const [field, fact] of Object.entries(item.provenance)) {
          if (fact.status !== 'confirmed') continue;
          if (fact.sources.length === 0 || fact.sources.some((id) => !sourceIds.has(id)) || !/^\d{4}-\d{2}/.test(fact.checked ?? '')) bad.push(`${kind} ${item.id} ${field}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('says where every customer-visible fact comes from: each price per category, hours, closures, point, visit, booking, fares and timetables', async () => {
    const c = await shipped();
    const missing: string[] = [];
    for (const a of c.attractions) {
      const needed = ['location', 'visit', 'hours', 'closed', 'reservation', ...Object.keys(a.price).map((k) => `price.${k}`)];
      if (a.closedNth.length) needed.push('closed_nth');
      for (const f of needed) if (!a.provenance[f]) missing.push(`${a.id} ${f}`);
    }
    for (const l of c.links) for (const f of ['duration', 'fare', 'timetable']) if (!l.provenance[f]) missing.push(`${l.id} ${f}`);
    expect(missing).toEqual([]);
  });

  it('keeps sample pass products visibly marked, and every real one sourced', async () => {
    const c = await shipped();
    for (const p of c.passes) {
      if (p.real) expect({ pass: p.id, sourced: (p.provenance.price?.sources.length ?? 0) > 0 }).toEqual({ pass: p.id, sourced: true });
      else expect(p.name).toMatch(/sample/i);
    }
  });
});

async function shipped() {
  const result = await loadCatalogueFile(SHIPPED, 'routes.yaml', { cacheDir: null });
  if (!result.ok) throw new Error('routes.yaml does not load');
  return result.value;
}
