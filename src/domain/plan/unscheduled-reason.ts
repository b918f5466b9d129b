/**
 * Why a candidate stop is not in the plan: the one place that decides an
 * `unscheduled` reason for a stop on land, so that every reason is true and
 * the most specific one. The stop is tried alone in each day of the trip
 * that starts or ends in its city (the core's own day windows, travel model
 * and route evaluation, so its lunch is placed exactly as the core places it:
 * before a leg, on arrival, or inside a long visit — planner/day-break.ts):
 *
 * - `unreachable`, "not on the way": no day of the trip is spent in its city;
 * - `closed`: shut on every such date;
 * - `unreachable`, "too far": on some open day, getting there from where the
 *   day starts, the visit and getting on to where it ends take longer than
 *   the day, whatever the opening hours, though the same visit an ordinary
 *   ride (IN_TOWN_LEG_MIN) from the centre would fit: distance stops it;
 * - `no-time`, "day too short": the day has not the time for the visit even
 *   in the city centre (a half day after a train, a 3-hour window);
 * - `last-entry`: on some open day it could be done in the day's length, but
 *   the earliest the party can be there is after the last start its hours
 *   allow (last entry, or closing time less the visit);
 * - `after-dark`: an outdoor site (`daylight: required`) whose gates' hours
 *   would hold the visit, but not the daylight: it would end after sunset;
 * - `closed` (hours): it is open, but its hours are shorter than the visit
 *   or end too late to be back in time;
 * - `budget`: it fits some day alone, but its admission (and the extra local
 *   fares to it) is more than the budget has left after this plan;
 * - `no-time`: it fits some day alone and the budget: the days in its city
 *   are taken by the plan's other stops.
 *
 * The most hopeful day decides: fits > last entry > after dark > hours > too
 * far > day too short > shut.
 */
import type { Attraction, Catalogue } from '../catalogue/model.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { addDays } from '../calendar/iso-date.js';
import { openingOn } from '../calendar/opening-on.js';
import type { PlanRequest, UnscheduledReasonCode } from '../itinerary/itinerary.js';
import { compileModel } from '../planner/model.js';
import type { Problem, TimeWindow } from '../planner/problem.js';
import { timeDay } from '../planner/route.js';
import { MINUTES_PER_DAY, haversineKm } from '../travel/travel-model.js';
import type { BuiltProblem } from './build-problem.js';
import { startWindows } from './build-problem.js';
import { eveningOuting } from './time-of-day.js';
import { daylightEndOn } from '../calendar/daylight-window.js';
import { dayCities } from './city-plan.js';
import { MEAL_RULES, paceVisitMin } from './pace.js';
import { admissionFor, cents, defaultCategory } from './party-cost.js';

export interface ReasonContext {
  readonly catalogue: Catalogue;
  readonly request: PlanRequest;
  readonly calendar: HolidayCalendar;
  readonly built: BuiltProblem;
  /** Admission and fares the plan already spends, against --budget. */
  readonly spent: number;
}

export interface LeftOutReason {
  readonly reason: UnscheduledReasonCode;
  readonly detail: string;
}

/** What trying the stop alone in one day gave. */
export type DayVerdict =
  | { readonly kind: 'fits'; readonly day: number; readonly extraCost: number }
  | { readonly kind: 'last-entry'; readonly day: number; readonly arriveMin: number; readonly latestMin: number }
  | { readonly kind: 'dark'; readonly day: number; readonly arriveMin: number; readonly sunsetMin: number }
  | { readonly kind: 'hours'; readonly day: number }
  | { readonly kind: 'far'; readonly day: number }
  | { readonly kind: 'short'; readonly day: number }
  | { readonly kind: 'shut'; readonly day: number; readonly detail: string };

const HOPE: Readonly<Record<DayVerdict['kind'], number>> = { fits: 6, 'last-entry': 5, dark: 4, hours: 3, far: 2, short: 1, shut: 0 };

/** An ordinary ride across town, each way: a stop that would fit the day that close to the centre is "too far" where it is. */
export const IN_TOWN_LEG_MIN = 30;

/** A stop further than this from its city's centre is called far out of town in the detail. */
export const FAR_KM = 50;

export function whyLeftOut(a: Attraction, ctx: ReasonContext): LeftOutReason {
  const { built, request, catalogue } = ctx;
  const cityName = (id: string) => catalogue.cities.find((c) => c.id === id)?.name ?? id;
  const place = built.placeOf.get(a.id);
  const days = built.landDays.flatMap(({ day }, p) => (dayCities(day).includes(a.city) ? [p] : []));
  if (place === undefined || days.length === 0) {
    const cities = [...new Set(built.landDays.flatMap(({ day }) => dayCities(day)))];
    return {
      reason: 'unreachable',
      detail: `the trip spends no day in ${cityName(a.city)} (its days are in ${cities.map(cityName).join(', ')})`,
    };
  }
  const verdicts = days.map((p) => dayVerdict(a, place, p, ctx));
  const best = verdicts.reduce((x, y) => (HOPE[y.kind] > HOPE[x.kind] ? y : x));
  const dateOf = (p: number) => addDays(request.start, built.landDays[p]!.tripDay);
  const hours = `${Math.round(paceVisitMin(a.visitMin, request.pace) / 6) / 10} h`;
  const clock = (m: number) => {
    const t = ((m % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  };
  const dates = days.map(dateOf).join(', ');
  switch (best.kind) {
    case 'shut': {
      const shut = verdicts as readonly Extract<DayVerdict, { kind: 'shut' }>[];
      const details = [...new Set(shut.map((v) => v.detail))];
      return {
        reason: 'closed',
        detail: shut.length === 1 ? `${details[0]} (${dates}, the day in ${cityName(a.city)})` : `closed on every day the trip is in ${cityName(a.city)} (${dates}): ${details.join('; ')}`,
      };
    }
    case 'far': {
      const city = catalogue.cities.find((c) => c.id === a.city);
      const km = city ? Math.round(haversineKm(city.location, a.location)) : 0;
      const window = `${request.dayStart}–${request.dayEnd}`;
      return {
        reason: 'unreachable',
        detail: km >= FAR_KM
          ? `${km} km from central ${cityName(a.city)}: too far to get there, see it (${hours}) and get back within ${window}`
          : `no day in ${cityName(a.city)} (${dates}) is long enough to get there, see it (${hours}) and go on within ${window}`,
      };
    }
    case 'short':
      return {
        reason: 'no-time',
        detail: `no day in ${cityName(a.city)} (${dates}) has the time for a ${hours} visit with the way there and on, even were it in the centre`,
      };
    case 'hours':
      return {
        reason: 'closed',
        detail: `open on ${dateOf(best.day)}, but its hours leave no room for a ${hours} visit within the day (${request.dayStart}–${request.dayEnd}) and the way back`,
      };
    case 'dark':
      return {
        reason: 'after-dark',
        detail: `an outdoor site: the sun sets there at ${clock(best.sunsetMin)} on ${dateOf(best.day)}, and the day leaves no ${hours} visit that ends before it (the party can be there from ${clock(best.arriveMin)}), though its gates stay open later`,
      };
    case 'last-entry':
      return {
        reason: 'last-entry',
        // A boat (catalogue departures) is missed by its last sailing, a lit sight (best_time) by the end of its hours.
        detail: `the earliest the party can be there is ${clock(best.arriveMin)} (${dateOf(best.day)}), after ${
          a.departures ? 'the last sailing it can take' : a.bestTime ? 'the last start its best time of day allows' : 'the last start its hours allow'
        } for a ${hours} visit (${clock(best.latestMin)})`,
      };
    case 'fits': {
      const cheapest = (verdicts.filter((v) => v.kind === 'fits') as Extract<DayVerdict, { kind: 'fits' }>[])
        .reduce((x, y) => (y.extraCost < x.extraCost ? y : x));
      const left = request.budget === undefined ? Infinity : cents(request.budget - ctx.spent);
      if (cheapest.extraCost > left) {
        return {
          reason: 'budget',
          detail: `admission${cheapest.extraCost > admissionOf(a, ctx) ? ' and fares' : ''} of ${cheapest.extraCost} ${catalogue.currency} for the party would exceed the ${Math.max(0, left)} ${catalogue.currency} left of the budget of ${request.budget} ${catalogue.currency}`,
        };
      }
      return {
        reason: 'no-time',
        detail: `it would fit a day in ${cityName(a.city)} on its own (${dateOf(best.day)}), but the time there (${dates}) is taken by the plan's other stops; a ${hours} visit`,
      };
    }
  }
}

function admissionOf(a: Attraction, ctx: ReasonContext): number {
  return admissionFor(a, ctx.request.party, defaultCategory(ctx.catalogue));
}

/** The stop alone in problem day p: the first start its windows allow on arrival, then on to the day's end. */
export function dayVerdict(a: Attraction, place: number, p: number, ctx: ReasonContext): DayVerdict {
  const { built, request, calendar } = ctx;
  const { travel } = built.problem;
  const day = built.problem.days[p]!;
  const tripDay = built.landDays[p]!.tripDay;
  const date = addDays(request.start, tripDay);
  const opening = openingOn(a, date, calendar);
  if (!opening.open) return { kind: 'shut', day: p, detail: opening.detail };
  const duration = paceVisitMin(a.visitMin, request.pace);
  const start = day.start ?? built.hubOf.get(built.landDays[p]!.day.startCity)!;
  const arrive = travel.arrive(start, place, day.open, p);
  // A day an evening outing runs late (build-problem.ts withEvenings): any other visit still ends, with the way on, by
  // the day's own close. So a visit fits alone from an evening window by the day's close, from any other by its own.
  const ownClose = built.landDays[p]!.day.closeMin;
  const base = tripDay * MINUTES_PER_DAY;
  const evening = (w: TimeWindow) => eveningOuting(a, built.landDays[p]!.day.endCity, w.open - base, MEAL_RULES[request.pace].dinnerFrom);
  const fits = (at: number, minutes: number, ws: readonly TimeWindow[]): boolean =>
    fitsAlone(built, p, start, at, minutes, ws.filter(evening)) || fitsAlone(built, p, start, at, minutes, ws.filter((w) => !evening(w)), ownClose);
  const anyTime = [{ open: day.open, close: day.close }];
  if (arrive === Infinity || !fits(place, duration, anyTime)) {
    // Would the same visit fit were the stop an ordinary ride from the city centre? Then the distance is what stops it.
    const hub = built.hubOf.get(a.city)!;
    const hubFits = fits(hub, IN_TOWN_LEG_MIN + duration + IN_TOWN_LEG_MIN, anyTime);
    return { kind: hubFits ? 'far' : 'short', day: p };
  }
  const byHours = (endByMin: number | undefined): DayVerdict | undefined => {
    const windows = startWindows(a, date, tripDay, duration, calendar, endByMin);
    if (windows.length === 0) return { kind: 'hours', day: p };
    if (!windows.some((w) => w.close >= arrive)) {
      return { kind: 'last-entry', day: p, arriveMin: arrive, latestMin: Math.max(...windows.map((w) => w.close)) };
    }
    return fits(place, duration, windows) ? undefined : { kind: 'hours', day: p };
  };
  const sunsetMin = daylightEndOn(a, date, ctx.catalogue.timezone);
  const verdict = byHours(sunsetMin);
  if (verdict !== undefined) {
    // An outdoor stop that its gates' hours would let in: night, not the hours, is what stops it.
    const lit = sunsetMin === undefined ? verdict : byHours(undefined);
    return lit === undefined ? { kind: 'dark', day: p, arriveMin: arrive, sunsetMin: sunsetMin! } : verdict;
  }
  const fare = (from: number, to: number) => travel.cost?.(from, to, p) ?? 0;
  const end = day.ends[0]!;
  const extraCost = cents(admissionFor(a, request.party, defaultCategory(ctx.catalogue), date) + fare(start, place) + fare(place, end) - fare(start, end));
  return { kind: 'fits', day: p, extraCost };
}

/**
 * Whether one visit (at `place`, `durationMin` long, starting in `windows`) fits problem day p
 * alone, lunch and all: timed by the core's own route evaluation on a one-visit problem of that
 * day (planner/route.ts, day-break.ts), so a reason never disagrees with what the core can place.
 */
function fitsAlone(
  built: BuiltProblem, p: number, start: number, place: number, durationMin: number, windows: readonly TimeWindow[], closeMin?: number,
): boolean {
  if (windows.length === 0) return false;
  const day = { ...built.problem.days[p]!, ...(closeMin !== undefined ? { close: closeMin } : {}) };
  const travel = built.problem.travel;
  const alone: Problem = {
    placeCount: built.problem.placeCount,
    days: [{ ...day, start }],
    visits: [{ key: 'alone', place, duration: durationMin, score: 1, windows: [windows] }],
    travel: { arrive: (from, to, depart) => travel.arrive(from, to, depart, p), minDuration: (from, to) => travel.minDuration(from, to), isStatic: false },
  };
  const m = compileModel(alone);
  return day.ends.some((end) => timeDay(m, 0, start, end, [0]) !== undefined);
}
