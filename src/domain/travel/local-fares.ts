/**
 * What local legs cost the party, from the catalogue's `rates:` section (or
 * an agency's sheet laid over it): metered taxis by the kilometre for a
 * party that fits one taxi, a vehicle with driver per day for a group.
 * Money in integer fen; every figure keeps its rate's source or estimate
 * mark, and a taxi ride's distance is always the road model's (an estimate).
 */
import type { Fen } from '../quote/money.js';
import type { RateTable, TaxiRate, VehicleRate } from '../quote/rates.js';

/** Passengers per taxi (a saloon car: four besides the driver). */
export const TAXI_SEATS = 4;

/** How a party moves between sights: walking legs are free whichever it is. */
export type TransferKind = 'taxi' | 'vehicle';

/** A party larger than one taxi hires a vehicle with driver for the day (agency practice). */
export function transferKindFor(heads: number): TransferKind {
  return heads > TAXI_SEATS ? 'vehicle' : 'taxi';
}

/**
 * One metered ride: the flag fall covers `includedKm`, then per kilometre,
 * rounded up to the fen. Day rate only: waiting time, the empty-return
 * surcharge and night rates are not modelled.
 *
 * @example taxiFareFen({ flagFallFen: 800, includedKm: 2, perKmFen: 200 }, 7.5) // 800 + 1100 = 1900
 */
export function taxiFareFen(rate: Pick<TaxiRate, 'flagFallFen' | 'includedKm' | 'perKmFen'>, km: number): Fen {
  return rate.flagFallFen + Math.ceil(Math.max(0, km - rate.includedKm) * rate.perKmFen - 1e-9);
}

export function taxiRateFor(rates: RateTable | undefined, city: string): TaxiRate | undefined {
  return rates?.taxi.find((r) => r.city === city);
}

/**
 * The vehicle a group hires in a city: the city's own rates when it has
 * any, else the general ones; the smallest that seats everyone, else enough
 * of the largest.
 */
export function vehicleFor(rates: RateTable | undefined, heads: number, city: string): { rate: VehicleRate; count: number } | undefined {
  if (!rates) return undefined;
  const local = rates.vehicles.filter((v) => v.city === city);
  const pool = local.length > 0 ? local : rates.vehicles.filter((v) => v.city === undefined);
  if (pool.length === 0) return undefined;
  const fits = pool.filter((v) => v.seats >= heads).sort((a, b) => a.seats - b.seats || a.perDayFen - b.perDayFen)[0];
  if (fits) return { rate: fits, count: 1 };
  const largest = [...pool].sort((a, b) => b.seats - a.seats)[0]!;
  return { rate: largest, count: Math.ceil(heads / largest.seats) };
}
