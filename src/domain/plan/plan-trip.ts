/**
 * The product's main job: from catalogue and request to an itinerary.
 *
 * 1. Candidates: stops carrying a requested theme (all stops when none is
 *    asked for), minus --avoid, plus every --must.
 * 2. Skeletons: choose-cities.ts proposes the best few sequences of hotel
 *    cities and links over the days.
 * 3. The planner core places visits (build-problem.ts) in a race of
 *    RACE_ROUNDS: a short run on each skeleton, a second run (another seed)
 *    on the two that lead, then the rest of the effort on the one that
 *    leads; the best result of all runs wins: the one keeping more musts,
 *    then the higher raceValue (score less transport time, backtracks and
 *    what the party pays to get about, at the chooser's rates), then the
 *    cheaper one, then the first.
 * 4. day-variety.ts keeps a day from more than three alike stops in a row;
 *    meals.ts places lunch (and a late day's dinner) where the party is.
 * 5. to-itinerary.ts writes the document.
 *
 * Deterministic: the same catalogue, request and seed give the same
 * itinerary; the wall-clock limit is only a safety cap.
 */
import type { Attraction, Catalogue, Cruise, CuratedRoute } from '../catalogue/model.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import type { Itinerary, ItineraryWarning, PlanRequest } from '../itinerary/itinerary.js';
import { parseHhmm } from '../itinerary/itinerary-time.js';
import { addDays } from '../calendar/iso-date.js';
import { openingOn } from '../calendar/opening-on.js';
import type { Problem } from '../planner/problem.js';
import { solve } from '../planner/solve.js';
import { sightsAlong } from '../travel/seen-from-board.js';
import { cruiseForLink, sailingEvents, visitedSites } from '../cruise/cruise-programme.js';
import { riverStretch } from '../cruise/river-stretch.js';
import { shipSites, takenCruises } from '../cruise/taken-cruises.js';
import { localLegMin, localLegs } from '../travel/local-legs.js';
import { directedLinks, type DirectedLink } from '../travel/city-links.js';
import { buildProblem, type BuiltProblem } from './build-problem.js';
import type { CityPlan } from './city-plan.js';
import {
  backtracksOf, chooseCities, cityNeighbours, daysToReach, wanderingCities, BACKTRACK_POINTS, CITY_CHARGE_POINTS, FARE_CHARGE_PER_YUAN, RIDE_CHARGE_POINTS,
  TRAVEL_CHARGE_PER_MIN, type CityCandidate,
} from './choose-cities.js';
import { withMeals } from './meals.js';
import { MEAL_RULES, PACES, paceVisitMin, programmeEndMin } from './pace.js';
import { cents, defaultCategory, fareFor } from './party-cost.js';
import { attractionScore, catalogueScore, matchesThemes } from './score.js';
import { groupByTheme } from './group-by-theme.js';
import { withVariety } from './day-variety.js';
import { toItinerary } from './to-itinerary.js';

export interface PlanTripOptions {
  readonly seed: number;
  /** Core iterations per run (without `effort`, or its cap with it): the deterministic stopping rule. */
  readonly maxIterations: number;
  /** Safety cap on the whole search's wall time (with `clock`); when it fires the itinerary carries a `search-cut-short` warning. */
  readonly timeLimitMs?: number;
  /** Monotonic milliseconds, for the time limit only. */
  readonly clock?: () => number;
  /**
   * When given, replaces maxIterations with an effort for the whole search,
   * in iterations × open visit-days (searchSize): each skeleton gets its
   * share (effortShares) divided by its problem's size, because an
   * iteration's cost grows with it; still a pure function of the inputs, so
   * still deterministic.
   */
  readonly effort?: number;
  /** Skeletons to race (default SKELETONS, what `yangtze plan` races; specs and benchmarks may race fewer). */
  readonly skeletons?: number;
  /** The skeletons to race instead of the chooser's best (specs and benchmarks that plan one skeleton alone). */
  readonly plans?: readonly CityPlan[];
  /** With several skeletons: the race's rounds (default RACE_ROUNDS; specs and benchmarks may try others). */
  readonly rounds?: readonly RaceRound[];
}

export type PlanTripResult =
  | {
      readonly ok: true;
      readonly itinerary: Itinerary;
      readonly iterations: number;
      readonly cutShort: boolean;
      /** The core's problem the winning plan was built on (for checkers that re-derive its reasons). */
      readonly built: BuiltProblem;
    }
  | { readonly ok: false; readonly flag: string; readonly message: string };

export const DEFAULT_ITERATIONS = 400;
/**
 * Skeletons (city sequences) the core is run on; the best result wins. Six, not three: the
 * chooser's ranking is an estimate, and the best city sequence was 4th–6th on three of the eight
 * requests of bench/results/plan.md (see PROBE_SHARE); the effort is shared, so more skeletons
 * cost about the same time. One constant for every caller: `yangtze plan` and the specs and
 * benchmarks that plan in-process race the same number unless they ask for another.
 */
export const SKELETONS = 6;
/**
 * One round of the race: a core run (a fresh seed) on each of the `keep` skeletons that lead so
 * far (in the first round: all of them, in the chooser's order), `share` of the effort each; the
 * last round shares whatever effort is left.
 */
export interface RaceRound {
  readonly keep: number;
  readonly share: number;
}

/**
 * The race (issue 12 item 7): SKELETONS probes of 5 %, a second run of 15 % on the two that lead,
 * the rest (40 %) on the leader. The race is for breadth: the chooser's ranking is an estimate,
 * and the skeleton the core fills best was ranked 4th–6th on three of eight requests measured
 * (bench/results/plan.md, 2026-12-07), so every skeleton gets a probe. But a probe is one short
 * run, and on the days of session 7 (shorter, with evening outings) one probe in a few stalls
 * below its skeleton's value while a runner-up's is already converged: the old race (six probes
 * of 7 %, then 58 % on the leader) spent most of its effort on a leader that could not improve —
 * the 7-day Chongqing → Nanchang trip 279.5 against 285.3 (seeds 1, 3, 4), the 3-day Yichang →
 * Wuhan 177.0 against 184.6 (seeds 2, 4, 5: a 10 % run on the Jingzhou skeleton finds 184.6 on
 * every seed tried). A second, independent look at the two leaders catches that; measured over
 * seeds 1–6 on the six cases of bench/plan.ts and four more (BENCHMARKS.md, session 8), where a
 * bigger first probe (10 %) or the leader's run shared by the two leaders each missed some.
 */
export const RACE_ROUNDS: readonly RaceRound[] = [
  { keep: SKELETONS, share: 0.05 },
  { keep: 2, share: 0.15 },
  { keep: 1, share: 0.4 },
];
/** The first round's share: each skeleton's probe (bench/lib/exact-race.ts redoes it). */
export const PROBE_SHARE = RACE_ROUNDS[0]!.share;
/** With `effort`, no core run gets fewer iterations than this. */
export const MIN_ITERATIONS = 50;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export function planTrip(catalogue: Catalogue, request: PlanRequest, calendar: HolidayCalendar, options: PlanTripOptions): PlanTripResult {
  const dayStartMin = parseHhmm(request.dayStart)!;
  const dayEndMin = programmeEndMin(parseHhmm(request.dayEnd)!, request.pace, request.meals !== false);
  const candidates = candidateStops(catalogue, request);
  const plans = options.plans ?? skeletonsFor(catalogue, request, candidates, options.skeletons ?? SKELETONS, calendar);
  if (plans.length === 0) return { ok: false, ...whyNoPlan(catalogue, request) };

  // One deadline for the whole search. It is a safety net, not the stopping rule: the effort
  // decides that. Sharing the cap out per run (as before) let a pause of a second or so — a
  // busy machine, a laptop lid — cut one short run and change the plan without a word.
  const deadline = options.timeLimitMs !== undefined && options.clock ? options.clock() + options.timeLimitMs : undefined;
  const built = plans.map((plan) => {
    const committedCost = cents(
      plan.days.reduce((sum, d) => sum + (d.kind === 'land' && d.cruiseOut ? fareFor(d.cruiseOut.link.link, request.party) : 0), 0) +
        chosenExcursionsCost(catalogue, plan, request),
    );
    // Sites the cruise's programme visits are not the core's to place: the ship takes the party there.
    const onShip = shipSites(catalogue, plan, request);
    return buildProblem({ catalogue, request, calendar, plan, candidates: candidates.filter((a) => !onShip.has(a.id)), committedCost });
  });
  const neighbours = cityNeighbours(directedLinks(catalogue));
  let best: { itinerary: Itinerary; skeleton: number } | undefined;
  // Each skeleton's best plan so far: the later rounds go to the skeletons that lead.
  const bestOf: (Itinerary | undefined)[] = plans.map(() => undefined);
  let iterations = 0;
  let cutShort = false;
  const run = ({ skeleton, seedOffset, share }: SearchRun): void => {
    const problem = built[skeleton]!.problem;
    const maxIterations =
      options.effort === undefined
        ? options.maxIterations
        : clamp(Math.round((options.effort * share) / searchSize(problem)), MIN_ITERATIONS, options.maxIterations);
    const solution = solve(problem, {
      seed: options.seed + seedOffset,
      maxIterations,
      ...(deadline !== undefined && options.clock ? { timeLimitMs: Math.max(0, deadline - options.clock()), clock: options.clock } : {}),
    });
    if (solution.cutShort) cutShort = true;
    const grouped = groupByTheme(built[skeleton]!, solution, request.themes);
    const varied = withVariety(built[skeleton]!, grouped);
    const fed = request.meals === false ? { solution: varied.solution, meals: [] } : withMeals(built[skeleton]!, varied.solution, MEAL_RULES[request.pace]);
    const itinerary = toItinerary({
      catalogue, request, calendar, plan: plans[skeleton]!, built: built[skeleton]!, solution: fed.solution, meals: fed.meals, candidates, dayStartMin, dayEndMin,
      leftForVariety: new Set(varied.leftOut.map((v) => built[skeleton]!.attractions[v]!.id)),
    });
    iterations += solution.iterations;
    if (!bestOf[skeleton] || isBetter(itinerary, bestOf[skeleton]!, neighbours)) bestOf[skeleton] = itinerary;
    if (!best || isBetter(itinerary, best.itinerary, neighbours)) best = { itinerary, skeleton };
  };
  const rounds = options.rounds ?? RACE_ROUNDS;
  let left = 1;
  for (let r = 0; r < (plans.length > 1 ? rounds.length : 1); r++) {
    const runs = raceRound(plans.length > 1 ? rounds : [{ keep: 1, share: 1 }], r, leaders(bestOf, neighbours), left);
    for (const one of runs) run(one);
    left -= runs.reduce((sum, one) => sum + one.share, 0);
  }
  let itinerary = cutShort ? withWarning(best!.itinerary, cutShortWarning(options.timeLimitMs!)) : best!.itinerary;
  if (itinerary.totals.visits === 0) itinerary = withWarning(itinerary, EMPTY_PLAN_WARNING);
  return { ok: true, itinerary, iterations, cutShort, built: built[best!.skeleton]! };
}

/** A plan without a single visit is an answer, but not a trip to sell: `plan` exits 1 with it. */
export const EMPTY_PLAN_WARNING: ItineraryWarning = {
  code: 'empty-plan',
  message: 'no stop fits this request: the plan has no visits (see unscheduled for why)',
};

/** The safety cap fired: the plan is what the search had found by then. */
export function cutShortWarning(limitMs: number): ItineraryWarning {
  return {
    code: 'search-cut-short',
    message: `the search was stopped by its ${limitMs} ms safety limit before its effort was spent (a slow or busy machine): this plan may differ from another run of the same request`,
  };
}

export function withWarning(itinerary: Itinerary, warning: ItineraryWarning): Itinerary {
  return { ...itinerary, warnings: [...(itinerary.warnings ?? []), warning] };
}

export interface SearchRun {
  /** Index into the skeletons, best-ranked first. */
  readonly skeleton: number;
  /** Added to the request's seed. */
  readonly seedOffset: number;
  /** Share of the effort. */
  readonly share: number;
}

/**
 * The runs of round `r` of the race: on the first `keep` skeletons of `order` (the leaders so
 * far, best first; in round 0 every skeleton in the chooser's order), `share` each — or, in the
 * last round, the effort `left` shared among them. Seeds: round 0 adds the skeleton's rank, round
 * r ≥ 1 adds r × skeletons + the run's place, so that no two runs of the race share a seed.
 */
export function raceRound(rounds: readonly RaceRound[], r: number, order: readonly number[], left: number): SearchRun[] {
  const round = rounds[r]!;
  const picked = r === 0 ? order.slice().sort((a, b) => a - b).slice(0, round.keep) : order.slice(0, round.keep);
  const share = r === rounds.length - 1 ? Math.max(0, left) / Math.max(1, picked.length) : round.share;
  return picked.map((skeleton, k) => ({ skeleton, seedOffset: r === 0 ? skeleton : r * order.length + k, share }));
}

/** Skeletons best first by their best plan so far (isBetter), then by the chooser's rank; one not yet run last. */
function leaders(bestOf: readonly (Itinerary | undefined)[], neighbours: ReadonlyMap<string, ReadonlySet<string>>): number[] {
  return bestOf.map((_, i) => i).sort((a, b) => {
    const x = bestOf[a];
    const y = bestOf[b];
    if (!x || !y) return x ? -1 : y ? 1 : a - b;
    return isBetter(x, y, neighbours) ? -1 : isBetter(y, x, neighbours) ? 1 : a - b;
  });
}

/**
 * What one core iteration costs on a problem, in visit-days: each day's
 * insertion scan goes over the stops open that day, so the sum of those
 * (not visits × days: most stops are open on the few days their city is on)
 * is what the iteration's time grows with.
 */
export function searchSize(problem: Problem): number {
  let size = 0;
  for (const v of problem.visits) for (const ws of v.windows) if (ws.length > 0) size++;
  return Math.max(1, size);
}

/** The best `count` skeletons for a request (choose-cities.ts), best first. */
export function skeletonsFor(
  catalogue: Catalogue, request: PlanRequest, candidates: readonly Attraction[], count: number, calendar?: HolidayCalendar,
): CityPlan[] {
  const byCity = new Map<string, CityCandidate[]>();
  const hubOf = new Map(catalogue.cities.map((c) => [c.id, c.location]));
  const legs = localLegs(catalogue, PACES[request.pace].transferAllowanceMin);
  const scoreOf = catalogueScore(catalogue);
  // The chooser values thousands of partial skeletons, each asking again for the stops of its
  // cities and of its cruise legs: each stop and each leg's list is worked out once (a stop's
  // opening days alone took half the chooser's time when it was redone for every state).
  const byAttraction = new Map<string, CityCandidate>();
  const candidate = (a: Attraction): CityCandidate => {
    const known = byAttraction.get(a.id);
    if (known) return known;
    // The chooser knows the stop's closing days, so that it does not plan a city's musts for its closed Monday.
    const open = calendar ? Array.from({ length: request.days }, (_, d) => openingOn(a, addDays(request.start, d), calendar).open) : undefined;
    const made: CityCandidate = {
      score: scoreOf(a, request.themes),
      visitMin: paceVisitMin(a.visitMin, request.pace),
      reachMin: localLegMin(legs, a.city, hubOf.get(a.city) ?? a.location, a.id, a.location, PACES[request.pace].transferAllowanceMin),
      mandatory: request.must.includes(a.id),
      key: a.id,
      ...(open ? { openOn: (tripDay: number) => open[tripDay] ?? false } : {}),
    };
    byAttraction.set(a.id, made);
    return made;
  };
  for (const a of candidates) byCity.set(a.city, [...(byCity.get(a.city) ?? []), candidate(a)]);
  for (const list of byCity.values()) list.sort((x, y) => Number(y.mandatory) - Number(x.mandatory) || y.score - x.score);
  const candidateIds = new Set(candidates.map((a) => a.id));
  const route = request.route === undefined ? undefined : catalogue.routes.find((r) => r.id === request.route);
  const aboard = new Map<DirectedLink['link'], Map<string, readonly CityCandidate[]>>();
  const sails = new Map<DirectedLink['link'], Map<string, boolean>>();
  const fares = new Map<DirectedLink['link'], Map<string, number>>();
  return chooseCities({
    catalogue,
    from: request.from,
    ...(request.to !== undefined ? { to: request.to } : {}),
    days: request.days,
    dayStartMin: parseHhmm(request.dayStart)!,
    dayEndMin: programmeEndMin(parseHhmm(request.dayEnd)!, request.pace, request.meals !== false),
    ...(route ? { route } : {}),
    candidates: byCity,
    aboardCandidates: (link) => {
      const key = `${link.from}>${link.to}`;
      return onLink(aboard, link, key, () => {
        const cruise = cruiseForLink(catalogue, link);
        if (!cruise) return sightsAlong(link, catalogue).filter((a) => candidateIds.has(a.id)).map(candidate);
        return programmeCandidates(cruise, catalogue, request, candidate, (a) => candidateIds.has(a.id), route);
      });
    },
    sailsProgramme: (link) => onLink(sails, link, `${link.from}>${link.to}`, () => cruiseForLink(catalogue, link) !== undefined),
    fare: (link) => onLink(fares, link, `${link.from}>${link.to}`, () => fareFor(link.link, request.party)),
    ...(request.budget !== undefined ? { budget: request.budget } : {}),
    ...(request.cities !== undefined ? { cities: new Set([request.from, ...request.cities]) } : {}),
    count,
  });
}

/** `make()` once per catalogue link and direction (a link is one object; its direction is `key`). */
function onLink<T>(memo: Map<DirectedLink['link'], Map<string, T>>, link: DirectedLink, key: string, make: () => T): T {
  let byDirection = memo.get(link.link);
  if (!byDirection) memo.set(link.link, (byDirection = new Map()));
  if (byDirection.has(key)) return byDirection.get(key)!;
  const value = make();
  byDirection.set(key, value);
  return value;
}

/**
 * A full day on a cruise's programme is a full day of sightseeing on the river (the gorges are
 * reached only by ship), on a trip that asks for water (or for no theme): it counts like a well
 * filled day on land: about the best land-only 7-day Chongqing → Nanchang skeleton's value per
 * day (426 / 7 ≈ 61 on the value model of issue 12 item 4). Without it the chooser and the race count stops, and a day aboard holds fewer stops
 * than a day in town, so a water trip from Chongqing never sailed (issue 12 item 3).
 */
export const CRUISE_DAY_POINTS = 60;

/**
 * The race's measure: the plan's score, plus CRUISE_DAY_POINTS per full day on a cruise's programme
 * when water is asked for — on the first sailing of each stretch of river only: sailing it back
 * the other way is the same river (the chooser counts it once too).
 */
export function raceScore(itinerary: Itinerary): number {
  const water = matchesThemes({ themes: ['water'] }, itinerary.request.themes);
  const sailed = new Set<string>();
  let repeat = false;
  let fullDaysAboard = 0;
  for (const d of itinerary.days) {
    for (const i of d.items) {
      if (i.kind !== 'travel' || i.mode !== 'cruise') continue;
      const stretch = riverStretch(i.from, i.to);
      repeat = sailed.has(stretch);
      sailed.add(stretch);
    }
    const aboard = d.start === 'on-board' && d.lodging === 'on-board' && d.items.some((i) => i.kind === 'cruise' || (i.kind === 'visit' && i.aboard !== undefined));
    if (aboard && !repeat) fullDaysAboard++;
  }
  return itinerary.totals.score + (water ? CRUISE_DAY_POINTS * fullDaysAboard : 0);
}

/** Following a curated route means seeing its sites: one the ship's programme reaches counts this much more for the skeleton. */
const ROUTE_SITE_POINTS = 10;

/**
 * What a cruise's programme holds, as the skeleton chooser values it: its sites that are
 * candidates (more when the followed route lists them), and each timed passage or shore
 * excursion to a place the catalogue does not list (Fengdu, say) as an unrated water stop.
 */
function programmeCandidates(
  cruise: Cruise, catalogue: Catalogue, request: PlanRequest, candidate: (a: Attraction) => CityCandidate,
  isCandidate: (a: Attraction) => boolean, route: CuratedRoute | undefined,
): CityCandidate[] {
  const sites = visitedSites(cruise, new Set(request.must), new Set(request.avoid));
  const out = catalogue.attractions.filter((a) => sites.has(a.id) && isCandidate(a)).map((a) => {
    const c = candidate(a);
    return route?.attractions.includes(a.id) ? { ...c, score: c.score + ROUTE_SITE_POINTS } : c;
  });
  const unlisted = { rating: 'none', themes: ['water'], mustSee: false, visitMin: 0 } as const;
  if (!matchesThemes(unlisted, request.themes)) return out;
  // The river itself, whichever way it is sailed: a skeleton counts it once (choose-cities.ts).
  const key = riverStretch(cruise.from, cruise.to);
  // The full days aboard, as a whole (see CRUISE_DAY_POINTS).
  out.push({ score: CRUISE_DAY_POINTS * Math.max(0, cruise.nights - 1), visitMin: 0, reachMin: 0, mandatory: false, key: `${key}#days` });
  let passage = 0;
  for (const p of cruise.programme) {
    if (p.site !== undefined || p.startMin === undefined || (p.kind !== 'sail' && p.kind !== 'excursion')) continue;
    if (p.day === 1) continue; // the night of boarding: the leg itself
    const visitMin = (p.endMin ?? p.startMin) - p.startMin;
    out.push({ score: attractionScore({ ...unlisted, visitMin }, request.themes), visitMin, reachMin: 0, mandatory: false, key: `${key}#${passage++}` });
  }
  return out;
}

/**
 * What the optional excursions asked for with --must cost the party on a skeleton's cruises (sold
 * aboard at their published price): committed against --budget with the fares, since the core
 * never places them — before, a plan with one went over the budget by its price.
 */
function chosenExcursionsCost(catalogue: Catalogue, plan: CityPlan, request: PlanRequest): number {
  const options = { chosen: new Set(request.must), avoided: new Set(request.avoid), party: request.party, defaultId: defaultCategory(catalogue) };
  let sum = 0;
  for (const { cruise, boardTripDay } of takenCruises(catalogue, plan)) {
    for (const e of sailingEvents(cruise, boardTripDay, options)) if (e.kind === 'visit') sum += e.cost;
  }
  return sum;
}

/**
 * What a plan is worth to the party in the race: its raceScore less what getting about costs —
 * at the chooser's rates (choose-cities.ts), 0.02 points per minute on links between cities,
 * 8 points per ride on one (RIDE_CHARGE_POINTS), 10 points per city reached besides the start and
 * the end beyond one for two days (CITY_CHARGE_POINTS: a short trip must gain clearly more to
 * wander), 20 points per A → B → A or loop back to a city left earlier (BACKTRACK_POINTS, by the
 * chooser's rule: `neighbours`, the catalogue's links, says which cities are dead ends) and 0.02
 * points per yuan the party pays for them and for local transfers (so ¥500 ≈ a 4A stop's worth: a
 * plan that costs the party ¥1,000 more must see about 20 points more). A cruise leg is none of
 * these: its hours are the programme's sightseeing and its fare buys the nights aboard, meals and
 * excursions. Admission is not charged: it buys the visits the score counts.
 */
export function raceValue(itinerary: Itinerary, neighbours: ReadonlyMap<string, ReadonlySet<string>>): number {
  let minutes = 0;
  let yuan = 0;
  let rides = 0;
  const trail = [itinerary.request.from];
  for (const day of itinerary.days) {
    for (const item of day.items) {
      if (item.kind !== 'travel' || item.mode === 'local') continue;
      trail.push(item.from, item.to);
    }
    for (const item of day.items) {
      if (item.kind !== 'travel' || item.mode === 'cruise') continue;
      yuan += item.cost;
      if (item.mode === 'local') continue;
      minutes += (Date.parse(item.arrive) - Date.parse(item.depart)) / 60_000;
      rides++;
    }
  }
  const wander = wanderingCities(trail, itinerary.request.from, itinerary.request.to ?? trail.at(-1)!, itinerary.request.days);
  const backtracks = backtracksOf(trail, itinerary.request, neighbours);
  return raceScore(itinerary) - TRAVEL_CHARGE_PER_MIN * minutes - RIDE_CHARGE_POINTS * rides - CITY_CHARGE_POINTS * wander -
    BACKTRACK_POINTS * backtracks - FARE_CHARGE_PER_YUAN * yuan;
}

/**
 * Must stops first (a plan keeping more of them wins), then raceValue — so that a plan costing
 * the party much more for the same score loses, where only the budget used to see money — then
 * the cheaper one.
 */
export function isBetter(a: Itinerary, b: Itinerary, neighbours: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  const musts = (x: Itinerary) => x.unscheduled.filter((u) => x.request.must.includes(u.attraction)).length;
  if (musts(a) !== musts(b)) return musts(a) < musts(b);
  const va = raceValue(a, neighbours);
  const vb = raceValue(b, neighbours);
  if (Math.abs(va - vb) > 1e-9) return va > vb;
  return a.totals.admission + a.totals.transport < b.totals.admission + b.totals.transport;
}

export function candidateStops(catalogue: Catalogue, request: PlanRequest): Attraction[] {
  return catalogue.attractions.filter(
    (a) => request.must.includes(a.id) || (!request.avoid.includes(a.id) && matchesThemes(a, request.themes)),
  );
}

function whyNoPlan(catalogue: Catalogue, request: PlanRequest): { flag: string; message: string } {
  if (request.to !== undefined) {
    const need = request.from === request.to ? 1 : daysToReach(catalogue, request.to).get(request.from);
    if (need === undefined) return { flag: '--to', message: `--to ${request.to} cannot be reached from ${request.from} along the catalogue's links` };
    if (need > request.days) {
      return { flag: '--to', message: `--to ${request.to} cannot be reached from ${request.from} in ${request.days} day${request.days === 1 ? '' : 's'}; it takes at least ${need}` };
    }
  }
  if (request.cities !== undefined) {
    return { flag: '--cities', message: `no trip from ${request.from} through only ${request.cities.join(', ')} fits ${request.days} days (links and hotel cities)` };
  }
  if (request.budget !== undefined) {
    return { flag: '--budget', message: `--budget ${request.budget} does not cover the fares of any way through these days` };
  }
  if (request.route !== undefined) {
    return { flag: '--route', message: `no way to follow --route ${request.route} from ${request.from}${request.to ? ` to ${request.to}` : ''} in ${request.days} days within the day window` };
  }
  return {
    flag: '--days',
    message: `no trip from ${request.from}${request.to ? ` to ${request.to}` : ''} fits ${request.days} days between ${request.dayStart} and ${request.dayEnd} (timetables and hotel cities)`,
  };
}
