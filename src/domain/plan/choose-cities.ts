/**
 * Chooses the trip's skeleton — which city each night is spent in, and which
 * links carry the party between them — before the planner core places visits.
 *
 * A beam search over days: from each state (the city the party is in at the
 * start of a day) the party may stay (a hotel night in a lodging city), take
 * a same-day link (arriving by the end of the day window, into a lodging
 * city) or two in a row (a change of train: Jingzhou → Wuhan → Changsha),
 * or board a multi-day leg (nights on board, arriving within the trip). A
 * state is worth what its sightseeing time could hold: per city, the best
 * candidate stops that fit in the minutes spent there (mandatory stops count
 * very high), minus what the moves cost — a charge per minute on the move,
 * per yuan of the party's fares, and per A → B → A (unless B is a dead end
 * only A leads to), so that a backtrack must gain clearly more. With
 * `--to`, only states that can still reach it in the days left survive;
 * with `--route`, moves follow the route's cities in order.
 */
import type { Catalogue, CuratedRoute } from '../catalogue/model.js';
import { nextDeparture } from '../travel/link-departures.js';
import { BOARDING_MIN, MINUTES_PER_DAY } from '../travel/travel-model.js';
import { directedLinks, type DirectedLink } from '../travel/city-links.js';
import { dayCities, dayLinks, type CityPlan, type LandDay, type Leg, type PlanDay } from './city-plan.js';

export interface CityCandidate {
  readonly score: number;
  /** Visit length at the party's pace. */
  readonly visitMin: number;
  /** A local leg from the city's hub to the stop, at the party's pace (travel-model.ts). */
  readonly reachMin: number;
  readonly mandatory: boolean;
  /** Whether it is open on a trip day (0-based); absent: every day. */
  readonly openOn?: (tripDay: number) => boolean;
  /**
   * What it is, for a stop seen from a ship: the site's id, or the stretch of river for the
   * programme's unlisted passages and days aboard. A skeleton counts each key once, so sailing a
   * stretch back the other way is not worth its sights a second time.
   */
  readonly key?: string;
}

export interface ChooseCitiesInput {
  readonly catalogue: Catalogue;
  readonly from: string;
  readonly to?: string;
  readonly days: number;
  /** Minutes of the day. */
  readonly dayStartMin: number;
  readonly dayEndMin: number;
  readonly route?: CuratedRoute;
  /** Candidate stops per city id. */
  readonly candidates: ReadonlyMap<string, readonly CityCandidate[]>;
  /** Candidate stops seen from the ship on a day aboard this leg. */
  readonly aboardCandidates: (link: DirectedLink) => readonly CityCandidate[];
  /** A leg sailed by a cruise product: its hours are the programme's sightseeing, not travel (no travel charge). */
  readonly sailsProgramme?: (link: DirectedLink) => boolean;
  /** Whole-party fare of a link. */
  readonly fare: (link: DirectedLink) => number;
  /** Caps the fares a skeleton may spend. */
  readonly budget?: number;
  /** When given, the only cities the trip may move to (--stay, --cities). */
  readonly cities?: ReadonlySet<string>;
  readonly beamWidth?: number;
  /** How many skeletons to return, best first. */
  readonly count?: number;
}

/** Minutes to get off a train or ship and reach the hotel. */
export const ARRIVAL_MIN = 15;
/** A local leg is guessed at this when valuing a city's time. */
const LOCAL_GUESS_MIN = 30;
/** Score points charged per minute spent on an inter-city link (the race charges its plans the same: plan-trip.ts raceValue). */
export const TRAVEL_CHARGE_PER_MIN = 0.02;
/**
 * Score points charged per ride on a same-day link (a train or a coach between cities): what the
 * minutes and the fare do not say — the hotel left and the next one found, luggage, the station
 * and its security check, a connection that may be missed — about half an hour of sightseeing at
 * a good stop. Without it a 3-day water trip Wuhan → Jiujiang took five trains through Yueyang,
 * Changsha and Nanchang (840 km) for a few points more than two days in Wuhan and one in
 * Jiujiang. A cruise sailed on its programme is the trip itself, not a ride. The race charges its
 * plans the same (plan-trip.ts raceValue).
 */
export const RIDE_CHARGE_POINTS = 8;
/**
 * Score points charged per city the trip reaches besides where it starts and ends, beyond one
 * for every two days (wanderingCities): a short trip must gain clearly more than its travel costs
 * to wander (issue 12 item 12), while a week's tour through five cities is what is sold. With it,
 * the 3-day water trip Wuhan → Jiujiang stays in Wuhan and Jiujiang (102 against 85 once
 * charged) rather than going round by Yueyang, Changsha and Nanchang.
 */
export const CITY_CHARGE_POINTS = 10;
/**
 * Score points charged per A → B → A or loop back to a city left earlier (about a 5A stop's
 * worth; isBacktrack says which). The race charges its plans the same (plan-trip.ts raceValue):
 * before it did, the 2-day Wuhan round trip went Wuhan → Changsha → Wuhan for 0.4 points more
 * than two days in Wuhan (issue 12 item 12).
 */
export const BACKTRACK_POINTS = 20;
/** Score points charged per yuan of the party's fares (¥500 ≈ a 4A stop's worth; the race uses the same rate). */
export const FARE_CHARGE_PER_YUAN = 0.02;
const MANDATORY_POINTS = 1000;
const ROUTE_CITY_POINTS = 30;
const DEFAULT_BEAM = 300;

interface State {
  readonly city: string;
  readonly nextDay: number;
  /** Trip minute at which the party is free in `city` after a multi-day leg. */
  readonly freeFromMin?: number;
  readonly days: readonly PlanDay[];
  readonly minutesIn: ReadonlyMap<string, number>;
  readonly aboard: readonly DirectedLink[];
  readonly travelMin: number;
  readonly fare: number;
  /**
   * The fares the value is charged for: a cruise sailed on its programme is left out, since its
   * fare also buys the nights aboard, the meals and the shore excursions (a hotel night is not
   * charged either), so pricing it like a train ticket made a water trip for two never sail.
   */
  readonly chargedFare: number;
  /** Cities in the order the trip reaches them (a change of train included). */
  readonly trail: readonly string[];
  /** Times the trip went A → B → A without B being a dead end that only A leads to. */
  readonly backtracks: number;
  readonly value: number;
  /**
   * What the beam ranks a partial skeleton by: its value plus MANDATORY_POINTS for each must stop
   * it has not placed yet in a city it can still reach (pendingMusts). Without it a must in the
   * trip's last city counted only for skeletons that had already been there, so a 9-day trip
   * Nanchang → Jingdezhen with three Jingdezhen musts went to Jingdezhen on day 2, left, and came
   * back at the end: the beam had dropped every skeleton that kept Jingdezhen for the end before
   * it could get there. Complete skeletons are ranked by value alone (nothing is pending then).
   */
  readonly promise: number;
}

export function chooseCities(input: ChooseCitiesInput): CityPlan[] {
  const links = directedLinks(input.catalogue);
  const lodging = new Set(input.catalogue.cities.filter((c) => c.lodging).map((c) => c.id));
  const toDays = input.to === undefined ? undefined : daysToReach(input.catalogue, input.to, links, input.dayEndMin - input.dayStartMin);
  const routeIndex = (city: string): number => {
    if (!input.route) return 0;
    const i = input.route.cities.indexOf(city);
    if (i >= 0) return i;
    return city === input.from ? -1 : input.route.cities.length;
  };
  const beam = input.beamWidth ?? DEFAULT_BEAM;
  const buckets: State[][] = Array.from({ length: input.days + 1 }, () => []);
  const start: State = {
    city: input.from, nextDay: 0, days: [], minutesIn: new Map(), aboard: [], travelMin: 0, fare: 0, chargedFare: 0, value: 0, promise: 0, trail: [input.from], backtracks: 0,
  };
  const musts = mustsByCity(input.candidates);
  const daysToMust = new Map([...musts.keys()].map((c) => [c, daysToReach(input.catalogue, c, links, input.dayEndMin - input.dayStartMin)]));
  buckets[0]!.push(start);

  const push = (s: State) => {
    if (s.nextDay > input.days) return;
    if (input.budget !== undefined && s.fare > input.budget) return;
    if (toDays && s.nextDay < input.days) {
      const need = s.city === input.to ? 1 : (toDays.get(s.city) ?? Infinity);
      if (need > input.days - s.nextDay) return;
    }
    if (s.nextDay === input.days && input.to !== undefined && s.city !== input.to) return;
    const placed = new Map<string, number>();
    const value = valueOf(s, input, routeIndex, placed);
    const pending = pendingMusts(s.city, input.days - s.nextDay, musts, placed, daysToMust);
    buckets[s.nextDay]!.push({ ...s, value, promise: value + pending * MANDATORY_POINTS });
  };

  const neighbours = cityNeighbours(links);
  const reach = (s: State, cities: readonly string[]): Pick<State, 'trail' | 'backtracks'> => {
    const trail = [...s.trail];
    let backtracks = s.backtracks;
    for (const c of cities) {
      if (trail.at(-1) === c) continue;
      if (isBacktrack(trail, c, input, neighbours)) backtracks++;
      trail.push(c);
    }
    return { trail, backtracks };
  };

  // A through link A → C (a same-day train or road) makes a change at B pointless: the through
  // train passes B anyway (Yichang → Wuhan trains stop at Jingzhou), and an agent never sells two
  // tickets and a connection with luggage where one ticket does. The chooser leaves B no time, so
  // the change could only win on the catalogue's rounding of the two legs' durations.
  const through = new Set(links.filter((l) => l.link.durationMin < MINUTES_PER_DAY).map((l) => `${l.from}>${l.to}`));
  // Same-day links on from where `first` arrives, that reach a hotel city by the day's end.
  const onwardLinks = (first: DirectedLink, arriveMin: number): { link: DirectedLink; arriveMin: number }[] => {
    const day = Math.floor(arriveMin / MINUTES_PER_DAY);
    const dayBase = day * MINUTES_PER_DAY;
    const out: { link: DirectedLink; arriveMin: number }[] = [];
    for (const l2 of links) {
      if (l2.from !== first.to || l2.to === first.from || !lodging.has(l2.to)) continue;
      if (through.has(`${first.from}>${l2.to}`)) continue;
      if (input.cities && !(input.cities.has(l2.to) && input.cities.has(first.to))) continue;
      if (input.route && routeIndex(l2.to) <= routeIndex(first.to)) continue;
      const dep = nextDeparture(l2.link, arriveMin - dayBase + BOARDING_MIN[l2.link.mode]);
      if (dep === undefined) continue;
      const at = dayBase + dep + l2.link.durationMin;
      if (at + ARRIVAL_MIN <= dayBase + input.dayEndMin) out.push({ link: l2, arriveMin: at });
    }
    return out;
  };

  for (let d = 0; d < input.days; d++) {
    const states = prune(buckets[d]!, beam);
    for (const s of states) {
      const dayBase = d * MINUTES_PER_DAY;
      const openMin = Math.max(dayBase + input.dayStartMin, s.freeFromMin ?? -Infinity);
      const closeMin = dayBase + input.dayEndMin;
      const woke = s.freeFromMin !== undefined;
      const land = (day: LandDay, next: Partial<State>, spent: [string, number][]) => {
        const minutesIn = new Map(s.minutesIn);
        for (const [city, min] of spent) minutesIn.set(city, (minutesIn.get(city) ?? 0) + Math.max(0, min));
        const { freeFromMin: _dropped, ...rest } = s;
        void _dropped;
        push({ ...rest, nextDay: d + 1, days: [...s.days, day], minutesIn, ...next });
      };
      if (lodging.has(s.city)) {
        land({ kind: 'land', startCity: s.city, endCity: s.city, openMin, closeMin, wokeOnBoard: woke }, {}, [
          [s.city, closeMin - openMin],
        ]);
      }
      for (const l of links) {
        if (l.from !== s.city) continue;
        if (input.cities && !input.cities.has(l.to)) continue;
        if (input.route && routeIndex(l.to) <= routeIndex(s.city)) continue;
        const dep = nextDeparture(l.link, openMin - dayBase + BOARDING_MIN[l.link.mode]);
        if (dep === undefined) continue;
        const departMin = dayBase + dep;
        const arriveMin = departMin + l.link.durationMin;
        const fare = s.fare + input.fare(l);
        const chargedFare = s.chargedFare + (input.sailsProgramme?.(l) ? 0 : input.fare(l));
        // Hours asleep in a cabin cost the trip little: a multi-day leg is charged a quarter.
        const overnight = l.link.durationMin + dep > MINUTES_PER_DAY;
        const travelMin = s.travelMin + (input.sailsProgramme?.(l) ? 0 : overnight ? l.link.durationMin / 4 : l.link.durationMin);
        if (arriveMin + ARRIVAL_MIN <= closeMin) {
          if (lodging.has(l.to)) {
            const free = closeMin - openMin - BOARDING_MIN[l.link.mode] - l.link.durationMin - ARRIVAL_MIN;
            land(
              { kind: 'land', startCity: s.city, endCity: l.to, move: l, openMin, closeMin, wokeOnBoard: woke },
              { city: l.to, fare, chargedFare, travelMin, ...reach(s, [l.to]) },
              [[s.city, free / 2], [l.to, free / 2]],
            );
          }
          // A change of train: on from l.to the same day (Jingzhou → Wuhan → Changsha), never back;
          // the party may stop in l.to and take a later train on (timeByCityDay gives it a share).
          for (const next of onwardLinks(l, arriveMin)) {
            const { link: l2, arriveMin: at } = next;
            const used = at - departMin + BOARDING_MIN[l.link.mode];
            const free = closeMin - openMin - used - ARRIVAL_MIN;
            land(
              { kind: 'land', startCity: s.city, endCity: l2.to, move: l, onward: [l2], openMin, closeMin, wokeOnBoard: woke },
              { city: l2.to, fare: fare + input.fare(l2), chargedFare: chargedFare + input.fare(l2), travelMin: travelMin + (at - arriveMin), ...reach(s, [l.to, l2.to]) },
              [[s.city, free / 3], [l.to, free / 3], [l2.to, free / 3]],
            );
          }
          continue;
        }
        const arrivalDay = Math.floor(arriveMin / MINUTES_PER_DAY);
        const arriveOfDay = arriveMin - arrivalDay * MINUTES_PER_DAY;
        // A leg past midnight is a night on board: only ships have cabins.
        if (l.link.mode !== 'cruise' && l.link.mode !== 'ferry') continue;
        if (arrivalDay === d || arrivalDay >= input.days || arriveOfDay + ARRIVAL_MIN > input.dayEndMin) continue;
        const leg: Leg = { link: l, departMin, arriveMin };
        const boardBy = departMin - BOARDING_MIN[l.link.mode];
        const first: LandDay = {
          kind: 'land', startCity: s.city, endCity: s.city, openMin, closeMin: Math.min(closeMin, boardBy),
          wokeOnBoard: woke, cruiseOut: leg,
        };
        if (first.closeMin < first.openMin) continue;
        const aboardDays: PlanDay[] = [];
        for (let k = d + 1; k < arrivalDay; k++) aboardDays.push({ kind: 'aboard', leg });
        const minutesIn = new Map(s.minutesIn);
        minutesIn.set(s.city, (minutesIn.get(s.city) ?? 0) + first.closeMin - first.openMin);
        push({
          city: l.to, nextDay: arrivalDay, freeFromMin: arriveMin + ARRIVAL_MIN, ...reach(s, [l.to]),
          days: [...s.days, first, ...aboardDays], minutesIn,
          aboard: aboardDays.length > 0 ? [...s.aboard, l] : s.aboard,
          travelMin, fare, chargedFare, value: 0, promise: 0,
        });
      }
    }
  }
  const done = prune(buckets[input.days]!, Infinity, (s) => s.value);
  return withCompact(done, input.count ?? 1).map((s) => ({ days: s.days, value: s.value }));
}

/** The cities one link leads to, per city. */
export function cityNeighbours(links: readonly DirectedLink[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const l of links) out.set(l.from, (out.get(l.from) ?? new Set()).add(l.to));
  return out;
}

/**
 * Whether going on from `trail` (the cities reached so far, in order) to `next` is a backtrack.
 * A dead end (Shaoshan: only Changsha leads there) is worth a return trip; elsewhere coming back
 * to a city the trip has left — A → B → A, or a loop A → B → C → A (Wuhan → Changsha → Yueyang
 * → Wuhan on a 3-day trip to Jiujiang) — is a backtrack, charged BACKTRACK_POINTS so that it must
 * gain clearly more than going on. A round trip's return to its start (--to = --from) is the
 * trip, not a loop, unless it is straight back (A → B → A).
 */
export function isBacktrack(
  trail: readonly string[], next: string, trip: { readonly from: string; readonly to?: string | undefined }, neighbours: ReadonlyMap<string, ReadonlySet<string>>,
): boolean {
  const via = trail.at(-1);
  if (via === undefined || via === next || !trail.includes(next)) return false;
  const deadEnd = [...(neighbours.get(via) ?? [])].every((n) => n === next);
  const straightBack = trail.at(-2) === next;
  const roundTripHome = next === trip.from && trip.to === trip.from;
  return !(straightBack && deadEnd) && (straightBack || !roundTripHome);
}

/** Backtracks along a whole trail (isBacktrack at each city; a city repeated in a row is one stay). */
export function backtracksOf(
  trail: readonly string[], trip: { readonly from: string; readonly to?: string | undefined }, neighbours: ReadonlyMap<string, ReadonlySet<string>>,
): number {
  const seen: string[] = [];
  let n = 0;
  for (const c of trail) {
    if (seen.at(-1) === c) continue;
    if (isBacktrack(seen, c, trip, neighbours)) n++;
    seen.push(c);
  }
  return n;
}

/**
 * The best `count` skeletons, the last place kept for the best one through the fewest cities
 * when none of the others is as compact. The value above is an estimate (a city's time is filled
 * greedily, with no lunch and no order), and it errs towards moving on: a 3-day water trip
 * Wuhan → Jiujiang ranked Wuhan → Yueyang → Changsha → Nanchang → Jiujiang (840 km by rail) first
 * and never tried two days in Wuhan and one in Jiujiang, whose plan scores more (126 to 113) for a
 * fifth of the travel. The race (plan-trip.ts) then compares the real plans, travel included.
 */
export function withCompact<T extends Pick<State, 'trail'>>(ranked: readonly T[], count: number): T[] {
  const top = ranked.slice(0, count);
  if (count < 2 || ranked.length <= count) return top;
  const cities = (s: T) => new Set(s.trail).size;
  const fewest = Math.min(...ranked.map(cities));
  if (top.some((s) => cities(s) === fewest)) return top;
  const compact = ranked.find((s) => cities(s) === fewest)!;
  return [...top.slice(0, count - 1), compact];
}

/**
 * Fewest days from a city to a night in `to`: a same-day link takes one day,
 * and so do two same-day links in a row whose journeys (with boarding) fit
 * in `windowMin` (timetables aside: a lower bound); a multi-day leg takes its
 * days at sea plus the arrival day.
 */
export function daysToReach(catalogue: Catalogue, to: string, links = directedLinks(catalogue), windowMin = MINUTES_PER_DAY): Map<string, number> {
  const dist = new Map<string, number>([[to, 1]]);
  const journey = (l: DirectedLink) => BOARDING_MIN[l.link.mode] + l.link.durationMin;
  const sameDay = links.filter((l) => l.link.durationMin < MINUTES_PER_DAY);
  const moves: { from: string; to: string; midnights: number }[] = [
    ...links.map((l) => ({ from: l.from, to: l.to, midnights: Math.floor(l.link.durationMin / MINUTES_PER_DAY) })),
    ...sameDay.flatMap((a) =>
      sameDay.filter((b) => b.from === a.to && b.to !== a.from && journey(a) + journey(b) + ARRIVAL_MIN <= windowMin).map((b) => ({ from: a.from, to: b.to, midnights: 0 })),
    ),
  ];
  // Bellman-Ford over a handful of cities: simple and exact.
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of moves) {
      const there = dist.get(m.to);
      if (there === undefined) continue;
      // Same-day move: that day, then the rest from there; a multi-day leg's
      // arrival day can carry on, so it is shared with the rest.
      const best = m.to === to ? m.midnights + 1 : m.midnights + (m.midnights > 0 ? 0 : 1) + there;
      if (best < (dist.get(m.from) ?? Infinity) && m.from !== to) {
        dist.set(m.from, best);
        changed = true;
      }
    }
  }
  return dist;
}

/** Must stops per city (the chooser's candidates marked mandatory). */
function mustsByCity(candidates: ChooseCitiesInput['candidates']): Map<string, number> {
  const out = new Map<string, number>();
  for (const [city, list] of candidates) {
    const n = list.filter((c) => c.mandatory).length;
    if (n > 0) out.set(city, n);
  }
  return out;
}

/**
 * Must stops a partial skeleton has not placed (`placed`, per city) in cities it can still reach
 * with `daysLeft`: the one it is in (when a day is left to stay), or one a night away in at most
 * that many days (daysToReach). Optimistic — whether they will fit is for the complete skeleton's
 * value to say — so that the beam compares a skeleton that has seen a city's musts with one that
 * is on its way there, not with one that never will.
 */
export function pendingMusts(
  city: string, daysLeft: number, musts: ReadonlyMap<string, number>, placed: ReadonlyMap<string, number>,
  daysTo: ReadonlyMap<string, ReadonlyMap<string, number>>,
): number {
  if (daysLeft <= 0) return 0;
  let pending = 0;
  for (const [c, n] of musts) {
    const reachable = c === city || (daysTo.get(c)?.get(city) ?? Infinity) <= daysLeft;
    if (reachable) pending += Math.max(0, n - (placed.get(c) ?? 0));
  }
  return pending;
}

function valueOf(s: State, input: ChooseCitiesInput, routeIndex: (c: string) => number, placed?: Map<string, number>): number {
  let value = 0;
  const windowMin = input.dayEndMin - input.dayStartMin;
  for (const [city, days] of timeByCityDay(s.days)) {
    const counted = { musts: 0 };
    value += fill(input.candidates.get(city) ?? [], days, windowMin, counted);
    if (placed && counted.musts > 0) placed.set(city, counted.musts);
  }
  const seenAboard = new Set<string>();
  for (const l of s.aboard) {
    const sights = input.aboardCandidates(l).filter((c) => c.key === undefined || !seenAboard.has(c.key));
    value += sights.reduce((sum, c) => sum + c.score + (c.mandatory ? MANDATORY_POINTS : 0), 0);
    for (const c of sights) if (c.key !== undefined) seenAboard.add(c.key);
  }
  if (input.route) {
    const seen = new Set([...s.minutesIn.keys(), s.city].filter((c) => routeIndex(c) >= 0 && routeIndex(c) < input.route!.cities.length));
    value += seen.size * ROUTE_CITY_POINTS;
  }
  const rides = s.days.reduce((n, d) => n + (d.kind === 'land' ? dayLinks(d).length : 0), 0);
  const wander = wanderingCities(s.trail, input.from, input.to ?? s.city, input.days);
  return value - s.travelMin * TRAVEL_CHARGE_PER_MIN - s.chargedFare * FARE_CHARGE_PER_YUAN - s.backtracks * BACKTRACK_POINTS -
    rides * RIDE_CHARGE_POINTS - wander * CITY_CHARGE_POINTS;
}

/** Cities a trail of `days` reaches other than its start and its end, beyond one for every two days (CITY_CHARGE_POINTS each). */
export function wanderingCities(trail: readonly string[], from: string, to: string, days: number): number {
  const cities = new Set(trail);
  cities.delete(from);
  cities.delete(to);
  return Math.max(0, cities.size - Math.floor(days / 2));
}

/**
 * Sightseeing time per city and trip day of a skeleton: a travel day's free time (the day less
 * every link's boarding and ride) is shared by the cities it reaches — its two, or on a day of
 * two trains also the city they change in, where the party may stop.
 */
export interface CityDayTime {
  readonly tripDay: number;
  readonly minutes: number;
}

export function timeByCityDay(days: readonly PlanDay[]): Map<string, CityDayTime[]> {
  const out = new Map<string, CityDayTime[]>();
  const add = (city: string, tripDay: number, minutes: number) => {
    if (minutes > 0) out.set(city, [...(out.get(city) ?? []), { tripDay, minutes }]);
  };
  days.forEach((d, tripDay) => {
    if (d.kind !== 'land') return;
    const span = d.closeMin - d.openMin;
    if (!d.move) {
      add(d.startCity, tripDay, span);
      return;
    }
    const free = span - dayLinks(d).reduce((sum, l) => sum + BOARDING_MIN[l.link.mode] + l.link.durationMin, 0) - ARRIVAL_MIN;
    const cities = dayCities(d);
    for (const city of cities) add(city, tripDay, free / cities.length);
  });
  return out;
}

/**
 * What the best stops that fit into a city's days are worth (greedy: musts
 * first, then by score). A stop takes its visit plus the leg to it (at least
 * LOCAL_GUESS_MIN: stops in town chain up) out of ONE day on which it is open
 * — so a closed Monday holds nothing, and an 8-hour mountain needs a whole
 * day, not two half days; one that cannot be reached from the hotel, seen and
 * left within a day window (a gorge 300 km downriver) is worth nothing here.
 */
export function fill(candidates: readonly CityCandidate[], days: readonly CityDayTime[], windowMin: number, placed?: { musts: number }): number {
  const left = days.map((d) => d.minutes);
  let value = 0;
  for (const c of candidates) {
    if (!fitsADay(c, windowMin)) continue;
    const need = c.visitMin + Math.max(LOCAL_GUESS_MIN, c.reachMin);
    const i = days.findIndex((d, k) => left[k]! >= need && (c.openOn?.(d.tripDay) ?? true));
    if (i < 0) continue;
    left[i]! -= need;
    value += c.score + (c.mandatory ? MANDATORY_POINTS : 0);
    if (c.mandatory && placed) placed.musts++;
  }
  return value;
}

/** Whether a stop can be reached from its city's hub, seen and left within one day window. */
export function fitsADay(c: Pick<CityCandidate, 'visitMin' | 'reachMin'>, windowMin: number): boolean {
  return 2 * c.reachMin + c.visitMin <= windowMin;
}

function prune(states: State[], width: number, by: (s: State) => number = (s) => s.promise): State[] {
  const sorted = [...states].sort((a, b) => by(b) - by(a) || key(a).localeCompare(key(b)));
  const seen = new Set<string>();
  const out: State[] = [];
  for (const s of sorted) {
    const k = key(s);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(s);
    if (out.length >= width) break;
  }
  return out;
}

/** Identifies a skeleton: its days' cities and legs. */
function key(s: State): string {
  return s.days
    .map((d) => (d.kind === 'aboard' ? '~' : `${d.startCity}>${d.endCity}${d.move ? ':' + d.move.link.mode : ''}${d.onward ? '>' + d.onward.map((o) => o.from).join('>') : ''}${d.cruiseOut ? '~' : ''}`))
    .join('|') + `@${s.city}`;
}
