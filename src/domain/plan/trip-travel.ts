/**
 * The planner core's `Travel` for one trip skeleton, and the same legs
 * spelled out as itinerary segments (so what the core assumed and what the
 * itinerary shows cannot drift apart). Model: travel/travel-model.ts; local
 * legs: travel/local-legs.ts; their cost: travel/local-fares.ts.
 *
 * `cost` is what the core counts against the budget: the fares of the day's
 * links plus, for a party in taxis, each ride's metered fare (walking is
 * free). A group's hired vehicle is a cost per day, not per leg: the caller
 * commits it up front (build-problem.ts) and the itinerary puts it on the
 * day's first local leg in each city (local-transfers.ts).
 */
import type { Catalogue, LatLon, Link, LinkMode } from '../catalogue/model.js';
import type { Travel } from '../planner/problem.js';
import type { Party } from '../itinerary/itinerary.js';
import type { DirectedLink } from '../travel/city-links.js';
import { nextDeparture } from '../travel/link-departures.js';
import { localLegs } from '../travel/local-legs.js';
import { taxiFareFen, taxiRateFor, transferKindFor, TAXI_SEATS, type TransferKind } from '../travel/local-fares.js';
import { BOARDING_MIN, MINUTES_PER_DAY, localTravelMin } from '../travel/travel-model.js';
import { fareFor } from './party-cost.js';

export interface Place {
  /** A city id for a hub (hotel, station), else an attraction id. */
  readonly id: string;
  readonly city: string;
  readonly location: LatLon;
  readonly hub: boolean;
}

/** How a local segment is made (absent on links between cities). */
export interface SegmentTransfer {
  readonly by: 'walk' | TransferKind;
  /** Path or road kilometres (the road model's). */
  readonly km: number;
  /** Taxis taken for the ride (a party in taxis). */
  readonly cars?: number;
  /** The taxi tariff rests on an estimate. */
  readonly tariffEstimate?: boolean;
}

export interface Segment {
  readonly from: string;
  readonly to: string;
  readonly mode: 'local' | LinkMode;
  readonly departMin: number;
  readonly arriveMin: number;
  /** Whole party: a link's fares, a taxi ride's meter; 0 for a walk or the group's vehicle. */
  readonly cost: number;
  readonly transfer?: SegmentTransfer;
  /** The link a non-local segment rides. */
  readonly link?: Link;
}

export interface TripTravel {
  readonly travel: Travel;
  /** The legs from one place to another leaving at `departMin` on problem day `day`; undefined if impossible. */
  segments(from: number, to: number, departMin: number, day: number): Segment[] | undefined;
}

export interface TripTravelInput {
  readonly places: readonly Place[];
  /** Per problem day: its same-day links in order (none: a day in one city), and the trip day it falls on. */
  readonly days: readonly { readonly moves: readonly DirectedLink[]; readonly tripDay: number }[];
  readonly hubOf: ReadonlyMap<string, number>;
  readonly allowanceMin: number;
  readonly party: Party;
  readonly catalogue: Catalogue;
}

export function tripTravel(input: TripTravelInput): TripTravel {
  const n = input.places.length;
  const legs = localLegs(input.catalogue, input.allowanceMin);
  const heads = Object.values(input.party).reduce((s, k) => s + k, 0);
  const kind = transferKindFor(heads);
  const cars = Math.max(1, Math.ceil(heads / TAXI_SEATS));
  const local = new Float64Array(n * n);
  /** Whole-party yuan per local leg (taxi meters; 0 walking or with the group's vehicle). */
  const localCost = new Float64Array(n * n);
  const transfers: (SegmentTransfer | undefined)[] = new Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const a = input.places[i]!;
      const b = input.places[j]!;
      if (a.city !== b.city) continue;
      const leg = legs.leg(a.id, b.id);
      if (!leg) {
        // Not catalogue places (a hand-built problem): the road model alone, unpriced.
        local[i * n + j] = localTravelMin(a.location, b.location, input.allowanceMin);
        continue;
      }
      local[i * n + j] = leg.minutes;
      if (leg.by === 'walk') {
        transfers[i * n + j] = { by: 'walk', km: round1(leg.km) };
        continue;
      }
      if (kind === 'vehicle') {
        transfers[i * n + j] = { by: 'vehicle', km: round1(leg.km) };
        continue;
      }
      const rate = taxiRateFor(input.catalogue.rates, a.city);
      transfers[i * n + j] = { by: 'taxi', km: round1(leg.km), cars, ...(rate?.estimate !== undefined || !rate ? { tariffEstimate: true } : {}) };
      // The meter runs over the kilometres the item shows, so a reader can redo the sum.
      if (rate) localCost[i * n + j] = (cars * taxiFareFen(rate, round1(leg.km))) / 100;
    }
  }
  const localMin = (i: number, j: number) => local[i * n + j]!;
  const hasLocalCost = localCost.some((c) => c > 0);
  // Fares per link for this party, computed once: cost() sits in the solver's inner loop.
  const fares = new Map(input.days.flatMap((d) => d.moves.map((m) => [m.link, fareFor(m.link, input.party)] as const)));
  const cityOf = (i: number) => input.places[i]!.city;
  // The links between two cities of a day, in order: a day of two trains (Yichang → Wuhan →
  // Jiujiang) may stop in the city between, so from there on only the second is taken.
  const movesFor = (from: number, to: number, day: number): readonly DirectedLink[] | undefined => {
    const moves = input.days[day]?.moves ?? [];
    const i = moves.findIndex((m) => m.from === cityOf(from));
    if (i < 0) return undefined;
    const j = moves.findIndex((m, k) => k >= i && m.to === cityOf(to));
    return j < 0 ? undefined : moves.slice(i, j + 1);
  };
  const localSegment = (i: number, j: number, t: number): Segment[] => {
    const d = localMin(i, j);
    if (i === j || d === 0) return [];
    const transfer = transfers[i * n + j];
    return [{
      from: input.places[i]!.id, to: input.places[j]!.id, mode: 'local', departMin: t, arriveMin: t + d,
      cost: localCost[i * n + j]!, ...(transfer ? { transfer } : {}),
    }];
  };

  const segments = (from: number, to: number, departMin: number, day: number): Segment[] | undefined => {
    const a = input.places[from]!;
    const b = input.places[to]!;
    if (a.city === b.city) return localSegment(from, to, departMin);
    const moves = movesFor(from, to, day);
    if (!moves) return undefined;
    const hubA = input.hubOf.get(a.city)!;
    const hubB = input.hubOf.get(b.city)!;
    const out = localSegment(from, hubA, departMin);
    let t = departMin + localMin(from, hubA);
    const base = input.days[day]!.tripDay * MINUTES_PER_DAY;
    for (const move of moves) {
      const dep = nextDeparture(move.link, t - base + BOARDING_MIN[move.link.mode]);
      if (dep === undefined) return undefined;
      const arrive = base + dep + move.link.durationMin;
      out.push({ from: move.from, to: move.to, mode: move.link.mode, departMin: base + dep, arriveMin: arrive, cost: fares.get(move.link)!, link: move.link });
      t = arrive;
    }
    out.push(...localSegment(hubB, to, t));
    return out;
  };

  const hasMoves = input.days.some((d) => d.moves.length > 0);
  // arrive() is the solver's inner loop on days with a train: the same arithmetic as
  // segments(), on flat arrays, with each link's departures looked up in a table.
  const cityIds = [...new Set(input.places.map((p) => p.city))];
  const C = cityIds.length;
  const cityIdx = Int32Array.from(input.places, (p) => cityIds.indexOf(p.city));
  const hubOfCity = Int32Array.from(cityIds, (c) => input.hubOf.get(c) ?? -1);
  const D = input.days.length;
  /** stopAt[day * C + city]: the city's place in the day's order (0 = where it starts, k = after k links), -1 when the day does not reach it. */
  const stopAt = new Int32Array(D * C).fill(-1);
  const base = new Float64Array(D);
  const chains: { boarding: number; duration: number; table: Int16Array; link: Link }[][] = [];
  input.days.forEach((d, i) => {
    base[i] = d.tripDay * MINUTES_PER_DAY;
    chains.push(d.moves.map((m) => ({ boarding: BOARDING_MIN[m.link.mode], duration: m.link.durationMin, table: departureTable(m.link), link: m.link })));
    if (d.moves.length === 0) return;
    const order = [d.moves[0]!.from, ...d.moves.map((m) => m.to)];
    // A move between cities the problem has no hub for cannot be taken.
    if (order.some((c) => (input.hubOf.get(c) ?? -1) < 0)) return;
    order.forEach((c, k) => {
      const ci = cityIds.indexOf(c);
      if (ci >= 0 && stopAt[i * C + ci]! < 0) stopAt[i * C + ci] = k;
    });
  });
  // cost() of a leg between two cities: the fares of the links movesFor() rides, per problem day
  // and pair of cities, listed once (movesFor's slice in the search's inner loop was garbage).
  const placeOfCity = Int32Array.from(cityIds, (c) => input.places.findIndex((p) => p.city === c));
  const faresBetween: (readonly number[] | undefined)[] = new Array(D * C * C);
  for (let day = 0; day < D; day++) {
    if ((input.days[day]?.moves.length ?? 0) === 0) continue;
    for (let cf = 0; cf < C; cf++) {
      for (let ct = 0; ct < C; ct++) {
        if (cf === ct) continue;
        const moves = movesFor(placeOfCity[cf]!, placeOfCity[ct]!, day);
        if (moves) faresBetween[(day * C + cf) * C + ct] = moves.map((m) => fares.get(m.link)!);
      }
    }
  }
  const travel: Travel = {
    isStatic: !hasMoves,
    // Legs within a city take the same minutes (and fare) whatever the day: the core reads them from these tables.
    local: { group: cityIdx, minutes: local, cost: localCost },
    arrive(from, to, depart, day) {
      const cf = cityIdx[from]!;
      const ct = cityIdx[to]!;
      if (cf === ct) return depart + local[from * n + to]!;
      const i = stopAt[day * C + cf]!;
      const j = stopAt[day * C + ct]!;
      if (i < 0 || j <= i) return Infinity;
      let t = depart + local[from * n + hubOfCity[cf]!]!;
      const chain = chains[day]!;
      for (let k = i; k < j; k++) {
        const c = chain[k]!;
        const at = Math.max(0, Math.ceil(t - base[day]! + c.boarding));
        const dep = at <= MINUTES_PER_DAY ? c.table[at]! : (nextDeparture(c.link, at) ?? -1);
        if (dep < 0) return Infinity;
        t = base[day]! + dep + c.duration;
      }
      return t + local[hubOfCity[ct]! * n + to]!;
    },
    minDuration(from, to) {
      if (cityOf(from) === cityOf(to)) return localMin(from, to);
      const chainsBetween = input.days.flatMap((_, day) => {
        const ms = movesFor(from, to, day);
        return ms ? [ms] : [];
      });
      if (chainsBetween.length === 0) return Infinity;
      const hubA = input.hubOf.get(cityOf(from))!;
      const hubB = input.hubOf.get(cityOf(to))!;
      const linkMin = Math.min(...chainsBetween.map((ms) => ms.reduce((s, m) => s + BOARDING_MIN[m.link.mode] + m.link.durationMin, 0)));
      return localMin(from, hubA) + linkMin + localMin(hubB, to);
    },
    ...(hasMoves || hasLocalCost
      ? {
          cost(from: number, to: number, day: number) {
            const cf = cityIdx[from]!;
            const ct = cityIdx[to]!;
            if (cf === ct) return localCost[from * n + to]!;
            const legFares = faresBetween[(day * C + cf) * C + ct];
            if (!legFares) return 0;
            let sum = localCost[from * n + input.hubOf.get(cityOf(from))!]! + localCost[input.hubOf.get(cityOf(to))! * n + to]!;
            for (const f of legFares) sum += f;
            return sum;
          },
        }
      : {}),
  };
  return { travel, segments };
}

function round1(km: number): number {
  return Math.round(km * 10) / 10;
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
