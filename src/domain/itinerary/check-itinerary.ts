/**
 * Re-checks an itinerary against the catalogue, independently of the solver
 * (VROOM's check mode): a saved plan, a hand-edited one, or the planner's
 * own output in tests. It walks the trip item by item, tracking where the
 * party is and when, and reports every rule broken: closed that day, before
 * opening, after last entry, ending after closing, overlaps, the party
 * somewhere it never travelled to, travel faster than the model allows or
 * off the timetable, a night not in a lodging city (or on board), must and
 * avoid ignored, budget exceeded, costs and totals that do not add up,
 * unknown ids.
 */
import type { Attraction, Catalogue, LatLon } from '../catalogue/model.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { addDays } from '../calendar/iso-date.js';
import { openingOn } from '../calendar/opening-on.js';
import { daylightEndOn } from '../calendar/daylight-window.js';
import { lunchStartSpan, MEAL_RULES, PACES, paceVisitMin } from '../plan/pace.js';
import { admissionFor, cents, defaultCategory, fareFor } from '../plan/party-cost.js';
import { catalogueScore } from '../plan/score.js';
import { BY_THEME_ORDER } from '../plan/day-theme.js';
import { directedLinks, type DirectedLink } from '../travel/city-links.js';
import { departsAt } from '../travel/link-departures.js';
import { seenFromBoard } from '../travel/seen-from-board.js';
import { BOARDING_MIN, MINUTES_PER_DAY, localTravelMin } from '../travel/travel-model.js';
import { localLegMin, localLegs } from '../travel/local-legs.js';
import type { CruiseItem, Itinerary, ItineraryDay, MealItem, TravelItem, VisitItem } from './itinerary.js';
import { cruiseForLink, optionalExcursionCost, siteOnProgramme } from '../cruise/cruise-programme.js';
import { hhmm, itemSpan, parseHhmm, tripMinute } from './itinerary-time.js';
import { isEveningVisit } from '../plan/time-of-day.js';

export interface Violation {
  /** Stable kebab-case code, e.g. 'closed', 'overlap', 'travel-too-short'. */
  readonly code: string;
  /** Where in the document: ['days', 0, 'items', 3]. */
  readonly path: readonly (string | number)[];
  /** One plain sentence. */
  readonly message: string;
}

/** A visit shorter than this share of the catalogue's visit length (at the pace) is flagged. */
export const SHORT_VISIT_SHARE = 0.5;

/** Money compares to the cent. */
const MONEY_EPSILON = 0.005;

export function checkItinerary(itinerary: Itinerary, catalogue: Catalogue, calendar: HolidayCalendar): Violation[] {
  const out: Violation[] = [];
  const v = (code: string, path: (string | number)[], message: string) => void out.push({ code, path, message });
  const req = itinerary.request;
  const cities = new Map(catalogue.cities.map((c) => [c.id, c]));
  const attractions = new Map(catalogue.attractions.map((a) => [a.id, a]));
  const links = directedLinks(catalogue);
  const defaultId = defaultCategory(catalogue);
  const pace = PACES[req.pace] ?? PACES.standard;
  const dayStartMin = parseHhmm(req.dayStart) ?? 0;
  const dayEndMin = parseHhmm(req.dayEnd) ?? MINUTES_PER_DAY;
  const locate = (id: string): { city: string; location: LatLon } | undefined => {
    const c = cities.get(id);
    if (c) return { city: c.id, location: c.location };
    const a = attractions.get(id);
    return a ? { city: a.city, location: a.location } : undefined;
  };

  // The request itself.
  for (const [key, id] of [['from', req.from], ['to', req.to]] as const) {
    if (id !== undefined && !cities.has(id)) v('unknown-id', ['request', key], `request.${key} "${id}" is not a city in the catalogue`);
  }
  for (const key of ['must', 'avoid'] as const) {
    req[key].forEach((id, i) => {
      if (!attractions.has(id)) v('unknown-id', ['request', key, i], `request.${key} "${id}" is not an attraction in the catalogue`);
    });
  }
  for (const cat of Object.keys(req.party)) {
    if (!catalogue.riderCategories.some((c) => c.id === cat)) v('unknown-id', ['request', 'party', cat], `rider category "${cat}" is not in the catalogue`);
  }
  if (itinerary.days.length !== req.days) {
    v('day-count', ['days'], `the request asks for ${req.days} days but the plan has ${itinerary.days.length}`);
  }

  let where: { id: string; city: string; location: LatLon } | undefined = cities.has(req.from)
    ? { id: req.from, city: req.from, location: cities.get(req.from)!.location }
    : undefined;
  let clock = -Infinity;
  let aboard: { link: DirectedLink; departMin: number; arriveMin: number } | undefined;
  // --stay / --cities: the only cities the trip may go to, besides where it starts.
  const allowedCities = req.cities !== undefined ? new Set([req.from, ...req.cities]) : undefined;
  let lastVisitSpan: { id: string; start: number; end: number } | undefined;
  /** The day's visits on land (not sights seen from a ship's deck, whose meals are the ship's). */
  let landVisits: { start: number; end: number }[] = [];
  let previousLodging = req.from;
  const visited = new Map<string, (string | number)[]>();
  const worth = catalogueScore(catalogue);
  /** Site → the products (catalogue `includes`) that take the party to it. */
  const includedBy = new Map<string, string[]>();
  for (const a of catalogue.attractions) for (const id of a.includes ?? []) includedBy.set(id, [...(includedBy.get(id) ?? []), a.id]);
  /** Visits inside another's paid area (catalogue `within`), to check its ticket is bought once. */
  const insideAreas: { area: string; inner: string; paid: number; path: (string | number)[] }[] = [];
  let admission = 0;
  let transport = 0;
  let score = 0;

  itinerary.days.forEach((day, d) => {
    const dayPath = ['days', d];
    const date = addDays(req.start, d);
    if (day.day !== d + 1) v('day-number', [...dayPath, 'day'], `day ${d + 1} is numbered ${day.day}`);
    if (day.date !== date) v('wrong-date', [...dayPath, 'date'], `day ${d + 1} should be ${date}, not ${day.date}`);
    if (day.start !== previousLodging) {
      v('wrong-start', [...dayPath, 'start'], `day ${d + 1} starts in "${day.start}" but the night before was spent in "${previousLodging}"`);
    }
    landVisits = [];
    day.items.forEach((item, i) => {
      const path = [...dayPath, 'items', i];
      const label =
        item.kind === 'visit' ? item.attraction
          : item.kind === 'meal' ? `${item.meal} near ${item.near}`
            : item.kind === 'cruise' ? `${item.aboard} ${item.part}`
              : `${item.from} → ${item.to}`;
      const { start: startText, end: endText } = itemSpan(item);
      const start = tripMinute(req.start, startText);
      const end = tripMinute(req.start, endText);
      if (start === undefined || end === undefined) {
        v('bad-time', path, `${label}: times must look like ${date}T08:30:00+08:00`);
        return;
      }
      if (end < start) v('bad-time', path, `${label} ends before it starts`);
      if (Math.floor(start / MINUTES_PER_DAY) !== d) v('wrong-day', path, `${label} starts on ${startText.slice(0, 10)}, not on day ${d + 1} (${date})`);
      if (item.kind === 'visit') {
        checkVisit(item, path, start, end);
      } else if (item.kind === 'meal') {
        checkMeal(item, path, start, end, hasSameDayLink(day));
      } else if (item.kind === 'cruise') {
        checkCruiseItem(item, path, start, end, day);
      } else {
        checkTravel(item, path, start, end);
      }
    });
    checkLunchTaken(day, d);
    // The night.
    const endOfDay = (d + 1) * MINUTES_PER_DAY;
    if (day.lodging === 'on-board') {
      if (!aboard || aboard.arriveMin < endOfDay) v('night-not-on-board', [...dayPath, 'lodging'], `night ${d + 1} is "on-board" but no ship is sailing overnight`);
    } else {
      const city = cities.get(day.lodging);
      if (!city) v('unknown-id', [...dayPath, 'lodging'], `lodging "${day.lodging}" is not a city in the catalogue`);
      else if (!city.lodging) v('no-lodging', [...dayPath, 'lodging'], `night ${d + 1} is in ${city.name}, which has no hotels in the catalogue`);
      if (aboard && aboard.arriveMin >= endOfDay) {
        v('night-not-on-board', [...dayPath, 'lodging'], `night ${d + 1} is spent on the ship to ${aboard.link.to}, not in "${day.lodging}"`);
      } else if (where && where.city !== day.lodging) {
        v('lodging-elsewhere', [...dayPath, 'lodging'], `day ${d + 1} ends in ${where.city} but the night is booked in "${day.lodging}"`);
      }
    }
    if (allowedCities && day.lodging !== 'on-board' && !allowedCities.has(day.lodging)) {
      v('outside-cities', [...dayPath, 'lodging'], `night ${d + 1} is in "${day.lodging}", which the request does not go to (cities: ${[...allowedCities].join(', ')})`);
    }
    previousLodging = day.lodging;
  });

  const lastDay = itinerary.days.at(-1);
  if (req.to !== undefined && lastDay && lastDay.lodging !== req.to) {
    v('wrong-end', ['days', itinerary.days.length - 1, 'lodging'], `the trip should end in ${req.to}, not "${lastDay.lodging}"`);
  }
  const unscheduled = new Set(itinerary.unscheduled.map((u) => u.attraction));
  req.must.forEach((id, i) => {
    if (!visited.has(id) && !unscheduled.has(id)) v('must-missing', ['request', 'must', i], `must-see ${id} is neither in the plan nor listed as unscheduled`);
  });
  itinerary.unscheduled.forEach((u, i) => {
    if (!attractions.has(u.attraction)) v('unknown-id', ['unscheduled', i, 'attraction'], `unscheduled "${u.attraction}" is not an attraction in the catalogue`);
    else if (visited.has(u.attraction)) v('unscheduled-visited', ['unscheduled', i], `${u.attraction} is listed as unscheduled but is in the plan`);
  });
  for (const area of new Set(insideAreas.map((x) => x.area))) {
    const inner = insideAreas.filter((x) => x.area === area);
    const payers = inner.filter((x) => x.paid > 0);
    const wanted = visited.has(area) ? 0 : 1;
    if (payers.length !== wanted) {
      v('area-ticket', inner[0]!.path, visited.has(area)
        ? `${inner.map((x) => x.inner).join(', ')} lie within ${area}, which the plan visits: its ticket must not be charged again`
        : `${inner.map((x) => x.inner).join(', ')} lie within ${area}: its ticket must be charged once (on the first such visit), not ${payers.length} times`);
    }
  }
  if (req.budget !== undefined && admission + transport > req.budget + MONEY_EPSILON) {
    v('over-budget', ['totals'], `admission ${cents(admission)} + transport ${cents(transport)} = ${cents(admission + transport)} exceeds the budget of ${req.budget}`);
  }
  const t = itinerary.totals;
  const expect = (key: string, actual: number, wanted: number) => {
    if (Math.abs(actual - wanted) > MONEY_EPSILON) v('totals-mismatch', ['totals', key], `totals.${key} is ${actual} but the items add up to ${cents(wanted)}`);
  };
  expect('visits', t.visits, visited.size);
  expect('admission', t.admission, admission);
  expect('transport', t.transport, transport);
  expect('score', t.score, score);
  if (t.currency !== catalogue.currency) v('totals-mismatch', ['totals', 'currency'], `totals.currency is ${t.currency}; the catalogue prices in ${catalogue.currency}`);
  for (const theme of BY_THEME_ORDER) {
    const listed = itinerary.byTheme[theme] ?? [];
    const wanted = [...visited.keys()].filter((id) => attractions.get(id)?.themes.includes(theme));
    if (listed.length !== wanted.length || listed.some((id) => !wanted.includes(id))) {
      v('by-theme-mismatch', ['byTheme', theme], `byTheme.${theme} should list ${wanted.join(', ') || 'nothing'}`);
    }
  }
  return out;

  function checkVisit(item: VisitItem, path: (string | number)[], start: number, end: number): void {
    const a = attractions.get(item.attraction);
    if (!a) {
      v('unknown-id', [...path, 'attraction'], `"${item.attraction}" is not an attraction in the catalogue`);
      return;
    }
    if (item.city !== a.city) v('wrong-city', [...path, 'city'], `${a.id} is in ${a.city}, not "${item.city}"`);
    if (allowedCities && !allowedCities.has(a.city)) v('outside-cities', path, `${a.id} is in ${a.city}, which the request does not go to (cities: ${[...allowedCities].join(', ')})`);
    if (visited.has(a.id)) v('duplicate-visit', path, `${a.id} is visited twice`);
    // A product takes the party to the sites it includes: visiting one of them as well sells it twice.
    for (const product of includedBy.get(a.id) ?? []) {
      if (visited.has(product)) v('duplicate-visit', path, `${a.id} is already seen on ${product}, which includes it`);
    }
    for (const id of a.includes ?? []) if (visited.has(id)) v('duplicate-visit', path, `${a.id} includes ${id}, which the plan visits as well`);
    visited.set(a.id, path);
    score += worth(a, req.themes);
    if (req.avoid.includes(a.id)) v('avoided-visited', path, `${a.id} is on the --avoid list`);
    const onBoard = aboard !== undefined && start >= aboard.departMin && end <= aboard.arriveMin;
    // A visit on a cruise product's programme: made from the ship, priced by the programme (in the fare, or the optional excursion's price).
    const sailing = onBoard ? cruiseForLink(catalogue, aboard!.link) : undefined;
    const onProgramme = sailing ? siteOnProgramme(sailing, a.id) : undefined;
    if (item.aboard !== undefined && !onBoard) v('not-aboard', [...path, 'aboard'], `${a.id} is marked as part of the cruise ${item.aboard}, but the party is not on a ship then`);
    else if (item.aboard !== undefined && sailing && item.aboard !== sailing.id) v('not-aboard', [...path, 'aboard'], `the ship sailing then is ${sailing.id}, not ${item.aboard}`);
    if (onBoard) {
      if (!seenFromBoard(a, aboard!.link, catalogue)) v('not-on-the-way', path, `${a.id} cannot be seen from the ship from ${aboard!.link.from} to ${aboard!.link.to}`);
    } else {
      if (start < clock) v('overlap', path, `${a.id} starts at ${hhmm(mod(start))} before the previous item ends (${hhmm(mod(clock))})`);
      if (where && where.id !== a.id && !samePoint(where, a)) {
        v('not-there', path, `the party is at ${where.id}, not at ${a.id}: a travel item is missing`);
      }
      const base = Math.floor(start / MINUTES_PER_DAY) * MINUTES_PER_DAY;
      // An evening outing (a lit facade, a night boat: time-of-day.ts) may end after the day does.
      const evening = isEveningVisit(a, start - base, (MEAL_RULES[req.pace] ?? MEAL_RULES.standard).dinnerFrom);
      if (start - base < dayStartMin || (end - base > dayEndMin && !evening)) {
        v('outside-day', path, `${a.id} (${hhmm(start - base)}–${hhmm(end - base)}) is outside the day window ${req.dayStart}–${req.dayEnd}`);
      }
      clock = end;
      where = { id: a.id, city: a.city, location: a.location };
      lastVisitSpan = { id: a.id, start, end };
      landVisits.push({ start, end });
    }
    // The programme's times are the operator's (a passage at 07:15, before a site's gate opens): they are not checked against opening hours.
    if (!onProgramme) checkOpening(a, path, start, end);
    // Far shorter than the catalogue's visit length (at the party's pace): not really a visit.
    const deserved = paceVisitMin(a.visitMin, req.pace in PACES ? req.pace : 'standard');
    if (end - start < deserved * SHORT_VISIT_SHARE) {
      v('visit-too-short', path, `${a.id} gets ${end - start} min; the catalogue's visit takes ${deserved} min at this pace (at least ${Math.ceil(deserved * SHORT_VISIT_SHARE)} expected)`);
    }
    const date = addDays(req.start, Math.floor(start / MINUTES_PER_DAY));
    const cost = onProgramme
      ? onProgramme.how === 'optional' ? (optionalExcursionCost(onProgramme.excursion, req.party, defaultId) ?? 0) : 0
      : cents(admissionFor(a, req.party, defaultId, date) + (item.withinCost ?? 0));
    if (Math.abs(item.cost - cost) > MONEY_EPSILON) v('cost-mismatch', [...path, 'cost'], `${a.id} costs ${cost} for this party, not ${item.cost}`);
    if (a.within !== undefined) {
      const area = attractions.get(a.within);
      const paid = item.withinCost ?? 0;
      if (paid > 0 && area && Math.abs(paid - admissionFor(area, req.party, defaultId, date)) > MONEY_EPSILON) {
        v('cost-mismatch', [...path, 'withinCost'], `${area.id}'s admission for this party is ${admissionFor(area, req.party, defaultId, date)}, not ${paid}`);
      }
      insideAreas.push({ area: a.within, inner: a.id, paid, path });
    }
    admission += item.cost;
  }

  /**
   * A cruise programme item happens aboard (or ashore with the ship) while the party is on the
   * cruise it names: not an overlap with the leg, not a place the party must travel to. In the fare.
   */
  function checkCruiseItem(item: CruiseItem, path: (string | number)[], start: number, end: number, boardingDay: ItineraryDay): void {
    const cruise = catalogue.cruises.find((c) => c.id === item.aboard);
    if (!cruise) {
      v('unknown-id', [...path, 'aboard'], `"${item.aboard}" is not a cruise in the catalogue`);
      return;
    }
    const onBoard = aboard !== undefined && start >= aboard.departMin && end <= aboard.arriveMin;
    // Boarding happens before the ship sails: by the departure of that cruise's leg, the same day.
    if (item.part === 'board' && !onBoard) {
      const sails = boardingDay.items.some((i) => i.kind === 'travel' && i.mode === 'cruise' && i.from === cruise.from && (tripMinute(req.start, i.depart) ?? -1) >= end);
      if (!sails) v('not-aboard', path, `${item.aboard} boarding at ${hhmm(mod(start))} is not before that ship sails from ${cruise.from} the same day`);
    } else if (!onBoard) v('not-aboard', path, `${item.aboard} ${item.part} at ${hhmm(mod(start))} is not while the party is on that ship`);
    else if (cruiseForLink(catalogue, aboard!.link)?.id !== cruise.id) v('not-aboard', [...path, 'aboard'], `the ship sailing then is not ${cruise.id}`);
    if (item.cost !== 0) v('cost-mismatch', [...path, 'cost'], `a programme item of the cruise is in the fare (0), not ${item.cost}`);
  }

  /** A meal is taken where the party is, after the previous item, at a meal time (meals.ts's rules for the pace). */
  function checkMeal(item: MealItem, path: (string | number)[], start: number, end: number, trainDay: boolean): void {
    const rules = MEAL_RULES[req.pace] ?? MEAL_RULES.standard;
    const lunch = lunchStartSpan(rules, trainDay);
    const near = locate(item.near);
    if (!near) {
      v('unknown-id', [...path, 'near'], `"${item.near}" is neither a city nor an attraction in the catalogue`);
      return;
    }
    if (item.city !== near.city) v('wrong-city', [...path, 'city'], `${item.near} is in ${near.city}, not "${item.city}"`);
    const onBoard = aboard !== undefined && start >= aboard.departMin && end <= aboard.arriveMin;
    if (item.within !== undefined) {
      // Lunch at the site during a long visit: inside that visit, which must be the last one.
      const span = lastVisitSpan;
      if (!span || span.id !== item.within || start < span.start || end > span.end) {
        v('overlap', path, `${item.meal} within ${item.within} must lie inside that visit, the item before it`);
      }
    } else if (!onBoard) {
      if (start < clock) v('overlap', path, `${item.meal} starts at ${hhmm(mod(start))} before the previous item ends (${hhmm(mod(clock))})`);
      const there = where && (where.id === item.near || (item.near === near.city && where.city === near.city) || samePoint(where, near));
      if (where && !there) v('not-there', path, `the party is at ${where.id}, not at ${item.near}, for ${item.meal}`);
      clock = end;
    }
    const s = mod(start);
    if (item.meal === 'lunch' && (s < lunch.fromMin || s > lunch.latestMin)) {
      const why = trainDay ? ' on a day with a train (before boarding, or on arrival by then)' : '';
      v('meal-time', path, `lunch starts at ${hhmm(s)}, outside ${hhmm(lunch.fromMin)}–${hhmm(lunch.latestMin)}${why}`);
    }
    if (item.meal === 'dinner' && s < rules.dinnerFrom) v('meal-time', path, `dinner starts at ${hhmm(s)}, before ${hhmm(rules.dinnerFrom)}`);
    if (item.cost < 0) v('cost-mismatch', [...path, 'cost'], `a cost cannot be negative`);
  }

  /**
   * A day of sightseeing on land that runs through lunchtime has a lunch
   * (unless the request turned meals off): eight-hour blocks of sights are
   * not a plan an agency can sell.
   */
  function checkLunchTaken(day: Itinerary['days'][number], d: number): void {
    if (req.meals === false) return;
    const rules = MEAL_RULES[req.pace] ?? MEAL_RULES.standard;
    const base = d * MINUTES_PER_DAY;
    if (landVisits.length === 0 || day.items.some((i) => i.kind === 'meal' && i.meal === 'lunch')) return;
    const first = landVisits[0]!.start;
    const last = landVisits.at(-1)!.end;
    if (first < base + rules.lunchFrom && last > base + rules.lunchTo) {
      v('no-lunch', ['days', d, 'items'], `day ${d + 1} goes from ${hhmm(first - base)} to ${hhmm(last - base)} without a lunch break`);
    }
  }

  function checkOpening(a: Attraction, path: (string | number)[], start: number, end: number): void {
    const day = Math.floor(start / MINUTES_PER_DAY);
    const date = addDays(req.start, day);
    const opening = openingOn(a, date, calendar);
    if (!opening.open) {
      v('closed', path, `${a.id} is closed on ${date}: ${opening.detail}`);
      return;
    }
    const s = start - day * MINUTES_PER_DAY;
    const e = end - day * MINUTES_PER_DAY;
    const sunsetMin = daylightEndOn(a, date, catalogue.timezone);
    if (sunsetMin !== undefined && e > sunsetMin) {
      v('after-dark', path, `${a.id} is an outdoor site: the sun sets there at ${hhmm(sunsetMin)} on ${date}; the visit ends at ${hhmm(e)}`);
    }
    checkTimeOfDay(a, path, s, e);
    const fits = opening.intervals.find((w) => s >= w.openMin && s <= (w.lastEntryMin ?? w.closeMin) && e <= w.closeMin);
    if (fits) return;
    const w = opening.intervals.find((x) => s >= x.openMin && s <= x.closeMin) ?? opening.intervals[0]!;
    if (s < w.openMin) v('before-opening', path, `${a.id} opens at ${hhmm(w.openMin)} on ${date}; the visit starts at ${hhmm(s)}`);
    else if (w.lastEntryMin !== undefined && s > w.lastEntryMin) v('after-last-entry', path, `${a.id}: last entry is ${hhmm(w.lastEntryMin)} on ${date}; the visit starts at ${hhmm(s)}`);
    else v('ends-after-closing', path, `${a.id} closes at ${hhmm(w.closeMin)} on ${date}; the visit ends at ${hhmm(e)}`);
  }

  /** A sight seen at a time of day (catalogue best_time) inside it; a boat (departures) leaving at a sailing. */
  function checkTimeOfDay(a: Attraction, path: (string | number)[], s: number, e: number): void {
    const b = a.bestTime;
    if (b !== undefined && (s < b.fromMin || e > b.toMin)) {
      v('outside-best-time', path, `${a.id} is seen ${hhmm(b.fromMin)}–${hhmm(b.toMin)} (catalogue best_time); the visit is ${hhmm(s)}–${hhmm(e)}`);
    }
    const sailings = a.departures;
    if (sailings !== undefined && !sailings.some((d) => s >= d.fromMin && s <= d.toMin)) {
      const list = sailings.map((d) => (d.fromMin === d.toMin ? hhmm(d.fromMin) : `${hhmm(d.fromMin)}–${hhmm(d.toMin)}`)).join(', ');
      v('not-a-sailing', path, `${a.id} leaves at ${list} (catalogue departures); the visit starts at ${hhmm(s)}`);
    }
  }

  function checkTravel(item: TravelItem, path: (string | number)[], depart: number, arrive: number): void {
    const from = locate(item.from);
    const to = locate(item.to);
    if (!from) v('unknown-id', [...path, 'from'], `"${item.from}" is neither a city nor an attraction in the catalogue`);
    if (!to) v('unknown-id', [...path, 'to'], `"${item.to}" is neither a city nor an attraction in the catalogue`);
    if (!from || !to) return;
    if (aboard && depart < aboard.arriveMin) v('overlap', path, `${item.from} → ${item.to} leaves while the party is still on the ship (until ${hhmm(mod(aboard.arriveMin))})`);
    if (depart < clock) v('overlap', path, `${item.from} → ${item.to} leaves at ${hhmm(mod(depart))} before the previous item ends (${hhmm(mod(clock))})`);
    if (where && where.id !== item.from && !(where.city === from.city && samePoint(where, from))) {
      v('not-there', path, `the party is at ${where.id}, not at ${item.from}`);
    }
    if (item.mode === 'local') {
      if (from.city !== to.city) v('no-link', path, `local travel cannot cross from ${from.city} to ${to.city}; use a link`);
      const need = localLegMin(localLegs(catalogue, pace.transferAllowanceMin), item.from, from.location, item.to, to.location, pace.transferAllowanceMin);
      if (arrive - depart < need) v('travel-too-short', path, `${item.from} → ${item.to} takes at least ${need} min, not ${arrive - depart}`);
      if (item.cost < 0) v('cost-mismatch', [...path, 'cost'], `a cost cannot be negative`);
    } else {
      checkLink(item, path, depart, arrive);
    }
    transport += item.cost;
    clock = arrive;
    lastVisitSpan = undefined;
    where = { id: item.to, city: to.city, location: to.location };
  }

  function checkLink(item: TravelItem, path: (string | number)[], depart: number, arrive: number): void {
    const candidates = links.filter((l) => l.from === item.from && l.to === item.to && l.link.mode === item.mode);
    if (candidates.length === 0) {
      v('no-link', path, `the catalogue has no ${item.mode} link from ${item.from} to ${item.to}`);
      return;
    }
    const depOfDay = mod(depart);
    const onTime = candidates.filter((l) => departsAt(l.link, depOfDay));
    if (onTime.length === 0) {
      v('off-timetable', path, `no ${item.mode} from ${item.from} to ${item.to} leaves at ${hhmm(depOfDay)}`);
      return;
    }
    const fast = onTime.filter((l) => arrive - depart >= l.link.durationMin);
    if (fast.length === 0) {
      const need = Math.min(...onTime.map((l) => l.link.durationMin));
      v('travel-too-short', path, `${item.mode} ${item.from} → ${item.to} takes ${need} min, not ${arrive - depart}`);
      return;
    }
    const link = fast[0]!;
    if (clock > depart - BOARDING_MIN[link.link.mode]) {
      v('late-for-departure', path, `the party reaches ${item.from} at ${hhmm(mod(clock))}, less than ${BOARDING_MIN[link.link.mode]} min before the ${hhmm(depOfDay)} departure`);
    }
    const fares = fast.map((l) => fareFor(l.link, req.party));
    if (!fares.some((f) => Math.abs(f - item.cost) <= MONEY_EPSILON)) {
      v('cost-mismatch', [...path, 'cost'], `the fare for this party is ${fares[0]}, not ${item.cost}`);
    }
    if (Math.floor(arrive / MINUTES_PER_DAY) > Math.floor(depart / MINUTES_PER_DAY)) {
      if (link.link.mode !== 'cruise' && link.link.mode !== 'ferry') v('night-travel', path, `${item.mode} ${item.from} → ${item.to} runs past midnight; only ships have cabins`);
      aboard = { link, departMin: depart, arriveMin: arrive };
    }
  }
}

function mod(minute: number): number {
  return ((minute % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

function samePoint(a: { location: LatLon }, b: { location: LatLon }): boolean {
  return localTravelMin(a.location, b.location, 0) === 0;
}


/** A day with a train (or coach, ferry, flight) between cities that leaves and arrives that day: pace.ts lunchStartSpan. */
function hasSameDayLink(day: ItineraryDay): boolean {
  return day.items.some((i) => i.kind === 'travel' && i.mode !== 'local' && i.depart.slice(0, 10) === i.arrive.slice(0, 10));
}
