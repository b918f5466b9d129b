/**
 * The planner core's `Travel` for one trip skeleton, and the same legs
 * spelled out as itinerary segments (so what the core assumed and what the
 * itinerary shows cannot drift apart). Model: travel/travel-model.ts.
 */
import type { Catalogue, LatLon, Link, LinkMode } from '../catalogue/model.js';
import type { Travel } from '../planner/problem.js';
import type { Party } from '../itinerary/itinerary.js';
import type { DirectedLink } from '../travel/city-links.js';
import { nextDeparture } from '../travel/link-departures.js';
import { BOARDING_MIN, MINUTES_PER_DAY, localTravelMin } from '../travel/travel-model.js';
import { fareFor } from './party-cost.js';

export interface Place {
  /** A city id for a hub (hotel, station), else an attraction id. */
  readonly id: string;
  readonly city: string;
  readonly location: LatLon;
  readonly hub: boolean;
}

export interface Segment {
  readonly from: string;
  readonly to: string;
  readonly mode: 'local' | LinkMode;
  readonly departMin: number;
  readonly arriveMin: number;
  readonly cost: number;
}

export interface TripTravel {
  readonly travel: Travel;
  /** The legs from one place to another leaving at `departMin` on problem day `day`; undefined if impossible. */
  segments(from: number, to: number, departMin: number, day: number): Segment[] | undefined;
}

export interface TripTravelInput {
  readonly places: readonly Place[];
  /** Per problem day: its same-day link, if any, and the trip day it falls on. */
  readonly days: readonly { readonly move?: DirectedLink; readonly tripDay: number }[];
  readonly hubOf: ReadonlyMap<string, number>;
  readonly allowanceMin: number;
  readonly party: Party;
  readonly catalogue: Catalogue;
}

export function tripTravel(input: TripTravelInput): TripTravel {
  const n = input.places.length;
  const local = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = input.places[i]!;
      const b = input.places[j]!;
      local[i * n + j] = i === j ? 0 : localTravelMin(a.location, b.location, input.allowanceMin);
    }
  }
  const localMin = (i: number, j: number) => local[i * n + j]!;
  // Fares per link for this party, computed once: cost() sits in the solver's inner loop.
  const fares = new Map(input.days.flatMap((d) => (d.move ? [[d.move.link, fareFor(d.move.link, input.party)] as const] : [])));
  const cityOf = (i: number) => input.places[i]!.city;
  const moveFor = (from: number, to: number, day: number): DirectedLink | undefined => {
    const move = input.days[day]?.move;
    return move && move.from === cityOf(from) && move.to === cityOf(to) ? move : undefined;
  };

  const segments = (from: number, to: number, departMin: number, day: number): Segment[] | undefined => {
    const a = input.places[from]!;
    const b = input.places[to]!;
    if (a.city === b.city) {
      const d = localMin(from, to);
      return d === 0 ? [] : [{ from: a.id, to: b.id, mode: 'local', departMin, arriveMin: departMin + d, cost: 0 }];
    }
    const move = moveFor(from, to, day);
    if (!move) return undefined;
    const out: Segment[] = [];
    const hubA = input.hubOf.get(a.city)!;
    const hubB = input.hubOf.get(b.city)!;
    let t = departMin;
    if (localMin(from, hubA) > 0) {
      out.push({ from: a.id, to: a.city, mode: 'local', departMin: t, arriveMin: t + localMin(from, hubA), cost: 0 });
      t += localMin(from, hubA);
    }
    const base = input.days[day]!.tripDay * MINUTES_PER_DAY;
    const dep = nextDeparture(move.link, t - base + BOARDING_MIN[move.link.mode]);
    if (dep === undefined) return undefined;
    const arrive = base + dep + move.link.durationMin;
    out.push({ from: a.city, to: b.city, mode: move.link.mode, departMin: base + dep, arriveMin: arrive, cost: fares.get(move.link)! });
    if (localMin(hubB, to) > 0) out.push({ from: b.city, to: b.id, mode: 'local', departMin: arrive, arriveMin: arrive + localMin(hubB, to), cost: 0 });
    return out;
  };

  const hasMoves = input.days.some((d) => d.move !== undefined);
  // arrive() is the solver's inner loop on days with a train: the same arithmetic as
  // segments(), on flat arrays, with each link's departures looked up in a table.
  const cityIds = [...new Set(input.places.map((p) => p.city))];
  const cityIdx = Int32Array.from(input.places, (p) => cityIds.indexOf(p.city));
  const D = input.days.length;
  const moveFrom = new Int32Array(D).fill(-1);
  const moveTo = new Int32Array(D).fill(-1);
  const hubFrom = new Int32Array(D);
  const hubTo = new Int32Array(D);
  const base = new Float64Array(D);
  const boarding = new Float64Array(D);
  const duration = new Float64Array(D);
  const table: (Int16Array | undefined)[] = [];
  input.days.forEach((d, i) => {
    base[i] = d.tripDay * MINUTES_PER_DAY;
    table.push(d.move ? departureTable(d.move.link) : undefined);
    if (!d.move) return;
    moveFrom[i] = cityIds.indexOf(d.move.from);
    moveTo[i] = cityIds.indexOf(d.move.to);
    hubFrom[i] = input.hubOf.get(d.move.from) ?? -1;
    hubTo[i] = input.hubOf.get(d.move.to) ?? -1;
    boarding[i] = BOARDING_MIN[d.move.link.mode];
    duration[i] = d.move.link.durationMin;
    // A move between cities the problem has no hub for cannot be taken.
    if (hubFrom[i]! < 0 || hubTo[i]! < 0) moveFrom[i] = -1;
  });
  const travel: Travel = {
    isStatic: !hasMoves,
    arrive(from, to, depart, day) {
      const cf = cityIdx[from]!;
      const ct = cityIdx[to]!;
      if (cf === ct) return depart + local[from * n + to]!;
      if (cf !== moveFrom[day] || ct !== moveTo[day]) return Infinity;
      const earliest = depart + local[from * n + hubFrom[day]!]! - base[day]! + boarding[day]!;
      const at = Math.max(0, Math.ceil(earliest));
      const dep = at <= MINUTES_PER_DAY ? table[day]![at]! : (nextDeparture(input.days[day]!.move!.link, at) ?? -1);
      return dep < 0 ? Infinity : base[day]! + dep + duration[day]! + local[hubTo[day]! * n + to]!;
    },
    minDuration(from, to) {
      if (cityOf(from) === cityOf(to)) return localMin(from, to);
      const links = input.days.flatMap((d) => (d.move && d.move.from === cityOf(from) && d.move.to === cityOf(to) ? [d.move] : []));
      if (links.length === 0) return Infinity;
      const hubA = input.hubOf.get(cityOf(from))!;
      const hubB = input.hubOf.get(cityOf(to))!;
      const linkMin = Math.min(...links.map((l) => BOARDING_MIN[l.link.mode] + l.link.durationMin));
      return localMin(from, hubA) + linkMin + localMin(hubB, to);
    },
    ...(hasMoves
      ? {
          cost(from: number, to: number, day: number) {
            const move = moveFor(from, to, day);
            return move ? fares.get(move.link)! : 0;
          },
        }
      : {}),
  };
  return { travel, segments };
}

const tables = new WeakMap<Link, Int16Array>();
/** nextDeparture(link, m) for every minute m of the day (0…1440), -1 for none; built once per link. */
export function departureTable(link: Link): Int16Array {
  let t = tables.get(link);
  if (!t) {
    t = new Int16Array(MINUTES_PER_DAY + 1);
    for (let m = 0; m <= MINUTES_PER_DAY; m++) t[m] = nextDeparture(link, m) ?? -1;
    tables.set(link, t);
  }
  return t;
}
