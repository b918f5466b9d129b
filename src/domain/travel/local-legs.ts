/**
 * Every local leg of a city — between its hub (hotel, station: the city's
 * location) and its attractions, and between two attractions — computed once
 * per catalogue and pace allowance, so that the planner, the itinerary, the
 * skeleton chooser and `plan check` all read the same minutes.
 *
 * 1. The road model (road-model.ts) gives each pair a walk or a drive.
 * 2. The catalogue's explicit times win: an attraction's `access` by road
 *    from its own city (the dam expressway, the bus up to Guling) replaces
 *    the model's hub ↔ attraction drive (its duration plus the allowance).
 * 3. Shortest paths (Floyd–Warshall) over the city make the minutes obey the
 *    triangle inequality, which the planner core relies on (removing a stop
 *    never makes a day longer; withReachableWindows prunes on it).
 * 4. A slower explicit time must still win over a model shortcut through a
 *    neighbour (Meilu Villa sits 1 km from the Lushan point, so hub → Meilu →
 *    Lushan would undercut the 1 h bus): each hub leg is raised to at least
 *    E − d(P, A) for every explicit leg hub → A of E minutes, but at most
 *    E × (the straight line hub–P) / (the straight line hub–A): a place near
 *    the hub keeps about its own time (the boat pier 700 m from the centre is
 *    not 40 min from the hotel because the dam's road is slow; its leg to the
 *    dam is raised instead). That is the max of the metric with the
 *    pseudometric |g(P) − g(Q)|, g(hub) = 0,
 *    g(P) = min(max(0, E − d(P, A)), E · |hub P| / |hub A|) — still a metric,
 *    and hub → A stays E.
 * 5. Rounded up to 5 minutes (which keeps the triangle inequality: ⌈a + b⌉
 *    ≤ ⌈a⌉ + ⌈b⌉), never below 5 minutes between two different places.
 */
import type { Attraction, Catalogue, LatLon } from '../catalogue/model.js';
import { legMinutes, roadLeg, roundLegMin, type LocalMode } from './road-model.js';
import { haversineKm, localTravelMin } from './travel-model.js';

export interface LocalLeg {
  readonly by: LocalMode;
  /** Path or road kilometres of the direct leg (the model's; the catalogue gives no distances). */
  readonly km: number;
  /** Door to door at this pace, rounded. */
  readonly minutes: number;
  /** The time is the catalogue's `access` duration (plus the allowance), not the model's. */
  readonly explicit: boolean;
}

export interface LocalLegs {
  /** The leg between two places of one city (a city id is its hub); undefined across cities or for unknown ids. */
  leg(from: string, to: string): LocalLeg | undefined;
}

/**
 * Minutes of the local leg between two places: the city's table when both are in it, else the
 * road model over the straight line (a place the table does not hold, or two cities).
 */
export function localLegMin(legs: LocalLegs, from: string, fromPoint: LatLon, to: string, toPoint: LatLon, allowanceMin: number): number {
  return legs.leg(from, to)?.minutes ?? localTravelMin(fromPoint, toPoint, allowanceMin);
}

interface CityTable {
  readonly index: ReadonlyMap<string, number>;
  readonly legs: readonly LocalLeg[];
  readonly n: number;
}

const cache = new WeakMap<object, Map<number, LocalLegs>>();

/** The local legs of a catalogue at a pace's transfer allowance (cached per catalogue and allowance). */
export function localLegs(catalogue: Pick<Catalogue, 'cities' | 'attractions'>, allowanceMin: number): LocalLegs {
  let byAllowance = cache.get(catalogue);
  if (!byAllowance) {
    byAllowance = new Map();
    cache.set(catalogue, byAllowance);
  }
  let legs = byAllowance.get(allowanceMin);
  if (!legs) {
    legs = buildLocalLegs(catalogue, allowanceMin);
    byAllowance.set(allowanceMin, legs);
  }
  return legs;
}

function buildLocalLegs(catalogue: Pick<Catalogue, 'cities' | 'attractions'>, allowanceMin: number): LocalLegs {
  const tables = new Map<string, CityTable>();
  const cityOf = new Map<string, string>();
  for (const city of catalogue.cities) {
    const sites = catalogue.attractions.filter((a) => a.city === city.id);
    const table = cityTable(city.id, city.location, sites, allowanceMin);
    tables.set(city.id, table);
    cityOf.set(city.id, city.id);
    for (const a of sites) cityOf.set(a.id, city.id);
  }
  return {
    leg(from, to) {
      const city = cityOf.get(from);
      if (city === undefined || cityOf.get(to) !== city) return undefined;
      const t = tables.get(city)!;
      return t.legs[t.index.get(from)! * t.n + t.index.get(to)!];
    },
  };
}

/** Minutes the catalogue gives for reaching a site by road from its own city, if any (the fastest). */
export function explicitAccessMin(a: Pick<Attraction, 'city' | 'access'>): number | undefined {
  const times = a.access.filter((x) => x.from === a.city && x.mode === 'road').map((x) => x.durationMin);
  return times.length > 0 ? Math.min(...times) : undefined;
}

function cityTable(cityId: string, hub: LatLon, sites: readonly Attraction[], allowanceMin: number): CityTable {
  const points = [hub, ...sites.map((a) => a.location)];
  const n = points.length;
  const index = new Map<string, number>([[cityId, 0], ...sites.map((a, i) => [a.id, i + 1] as const)]);
  const model = Array.from({ length: n * n }, (_, k) => roadLeg(haversineKm(points[Math.floor(k / n)]!, points[k % n]!)));
  const d = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) d[k] = Math.floor(k / n) === k % n ? 0 : legMinutes(model[k]!, allowanceMin);
  const explicit: { site: number; min: number }[] = [];
  sites.forEach((a, i) => {
    const access = explicitAccessMin(a);
    if (access === undefined) return;
    const min = access + allowanceMin;
    explicit.push({ site: i + 1, min });
    d[i + 1] = d[(i + 1) * n] = min;
  });
  // Shortest paths: a leg is never longer than going through a third place.
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const via = d[i * n + k]! + d[k * n + j]!;
        if (via < d[i * n + j]!) d[i * n + j] = via;
      }
    }
  }
  // Explicit times win over model shortcuts through a neighbour (step 4 above).
  const raised = Float64Array.from(d);
  const km = (i: number, j: number) => haversineKm(points[i]!, points[j]!);
  for (const { site, min } of explicit) {
    // At most the timed leg's share for the place's straight-line distance from the hub: the boat
    // pier 700 m from the centre is not 40 min away because the dam's road is slower than the model.
    const span = km(0, site);
    const g = (p: number) => (p === 0 ? 0 : Math.min(Math.max(0, min - d[p * n + site]!), span > 0 ? (min * km(0, p)) / span : min));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) raised[i * n + j] = Math.max(raised[i * n + j]!, Math.abs(g(i) - g(j)));
    }
  }
  const isExplicit = (i: number, j: number) => explicit.some((e) => (i === 0 && j === e.site) || (j === 0 && i === e.site));
  const legs: LocalLeg[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const m = model[i * n + j]!;
      const explicitLeg = isExplicit(i, j);
      legs.push({
        // A hub leg the catalogue times is a drive, whatever the straight line.
        by: explicitLeg ? 'road' : m.by,
        km: m.km,
        minutes: i === j ? 0 : roundLegMin(raised[i * n + j]!),
        explicit: explicitLeg,
      });
    }
  }
  return { index, legs, n };
}
