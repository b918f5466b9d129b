/**
 * Issue 13: every site's point says its datum and status, and no two sites share a point unless
 * the catalogue says they are one place. How each point was checked (WGS-84 references, their
 * GCJ-02 / BD-09 images, the distance to the entrance) is recorded in catalogue/research/coords.yaml.
 */
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FactMap } from '../../src/domain/catalogue/model.js';
import { loadCatalogueFile } from '../../src/io/load-catalogue.js';
import { anAttraction } from '../builders/catalogue-builder.js';
import { coordsIssues } from './coords-issues.js';

const SHIPPED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../routes.yaml');

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

  it('holds for the shipped routes.yaml', async () => {
    const loaded = await loadCatalogueFile(SHIPPED, 'routes.yaml', { cacheDir: null });
    if (!loaded.ok) throw new Error('routes.yaml does not load');
    expect(coordsIssues(loaded.value.attractions).map((i) => `${i.ids.join(',')}: ${i.message}`)).toEqual([]);
  });
});
