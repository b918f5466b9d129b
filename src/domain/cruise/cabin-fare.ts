/**
 * Cruise fares from a product (docs/CATALOGUE.md "cruises"), in fen (integer): a cabin grade's
 * fare per person sharing a twin cabin, from the base fare by the grade's rule; what a child pays
 * of it (sharing the adults' beds or with a bed of its own); one person alone in a twin cabin.
 */
import type { Cruise, CruiseChildFare } from '../catalogue/model.js';

const FEN_PER_YUAN = 100;

/** The adult fare per person of `grade`, or undefined when the product has no such grade or it is on request. */
export function cabinFareFen(cruise: Cruise, grade: string, defaultId: string): number | undefined {
  const base = cruise.fare[defaultId];
  const cabin = cruise.cabins.find((c) => c.grade === grade);
  if (base === undefined || !cabin || cabin.onRequest) return undefined;
  const baseFen = Math.round(base * FEN_PER_YUAN);
  if (cabin.paysPercent !== undefined) return Math.round((baseFen * cabin.paysPercent) / 100);
  if (cabin.plus !== undefined) return baseFen + Math.round(cabin.plus * FEN_PER_YUAN);
  return undefined;
}

/**
 * The child-fare rule for a child of `category` sharing the adults' beds (`ownBed` false) or
 * with a bed of its own: the product's first rule for that category and bed whose ages begin
 * below 12 (the operators' 2–11 rule; the older ones pay the adult fare).
 */
export function childFareRule(cruise: Cruise, category: string, ownBed: boolean): CruiseChildFare | undefined {
  return cruise.childFares.find((f) => f.category === category && f.bed === ownBed && /^\d+/.test(f.ages) && Number(/^\d+/.exec(f.ages)![0]) < 12);
}

/** A share of a fare in whole percent, rounded to the fen. */
export function percentOfFen(fen: number, percent: number): number {
  return Math.round((fen * percent) / 100);
}
