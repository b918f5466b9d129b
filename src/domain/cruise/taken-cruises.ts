/**
 * The cruise products a trip skeleton sails: each multi-day leg boarded at the end of a land day
 * (`cruiseOut`) whose link a product sails, with the trip day it is boarded on (programme day 1).
 */
import type { Catalogue, Cruise, Link } from '../catalogue/model.js';
import { cruiseForLink, visitedSites } from './cruise-programme.js';

/** Just the parts of a skeleton day this needs (plan/city-plan.ts), so the cruise module does not import the plan's. */
interface SkeletonDay {
  readonly kind: 'land' | 'aboard';
  readonly cruiseOut?: { readonly link: { readonly from: string; readonly to: string; readonly link: Link }; readonly departMin: number };
}

export interface Sailing {
  readonly cruise: Cruise;
  readonly boardTripDay: number;
}

export function takenCruises(catalogue: Pick<Catalogue, 'cruises'>, plan: { readonly days: readonly SkeletonDay[] }): Sailing[] {
  const out: Sailing[] = [];
  for (const day of plan.days) {
    if (day.kind !== 'land' || !day.cruiseOut) continue;
    const cruise = cruiseForLink(catalogue, day.cruiseOut.link);
    if (cruise) out.push({ cruise, boardTripDay: Math.floor(day.cruiseOut.departMin / 1440) });
  }
  return out;
}

/** The sites the programmes of a skeleton's cruises visit (included ones, and optional ones asked for with --must). */
export function shipSites(
  catalogue: Pick<Catalogue, 'cruises'>, plan: { readonly days: readonly SkeletonDay[] }, request: { readonly must: readonly string[]; readonly avoid: readonly string[] },
): Set<string> {
  const out = new Set<string>();
  for (const { cruise } of takenCruises(catalogue, plan)) {
    for (const site of visitedSites(cruise, new Set(request.must), new Set(request.avoid))) out.add(site);
  }
  return out;
}
