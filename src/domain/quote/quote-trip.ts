/**
 * `yangtze quote`: the priced trip. Lines come from price-trip.ts; here each
 * line is shared out per head among the rows that pay it (exactly, as a
 * fraction, rounded up to the fen once per row), the margin and rounding give
 * the selling price per person, and the group total is that price times the
 * travellers — so per person × people = group total holds by construction.
 *
 * API: quoteTrip(itinerary, catalogue, rates, options) → TripQuote.
 */
import type { Catalogue } from '../catalogue/model.js';
import type { Itinerary } from '../itinerary/itinerary.js';
import { applyMargin, applyRounding } from './margin.js';
import { sumFen, type Fen } from './money.js';
import { headsOf, priceRows } from './price-rows.js';
import { cabinZh, GRADE_TEXT, priceTrip } from './price-trip.js';
import { guideTitle } from './guide-language.js';
import { QUOTE_KIND, QUOTE_SCHEMA_VERSION, SECTIONS, type DayPlan, type PaxRangeRow, type PriceRow, type QuoteLine, type QuoteOptions, type RowPrice, type Section, type Text, type TripQuote } from './quote-model.js';
import type { RateTable } from './rates.js';

export const DEFAULT_PAX_RANGE = [2, 4, 6, 10, 16] as const;

/** What `yangtze quote` assumes without flags: 4★, twin rooms, children sharing, a vehicle with driver, no guide, no margin. */
export function defaultQuoteOptions(party: Readonly<Record<string, number>>): QuoteOptions {
  return {
    party,
    grade: '4star',
    rooms: 'twin',
    childBed: 'share',
    transport: 'vehicle',
    cabin: 'standard',
    margin: { kind: 'none' },
    rounding: { kind: 'up-to', yuan: 1 },
    lastNight: 'auto',
    paxRange: [...DEFAULT_PAX_RANGE],
  };
}

export function quoteTrip(itinerary: Itinerary, catalogue: Catalogue, rates: RateTable, options: QuoteOptions): TripQuote {
  const core = priceCore(itinerary, catalogue, rates, options);
  const defaultCat = defaultCategory(catalogue);
  const paxRange = options.paxRange.map((n) => paxRow(itinerary, catalogue, rates, options, defaultCat, n));
  const { lines, priced, rows } = core;
  const bySection = Object.fromEntries(SECTIONS.map((s) => [s, sumFen(lines.filter((l) => l.section === s).map((l) => l.totalFen))])) as Record<Section, Fen>;
  const netFen = sumFen(lines.map((l) => l.totalFen));
  const sellFen = sumFen(rows.map((r) => r.sellFen * r.row.travellers));
  const request = itinerary.request;
  return {
    schemaVersion: QUOTE_SCHEMA_VERSION,
    kind: QUOTE_KIND,
    currency: catalogue.currency,
    trip: {
      from: request?.from ?? '',
      ...(request?.to !== undefined ? { to: request.to } : {}),
      start: itinerary.days[0]?.date ?? request?.start ?? '',
      days: itinerary.days.length,
      nights: priced.nights,
      lastNight: priced.lastNight,
    },
    options: {
      party: options.party,
      grade: options.grade,
      rooms: options.rooms,
      childBed: options.childBed,
      transport: options.transport,
      guide: options.guide ?? null,
      cabin: options.cabin,
      margin: options.margin,
      rounding: options.rounding,
      lastNight: options.lastNight ?? 'auto',
    },
    lines,
    bySection,
    rows,
    totals: { netFen, sellFen, marginFen: sellFen - netFen, travellers: rows.reduce((s, r) => s + r.row.travellers, 0) },
    paxRange,
    days: priced.days,
    inclusions: inclusions(lines, options, priced.days),
    exclusions: exclusions(lines, options, priced.notBooked, priced.lastNight.included),
    assumptions: priced.assumptions,
    missing: priced.missing,
    estimates: lines.some((l) => l.estimate),
  };
}

/** Lines and per-person prices for one party: the part the pax-range table repeats. */
function priceCore(itinerary: Itinerary, catalogue: Catalogue, rates: RateTable, options: QuoteOptions) {
  const rowDefs = priceRows(options.party, options.rooms, options.childBed, defaultCategory(catalogue));
  const priced = priceTrip(itinerary, catalogue, rates, rowDefs, options);
  const lines = priced.lines;
  const rows = rowDefs.map((row): RowPrice => {
    const netFen = perPersonNet(lines, rowDefs, row);
    return { row, netFen, sellFen: applyRounding(applyMargin(netFen, options.margin), options.rounding), estimate: lines.some((l) => l.estimate && l.payers.includes(row.id)) };
  });
  return { lines, priced, rows };
}

/**
 * Σ over the lines a row pays of line total ÷ heads paying it, as an exact
 * fraction, rounded up to the fen once: a shared vehicle split three ways
 * costs each traveller at most one fen more than a third.
 */
export function perPersonNet(lines: readonly QuoteLine[], rows: readonly PriceRow[], row: PriceRow): Fen {
  let num = 0n;
  let den = 1n;
  for (const line of lines) {
    if (!line.payers.includes(row.id)) continue;
    const heads = BigInt(headsOf(rows, line.payers));
    num = num * heads + BigInt(line.totalFen) * den;
    den *= heads;
    const g = gcd(num, den);
    num /= g;
    den /= g;
  }
  return Number((num + den - 1n) / den);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

function paxRow(itinerary: Itinerary, catalogue: Catalogue, rates: RateTable, options: QuoteOptions, cat: string, n: number): PaxRangeRow {
  const shared = { ...options, party: { [cat]: n }, paxRange: [] };
  const twin = priceCore(itinerary, catalogue, rates, { ...shared, rooms: 'twin' }).rows.find((r) => r.row.basis === 'twin' || n === 1)!;
  const single = priceCore(itinerary, catalogue, rates, { ...shared, rooms: 'single' }).rows[0]!;
  return { travellers: n, perPersonFen: twin.sellFen, groupFen: twin.sellFen * n, singleSupplementFen: Math.max(0, single.sellFen - twin.sellFen) };
}

function defaultCategory(catalogue: Catalogue): string {
  return catalogue.riderCategories.find((c) => c.isDefault)?.id ?? 'adult';
}

const MEAL_ORDER = ['breakfast', 'lunch', 'dinner'] as const;
const MEAL_WORDS: Record<(typeof MEAL_ORDER)[number], Text> = { breakfast: { en: 'breakfasts', zh: '早餐' }, lunch: { en: 'lunches', zh: '午餐' }, dinner: { en: 'dinners', zh: '晚餐' } };

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function count(lines: readonly QuoteLine[], section: Section): number {
  return lines.filter((l) => l.section === section).length;
}

function inclusions(lines: readonly QuoteLine[], options: QuoteOptions, dayPlans: readonly DayPlan[]): Text[] {
  const out: Text[] = [];
  const nights = new Set(lines.filter((l) => l.section === 'lodging').map((l) => l.day)).size;
  const grade = GRADE_TEXT[options.grade];
  if (nights > 0) out.push({ en: `${nights} ${nights === 1 ? 'night' : 'nights'} in ${grade.en} hotels, with breakfast where the hotel includes it`, zh: `${nights}晚${grade.zh}酒店住宿（酒店含早的含早餐）` });
  if (count(lines, 'cruise') > 0) out.push({ en: `Three Gorges cruise, ${options.cabin} cabin, meals on board and the ship's standard shore excursions`, zh: `长江三峡游轮（${cabinZh(options.cabin)}），含船上餐食及标准岸上游览` });
  if (count(lines, 'meals') > 0) {
    // The meals the quote pays in restaurants, by name: "Lunches and dinners", not "Meals".
    const kinds = MEAL_ORDER.filter((m) => dayPlans.some((d) => d.meals.some((x) => x.meal === m && x.where === 'restaurant')));
    const en = kinds.map((m) => MEAL_WORDS[m].en);
    out.push({ en: `${cap([en.slice(0, -1).join(', '), en.at(-1)].filter(Boolean).join(' and '))} as listed day by day`, zh: `行程所列${kinds.map((m) => MEAL_WORDS[m].zh).join('、')}` });
  }
  if (count(lines, 'admissions') > 0) out.push({ en: 'Admission to every sight in the itinerary (passes where cheaper)', zh: '行程内全部景点门票（联票更省时用联票）' });
  if (count(lines, 'fares') > 0) out.push({ en: 'Train and road fares between cities (second class)', zh: '城市间火车、汽车票（二等座）' });
  const days = new Set(lines.filter((l) => l.section === 'transfers').map((l) => l.day)).size;
  if (options.transport === 'vehicle' && days > 0) out.push({ en: `Private vehicle with driver on the ${days} sightseeing ${days === 1 ? 'day' : 'days'}`, zh: `${days}个游览日专车及司机` });
  if (options.transport === 'taxi' && days > 0) out.push({ en: 'Taxis between sights', zh: '景点间出租车' });
  // Days with a guide, counted once when a day in two cities books one in each (a line covers
  // `quantity` days from its `day`), so the count agrees with the vehicle's sightseeing days.
  const guideDays = new Set(lines.filter((l) => l.section === 'guide').flatMap((l) => Array.from({ length: l.quantity }, (_, i) => (l.day ?? 0) + i))).size;
  if (guideDays > 0) {
    const title = guideTitle(options.guide!);
    out.push(guideDays === 1
      ? { en: `${title.en} (licensed, local) on the sightseeing day`, zh: `游览日持证地陪${title.zh}` }
      : { en: `${title.en} (licensed, local) on each of the ${guideDays} sightseeing days`, zh: `${guideDays}个游览日持证地陪${title.zh}` });
  }
  return out;
}

/**
 * The cruise line's service charge in place of tips, as two operators publish it (checked
 * 2026-12-07): Century Cruises, "a mandatory service charge of USD$25 per person per cruise"
 * (centuryrivercruises.com/a/BLOG/38.html, 2018-05-28); Victoria Cruises' passenger guide,
 * 服务费 "4晚及以下航程每人收取25美元" (128977.tw/your_trip). A tipping guide
 * (yangtze-river-cruises.com/customer-support/tipping.html) says the amount differs by line,
 * route and the passenger's nationality and some lines include it, so the figure is theirs.
 */
const CRUISE_SERVICE_CHARGE: Text = {
  en: "The cruise line's service charge in place of tips, paid on board (USD 25 per person for a sailing of up to 4 nights on Century and Victoria ships, as they publish it; other lines differ)",
  zh: '游轮服务费（代替小费，船上支付；世纪游轮、美维游轮公布：4晚及以下航程每人25美元；其他船公司不同）',
};

function exclusions(lines: readonly QuoteLine[], options: QuoteOptions, notBooked: readonly Text[], lastNightIncluded: boolean): Text[] {
  const out: Text[] = [
    { en: 'Travel to the first city and home from the last', zh: '往返出发城市及终点城市的交通' },
    // Day 1's sightseeing starts in the morning, so most parties arrive the evening before; the
    // priced nights are those after each day, never that one.
    { en: 'A hotel night before the first day', zh: '行程第一天前一晚的住宿' },
    ...(lastNightIncluded ? [] : [{ en: 'A hotel night after the last day', zh: '行程最后一天当晚的住宿' }]),
    { en: 'Visas, travel insurance and personal expenses', zh: '签证、旅游保险及个人消费' },
    { en: 'Tips and gratuities', zh: '小费' },
  ];
  if (count(lines, 'cruise') > 0) {
    out.push(...notBooked);
    out.push(CRUISE_SERVICE_CHARGE);
  }
  if (options.guide === undefined) out.push({ en: 'Guide services', zh: '导游服务' });
  if (options.transport === 'none') out.push({ en: 'Local transfers', zh: '市内交通' });
  out.push({ en: 'Meals not listed, drinks', zh: '未列明的餐食及酒水' });
  return out;
}
