/**
 * Every cost line of a trip for a party: rooms per night, meals, admissions
 * (the cheapest pass bundle), fares by rider category, the cruise cabin,
 * local transfers and the guide. Where the plan does not say (meals, a
 * transfer's cost) the line is derived and an assumption is recorded; where
 * the rates have no figure the cost is listed as missing, never guessed.
 */
import type { Catalogue, Cruise, Link } from '../catalogue/model.js';
import { cabinFareFen, childFareRule, percentOfFen } from '../cruise/cabin-fare.js';
import { siteOnProgramme } from '../cruise/cruise-programme.js';
import type { Itinerary } from '../itinerary/itinerary.js';
import { quoteBundle } from '../passes/quote.js';
import { monthOf } from '../calendar/iso-date.js';
import { yuanToFen, type Fen } from './money.js';
import { restsOnEstimate } from './fact-estimate.js';
import { guideTitle } from './guide-language.js';
import { CHILD } from './price-rows.js';
import type { DayPlan, LastNight, PriceRow, QuoteLine, QuoteOptions, Section, Text } from './quote-model.js';
import type { CruiseRate, Grade, LodgingRate, Meal, RateOrigin, RateTable } from './rates.js';
import { localMs, tripFacts, type Leg, type TripFacts } from './trip-facts.js';
import { TAXI_SEATS, taxiFareFen, vehicleFor } from '../travel/local-fares.js';
import { roadLeg } from '../travel/road-model.js';

const MEAL_TIMES: Record<Meal, string> = { breakfast: '07:30', lunch: '12:00', dinner: '18:30' };
const MEAL_ZH: Record<Meal, string> = { breakfast: '早餐', lunch: '午餐', dinner: '晚餐' };
export const GRADE_TEXT: Record<Grade, Text> = {
  budget: { en: 'budget', zh: '经济型' },
  '3star': { en: '3★', zh: '三星' },
  '4star': { en: '4★', zh: '四星' },
  '5star': { en: '5★', zh: '五星' },
};

export interface PricedTrip {
  readonly lines: QuoteLine[];
  readonly days: DayPlan[];
  readonly assumptions: Text[];
  readonly missing: Text[];
  readonly nights: number;
  /** The optional excursions sold aboard the trip's cruises that the plan does not take, for the exclusions. */
  readonly notBooked: Text[];
  /** Whether the night after the last day is priced, and why. */
  readonly lastNight: { readonly included: boolean; readonly reason: Text };
}

/** From this local time an arrival is in the evening: the party spends the night where it arrived. */
export const EVENING_ARRIVAL_FROM = '18:00';

/**
 * The hotel night after the last day. A trip that ends by arriving in its last city in the
 * evening (the last inter-city leg of the last day arrives at or after EVENING_ARRIVAL_FROM)
 * includes that night's hotel, as agency programmes do ("arrive, check in"; the journey home
 * leaves the next morning); a trip that ends after a day of sightseeing, or arrives by day, does
 * not: the journey home leaves that day. `include` and `exclude` (--last-night) override the rule.
 */
export function lastNightRule(facts: TripFacts, option: LastNight, cityName: (id: string) => Text): { included: boolean; reason: Text } {
  const last = facts.days[facts.days.length - 1];
  if (!last) return { included: false, reason: { en: 'The trip has no days.', zh: '行程没有日程。' } };
  const n = last.day;
  const city = cityName(last.lodging === 'on-board' ? (last.cities[0] ?? '') : last.lodging);
  // The last leg that arrives on the last day (a cruise leg is dated by the day it sails).
  const arrival = facts.legs.filter((l) => Number.isFinite(l.arriveMs) && localDate(l.arriveMs) === last.date).sort((a, b) => a.arriveMs - b.arriveMs).at(-1);
  const hhmm = arrival ? localIso(arrival.arriveMs).slice(11, 16) : undefined;
  if (last.lodging === 'on-board') {
    return { included: false, reason: { en: `The trip ends aboard the cruise on day ${n}: the night is in the cabin, no hotel.`, zh: `行程第${n}天在游轮上结束：当晚住船上，不含酒店。` } };
  }
  if (option === 'include') {
    return { included: true, reason: { en: `The night after the last day (day ${n}, ${city.en}) is included, breakfast the next morning where the rate includes it; the journey home is not.`, zh: `含行程最后一天（第${n}天）当晚${city.zh}的住宿（酒店含早的含次日早餐）；不含返程交通。` } };
  }
  if (option === 'exclude') {
    return { included: false, reason: { en: `No hotel night after the last day (day ${n}): the trip ends in ${city.en} that day.`, zh: `不含行程最后一天（第${n}天）当晚的住宿：行程当天在${city.zh}结束。` } };
  }
  if (arrival && hhmm !== undefined && hhmm >= EVENING_ARRIVAL_FROM) {
    return { included: true, reason: { en: `The trip ends with an evening arrival in ${city.en} (${hhmm} on day ${n}): that night's hotel is included, breakfast the next morning where the rate includes it; the journey home is not.`, zh: `行程第${n}天晚上抵达${city.zh}（${hhmm}）：含当晚酒店住宿（酒店含早的含次日早餐）；不含返程交通。` } };
  }
  if (arrival && hhmm !== undefined) {
    return { included: false, reason: { en: `The trip ends in ${city.en} on day ${n} after a daytime arrival (${hhmm}): no hotel night after it; the journey home leaves that day.`, zh: `行程第${n}天白天抵达${city.zh}（${hhmm}）后结束：不含当晚住宿，当天返程。` } };
  }
  return { included: false, reason: { en: `The trip ends in ${city.en} after the sightseeing of day ${n}: no hotel night after it; the journey home leaves that day.`, zh: `行程第${n}天在${city.zh}游览后结束：不含当晚住宿，当天返程。` } };
}

/** An instant as local `YYYY-MM-DDTHH:MM` (+08:00, the catalogue's zone). */
function localIso(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
}

function localDate(ms: number): string {
  return localIso(ms).slice(0, 10);
}

export function priceTrip(itinerary: Itinerary, catalogue: Catalogue, rates: RateTable, rows: readonly PriceRow[], options: QuoteOptions): PricedTrip {
  const facts = tripFacts(itinerary, catalogue);
  const defaultCat = catalogue.riderCategories.find((c) => c.isDefault)?.id ?? 'adult';
  const cityName = (id: string): Text => {
    const c = catalogue.cities.find((x) => x.id === id);
    return c ? { en: c.name, zh: c.nameZh } : { en: id, zh: id };
  };
  const pointName = (id: string): Text => {
    const a = catalogue.attractions.find((x) => x.id === id);
    return a ? { en: a.name, zh: a.nameZh } : cityName(id);
  };
  const catName = (id: string): Text => {
    const c = catalogue.riderCategories.find((x) => x.id === id);
    return { en: (c?.name ?? id).replace(/\s*\(.*\)$/, '').toLowerCase(), zh: c?.nameZh ?? id };
  };
  const categories = [...new Set(rows.map((r) => r.category))];
  const rowsOf = (category: string) => rows.filter((r) => r.category === category).map((r) => r.id);
  const heads = rows.reduce((s, r) => s + r.travellers, 0);
  const countOf = (category: string) => rows.filter((r) => r.category === category).reduce((s, r) => s + r.travellers, 0);
  const lines: QuoteLine[] = [];
  const assumptions: Text[] = [];
  const missing: Text[] = [];
  const notBooked: Text[] = [];
  const notBookedIds = new Set<string>();
  const assume = (en: string, zh: string) => {
    if (!assumptions.some((a) => a.en === en)) assumptions.push({ en, zh });
  };
  const add = (line: Omit<QuoteLine, 'totalFen'>) => {
    if (line.quantity > 0) lines.push({ ...line, totalFen: line.quantity * line.unitFen });
  };
  const basisOf = (o: RateOrigin): { estimate: boolean; basis: string } =>
    o.origin === 'sheet'
      ? { estimate: false, basis: 'agency rate sheet' }
      : o.estimate !== undefined
        ? { estimate: true, basis: `estimate: ${o.estimate}` }
        : { estimate: false, basis: [o.source, o.checked].filter(Boolean).join(', checked ') };
  const lastDay = facts.days.length;
  const cruiseLegs = facts.legs.filter((l) => l.mode === 'cruise');
  const aboardAt = (ms: number) => cruiseLegs.some((l) => ms >= l.departMs && ms < l.arriveMs);
  if (cruiseLegs.length > 0) assume('Meals on board are included in the cruise fare.', '游轮上的餐食已含在船票中。');

  // ---- lodging: a night per day in the day's lodging city (none aboard); the last day's night by lastNightRule
  const dayPlans: DayPlan[] = [];
  const breakfastAtHotel = new Set<number>();
  const lastNight = lastNightRule(facts, options.lastNight ?? 'auto', cityName);
  let nights = 0;
  for (const d of facts.days) {
    if (d.day === lastDay && !lastNight.included) continue;
    nights++;
    if (d.lodging === 'on-board') continue;
    const rate = lodgingRate(rates.lodging, d.lodging, options.grade, d.date);
    const where = cityName(d.lodging);
    const grade = GRADE_TEXT[options.grade];
    if (!rate) {
      missing.push({ en: `No ${grade.en} hotel rate for ${where.en} (night of day ${d.day}).`, zh: `${where.zh}没有${grade.zh}酒店价格（第${d.day}天晚）。` });
      continue;
    }
    if (rate.breakfastIncluded) breakfastAtHotel.add(d.day + 1);
    if (rate.origin === 'catalogue' && itinerary.days.find((x) => x.day === d.day)?.holiday?.goldenWeek) {
      // Rates are by month; a Golden Week night can cost several times the month's rate (a Xi'an
      // hotel 355 yuan on 16 Sep 2023, 1,006 on 1 Oct: gz-cmc.com 2023-09-14). Said, not guessed.
      assume(
        'A hotel night falls in a Golden Week holiday: hotels in tourist cities often charge far more than the month\'s reference rate; confirm the room price with the hotel.',
        '有住宿在黄金周假期内：旅游城市酒店价格常远高于当月参考价，请向酒店确认房价。',
      );
    }
    const o = basisOf(rate);
    const hotel = rate.hotel ?? `${grade.en} hotel`;
    const base = { section: 'lodging' as Section, day: d.day, date: d.date, ...o };
    const twin = rows.filter((r) => r.basis === 'twin');
    const twinHeads = twin.reduce((s, r) => s + r.travellers, 0);
    add({ ...base, label: { en: `Twin room, ${hotel}, ${where.en}`, zh: `${where.zh}${rate.hotel ?? grade.zh + '酒店'}双人间` }, unit: 'room-night', quantity: twinHeads / 2, unitFen: rate.roomFen, payers: twin.map((r) => r.id) });
    const single = rows.filter((r) => r.basis === 'single');
    add({ ...base, label: { en: `Room for one, ${hotel}, ${where.en}`, zh: `${where.zh}${rate.hotel ?? grade.zh + '酒店'}单人入住` }, unit: 'room-night', quantity: single.reduce((s, r) => s + r.travellers, 0), unitFen: rate.singleFen ?? rate.roomFen, payers: single.map((r) => r.id) });
    for (const r of rows.filter((x) => x.basis === 'extra-bed')) {
      if (rate.extraBedFen === undefined) {
        missing.push({ en: `No extra-bed rate for the ${grade.en} hotel in ${where.en}.`, zh: `${where.zh}${grade.zh}酒店没有加床价格。` });
      } else {
        add({ ...base, label: { en: `Extra bed, ${where.en}`, zh: `${where.zh}加床` }, unit: 'bed-night', quantity: r.travellers, unitFen: rate.extraBedFen, payers: [r.id] });
      }
    }
    for (const r of rows.filter((x) => x.basis === 'own-room')) {
      add({ ...base, label: { en: `Children's twin room, ${where.en}`, zh: `${where.zh}儿童双人间` }, unit: 'room-night', quantity: Math.ceil(r.travellers / 2), unitFen: rate.roomFen, payers: [r.id] });
    }
    if (rows.some((r) => r.basis === 'share')) assume('Children share their parents’ room without an extra bed.', '儿童与父母同住，不加床。');
    if (rate.singleFen === undefined && rows.some((r) => r.basis === 'single')) {
      assume('A room for one costs the same as a twin room (hotels in China price per room).', '单人入住按整间房计价（国内酒店按间计价）。');
    }
  }

  // ---- meals: the plan's meal items, or lunch each day and dinner each night, breakfast at the hotel
  const planned = facts.meals;
  const mealsByDay = new Map<number, { meal: Meal; where: 'restaurant' | 'hotel' | 'on-board'; city?: string }[]>();
  const push = (day: number, m: { meal: Meal; where: 'restaurant' | 'hotel' | 'on-board'; city?: string }) => mealsByDay.set(day, [...(mealsByDay.get(day) ?? []), m]);
  if (planned) assume('Lunches and dinners as in the plan; breakfast at the hotel.', '午餐、晚餐按行程安排；早餐在酒店。');
  else assume('Meals were not in the plan: lunch every day and dinner every night of the trip, breakfast at the hotel.', '行程未列餐食：按每天午餐、每晚晚餐、酒店早餐计。');
  for (const d of facts.days) {
    const city = d.lodging !== 'on-board' ? d.lodging : undefined;
    for (const meal of ['breakfast', 'lunch', 'dinner'] as const) {
      if (meal === 'breakfast' && d.day === 1) continue;
      if (meal === 'dinner' && d.day === lastDay && !planned) continue;
      const aboard = aboardAt(localMs(d.date, MEAL_TIMES[meal]));
      if (meal === 'breakfast') {
        // Breakfast follows the night: aboard after a night on the ship, else at (or near) the hotel.
        const previous = facts.days.find((x) => x.day === d.day - 1);
        if (aboard || previous?.lodging === 'on-board') push(d.day, { meal, where: 'on-board' });
        else push(d.day, { meal, where: breakfastAtHotel.has(d.day) ? 'hotel' : 'restaurant', ...(previous ? { city: previous.lodging } : {}) });
        continue;
      }
      // A plan's meal item ashore is a restaurant meal even on a landing day whose usual meal time
      // is still aboard (lunch at 13:45 in Yichang after a landing at 13:30); the plan has no meal items aboard.
      const ashore = planned?.filter((x) => x.day === d.day && x.meal === meal && (x.startMs === undefined ? !aboard : !aboardAt(x.startMs))) ?? [];
      if (ashore.length > 0) {
        for (const m of ashore) push(d.day, { meal, where: 'restaurant', ...(m.city ? { city: m.city } : {}) });
      } else if (aboard) {
        // The ship's meals come with the cruise.
        push(d.day, { meal, where: 'on-board' });
      } else if (planned) {
        continue;
      } else {
        push(d.day, { meal, where: 'restaurant', ...(d.cities[0] ? { city: d.cities[0] } : city ? { city } : {}) });
      }
    }
  }
  for (const d of facts.days) {
    for (const m of mealsByDay.get(d.day) ?? []) {
      if (m.where !== 'restaurant') continue;
      const rate = rates.meals.find((r) => r.grade === options.grade && r.meal === m.meal && r.city === m.city) ?? rates.meals.find((r) => r.grade === options.grade && r.meal === m.meal && r.city === undefined);
      if (!rate) {
        missing.push({ en: `No ${options.grade} ${m.meal} rate (day ${d.day}).`, zh: `没有${GRADE_TEXT[options.grade].zh}${MEAL_ZH[m.meal]}价格（第${d.day}天）。` });
        continue;
      }
      for (const c of categories) {
        const unit = rate.fen[c] ?? rate.fen[defaultCat];
        if (unit === undefined) continue;
        add({ section: 'meals', day: d.day, date: d.date, label: { en: `${cap(m.meal)}, ${catName(c).en}`, zh: `${MEAL_ZH[m.meal]}（${catName(c).zh}）` }, unit: 'person', quantity: countOf(c), unitFen: unit, payers: rowsOf(c), ...basisOf(rate) });
      }
    }
  }

  // ---- admissions: the cheapest bundle of real passes and single tickets, per category
  // (the catalogue's sample pass products are examples of this project, never sold to a customer)
  const party = Object.fromEntries(categories.map((c) => [c, countOf(c)]));
  // Visits on a cruise's programme are not admissions: the fare covers them, or an optional excursion is sold aboard (below).
  const ashore = { ...itinerary, days: itinerary.days.map((d) => ({ ...d, items: d.items.filter((i) => !(i.kind === 'visit' && i.aboard !== undefined)) })) };
  const bundle = quoteBundle(ashore, { ...catalogue, passes: catalogue.passes.filter((p) => p.real) }, party);
  const attraction = new Map(catalogue.attractions.map((a) => [a.id, a]));
  const dayOfDate = new Map(facts.days.map((d) => [d.date, d.day]));
  for (const cq of bundle.categories) {
    for (const p of cq.passes) {
      const product = catalogue.passes.find((x) => x.id === p.product);
      add({ section: 'admissions', day: dayOfDate.get(p.validFrom) ?? 1, date: p.validFrom, label: { en: `${product?.name ?? p.product} (${p.visits.length} visits), ${catName(cq.category).en}`, zh: `${product?.nameZh || p.product}（${p.visits.length}处，${catName(cq.category).zh}）` }, unit: 'person', quantity: cq.travellers, unitFen: yuanToFen(p.price), payers: rowsOf(cq.category), estimate: false, basis: 'pass product in the catalogue' });
    }
    for (const s of cq.singles) {
      const a = attraction.get(s.attraction);
      const unconfirmed = restsOnEstimate(a?.provenance, [`price.${cq.category}`, `price.${defaultCat}`, 'price']);
      add({ section: 'admissions', day: dayOfDate.get(s.date) ?? 1, date: s.date, label: { en: `${a?.name ?? s.attraction}, ${catName(cq.category).en}`, zh: `${a?.nameZh ?? s.attraction}（${catName(cq.category).zh}）` }, unit: 'person', quantity: cq.travellers, unitFen: yuanToFen(s.price), payers: rowsOf(cq.category), estimate: unconfirmed, basis: unconfirmed ? 'catalogue price (unconfirmed)' : 'catalogue price' });
    }
  }

  // ---- inter-city fares and the cruise
  for (const leg of facts.legs) {
    const link = catalogue.links.find((l) => l.mode === leg.mode && ((l.from === leg.fromCity && l.to === leg.toCity) || (!l.oneway && l.from === leg.toCity && l.to === leg.fromCity)));
    const route = { en: `${cityName(leg.fromCity).en} → ${cityName(leg.toCity).en}`, zh: `${cityName(leg.fromCity).zh}→${cityName(leg.toCity).zh}` };
    if (leg.mode === 'cruise') {
      priceCruise(leg, link, route);
      continue;
    }
    for (const c of categories) {
      const fareYuan = link ? (link.fares[c] ?? link.fare) : leg.planCost / heads;
      if (link && c === CHILD && link.fares[c] === undefined) assume(`No child fare in the catalogue for ${route.en} (${leg.mode}): children pay the adult fare.`, `目录中${route.zh}（${modeZh(leg.mode)}）没有儿童票价：儿童按成人票价计。`);
      const unconfirmed = !link || restsOnEstimate(link.provenance, [`fares.${c}`, 'fare']);
      add({ section: 'fares', day: leg.day, date: leg.date, label: { en: `${cap(leg.mode)} ${route.en}, ${catName(c).en}`, zh: `${modeZh(leg.mode)} ${route.zh}（${catName(c).zh}）` }, unit: 'person', quantity: countOf(c), unitFen: yuanToFen(fareYuan), payers: rowsOf(c), estimate: unconfirmed, basis: link ? (unconfirmed ? 'catalogue fare (unconfirmed)' : 'catalogue fare') : 'the plan’s fare (no catalogue link)' });
    }
  }

  function priceCruise(leg: Leg, link: Link | undefined, route: Text): void {
    const rate = cruiseRate(rates.cruise, leg.fromCity, leg.toCity, options.cabin, leg.date);
    if (rate?.origin === 'catalogue') cruiseSeasonNote(rate, leg, route);
    const product = catalogue.cruises.find((x) => x.from === leg.fromCity && x.to === leg.toCity);
    const productFen = product ? cabinFareFen(product, options.cabin, defaultCat) : undefined;
    for (const c of categories) {
      let unit: Fen | undefined;
      let origin: { estimate: boolean; basis: string };
      const childRule = c === CHILD && product && (!rate || rate.fen[c] === undefined)
        ? childFareRule(product, CHILD, rows.some((r) => r.category === CHILD && r.basis !== 'share'))
        : undefined;
      if (childRule && (rate || productFen !== undefined)) {
        // The operators' child fare: a share of the adult fare of the same cabin (catalogue cruises: child_fares).
        const adultFen = rate ? rate.fen[defaultCat] : productFen;
        unit = adultFen === undefined ? undefined : percentOfFen(adultFen, childRule.paysPercent);
        origin = { estimate: (rate ? basisOf(rate).estimate : true) || restsOnEstimate(product!.provenance, ['child_fares']), basis: `${childRule.paysPercent} % of the adult cruise fare (child ${childRule.ages}, ${childRule.bed ? 'own bed' : 'sharing the adults\u2019 beds'})` };
        assume(
          `A child pays ${childRule.paysPercent} % of the adult cruise fare (operators' rule for ages ${childRule.ages}, ${childRule.bed ? 'with a bed of its own' : 'sharing the adults\u2019 cabin without a bed'}); from 12 a child pays the adult fare.`,
          `儿童游轮票按成人价的${childRule.paysPercent}%计（船公司规定：${childRule.ages}岁，${childRule.bed ? '占床' : '与成人同舱不占床'}）；12岁及以上按成人价。`,
        );
      } else if (rate) {
        unit = rate.fen[c] ?? rate.fen[defaultCat];
        origin = basisOf(rate);
        if (c === CHILD && rate.fen[c] === undefined) assume(`No child price for the ${options.cabin} cabin ${route.en}: children pay the adult cruise fare.`, `${route.zh}${cabinZh(options.cabin)}没有儿童价：儿童按成人价计。`);
      } else if (productFen !== undefined) {
        unit = productFen;
        origin = { estimate: restsOnEstimate(product!.provenance, ['fare', 'cabins']), basis: `the cruise product's ${options.cabin} cabin (${product!.id})` };
      } else if (link) {
        unit = yuanToFen(link.fares[c] ?? link.fare);
        origin = { estimate: true, basis: `catalogue link fare (no ${options.cabin} cabin rate)` };
        assume(`No ${options.cabin} cabin rate for ${route.en}: the catalogue's example fare is used.`, `${route.zh}没有${cabinZh(options.cabin)}价格：按目录示例票价计。`);
      } else {
        origin = { estimate: true, basis: '' };
      }
      if (unit === undefined) {
        missing.push({ en: `No cruise fare for ${route.en} (${options.cabin}).`, zh: `${route.zh}没有游轮价格（${options.cabin}）。` });
        return;
      }
      add({ section: 'cruise', day: leg.day, date: leg.date, label: { en: `Cruise ${route.en}, ${options.cabin} cabin, ${catName(c).en}`, zh: `游轮 ${route.zh}，${cabinZh(options.cabin)}（${catName(c).zh}）` }, unit: 'person', quantity: countOf(c), unitFen: unit, payers: rowsOf(c), ...origin });
    }
    const alone = rows.filter((r) => r.basis === 'single');
    if (rate?.singleSupplementFen !== undefined) {
      add({ section: 'cruise', day: leg.day, date: leg.date, label: { en: `Cruise single supplement ${route.en}`, zh: `游轮单人房差 ${route.zh}` }, unit: 'person', quantity: alone.reduce((s, r) => s + r.travellers, 0), unitFen: rate.singleSupplementFen, payers: alone.map((r) => r.id), ...basisOf(rate) });
    } else if (!rate && productFen !== undefined && product?.singleUsePercent !== undefined) {
      const supplement = percentOfFen(productFen, product.singleUsePercent) - productFen;
      add({ section: 'cruise', day: leg.day, date: leg.date, label: { en: `Cruise single supplement ${route.en}`, zh: `游轮单人房差 ${route.zh}` }, unit: 'person', quantity: alone.reduce((s, r) => s + r.travellers, 0), unitFen: supplement, payers: alone.map((r) => r.id), estimate: restsOnEstimate(product.provenance, ['single_use']), basis: `single use ${product.singleUsePercent} % of the fare` });
    }
    if (product) priceOptionalExcursions(leg, product);
  }

  /**
   * Which season's fare a sailing pays, said in the notes: the season when the catalogue has one
   * for the cabin, else that its fare is the same all year (never a season nobody published).
   * The direction of the seasons is sourced (scripts/rates.yaml, cruise: China Highlights, high
   * season April to October, winter often half; bkwk.cn, 旺季 April, May, September, October).
   */
  function cruiseSeasonNote(rate: CruiseRate, leg: Leg, route: Text): void {
    const month = monthOf(leg.date);
    const seasons = rates.cruise.filter((r) => r.origin === 'catalogue' && r.from === leg.fromCity && r.to === leg.toCity && r.cabin === options.cabin && r.months !== undefined);
    const allYear = rates.cruise.find((r) => r.origin === 'catalogue' && r.from === leg.fromCity && r.to === leg.toCity && r.cabin === options.cabin && r.months === undefined);
    const cabin = { en: `${options.cabin} cabin`, zh: cabinZh(options.cabin) };
    // Whether a season is cheaper or dearer than the rest of the year, from the adult fares themselves.
    const cheaper = (season: CruiseRate) => allYear !== undefined && (season.fen[defaultCat] ?? 0) < (allYear.fen[defaultCat] ?? 0);
    if (rate.months !== undefined) {
      const when = monthsText(rate.months);
      const other = cheaper(rate) ? { en: 'other months cost more', zh: '其他月份票价较高' } : { en: 'other months cost less', zh: '其他月份票价较低' };
      assume(
        `The cruise ${route.en} sails in ${MONTH_EN[month - 1]}: the ${cabin.en}'s ${when.en} season fare applies (${other.en}).`,
        `游轮${route.zh}于${month}月开航：按${cabin.zh}${when.zh}的季节票价计（${other.zh}）。`,
      );
    } else if (seasons.length > 0) {
      const when = monthsText(seasons[0]!.months!);
      const other = cheaper(seasons[0]!) ? { en: 'lower', zh: '较低' } : { en: 'higher', zh: '较高' };
      assume(
        `The cruise ${route.en} sails in ${MONTH_EN[month - 1]}: the ${cabin.en}'s regular fare applies (sailings ${when.en} have a ${other.en} fare).`,
        `游轮${route.zh}于${month}月开航：按${cabin.zh}常规票价计（${when.zh}开航的票价${other.zh}）。`,
      );
    } else {
      assume(
        `No seasonal fare was found for the ${cabin.en} ${route.en}: the same estimated fare is used all year. Cruise fares are higher from April to October and lower from December to March, so confirm the fare for the sailing date.`,
        `未找到${route.zh}${cabin.zh}的季节票价：全年按同一估算票价计。游轮票价4月至10月较高、12月至3月较低，请按开航日期确认。`,
      );
    }
  }

  /**
   * Optional excursions the plan takes (visits marked optional-excursion): sold aboard, per person
   * at the published price. The others the ship sells are named in the exclusions, with their price.
   */
  function priceOptionalExcursions(leg: Leg, product: Cruise): void {
    const taken = new Set<string>();
    for (const d of itinerary.days) {
      for (const item of d.items) {
        if (item.kind !== 'visit' || item.aboard !== product.id || !item.optional) continue;
        const on = siteOnProgramme(product, item.attraction);
        const excursion = on?.how === 'optional' ? on.excursion : undefined;
        if (excursion) taken.add(excursion.id);
        const name = pointName(item.attraction);
        for (const c of categories) {
          const yuan = excursion?.price[c] ?? excursion?.price[defaultCat];
          if (yuan === undefined) {
            missing.push({ en: `No published price for the optional excursion to ${name.en}.`, zh: `${name.zh}自费项目没有公布价格。` });
            break;
          }
          add({ section: 'cruise', day: d.day, date: d.date, label: { en: `Optional excursion (sold aboard): ${name.en}, ${catName(c).en}`, zh: `游轮自费项目：${name.zh}（${catName(c).zh}）` }, unit: 'person', quantity: countOf(c), unitFen: yuanToFen(yuan), payers: rowsOf(c), estimate: restsOnEstimate(product.provenance, ['optional_excursions']), basis: 'optional excursion price (catalogue cruises)' });
        }
      }
    }
    for (const x of product.optionalExcursions) {
      if (taken.has(x.id) || notBookedIds.has(x.id)) continue;
      notBookedIds.add(x.id);
      const yuan = x.price[defaultCat];
      const zh = x.whatZh ?? x.what;
      notBooked.push(yuan === undefined
        ? { en: `${x.what}: optional excursion sold aboard, not booked (price not published)`, zh: `${zh}：船上自费项目，未预订（价格未公布）` }
        : { en: `${x.what}: optional excursion sold aboard, not booked (¥${yuan} per person)`, zh: `${zh}：船上自费项目，未预订（每人¥${yuan}）` });
    }
    void leg;
  }

  // ---- local transfers: a vehicle with driver per city and sightseeing day, or metered taxis per ride
  const transferDays: { day: number; city: string }[] = [];
  const addTransferDay = (day: number, city: string) => {
    if (!transferDays.some((t) => t.day === day && t.city === city)) transferDays.push({ day, city });
  };
  for (const m of facts.moves) addTransferDay(m.day, m.city);
  for (const d of facts.days) if (!transferDays.some((t) => t.day === d.day) && d.cities[0] && !aboardAt(localMs(d.date, '12:00'))) addTransferDay(d.day, d.cities[0]);
  if (new Set(transferDays.map((t) => t.day)).size < transferDays.length) {
    assume('A day in two cities has a vehicle and a guide booked in each.', '一天游览两座城市时，每座城市各订一辆车和一名导游。');
  }
  const everyone = rows.map((r) => r.id);
  if (options.transport === 'vehicle') {
    for (const { day, city } of transferDays) {
      const d = facts.days.find((x) => x.day === day)!;
      const pick = vehicleFor(rates, heads, city);
      if (!pick) {
        missing.push({ en: `No vehicle rate for ${heads} travellers (day ${day}).`, zh: `没有${heads}人的用车价格（第${day}天）。` });
        continue;
      }
      add({ section: 'transfers', day, date: d.date, label: { en: `${pick.count > 1 ? `${pick.count} vehicles` : 'Vehicle'} with driver (up to ${pick.rate.seats} passengers${pick.count > 1 ? ' each' : ''}), ${cityName(city).en}`, zh: `${cityName(city).zh}${pick.count > 1 ? `${pick.count}辆` : ''}专车含司机（${pick.count > 1 ? '每辆' : ''}限乘${pick.rate.seats}人）` }, unit: 'vehicle-day', quantity: pick.count, unitFen: pick.rate.perDayFen, payers: everyone, ...basisOf(pick.rate) });
    }
    if (transferDays.length > 0) assume('A vehicle with driver on each sightseeing day covers the transfers between sights, hotel and station.', '每个游览日包车（含司机），负责景点、酒店与车站间接送。');
  } else if (options.transport === 'taxi') {
    const cars = Math.ceil(heads / TAXI_SEATS);
    let modelled = false;
    for (const m of facts.moves) {
      const d = facts.days.find((x) => x.day === m.day)!;
      // The plan's own leg when it says how it is made (walks cost nothing); else the road model.
      const leg = m.transfer ?? roadLeg(m.straightKm);
      if (leg.by === 'walk') continue;
      const rate = rates.taxi.find((r) => r.city === m.city);
      if (!rate) {
        missing.push({ en: `No taxi tariff for ${cityName(m.city).en}.`, zh: `${cityName(m.city).zh}没有出租车价格。` });
        continue;
      }
      const km = Math.round(leg.km * 10) / 10;
      if (!m.transfer) modelled = true;
      const fare = taxiFareFen(rate, km);
      const from = pointName(m.from);
      const to = pointName(m.to);
      add({ section: 'transfers', day: m.day, date: d.date, label: { en: `Taxi ${from.en} → ${to.en}, ${km.toFixed(1)} km`, zh: `出租车 ${from.zh}→${to.zh}，${km.toFixed(1)}公里` }, unit: 'ride', quantity: cars, unitFen: fare, payers: everyone, estimate: true, basis: `distance from the road model (src/domain/travel/road-model.ts); tariff: ${basisOf(rate).basis}` });
    }
    if (facts.moves.length > 0) {
      assume(
        `Taxis carry ${TAXI_SEATS} passengers; ride distances are the road model's (the plan's local legs${modelled ? '; legs the plan does not describe: straight line × 1.3' : ''}); neighbouring sights within 1.2 km are walked.`,
        `每辆出租车载客${TAXI_SEATS}人；里程按道路模型估算（取自行程的市内交通${modelled ? '；行程未说明的按直线距离×1.3' : ''}）；1.2公里内的相邻景点步行。`,
      );
    }
  }

  // ---- the guide: a local guide on each sightseeing day, one line per run of days in a city
  // ("English-speaking guide, Yichang, 3 days"), as an agency lists a guide it books for the stay
  if (options.guide !== undefined) {
    const title = guideTitle(options.guide);
    const runs: { city: string; first: { day: number; date: string }; days: number; perDayFen: Fen; rate: RateOrigin }[] = [];
    for (const { day, city } of [...transferDays].sort((a, b) => a.day - b.day)) {
      const d = facts.days.find((x) => x.day === day)!;
      const rate = rates.guides.find((r) => r.language === options.guide && r.city === city) ?? rates.guides.find((r) => r.language === options.guide && r.city === undefined);
      if (!rate) {
        missing.push({ en: `No ${title.en} rate (day ${day}).`, zh: `没有${title.zh}价格（第${day}天）。` });
        continue;
      }
      const run = runs.find((r) => r.city === city && r.first.day + r.days === day && r.perDayFen === rate.perDayFen && r.rate === rate);
      if (run) run.days++;
      else runs.push({ city, first: { day, date: d.date }, days: 1, perDayFen: rate.perDayFen, rate });
    }
    for (const r of runs) {
      const span = r.days === 1 ? { en: '1 day', zh: '1 天' } : { en: `${r.days} days (days ${r.first.day}–${r.first.day + r.days - 1})`, zh: `${r.days} 天（第${r.first.day}–${r.first.day + r.days - 1}天）` };
      add({ section: 'guide', day: r.first.day, date: r.first.date, label: { en: `${title.en}, ${cityName(r.city).en}, ${span.en}`, zh: `${cityName(r.city).zh}${title.zh} ${span.zh}` }, unit: 'guide-day', quantity: r.days, unitFen: r.perDayFen, payers: everyone, ...basisOf(r.rate) });
    }
  }

  // ---- day by day, for the document
  for (const d of facts.days) {
    const night = d.day === lastDay && !lastNight.included ? undefined : d.lodging;
    const hotel: Text | undefined = night === undefined ? undefined : night === 'on-board' ? { en: `On board (${options.cabin} cabin)`, zh: `船上（${cabinZh(options.cabin)}）` } : { en: `${GRADE_TEXT[options.grade].en} hotel, ${cityName(night).en}`, zh: `${cityName(night).zh}${GRADE_TEXT[options.grade].zh}酒店` };
    const transfer: Text = transferDays.some((t) => t.day === d.day)
      ? options.transport === 'vehicle' ? { en: 'Private vehicle with driver', zh: '专车（含司机）' } : options.transport === 'taxi' ? { en: 'Taxi between sights', zh: '出租车往返景点' } : { en: 'Own arrangements', zh: '自理' }
      : cruiseLegs.some((l) => l.day <= d.day && aboardAt(localMs(d.date, '12:00'))) ? { en: 'Cruise ship', zh: '游轮' } : { en: '—', zh: '—' };
    dayPlans.push({
      day: d.day,
      date: d.date,
      ...(night !== undefined ? { night } : {}),
      ...(hotel ? { hotel } : {}),
      meals: (mealsByDay.get(d.day) ?? []).map((m) => ({ meal: m.meal, where: m.where })),
      transfers: transfer,
    });
  }
  assumptions.push(lastNight.reason);
  return { lines, days: dayPlans, assumptions, missing, nights, notBooked, lastNight };
}

/**
 * The rate for a night: a sheet's before the catalogue's (overlayRates puts them first), and of
 * those from the same place a seasonal rate whose months hold the night before an all-year one,
 * wherever the two stand in the list — a season written after the all-year rate still applies.
 */
export function lodgingRate(all: readonly LodgingRate[], city: string, grade: Grade, date: string): LodgingRate | undefined {
  return seasonalRate(all.filter((r) => r.city === city && r.grade === grade), date);
}

/** The fare for a sailing: as lodgingRate, by the month of the day the ship leaves. */
export function cruiseRate(all: readonly CruiseRate[], from: string, to: string, cabin: string, sailingDate: string): CruiseRate | undefined {
  return seasonalRate(all.filter((r) => r.from === from && r.to === to && r.cabin === cabin), sailingDate);
}

/** Of rates for one thing, in overlay order: the first origin's seasonal rate holding the date's month, else its all-year one. */
function seasonalRate<R extends RateOrigin & { readonly months?: readonly number[] }>(candidates: readonly R[], date: string): R | undefined {
  const month = monthOf(date);
  const fits = candidates.filter((r) => r.months === undefined || r.months.includes(month));
  const first = fits[0];
  return first && (fits.find((r) => r.origin === first.origin && r.months !== undefined) ?? first);
}

const MONTH_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_SHORT = MONTH_EN.map((m) => m.slice(0, 3));

/** A season's months as a range when they run on (wrapping the year: Dec–Mar), else listed. */
function monthsText(months: readonly number[]): Text {
  const start = months.find((m) => !months.includes(m === 1 ? 12 : m - 1)) ?? months[0]!;
  const run = Array.from({ length: months.length }, (_, i) => ((start - 1 + i) % 12) + 1);
  const contiguous = run.every((m) => months.includes(m));
  if (contiguous && months.length > 1) {
    const end = run[run.length - 1]!;
    return { en: `${MONTH_SHORT[start - 1]}–${MONTH_SHORT[end - 1]}`, zh: `${start}月至${end}月` };
  }
  return { en: months.map((m) => MONTH_SHORT[m - 1]).join(', '), zh: months.map((m) => `${m}月`).join('、') };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Cabin grade ids in Chinese (others are shown as written). */
export function cabinZh(cabin: string): string {
  return ({ standard: '标准舱', superior: '高级舱', suite: '套房' } as Record<string, string>)[cabin] ?? cabin;
}

function modeZh(mode: string): string {
  return ({ rail: '火车', road: '汽车', ferry: '轮渡', flight: '航班', cruise: '游轮' } as Record<string, string>)[mode] ?? mode;
}
