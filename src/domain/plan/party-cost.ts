/**
 * Prices for the whole party: each rider category pays its own price, and a
 * category the catalogue leaves out pays the default (adult) price.
 */
import type { Attraction, Catalogue, IsoDate, Link } from '../catalogue/model.js';
import { priceTableOn } from '../catalogue/price-on.js';
import type { Party } from '../itinerary/itinerary.js';


export function defaultCategory(catalogue: Pick<Catalogue, 'riderCategories'>): string {
  return catalogue.riderCategories.find((c) => c.isDefault)?.id ?? 'adult';
}

/** Admission for the party (on `date`, when seasons differ), rounded to cents. */
export function admissionFor(attraction: Attraction, party: Party, defaultId: string, date?: IsoDate): number {
  const table = priceTableOn(attraction, date);
  const base = table[defaultId] ?? table.adult ?? 0;
  return cents(Object.entries(party).reduce((sum, [cat, n]) => sum + n * (table[cat] ?? base), 0));
}

/** Fare for the party on a link. */
export function fareFor(link: Link, party: Party): number {
  return cents(Object.entries(party).reduce((sum, [cat, n]) => sum + n * (link.fares[cat] ?? link.fare), 0));
}

/** Money is kept to two decimals so sums compare exactly. */
export function cents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
