/**
 * From the core's solution back to the itinerary document: every leg spelled
 * out (hotel → stop, stop → stop, stop → station → train → stop, last stop →
 * hotel), multi-day legs with their days on board and the sights seen from
 * the deck, the theme of each day, the stops by theme, what was left out and
 * why, and totals for the whole party.
 */
import type { Attraction, Catalogue, Cruise, Theme } from '../catalogue/model.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { addDays } from '../calendar/iso-date.js';
import { estimatesAmong, legFacts, visitFacts } from '../catalogue/fact-of.js';
import type {
  CruiseItem, Itinerary, ItineraryDay, ItineraryItem, MealItem, PlanRequest, TravelItem, UnscheduledEntry, VisitItem,
} from '../itinerary/itinerary.js';
import { cruiseReaching, sailingEvents, siteOnProgramme, type ProgrammeEvent } from '../cruise/cruise-programme.js';
import { takenCruises } from '../cruise/taken-cruises.js';
import { ITINERARY_KIND, ITINERARY_SCHEMA_VERSION } from '../itinerary/itinerary.js';
import { tripTime } from '../itinerary/itinerary-time.js';
import type { Solution, UnscheduledReason } from '../planner/problem.js';
import { sightsAlong } from '../travel/seen-from-board.js';
import { MINUTES_PER_DAY } from '../travel/travel-model.js';
import { cruiseForLink } from '../cruise/cruise-programme.js';
import type { BuiltProblem } from './build-problem.js';
import { windowsOn } from './build-problem.js';
import { daySunset } from '../calendar/daylight-window.js';
import { dayCities, lodgingOf, type CityPlan, type Leg } from './city-plan.js';
import { BY_THEME_ORDER, dayTheme } from './day-theme.js';
import { dayHoliday } from './day-holiday.js';
import { admissionFor, cents, defaultCategory, fareFor } from './party-cost.js';
import { attractionScore, catalogueScore, isStrongCandidate } from './score.js';
import type { Segment } from './trip-travel.js';
import { whyLeftOut } from './unscheduled-reason.js';
import { MAX_ALIKE_IN_A_ROW } from './day-variety.js';
import type { PlacedMeal } from './meals.js';
import { MEAL_RULES } from './pace.js';
import { isEveningVisit } from './time-of-day.js';
import { transferFields, withVehicleDays } from './local-transfers.js';

export interface ToItineraryInput {
  readonly catalogue: Catalogue;
  readonly request: PlanRequest;
  readonly calendar: HolidayCalendar;
  readonly plan: CityPlan;
  readonly built: BuiltProblem;
  readonly solution: Solution;
  /** Per problem day, the meals placed by meals.ts (none with --no-meals). */
  readonly meals: readonly (readonly PlacedMeal[])[];
  /** Candidates (theme-filtered, --avoid removed, --must added). */
  readonly candidates: readonly Attraction[];
  readonly dayStartMin: number;
  readonly dayEndMin: number;
  /** Stops day-variety.ts left out so that a day has no long run of alike stops. */
  readonly leftForVariety?: ReadonlySet<string>;
}

/** `estimates: [...]` only when some fact rests on an estimate, so the JSON of a sourced plan is unchanged. */
function estimatesField(fields: readonly string[]): { estimates?: readonly string[] } {
  return fields.length > 0 ? { estimates: fields } : {};
}

export function toItinerary(input: ToItineraryInput): Itinerary {
  const { catalogue, request, plan, built, solution } = input;
  const defaultId = defaultCategory(catalogue);
  const partyCategories = Object.keys(request.party).filter((c) => (request.party[c] ?? 0) > 0);
  const time = (m: number) => tripTime(request.start, m);
  // A site inside another's paid area (Meilu Villa inside Lushan) needs that ticket: bought on the first
  // such visit unless the plan visits the area itself.
  const visitedIds = visitedInPlan(input);
  const areaPaid = new Set<string>();
  const visitItem = (a: Attraction, start: number, end: number): VisitItem => {
    const date = addDays(request.start, Math.floor(start / MINUTES_PER_DAY));
    const own = admissionFor(a, request.party, defaultId, date);
    const area = a.within === undefined ? undefined : catalogue.attractions.find((x) => x.id === a.within);
    const areaCost = area && !visitedIds.has(area.id) && !areaPaid.has(area.id) ? admissionFor(area, request.party, defaultId, date) : 0;
    if (area) areaPaid.add(area.id);
    return {
      kind: 'visit', attraction: a.id, city: a.city, start: time(start), end: time(end),
      themes: [...a.themes], cost: cents(own + areaCost),
      ...estimatesField(estimatesAmong(a, visitFacts(a, partyCategories))),
      ...(area ? { within: area.id } : {}),
      ...(areaCost > 0 ? { withinCost: areaCost } : {}),
      ...(a.includes !== undefined ? { includes: [...a.includes] } : {}),
    };
  };
  const travelItem = (s: Segment): TravelItem => ({
    kind: 'travel', from: s.from, to: s.to, mode: s.mode, depart: time(s.departMin), arrive: time(s.arriveMin), cost: s.cost,
    ...transferFields(s),
  });
  const legItem = (leg: Leg): TravelItem => ({
    kind: 'travel', from: leg.link.from, to: leg.link.to, mode: leg.link.link.mode,
    depart: time(leg.departMin), arrive: time(leg.arriveMin), cost: fareFor(leg.link.link, request.party),
    ...estimatesField(estimatesAmong(leg.link.link, legFacts(leg.link.link, partyCategories, defaultId))),
  });

  const heads = Object.values(request.party).reduce((s, n) => s + n, 0);
  const mealItem = (m: PlacedMeal): MealItem => ({
    kind: 'meal', meal: m.meal, city: built.places[m.place]!.city, near: built.places[m.place]!.id,
    start: time(m.startMin), end: time(m.endMin), cost: MEAL_ESTIMATE_PER_HEAD[m.meal] * heads, estimate: true,
    ...(m.within !== undefined ? { within: built.attractions[m.within]!.id } : {}),
  });

  const visited = new Set<string>();
  const aboardLeft: { a: Attraction; reason: UnscheduledReason }[] = [];
  const aboardVisits = scheduleAboard(input, aboardLeft);
  const sailings = takenCruises(catalogue, plan);
  const programme = new Map<number, { cruise: string; event: ProgrammeEvent }[]>();
  const seenBefore = new Set<string>();
  for (const { cruise, boardTripDay } of sailings) {
    const options = { chosen: new Set(request.must), avoided: new Set(request.avoid), party: request.party, defaultId, seenBefore };
    for (const event of sailingEvents(cruise, boardTripDay, options)) {
      programme.set(event.slot.tripDay, [...(programme.get(event.slot.tripDay) ?? []), { cruise: cruise.id, event }]);
    }
  }
  const programmeItem = (cruise: string, e: ProgrammeEvent): ItineraryItem => {
    const { item } = e.slot;
    if (e.kind === 'visit') {
      const a = catalogue.attractions.find((x) => x.id === e.site)!;
      const { estimates: _admissionFacts, ...visit } = visitItem(a, e.slot.startMin, e.slot.endMin);
      void _admissionFacts;
      return {
        ...visit, cost: e.cost, aboard: cruise,
        ...(e.part === 'shore-excursion' || e.part === 'optional-excursion' ? { excursion: true as const } : {}),
        ...(e.part === 'optional-excursion' ? { optional: true as const } : {}),
      };
    }
    const cruiseItem: CruiseItem = {
      kind: 'cruise', aboard: cruise, part: e.part, what: item.what, start: time(e.slot.startMin), end: time(e.slot.endMin), cost: 0,
      ...(item.approximate ? { approximate: true as const } : {}),
      ...(item.when !== undefined ? { when: item.when } : {}),
      ...(item.whatZh !== undefined ? { whatZh: item.whatZh } : {}),
      ...(item.when !== undefined && item.whenZh !== undefined ? { whenZh: item.whenZh } : {}),
    };
    return cruiseItem;
  };
  const days: ItineraryDay[] = [];
  const problemDayOf = new Map(built.landDays.map(({ tripDay }, i) => [tripDay, i]));
  let previousLodging = request.from;
  plan.days.forEach((day, tripDay) => {
    const items: ItineraryItem[] = [];
    const themed: { themes: readonly Theme[]; minutes: number }[] = [];
    const onShip = programme.get(tripDay) ?? [];
    // Boarding is the last thing of a land day, just before the ship sails (below).
    const boarding = day.kind === 'land' && day.cruiseOut ? onShip.filter(({ event }) => event.part === 'board') : [];
    for (const { cruise, event } of onShip) {
      if (boarding.some((b) => b.event === event)) continue;
      const item = programmeItem(cruise, event);
      items.push(item);
      if (item.kind === 'visit') {
        const a = catalogue.attractions.find((x) => x.id === item.attraction)!;
        themed.push({ themes: a.themes, minutes: event.slot.endMin - event.slot.startMin });
        visited.add(a.id);
      }
    }
    if (day.kind === 'aboard') {
      for (const v of aboardVisits.get(tripDay) ?? []) {
        items.push(visitItem(v.a, v.start, v.end));
        themed.push({ themes: v.a.themes, minutes: v.end - v.start });
        visited.add(v.a.id);
      }
    } else {
      const p = problemDayOf.get(tripDay)!;
      const route = solution.days[p]!;
      let at = route.start;
      let t = day.openMin;
      const push = (to: number, depart: number) => {
        for (const s of built.tripTravel.segments(at, to, depart, p) ?? []) items.push(travelItem(s));
        at = to;
      };
      const meals = input.meals[p] ?? [];
      const eatBefore = (i: number) => {
        for (const m of meals.filter((x) => x.before === i)) {
          // A lunch on arrival (at the next stop, or in the city the train goes to): get there first.
          if (m.within === undefined && m.place !== at) push(m.place, t);
          items.push(mealItem(m));
          // A lunch inside a long visit takes none of the day's time between stops.
          if (m.within === undefined) t = m.endMin;
        }
      };
      route.visits.forEach((sv, i) => {
        eatBefore(i);
        const place = built.problem.visits[sv.visit]!.place;
        // Leave the hotel (or the lunch table) just in time for the next stop in the same city.
        const sameCity = built.places[at]!.city === built.places[place]!.city;
        const justInTime = sameCity ? Math.max(t, sv.start - built.problem.travel.minDuration(at, place)) : t;
        const a = built.attractions[sv.visit]!;
        // An evening outing (a lit facade, a night boat): the party goes out for it, not waits there all afternoon.
        const evening = isEveningVisit(a, sv.start - tripDay * MINUTES_PER_DAY, MEAL_RULES[request.pace].dinnerFrom);
        push(place, i === 0 || evening || meals.some((m) => m.before === i && m.within === undefined) ? justInTime : t);
        items.push(visitItem(a, sv.start, sv.end));
        themed.push({ themes: a.themes, minutes: sv.end - sv.start });
        visited.add(a.id);
        // The sites a product takes the party to are seen, not left out.
        for (const id of a.includes ?? []) visited.add(id);
        t = sv.end;
      });
      eatBefore(route.visits.length);
      push(route.end, t);
      eatBefore(route.visits.length + 1);
      if (day.cruiseOut) {
        // The programme's boarding window (check in from 18:00 until the ship sails), from when
        // the party is back from the day's sights: a cruise line's day 1 ends so.
        const free = Math.max(t, route.finish);
        for (const { cruise, event } of boarding) {
          const startMin = Math.min(Math.max(event.slot.startMin, free), day.cruiseOut.departMin);
          items.push(programmeItem(cruise, { ...event, slot: { ...event.slot, startMin, endMin: Math.max(startMin, Math.min(event.slot.endMin, day.cruiseOut.departMin)) } }));
        }
        items.push(legItem(day.cruiseOut));
      }
    }
    const priced = withVehicleDays(items, catalogue, request.party);
    const lodging = lodgingOf(day);
    const date = addDays(request.start, tripDay);
    const holiday = dayHoliday(input.calendar, date);
    // The ship times what is seen aboard or ashore with it, not the party's daylight: only the
    // party's own visits bound the day by sunset (a day wholly aboard shows none).
    const outdoor = priced.flatMap((i) => (i.kind === 'visit' && !i.aboard ? catalogue.attractions.filter((a) => a.id === i.attraction) : []));
    const sunset = daySunset(outdoor, date, catalogue.timezone);
    days.push({
      day: tripDay + 1,
      date,
      theme: dayTheme(themed, request.themes),
      start: previousLodging,
      lodging,
      items: priced,
      ...(holiday ? { holiday } : {}),
      ...(sunset ? { sunset } : {}),
    });
    previousLodging = lodging;
  });

  const allVisits = days.flatMap((d) => d.items.filter((i): i is VisitItem => i.kind === 'visit'));
  const byTheme = Object.fromEntries(
    BY_THEME_ORDER.map((theme) => [theme, unique(allVisits.filter((v) => v.themes.includes(theme)).map((v) => v.attraction))]),
  ) as Record<Theme, string[]>;
  const travels = days.flatMap((d) => d.items.filter((i): i is TravelItem => i.kind === 'travel'));
  const worth = catalogueScore(catalogue);
  const scoreOf = (id: string) => worth(catalogue.attractions.find((a) => a.id === id)!, request.themes);
  const admission = cents(allVisits.reduce((s, v) => s + v.cost, 0));
  const transport = cents(travels.reduce((s, v) => s + v.cost, 0));
  return {
    schemaVersion: ITINERARY_SCHEMA_VERSION,
    kind: ITINERARY_KIND,
    request,
    days,
    byTheme,
    unscheduled: unscheduledEntries(input, visited, aboardLeft, cents(admission + transport)),
    totals: {
      visits: allVisits.length,
      score: allVisits.reduce((s, v) => s + scoreOf(v.attraction), 0),
      admission,
      transport,
      currency: catalogue.currency,
    },
  };
}

/** Every stop the plan visits, on land (the core's routes) or from a ship. */
function visitedInPlan(input: ToItineraryInput): Set<string> {
  const ids = new Set(input.solution.days.flatMap((r) => r.visits.map((v) => input.built.attractions[v.visit]!.id)));
  const candidateIds = new Set(input.candidates.map((a) => a.id));
  for (const d of input.plan.days) {
    if (d.kind === 'aboard') for (const a of sightsAlong(d.leg.link, input.catalogue)) if (candidateIds.has(a.id)) ids.add(a.id);
  }
  return ids;
}

/**
 * An estimate, per head and meal, of a set meal at an ordinary restaurant
 * near the sights (yuan), for the quote; not a sourced price, so meal items
 * carry `estimate: true`, and it is not counted against --budget.
 */
export const MEAL_ESTIMATE_PER_HEAD: Readonly<Record<PlacedMeal['meal'], number>> = { lunch: 60, dinner: 80 };

interface AboardVisit {
  readonly a: Attraction;
  readonly start: number;
  readonly end: number;
}

/**
 * Sights seen from a ship, spread over its days fully at sea in the order the
 * ship passes them, each inside its viewing hours; the ones that fit nowhere
 * are reported.
 */
function scheduleAboard(input: ToItineraryInput, left: { a: Attraction; reason: UnscheduledReason }[]): Map<number, AboardVisit[]> {
  const out = new Map<number, AboardVisit[]>();
  const candidateIds = new Set(input.candidates.map((a) => a.id));
  const legs = new Map<Leg, number[]>();
  input.plan.days.forEach((d, tripDay) => {
    if (d.kind === 'aboard') legs.set(d.leg, [...(legs.get(d.leg) ?? []), tripDay]);
  });
  for (const [leg, tripDays] of legs) {
    // A leg sailed by a cruise product follows its programme instead (to-itinerary's programme items).
    if (cruiseForLink(input.catalogue, leg.link)) continue;
    const sights = sightsAlong(leg.link, input.catalogue).filter((a) => candidateIds.has(a.id));
    sights.forEach((a, i) => {
      const tripDay = tripDays[Math.floor((i * tripDays.length) / sights.length)]!;
      const list = out.get(tripDay) ?? [];
      const base = tripDay * MINUTES_PER_DAY;
      const free = Math.max(base + input.dayStartMin, list.at(-1)?.end ?? -Infinity);
      const windows = windowsOn(a, addDays(input.request.start, tripDay), tripDay, a.visitMin, input.calendar, input.catalogue.timezone);
      const w = windows.find((x) => x.close >= free);
      if (!w) {
        left.push({ a, reason: windows.length === 0 ? 'closed' : 'no-time' });
        return;
      }
      const start = Math.max(free, w.open);
      list.push({ a, start, end: start + a.visitMin });
      out.set(tripDay, list);
    });
  }
  return out;
}

function unscheduledEntries(
  input: ToItineraryInput,
  visited: ReadonlySet<string>,
  aboardLeft: readonly { a: Attraction; reason: UnscheduledReason }[],
  spent: number,
): UnscheduledEntry[] {
  const { catalogue, request, plan } = input;
  const planCities = new Set(plan.days.flatMap((d) => (d.kind === 'land' ? dayCities(d) : [])));
  const aboard = new Map(aboardLeft.map(({ a, reason }) => [a.id, reason]));
  const candidateIds = new Set(input.candidates.map((a) => a.id));
  const entries: { entry: UnscheduledEntry; rank: number; score: number }[] = [];
  const sailings = takenCruises(catalogue, plan).map((s) => s.cruise);
  for (const a of catalogue.attractions) {
    if (visited.has(a.id)) continue;
    const mustIndex = request.must.indexOf(a.id);
    const must = mustIndex >= 0;
    const strong = isStrongCandidate(a) && (planCities.has(a.city) || must);
    if (!must && !strong) continue;
    let entry: UnscheduledEntry;
    if (request.avoid.includes(a.id)) {
      entry = { attraction: a.id, reason: 'avoided', detail: 'left out as asked (--avoid)' };
    } else if (!candidateIds.has(a.id)) {
      entry = { attraction: a.id, reason: 'theme', detail: `its themes (${a.themes.join(', ')}) are not among those asked for (${request.themes.join(', ')})` };
    } else if (cruiseOption(a.id, sailings, catalogue)) {
      entry = { attraction: a.id, reason: 'cruise-option', detail: cruiseOption(a.id, sailings, catalogue)! };
    } else if (input.leftForVariety?.has(a.id)) {
      entry = {
        attraction: a.id,
        reason: 'no-time',
        detail: `left out so that no day has more than ${MAX_ALIKE_IN_A_ROW} alike stops in a row (${a.themes.join(', ')}): the day's other stops of its kind filled the time`,
      };
    } else if (aboard.has(a.id) && !planCities.has(a.city)) {
      const reason = aboard.get(a.id)!;
      entry = { attraction: a.id, reason, detail: aboardDetail(reason) };
    } else {
      const why = whyLeftOut(a, { catalogue, request, calendar: input.calendar, built: input.built, spent });
      const ship = cruiseReaching(catalogue, a.id);
      // A site the cruise reaches is not "too far from the hotel": it is reached by the ship this trip does not take.
      entry = ship && why.reason === 'unreachable' ? { attraction: a.id, reason: 'unreachable', detail: notSailed(ship, catalogue) } : { attraction: a.id, ...why };
    }
    entries.push({ entry, rank: must ? mustIndex : request.must.length, score: attractionScore(a, request.themes) });
  }
  return entries
    .sort((x, y) => x.rank - y.rank || y.score - x.score || x.entry.attraction.localeCompare(y.entry.attraction))
    .map((e) => e.entry);
}

/** Why a site on the programme of a cruise the trip takes is not in the plan: an optional excursion not chosen, or one some ships visit instead. */
function cruiseOption(site: string, sailings: readonly Cruise[], catalogue: Catalogue): string | undefined {
  for (const cruise of sailings) {
    const on = siteOnProgramme(cruise, site);
    if (!on || on.how === 'included') continue;
    if (on.how === 'alternative') {
      const main = catalogue.attractions.find((x) => x.id === on.insteadOf)?.name ?? on.insteadOf;
      return `some sailings of the ${cruise.name} visit it instead of ${main} (the ship and the river decide); this plan follows the published programme`;
    }
    const price = on.excursion?.price[defaultCategory(catalogue)];
    const priced = price !== undefined ? ` (${price} ${catalogue.currency} per person, sold aboard)` : ' (sold aboard on some ships; price not published)';
    return `an optional excursion of the ${cruise.name}${priced}, not chosen: add it with --must ${site}`;
  }
  return undefined;
}

function notSailed(cruise: Cruise, catalogue: Catalogue): string {
  const name = (id: string) => catalogue.cities.find((c) => c.id === id)?.name ?? id;
  return `reached by the ${cruise.name} (${name(cruise.from)} → ${name(cruise.to)}, ${cruise.nights} nights aboard), which this trip does not take`;
}

/** A sight seen only from the ship: its viewing hours missed the days aboard, or those days were full. */
function aboardDetail(reason: UnscheduledReason): string {
  return reason === 'closed'
    ? 'not open for viewing on the days the ship passes it'
    : 'the days aboard have no room left for it at a time it can be seen';
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
