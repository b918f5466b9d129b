/**
 * Issue 13: every site's point says its datum and status, and no two sites share a point unless
 * the catalogue says they are one place. How each point was checked (WGS-84 references, their
 * GCJ-02 / BD-09 images, the distance to the entrance) is recorded in catalogue/research/coords.yaml.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { FactMap } from '../../src/domain/catalogue/model.js';
import { loadCatalogueFile } from '../../src/io/load-catalogue.js';
import { anAttraction } from '../builders/catalogue-builder.js';
import { coordsIssues } from './coords-issues.js';

const SHIPPED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../routes.yaml');
const COORDS_RESEARCH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../catalogue/research/coords.yaml');

interface CoordsRecord {
  id: string;
  field: string;
  status?: string;
  checked?: unknown;
  value?: { lat?: unknown; lon?: unknown; datum?: unknown; source_datum?: unknown; at?: unknown };
}

/** What a coords.yaml record lacks: the stored datum, the source's datum, which entrance, a status, a check date. */
function recordGaps(r: CoordsRecord): string[] {
  const v = r.value ?? {};
  const gaps: string[] = [];
  if (typeof v.lat !== 'number' || typeof v.lon !== 'number') gaps.push('lat/lon');
  if (v.datum !== 'WGS84') gaps.push('datum WGS84');
  if (!['WGS84', 'GCJ02', 'BD09', 'unknown'].includes(String(v.source_datum))) gaps.push('source_datum');
  if (typeof v.at !== 'string' || !v.at) gaps.push('at');
  if (!['confirmed', 'estimate', 'assumed'].includes(String(r.status))) gaps.push('status');
  if (!r.checked) gaps.push('checked');
  return gaps;
}

const wgs84: FactMap = { location: { status: 'estimate', sources: [], note: 'WGS-84, at the ticket gate.' } };
const gate = { lat: 28.1839, lon: 112.9356 };

describe('coordinates check', () => {
  it('finds two sites on one point', () => {
    const issues = coordsIssues([
      anAttraction({ id: 'museum', location: gate, provenance: wgs84 }),
      anAttraction({ id: 'peak', location: { lat: 28.1841, lon: 112.9357 }, provenance: wgs84 }),
    ]);
    expect(issues).toEqual([{ ids: ['museum', 'peak'], message: 'one point (24 m apart) but not one place' }]);
  });

  it('accepts one point for a site inside another one or a product that takes the party there', () => {
    const park = anAttraction({ id: 'park', location: gate, provenance: wgs84 });
    expect(coordsIssues([park, anAttraction({ id: 'villa', location: gate, provenance: wgs84, within: 'park' })])).toEqual([]);
    expect(coordsIssues([park, anAttraction({ id: 'boat', location: gate, provenance: wgs84, includes: ['park'] })])).toEqual([]);
  });

  it('finds a point that does not say its datum, or has no status', () => {
    const issues = coordsIssues([
      anAttraction({ id: 'pool-point', location: gate, provenance: { location: { status: 'confirmed', sources: [], note: 'Coordinates (sourced): coords pool.' } } }),
      anAttraction({ id: 'bare', location: { lat: 29, lon: 113 }, provenance: {} }),
    ]);
    expect(issues.map((i) => `${i.ids.join(',')}: ${i.message}`)).toEqual([
      'pool-point: point without a datum (no coords record says it is WGS-84)',
      'bare: point without a status',
    ]);
  });

  it('says, in every coords.yaml record, the datum stored and the source\'s, which entrance, a status and a check date', () => {
    const records = (YAML.parse(readFileSync(COORDS_RESEARCH, 'utf8')) as { facts: CoordsRecord[] }).facts.filter((r) => r.field === 'coords');
    expect(records.length).toBeGreaterThan(30);
    expect(records.map((r) => ({ id: r.id, gaps: recordGaps(r) })).filter((x) => x.gaps.length)).toEqual([]);
    expect(recordGaps({ id: 'x', field: 'coords', status: 'estimate', checked: '2026-12-07', value: { lat: 1, lon: 2, datum: 'WGS84' } })).toEqual(['source_datum', 'at']);
  });

  it('holds for the shipped routes.yaml', async () => {
    const loaded = await loadCatalogueFile(SHIPPED, 'routes.yaml', { cacheDir: null });
    if (!loaded.ok) throw new Error('routes.yaml does not load');
    expect(coordsIssues(loaded.value.attractions).map((i) => `${i.ids.join(',')}: ${i.message}`)).toEqual([]);
  });
});
