/**
 * Local transfer costs on the itinerary's local travel items (docs/CLI.md,
 * `transfer`): a walk is free; a party in taxis pays each ride's meter (set
 * by trip-travel.ts); a group's vehicle with driver is hired per day and
 * city, and its day rate sits on the day's first local leg in that city.
 * The same day rates are committed against --budget before the core runs.
 */
import type { Catalogue } from '../catalogue/model.js';
import type { ItineraryItem, Party, TravelItem } from '../itinerary/itinerary.js';
import { transferKindFor, vehicleFor } from '../travel/local-fares.js';
import { dayCities, type LandDay } from './city-plan.js';
import { cents } from './party-cost.js';
import type { Segment } from './trip-travel.js';

function headsOf(party: Party): number {
  return Object.values(party).reduce((s, n) => s + n, 0);
}

/** Cities a land day can use a vehicle in: where it starts, where its trains change, where it ends. */
function citiesOf(day: Pick<LandDay, 'startCity' | 'endCity' | 'move' | 'onward' | 'openMin' | 'closeMin'>): string[] {
  if (day.closeMin <= day.openMin) return [];
  return dayCities(day);
}

/** Yuan for the group's vehicles over these land days (0 for a party in taxis, or without vehicle rates). */
export function vehicleDaysCost(catalogue: Pick<Catalogue, 'rates'>, party: Party, days: readonly LandDay[]): number {
  const heads = headsOf(party);
  if (transferKindFor(heads) !== 'vehicle') return 0;
  let fen = 0;
  for (const day of days) {
    for (const city of citiesOf(day)) {
      const pick = vehicleFor(catalogue.rates, heads, city);
      if (pick) fen += pick.count * pick.rate.perDayFen;
    }
  }
  return cents(fen / 100);
}

/** A local segment as an itinerary travel item's extra fields: how, how far, what rests on estimates. */
export function transferFields(s: Segment): Pick<TravelItem, 'transfer' | 'estimates'> {
  const t = s.transfer;
  if (!t) return {};
  if (t.by === 'walk') return { transfer: { by: 'walk', km: t.km } };
  if (t.by === 'vehicle') return { transfer: { by: 'vehicle', km: t.km } };
  const estimates = ['distance', ...(t.tariffEstimate ? ['rates.taxi'] : [])];
  return { transfer: { by: 'taxi', km: t.km, ...(t.cars !== undefined ? { taxis: t.cars } : {}) }, estimates };
}

/**
 * Puts a group's vehicle-day cost on the first local leg by vehicle of the
 * day in each city (with the vehicle's seats and count); other items are
 * returned as they are.
 */
export function withVehicleDays(items: readonly ItineraryItem[], catalogue: Pick<Catalogue, 'rates' | 'attractions' | 'cities'>, party: Party): ItineraryItem[] {
  const heads = headsOf(party);
  if (transferKindFor(heads) !== 'vehicle') return [...items];
  const charged = new Set<string>();
  const cityOf = (id: string) => catalogue.attractions.find((a) => a.id === id)?.city ?? id;
  return items.map((item) => {
    if (item.kind !== 'travel' || item.mode !== 'local' || item.transfer?.by !== 'vehicle') return item;
    const city = cityOf(item.from);
    if (charged.has(city)) return item;
    charged.add(city);
    const pick = vehicleFor(catalogue.rates, heads, city);
    if (!pick) return item;
    return {
      ...item,
      cost: cents(item.cost + (pick.count * pick.rate.perDayFen) / 100),
      transfer: { ...item.transfer, vehicle: { seats: pick.rate.seats, count: pick.count } },
      ...(pick.rate.estimate !== undefined ? { estimates: [...(item.estimates ?? []), 'rates.vehicles'] } : {}),
    };
  });
}
