/**
 * `pass quote`: the cheapest combination of pass products and single tickets
 * that admits every traveller to every visit of an itinerary. Travellers of
 * one category pay the same prices, so the search runs once per category and
 * the result is multiplied by the head count.
 *
 * API used by `pass issue --plan` (H5b) — names are stable:
 *   quoteBundle(itinerary, catalogue, party) → Quote; Quote, CategoryQuote, QuotedPass,
 *   QuotedSingle, QuotedVisit, planVisits(itinerary), admissionsOf(itinerary, catalogue).
 */
import { estimatesAmong } from '../catalogue/fact-of.js';
import type { Attraction, Catalogue, IsoDate, PassProduct } from '../catalogue/model.js';
import { priceTableOn } from '../catalogue/price-on.js';
import { addDays, daysBetween, datesIn } from '../calendar/iso-date.js';
import type { Itinerary } from '../itinerary/itinerary.js';
import { cheapestBundle, type SearchProduct, type SearchVisit } from './bundle-search.js';

export interface QuotedVisit {
  readonly attraction: string;
  readonly date: IsoDate;
}

export interface QuotedPass {
  readonly product: string;
  /** Per traveller. */
  readonly price: number;
  /** The window this bundle relies on (first-use / issue-date: starting on the first covered visit). */
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
  readonly visits: readonly QuotedVisit[];
  /** What these visits would cost at walk-up prices, per traveller. */
  readonly walkUpValue: number;
  /** The worst single stop to drop from the plan: the covered visit with the highest walk-up price. */
  readonly worstDrop?: QuotedVisit & {
    readonly walkUpValueAfter: number;
    /** Does the pass still cost less than its remaining visits at walk-up prices? */
    readonly stillPays: boolean;
  };
}

export interface QuotedSingle extends QuotedVisit {
  readonly price: number;
  /** The walk-up price rests on an estimate or an assumption, not on a dated source (the catalogue's `price.<category>`). */
  readonly estimate?: true;
}

export interface CategoryQuote {
  readonly category: string;
  readonly travellers: number;
  readonly passes: readonly QuotedPass[];
  readonly singles: readonly QuotedSingle[];
  /** Per traveller. */
  readonly walkUp: number;
  readonly bundle: number;
  readonly savings: number;
}

export interface Quote {
  readonly currency: string;
  readonly visits: readonly QuotedVisit[];
  readonly categories: readonly CategoryQuote[];
  /** Whole party. */
  readonly walkUpTotal: number;
  readonly bundleTotal: number;
  readonly savings: number;
  /** True unless the search hit its node limit (then the bundle is the best found, not proven best). */
  readonly optimal: boolean;
}

/** The visits of a plan, in order, with their local dates. */
export function planVisits(itinerary: Itinerary): QuotedVisit[] {
  return itinerary.days.flatMap((day) =>
    day.items.flatMap((item) => (item.kind === 'visit' ? [{ attraction: item.attraction, date: item.start.slice(0, 10) || day.date }] : [])),
  );
}

/**
 * The admissions a plan needs: its visits, plus the enclosing area of a site
 * inside another's paid area (catalogue `within`: Meilu Villa is behind
 * Lushan's gate) on the day of its first inner visit, when the plan does not
 * visit the area itself — so that a pass covering the area is counted, and
 * the walk-up price includes that ticket.
 */
export function admissionsOf(itinerary: Itinerary, catalogue: Catalogue): QuotedVisit[] {
  const visits = planVisits(itinerary);
  const out: QuotedVisit[] = [];
  const have = new Set(visits.map((v) => v.attraction));
  for (const v of visits) {
    const area = catalogue.attractions.find((a) => a.id === v.attraction)?.within;
    if (area !== undefined && !have.has(area)) {
      have.add(area);
      out.push({ attraction: area, date: v.date });
    }
    out.push(v);
  }
  return out;
}

/**
 * @example quoteBundle(plan, catalogue, { adult: 2, child: 1 }).bundleTotal // 745
 */
export function quoteBundle(itinerary: Itinerary, catalogue: Catalogue, party: Readonly<Record<string, number>>): Quote {
  const visits = admissionsOf(itinerary, catalogue);
  const defaultCategory = catalogue.riderCategories.find((c) => c.isDefault)?.id ?? 'adult';
  const attractions = new Map(catalogue.attractions.map((a) => [a.id, a]));
  const priceFor = (prices: Readonly<Record<string, number>>, category: string): number | undefined =>
    prices[category] ?? prices[defaultCategory];
  const origin = visits.reduce<IsoDate | undefined>((min, v) => (min === undefined || v.date < min ? v.date : min), undefined) ?? '2000-01-01';
  const dayOf = (date: IsoDate) => daysBetween(origin, date);

  const categories: CategoryQuote[] = [];
  let optimal = true;
  for (const [category, travellers] of Object.entries(party)) {
    if (!(travellers > 0)) continue;
    const searchVisits: SearchVisit[] = visits.map((v) => ({
      day: dayOf(v.date),
      attraction: v.attraction,
      single: priceFor(priceTableOnOrEmpty(attractions.get(v.attraction), v.date), category) ?? 0,
    }));
    const offered = catalogue.passes.filter((p) => !p.residentsOnly && priceFor(p.price, category) !== undefined);
    const products = offered.map((p) => searchProduct(p, priceFor(p.price, category)!, dayOf));
    const solution = cheapestBundle(searchVisits, products);
    optimal &&= solution.optimal;
    const passes = solution.instances.map((inst): QuotedPass => {
      const covered = inst.visits.map((i) => visits[i]!);
      const values = inst.visits.map((i) => searchVisits[i]!.single);
      const walkUpValue = round2(values.reduce((a, b) => a + b, 0));
      const price = products[inst.product]!.price;
      const worst = values.indexOf(Math.max(...values));
      const after = round2(walkUpValue - values[worst]!);
      return {
        product: offered[inst.product]!.id,
        price,
        validFrom: addDays(origin, inst.start),
        validUntil: addDays(origin, inst.end),
        visits: covered,
        walkUpValue,
        ...(worst >= 0 ? { worstDrop: { ...covered[worst]!, walkUpValueAfter: after, stillPays: after > price } } : {}),
      };
    });
    const singles = solution.singles.map((i): QuotedSingle => {
      const site = attractions.get(visits[i]!.attraction);
      const estimated = site !== undefined && estimatesAmong(site, [`price.${category}`]).length > 0;
      return { ...visits[i]!, price: searchVisits[i]!.single, ...(estimated ? { estimate: true as const } : {}) };
    });
    const walkUp = round2(searchVisits.reduce((a, v) => a + v.single, 0));
    categories.push({ category, travellers, passes, singles, walkUp, bundle: solution.cost, savings: round2(walkUp - solution.cost) });
  }
  const total = (f: (c: CategoryQuote) => number) => round2(categories.reduce((a, c) => a + f(c) * c.travellers, 0));
  return {
    currency: catalogue.currency,
    visits,
    categories,
    walkUpTotal: total((c) => c.walkUp),
    bundleTotal: total((c) => c.bundle),
    savings: total((c) => c.savings),
    optimal,
  };
}

function searchProduct(p: PassProduct, price: number, dayOf: (d: IsoDate) => number): SearchProduct {
  const v = p.validity;
  return {
    id: p.id,
    price,
    attractions: new Set(p.attractionIds),
    kind: v.kind,
    ...(v.days !== undefined ? { days: v.days } : {}),
    ...(v.withinDays !== undefined ? { withinDays: v.withinDays } : {}),
    ...(v.count !== undefined ? { count: v.count } : {}),
    entries: p.entries,
    ...(v.starts === 'fixed-date' && v.startDate ? { fixedStart: dayOf(v.startDate) } : {}),
    blackoutDays: new Set(p.blackout.flatMap((r) => datesIn(r).map(dayOf))),
  };
}

/** The walk-up prices on the visit's date (a price season), {} for an unknown site. */
function priceTableOnOrEmpty(site: Attraction | undefined, date: IsoDate): Readonly<Record<string, number>> {
  return site ? priceTableOn(site, date) : {};
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
