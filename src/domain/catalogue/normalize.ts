import type { Attraction, Catalogue, ClockSpan, Cruise, DateRange, DiscountRule, Fact, FactMap, Link, PassProduct, Provenance, Season } from './model.js';
import { parseDateRange } from './parse-date-range.js';
import { parseDuration } from './parse-duration.js';
import { parseMonths } from './parse-months.js';
import { parseTime } from './parse-time.js';
import type { RawAttraction, RawCatalogue, RawCruise, RawFact, RawFactMap, RawFacts, RawLink, RawPass } from './raw-catalogue.js';
import { resolvePassCoverage } from './resolve-pass-coverage.js';
import { paysPercent, resolvePrices } from './resolve-prices.js';

/** What prices need to know of the whole catalogue: its categories and discount rules. */
interface PriceContext {
  readonly defaultId: string;
  readonly categories: readonly string[];
  readonly rules: readonly DiscountRule[];
}
import { normalizeRates } from '../quote/normalize-rates.js';

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const MINUTES_PER_DAY = 24 * 60;

/**
 * Turns a shape-checked document into the model: durations and times in
 * minutes, months as numbers, date ranges, snake_case → camelCase, pass
 * coverage resolved. Lists keep their order, so index i here is item i in the
 * file and rules can point back into it.
 */
export function normalizeCatalogue(input: RawCatalogue): Catalogue {
  const prices: PriceContext = {
    defaultId: input.rider_categories.find((c) => c.default)?.id ?? 'adult',
    categories: input.rider_categories.map((c) => c.id),
    rules: input.discount_rules.map((r) => ({
      category: r.category,
      paysPercent: paysPercent(r.pays),
      appliesTo: r.applies_to,
      ...optional('rule', r.rule),
      fact: fact(r),
    })),
  };
  const attractions = input.attractions.map((a) => normalizeAttraction(a, prices));
  return {
    version: input.version,
    name: input.name,
    ...(input.name_zh !== undefined ? { nameZh: input.name_zh } : {}),
    timezone: input.timezone,
    currency: input.currency,
    riderCategories: input.rider_categories.map((c) => ({
      id: c.id,
      name: c.name,
      ...(c.name_zh !== undefined ? { nameZh: c.name_zh } : {}),
      isDefault: c.default,
    })),
    cities: input.cities.map((c) => ({
      id: c.id,
      name: c.name,
      nameZh: c.name_zh,
      province: c.province,
      location: c.location,
      lodging: c.lodging,
      ...optional('note', c.note),
      ...(c.facts ? { facts: provenance(c.facts) } : {}),
      provenance: factMap(c.provenance),
    })),
    attractions,
    links: input.links.map((l) => normalizeLink(l, prices)),
    routes: input.routes.map((r) => ({
      id: r.id,
      name: r.name,
      nameZh: r.name_zh,
      cities: r.cities,
      attractions: r.attractions,
      themes: r.themes,
      ...optional('days', r.days),
      ...optional('description', r.description),
      ...optional('note', r.note),
      ...(r.facts ? { facts: provenance(r.facts) } : {}),
    })),
    passes: input.passes.map((p) => normalizePass(p, attractions)),
    holidays: input.holidays.map((h) => ({ range: range(h.date), name: h.name, kind: h.kind })),
    sources: input.sources.map((s) => ({
      id: s.id,
      title: s.title,
      ...optional('url', s.url),
      ...optional('published', s.published === undefined ? undefined : String(s.published)),
      ...optional('note', s.note),
    })),
    discountRules: prices.rules,
    cruises: input.cruises.map(normalizeCruise),
    ...(input.rates ? { rates: normalizeRates(input.rates, 'catalogue') } : {}),
  };
}

function normalizeAttraction(a: RawAttraction, prices: PriceContext): Attraction {
  const stated = factMap(a.provenance);
  const ownDiscounts = Object.fromEntries(Object.entries(a.discounts).map(([k, v]) => [k, paysPercent(v)]));
  const resolve = (table: Readonly<Record<string, number>>, prefix: string) =>
    resolvePrices(table, ownDiscounts, prices.rules, { scope: 'attractions', ...prices, prefix, ownDiscountsFact: stated.discounts });
  const base = resolve(a.price, 'price');
  return {
    id: a.id,
    name: a.name,
    nameZh: a.name_zh,
    city: a.city,
    location: a.location,
    themes: a.themes,
    rating: a.rating,
    visitMin: minutes(a.visit),
    hours: a.hours.map(
      (s): Season => ({
        months: s.months === undefined ? [...ALL_MONTHS] : (parseMonths(s.months) ?? []),
        openMin: time(s.open),
        closeMin: time(s.close),
        ...optional('lastEntryMin', s.last_entry === undefined ? undefined : time(s.last_entry)),
        ...optional('weekdays', s.weekdays),
      }),
    ),
    closedWeekdays: a.closed,
    closedNth: a.closed_nth,
    holidays: a.holidays,
    closedDates: a.closed_dates.map(range),
    price: base.price,
    priceSeasons: a.price_seasons.map((s) => ({ months: parseMonths(s.months) ?? [], price: resolve(s.price, 'price').price })),
    reservation: a.reservation,
    facts: a.facts ? provenance(a.facts) : { unconfirmed: [], sources: [] },
    // Stated entries win over derived ones: a file may source a child price a rule would also give.
    provenance: { ...base.derived, ...stated },
    ...optional('birdSeason', a.bird_season === undefined ? undefined : parseMonths(a.bird_season)),
    access: a.access.map((x) => ({
      from: x.from,
      mode: x.mode,
      durationMin: minutes(x.duration),
      ...optional('fare', x.fare),
      fares: x.fares,
      ...optional('firstMin', x.first === undefined ? undefined : time(x.first)),
      ...optional('lastMin', x.last === undefined ? undefined : time(x.last)),
      ...optional('stations', x.stations),
      ...optional('months', x.months === undefined ? undefined : parseMonths(x.months)),
      ...optional('note', x.note),
    })),
    mustSee: a.must_see,
    ...optional('within', a.within),
    ...optional('includes', a.includes),
    ...optional('daylight', a.daylight),
    ...optional('bestTime', a.best_time === undefined ? undefined : { fromMin: time(a.best_time.from), toMin: time(a.best_time.to) }),
    ...optional('departures', a.departures?.map(departure)),
    ...optional('piers', a.piers?.map((p) => ({ departures: departure(p.departures), name: p.name, ...optional('nameZh', p.name_zh) }))),
    ...optional('description', a.description),
    ...optional('note', a.note),
  };
}

function normalizeLink(l: RawLink, prices: PriceContext): Link {
  const stated = factMap(l.provenance);
  // Fares are keyed by category with the adult fare apart; resolve them as one table.
  const table = resolvePrices({ ...l.fares, [prices.defaultId]: l.fare }, {}, prices.rules, { scope: l.mode, ...prices, prefix: 'fares' });
  const fares = Object.fromEntries(Object.entries(table.price).filter(([category]) => category !== prices.defaultId));
  return {
    from: l.from,
    to: l.to,
    mode: l.mode,
    oneway: l.oneway,
    durationMin: minutes(l.duration),
    fare: l.fare,
    fares,
    ...optional('departures', l.departures?.map(time)),
    firstMin: time(l.first),
    lastMin: time(l.last),
    ...optional('everyMin', l.every === undefined ? undefined : minutes(l.every)),
    ...(l.facts ? { facts: provenance(l.facts) } : {}),
    ...optional('note', l.note),
    ...optional('id', l.id),
    ...optional('stations', l.stations),
    ...optional('perDay', l.per_day),
    provenance: { ...table.derived, ...stated },
  };
}

function normalizePass(p: RawPass, attractions: readonly Attraction[]): PassProduct {
  const v = p.validity;
  return {
    id: p.id,
    name: p.name,
    nameZh: p.name_zh,
    ...optional('note', p.note),
    covers: p.covers,
    attractionIds: resolvePassCoverage(p.covers, attractions),
    validity: {
      kind: v.kind,
      ...optional('days', v.days),
      ...optional('withinDays', v.within === undefined ? undefined : minutes(v.within) / MINUTES_PER_DAY),
      ...optional('count', v.count),
      starts: v.starts,
      ...optional('startDate', v.start_date),
    },
    entries: p.entries,
    price: p.price,
    blackout: p.blackout.map(range),
    reservationStillRequired: p.reservation_still_required,
    ...(p.facts ? { facts: provenance(p.facts) } : {}),
    real: p.real,
    ...optional('url', p.url),
    residentsOnly: p.residents_only,
    provenance: factMap(p.provenance),
  };
}

function normalizeCruise(c: RawCruise): Cruise {
  return {
    id: c.id,
    name: c.name,
    nameZh: c.name_zh,
    from: c.from,
    to: c.to,
    ...optional('link', c.link),
    nights: c.nights,
    operators: c.operators,
    weekdays: c.weekdays,
    board: { place: c.board.place, openMin: time(c.board.open), closeMin: time(c.board.close), ...optional('note', c.board.note) },
    sailMin: time(c.sail),
    disembark: {
      place: c.disembark.place,
      day: c.disembark.day,
      ...optional('openMin', c.disembark.open === undefined ? undefined : time(c.disembark.open)),
      closeMin: time(c.disembark.close),
      ...optional('note', c.disembark.note),
    },
    programme: c.programme.map((p) => ({
      day: p.day,
      kind: p.kind,
      what: p.what,
      ...optional('whatZh', p.what_zh),
      ...optional('startMin', p.start === undefined ? undefined : time(p.start)),
      ...optional('endMin', p.end === undefined ? undefined : time(p.end)),
      ...optional('when', p.when),
      ...optional('whenZh', p.when_zh),
      approximate: p.approximate,
      ...optional('site', p.site),
      ...optional('excursion', p.excursion),
      alternatives: p.alternatives,
    })),
    optionalExcursions: c.optional_excursions.map((x) => ({ id: x.id, what: x.what, ...optional('whatZh', x.what_zh), ...optional('site', x.site), price: x.price })),
    fare: c.fare,
    cabins: c.cabins.map((g) => ({ grade: g.grade, name: g.name, ...optional('paysPercent', g.pays), ...optional('plus', g.plus), onRequest: g.on_request })),
    ...optional('singleUsePercent', c.single_use),
    childFares: c.child_fares.map((f) => ({ category: f.category, ages: f.ages, bed: f.bed, paysPercent: f.pays })),
    mealsIncluded: c.meals_included,
    ...optional('note', c.note),
    provenance: factMap(c.provenance),
  };
}

function fact(f: RawFact): Fact {
  const sources = f.source === undefined ? [] : typeof f.source === 'string' ? [f.source] : f.source;
  return { status: f.status, sources, ...optional('checked', f.checked), ...optional('note', f.note) };
}

function factMap(m: RawFactMap): FactMap {
  return Object.fromEntries(Object.entries(m).map(([path, f]) => [path, fact(f)]));
}

function provenance(f: RawFacts): Provenance {
  return { ...optional('checked', f.checked), unconfirmed: f.unconfirmed, sources: f.sources, ...optional('note', f.note) };
}

/** Spreads `{ key: value }` only when value is present, so optional fields stay absent, not undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

// The schema has already checked every format; these only convert.
function minutes(text: string): number {
  return parseDuration(text) ?? 0;
}
/** "19:10" is one sailing; "19:00-20:30" a run of boats leaving in turn between the two. */
function departure(text: string): ClockSpan {
  const [from, to] = text.split('-');
  return { fromMin: time(from!), toMin: time(to ?? from!) };
}

function time(text: string): number {
  return parseTime(text) ?? 0;
}
function range(text: string): DateRange {
  return parseDateRange(text) ?? { from: text, to: text };
}
