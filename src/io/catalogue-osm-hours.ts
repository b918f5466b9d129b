/**
 * Attractions whose `hours` are an OpenStreetMap opening_hours string get
 * them as seasons (with weekdays), weekly and nth-weekday closures and the
 * public-holiday rule, before normalization: the domain sees one form only.
 */
import { issue, type Issue } from '../domain/issues.js';
import type { RawAttraction, RawSeason } from '../domain/catalogue/raw-catalogue.js';
import { parseOsmHours } from './osm-opening-hours.js';

type WithOsm<A> = Omit<A, 'hours'> & { readonly hours: string | readonly RawSeason[] };

export function withOsmHours<C extends { readonly attractions: readonly WithOsm<RawAttraction>[] }>(
  doc: C,
): { value: Omit<C, 'attractions'> & { attractions: RawAttraction[] }; issues: Issue[] } {
  const issues: Issue[] = [];
  const attractions = doc.attractions.map((a, i): RawAttraction => {
    if (typeof a.hours !== 'string') return { ...a, hours: a.hours };
    const parsed = parseOsmHours(a.hours);
    if (!parsed.ok) {
      issues.push(issue('bad-opening-hours', ['attractions', i, 'hours'], `The OSM opening hours of ${a.id} cannot be used: ${parsed.message}`));
      return { ...a, hours: [{ open: '00:00', close: '24:00' }] };
    }
    const osm = parsed.value;
    if (osm.hours.length === 0) {
      issues.push(issue('bad-opening-hours', ['attractions', i, 'hours'], `The OSM opening hours of ${a.id} never open.`));
    }
    return {
      ...a,
      hours: osm.hours,
      closed: [...new Set([...a.closed, ...osm.closed])],
      closed_nth: [...a.closed_nth, ...osm.closedNth],
      ...(osm.holidays ? { holidays: osm.holidays } : {}),
    };
  });
  return { value: { ...doc, attractions }, issues };
}
