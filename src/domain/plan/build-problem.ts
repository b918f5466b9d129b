/**
 * From a trip skeleton (city-plan.ts) and the request to the planner core's
 * Problem: places are the skeleton's city hubs plus the candidate stops; a
 * stop may be visited on a land day only when its city is where that day
 * starts or ends, only when it is open that date, starting inside the
 * opening hours and ending by closing time (latest start = min(last entry,
 * close − visit)); on a day of two trains, the city where they change counts
 * too (a stop there, then a later train on). Days run from hub to hub; a day
 * with a same-day link crosses it at a timetabled departure (trip-travel.ts).
 */
import type { Attraction, Catalogue, IsoDate } from '../catalogue/model.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { addDays } from '../calendar/iso-date.js';
import { openingOn } from '../calendar/opening-on.js';
import { capIntervals, daylightEndOn } from '../calendar/daylight-window.js';
import type { PlanRequest } from '../itinerary/itinerary.js';
import type { DayBreak, Problem, ProblemDay, ProblemVisit, TimeWindow, Travel } from '../planner/problem.js';
import { BOARDING_MIN, MINUTES_PER_DAY } from '../travel/travel-model.js';
import { localLegMin, localLegs } from '../travel/local-legs.js';
import { dayCities, dayLinks, type CityPlan, type LandDay } from './city-plan.js';
import { vehicleDaysCost } from './local-transfers.js';
import { LUNCH_INSIDE_MIN, lunchStartSpan, MEAL_RULES, PACES, paceVisitMin } from './pace.js';
import { admissionFor, defaultCategory } from './party-cost.js';
import { catalogueScore } from './score.js';
import { shipSites } from '../cruise/taken-cruises.js';
import { tripTravel, type Place, type TripTravel } from './trip-travel.js';
import { EVENING_RETURN_BY, eveningOuting, narrowToTimeOfDay } from './time-of-day.js';

export interface BuiltProblem {
  readonly problem: Problem;
  readonly places: readonly Place[];
  readonly hubOf: ReadonlyMap<string, number>;
  /** problem.visits[i] is the stop attractions[i]. */
  readonly attractions: readonly Attraction[];
  /**
   * Place of every candidate stop in the trip's cities, the shortlisted ones
   * (in `attractions`) and the rest alike: unscheduled-reason.ts asks the same
   * travel model why a stop the core never saw was left out.
   */
  readonly placeOf: ReadonlyMap<string, number>;
  /** Problem day index → the land day and its trip day index. */
  readonly landDays: readonly { readonly day: LandDay; readonly tripDay: number }[];
  readonly tripTravel: TripTravel;
}

export interface BuildProblemInput {
  readonly catalogue: Catalogue;
  readonly request: PlanRequest;
  readonly calendar: HolidayCalendar;
  readonly plan: CityPlan;
  /** Stops the core may place (already filtered by theme and --avoid, --must included). */
  readonly candidates: readonly Attraction[];
  /** Admission plus transport already committed outside the core (multi-day legs). */
  readonly committedCost: number;
}

export function buildProblem(input: BuildProblemInput): BuiltProblem {
  const { catalogue, request, plan } = input;
  const landDays = plan.days.flatMap((day, tripDay) => (day.kind === 'land' ? [{ day, tripDay }] : []));
  const cities = [...new Set(landDays.flatMap(({ day }) => dayCities(day)))];
  const places: Place[] = [];
  const hubOf = new Map<string, number>();
  for (const id of cities) {
    const city = catalogue.cities.find((c) => c.id === id)!;
    hubOf.set(id, places.length);
    places.push({ id, city: id, location: city.location, hub: true });
  }
  const inPlan = new Set(cities);
  // A product taking the party to a site its cruise already visits would sell that site twice.
  const onShip = shipSites(catalogue, plan, request);
  const inCities = input.candidates.filter((a) => inPlan.has(a.city) && !(a.includes ?? []).some((id) => onShip.has(id)));
  const scoreOf = catalogueScore(catalogue);
  const attractions = shortlist(inCities, landDays.map((d) => d.day), request, scoreOf, outOfDayReach(catalogue, request));
  const indexOf = new Map(attractions.map((a, i) => [a.id, i] as const));
  const placeOf = new Map<string, number>();
  for (const a of [...attractions, ...inCities.filter((x) => !attractions.includes(x))]) {
    placeOf.set(a.id, places.length);
    places.push({ id: a.id, city: a.city, location: a.location, hub: false });
  }
  const mandatory = new Set(request.must);
  const defaultId = defaultCategory(catalogue);
  const withinAdmission = (a: Attraction): number => {
    const area = a.within === undefined ? undefined : catalogue.attractions.find((x) => x.id === a.within);
    return area ? admissionFor(area, request.party, defaultId) : 0;
  };
  const visits: ProblemVisit[] = attractions.map((a) => {
    const place = placeOf.get(a.id)!;
    const duration = paceVisitMin(a.visitMin, request.pace);
    return {
      key: a.id,
      place,
      duration,
      score: scoreOf(a, request.themes),
      windows: landDays.map(({ day, tripDay }) =>
        dayCities(day).includes(a.city)
          ? windowsOn(a, addDays(request.start, tripDay), tripDay, duration, input.calendar, catalogue.timezone)
          : [],
      ),
      // Inside another's paid area: its ticket too (the itinerary charges it once, and not when the area is visited).
      cost: admissionFor(a, request.party, defaultId) + withinAdmission(a),
      ...(mandatory.has(a.id) ? { mandatory: true } : {}),
      // A product and the sites it takes the party to: one or the other, never both.
      ...(a.includes?.some((id) => indexOf.has(id)) ? { excludes: a.includes.flatMap((id) => (indexOf.has(id) ? [indexOf.get(id)!] : [])) } : {}),
    };
  });
  // Lunch is part of the core's Problem: a break every land day with a visit holds, taken where
  // the party is (day-break.ts); meals.ts reads its placement off the routes.
  const days: ProblemDay[] = landDays.map(({ day }) => ({
    open: day.openMin,
    close: day.closeMin,
    start: hubOf.get(day.startCity)!,
    ends: [hubOf.get(day.endCity)!],
    ...(request.meals === false ? {} : { break: lunchBreak(request, day.openMin, dayLinks(day).length > 0) }),
  }));
  const travel = tripTravel({
    places,
    days: landDays.map(({ day, tripDay }) => ({ moves: dayLinks(day), tripDay })),
    hubOf,
    allowanceMin: PACES[request.pace].transferAllowanceMin,
    party: request.party,
    catalogue,
  });
  const evening = withEvenings(
    { days, visits, returnByMin: EVENING_RETURN_BY[request.pace] },
    landDays.map(({ day }) => day),
    (v, w, d) => eveningOuting(attractions[v]!, landDays[d]!.day.endCity, w.open - baseOf(days[d]!.open), MEAL_RULES[request.pace].dinnerFrom),
    travel.travel,
  );
  const problem: Problem = {
    placeCount: places.length,
    days: evening.days,
    visits: evening.visits.map((v) => withReachableWindows(v, evening.days, travel.travel)),
    travel: travel.travel,
    // A group's hired vehicles are booked per day: committed before any stop is chosen.
    ...(request.budget !== undefined ? { budget: Math.max(0, request.budget - input.committedCost - vehicleDaysCost(catalogue, request.party, landDays.map((d) => d.day))) } : {}),
  };
  return { problem, places, hubOf, attractions, placeOf, landDays, tripTravel: travel };
}

function baseOf(min: number): number {
  return Math.floor(min / MINUTES_PER_DAY) * MINUTES_PER_DAY;
}

/**
 * Evening outings (time-of-day.ts): a visit whose window is an evening one
 * may run past the day's end, and the day's close moves out to the latest
 * such visit's end plus the way to the day's end (the hotel, by
 * EVENING_RETURN_BY for the pace; on the day a ship sails, the pier by boarding time).
 * Every other window of that day is cut so that its visit, and the way on
 * from it (a train included: travel is FIFO, so the latest start is found by
 * bisection), still end by the day's own close: only the evening outing goes
 * late, and a day that holds one ends with it.
 */
export function withEvenings(
  problem: { readonly days: readonly ProblemDay[]; readonly visits: readonly ProblemVisit[]; readonly returnByMin: number },
  landDays: readonly LandDay[],
  isEvening: (visit: number, w: TimeWindow, day: number) => boolean,
  travel: Travel,
): { days: ProblemDay[]; visits: ProblemVisit[] } {
  const days = [...problem.days];
  let visits = [...problem.visits];
  days.forEach((day, d) => {
    const land = landDays[d]!;
    const end = day.ends[0]!;
    const limit = land.cruiseOut ? land.cruiseOut.departMin - BOARDING_MIN[land.cruiseOut.link.link.mode] : baseOf(day.open) + problem.returnByMin;
    let close = day.close;
    visits.forEach((v, i) => {
      for (const w of v.windows[d] ?? []) {
        if (isEvening(i, w, d)) close = Math.max(close, Math.min(limit, travel.arrive(v.place, end, w.close + v.duration, d)));
      }
    });
    if (close <= day.close) return;
    visits = visits.map((v, i) => {
      const ws = v.windows[d] ?? [];
      if (ws.length === 0) return v;
      const cut = endingBy(ws, { place: v.place, duration: v.duration }, { day: d, end, closeMin: day.close }, travel, (w) => isEvening(i, w, d));
      return { ...v, windows: v.windows.map((x, e) => (e === d ? cut : x)) };
    });
    days[d] = { ...day, close };
  });
  return { days, visits };
}

/**
 * Windows of a visit on a day whose close an evening outing moved out: the evening ones as
 * they are, every other one cut to its latest start from which the visit and the way on to
 * the day's end still arrive by the day's own close (`closeMin`); travel is FIFO, so that start
 * is found by bisection. unscheduled-reason.ts asks the same of a stop the core never saw.
 */
export function endingBy(
  windows: readonly TimeWindow[], visit: { readonly place: number; readonly duration: number },
  day: { readonly day: number; readonly end: number; readonly closeMin: number }, travel: Travel, isEvening: (w: TimeWindow) => boolean,
): TimeWindow[] {
  const backBy = (start: number) => travel.arrive(visit.place, day.end, start + visit.duration, day.day) <= day.closeMin;
  return windows.flatMap((w) => {
    if (isEvening(w) || backBy(w.close)) return [w];
    if (!backBy(w.open)) return [];
    let lo = w.open;
    let hi = w.close;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (backBy(mid)) lo = mid;
      else hi = mid;
    }
    return [{ open: w.open, close: lo }];
  });
}

/**
 * The day's lunch as the core's break (the documented defaults of pace.ts):
 * starting 11:30–14:30 where the party is (by 13:30 when the day's order
 * allows), or inside a visit of at least LUNCH_INSIDE_MIN that spans it by
 * 13:30, as near 12:00 as it allows; on a day with a train, 11:00–13:30
 * (pace.ts lunchStartSpan: before boarding, or on arrival when the ride ends in time).
 */
export function lunchBreak(request: PlanRequest, openMin: number, trainDay: boolean): DayBreak {
  const rules = MEAL_RULES[request.pace];
  const span = lunchStartSpan(rules, trainDay);
  const base = Math.floor(openMin / MINUTES_PER_DAY) * MINUTES_PER_DAY;
  return {
    from: base + span.fromMin,
    to: base + span.latestMin,
    ...(span.fromMin < rules.lunchFrom ? { preferFrom: base + rules.lunchFrom } : {}),
    length: rules.lunchMin,
    at: base + rules.lunchAt,
    preferTo: base + rules.lunchTo,
    insideMin: Math.max(LUNCH_INSIDE_MIN, rules.lunchMin),
    insideTo: base + rules.lunchTo,
  };
}

/**
 * Drops the days on which a stop cannot be done even alone — reached from the
 * day's start as early as possible, seen, and left for the day's end in time
 * (a stop in the arrival city of the day's last train, say): no route can
 * hold it there, since travel is FIFO and local legs obey the triangle
 * inequality, so the core need not try. A stop that fits no day at all keeps
 * its windows, so that the core still says why (closed, unreachable, no time).
 */
export function withReachableWindows(visit: ProblemVisit, days: readonly ProblemDay[], travel: Travel): ProblemVisit {
  const fits = visit.windows.map((ws, d) => ws.length > 0 && fitsAlone(visit, ws, days[d]!, d, travel));
  if (!fits.some((f) => f) || fits.every((f, d) => f || visit.windows[d]!.length === 0)) return visit;
  return { ...visit, windows: visit.windows.map((ws, d) => (fits[d] ? ws : [])) };
}

function fitsAlone(visit: ProblemVisit, windows: readonly TimeWindow[], day: ProblemDay, d: number, travel: Travel): boolean {
  const arrive = travel.arrive(day.start!, visit.place, day.open, d);
  const w = [...windows].sort((a, b) => a.open - b.open).find((x) => x.close >= arrive);
  if (w === undefined) return false;
  const leave = Math.max(arrive, w.open) + visit.duration;
  return day.ends.some((e) => travel.arrive(visit.place, e, leave, d) <= day.close);
}

/**
 * Start windows on one date, on the trip axis: the opening hours, closing at
 * sunset for an outdoor site (calendar/daylight-window.ts) in the catalogue's
 * zone, inside the site's best time of day or at its sailings (time-of-day.ts).
 */
export function windowsOn(a: Attraction, date: IsoDate, tripDay: number, durationMin: number, calendar: HolidayCalendar, timeZone: string): TimeWindow[] {
  return startWindows(a, date, tripDay, durationMin, calendar, daylightEndOn(a, date, timeZone));
}

/** Start windows with the hours closing by `endByMin` (sunset) when given; without it, the gates' hours alone. */
export function startWindows(
  a: Attraction, date: IsoDate, tripDay: number, durationMin: number, calendar: HolidayCalendar, endByMin: number | undefined,
): TimeWindow[] {
  const opening = openingOn(a, date, calendar);
  if (!opening.open) return [];
  const base = tripDay * MINUTES_PER_DAY;
  const byHours = capIntervals(opening.intervals, endByMin).flatMap((w) => {
    const latest = Math.min(w.lastEntryMin ?? w.closeMin, w.closeMin - durationMin);
    return latest >= w.openMin ? [{ open: base + w.openMin, close: base + latest }] : [];
  });
  // A lit facade at its hours, a boat at its sailings (time-of-day.ts).
  return narrowToTimeOfDay(byHours, a, durationMin, base);
}

/** Stops per day in a city beyond which more candidates only slow the search down. */
const STOPS_PER_CITY_DAY = 4;

/**
 * Per city, the musts plus the best-scoring stops, STOPS_PER_CITY_DAY for each
 * day that touches the city (and a few spare): a day holds four or five stops
 * at most, and a smaller problem lets the core's iterations go further.
 */
function shortlist(
  candidates: readonly Attraction[], days: readonly LandDay[], request: PlanRequest, scoreOf: (a: Attraction, themes: PlanRequest['themes']) => number,
  outOfReach: (a: Attraction, days: readonly LandDay[]) => boolean,
): Attraction[] {
  const keep = new Set<string>();
  for (const city of new Set(candidates.map((a) => a.city))) {
    const touching = days.filter((d) => dayCities(d).includes(city));
    const far = new Set(candidates.filter((a) => a.city === city && outOfReach(a, touching)).map((a) => a.id));
    const ranked = candidates
      .filter((a) => a.city === city)
      .sort((x, y) => Number(request.must.includes(y.id)) - Number(request.must.includes(x.id)) ||
        Number(far.has(x.id)) - Number(far.has(y.id)) ||
        scoreOf(y, request.themes) - scoreOf(x, request.themes) || x.id.localeCompare(y.id));
    const limit = STOPS_PER_CITY_DAY * touching.length + 2;
    ranked.forEach((a, i) => {
      if (i < limit || request.must.includes(a.id)) keep.add(a.id);
    });
  }
  return candidates.filter((a) => keep.has(a.id));
}

/**
 * A stop that no day in its city is long enough to reach from the city, see and come back from
 * (the gorge sites the catalogue files under Chongqing, 280-400 km down the river: the cruise's
 * to visit) takes no place on the shortlist from one that fits: before, they filled Chongqing's
 * slots and a boarding day lost Hongyadong and the Great Hall to them (an idle afternoon).
 * They stay candidates (last), so that the core and the reasons still say why they are left out.
 */
function outOfDayReach(catalogue: Catalogue, request: PlanRequest): (a: Attraction, days: readonly LandDay[]) => boolean {
  const allowanceMin = PACES[request.pace].transferAllowanceMin;
  const legs = localLegs(catalogue, allowanceMin);
  return (a, days) => {
    const hub = catalogue.cities.find((c) => c.id === a.city);
    if (hub === undefined) return false;
    const oneWayMin = localLegMin(legs, a.city, hub.location, a.id, a.location, allowanceMin);
    const longestMin = Math.max(0, ...days.map((d) => d.closeMin - d.openMin));
    return 2 * oneWayMin + paceVisitMin(a.visitMin, request.pace) > longestMin;
  };
}
