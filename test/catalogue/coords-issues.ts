/**
 * What is wrong with a catalogue's points, for the coordinates spec (issue 13: "every coordinate
 * within 500 m of its entrance, and say how it was checked"). Two problems are checked here:
 *
 * - two sites on one point (closer than SAME_POINT_M) unless the catalogue says they are one place
 *   (one lies `within` the other's paid area, or a product `includes` the other) — a point copied
 *   from a registry entry that covers several sites puts at least one of them far from its gate,
 *   and plans then show a walk of a minute where a bus ride of several kilometres is needed;
 * - a site's point whose provenance does not say its datum (the research generator writes
 *   "WGS-84, at …" for every coords record, scripts/catalogue/research.mjs) or has no status.
 */
import type { Attraction, LatLon } from '../../src/domain/catalogue/model.js';
import { distanceMetres } from '../../src/domain/geo/china-datums.js';

/** Closer than this, two points are one point for planning (a minute's walk). */
export const SAME_POINT_M = 50;

const STATUSES = new Set(['confirmed', 'estimate', 'assumed']);

export interface CoordsIssue {
  readonly ids: readonly string[];
  readonly message: string;
}

type Site = Pick<Attraction, 'id' | 'location' | 'provenance' | 'within' | 'includes'>;

function onePlace(a: Site, b: Site): boolean {
  return a.within === b.id || b.within === a.id || (a.includes ?? []).includes(b.id) || (b.includes ?? []).includes(a.id);
}

export function coordsIssues(sites: readonly Site[]): CoordsIssue[] {
  const issues: CoordsIssue[] = [];
  for (const s of sites) {
    const fact = s.provenance['location'];
    if (!fact || !STATUSES.has(fact.status)) issues.push({ ids: [s.id], message: 'point without a status' });
    else if (!/^WGS-84\b/.test(fact.note ?? '')) issues.push({ ids: [s.id], message: 'point without a datum (no coords record says it is WGS-84)' });
  }
  for (let i = 0; i < sites.length; i++) {
    for (let j = i + 1; j < sites.length; j++) {
      const [a, b] = [sites[i]!, sites[j]!];
      const metres = distanceMetres(a.location as LatLon, b.location as LatLon);
      if (metres < SAME_POINT_M && !onePlace(a, b)) issues.push({ ids: [a.id, b.id], message: `one point (${Math.round(metres)} m apart) but not one place` });
    }
  }
  return issues;
}
