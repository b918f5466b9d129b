/**
 * What a quote needs to know about an itinerary, read from the plan JSON as
 * it is (days, visits, travel legs, the night's city) and from the item kinds
 * added later when present (meals, items aboard a cruise). Where the plan is
 * silent, pricing derives the rest and says so (see price-trip.ts).
 */
import type { Catalogue } from '../catalogue/model.js';
import type { Itinerary } from '../itinerary/itinerary.js';
import type { Meal } from './rates.js';
import { haversineKm } from '../travel/travel-model.js';

export interface Leg {
  readonly day: number;
  readonly date: string;
  readonly fromCity: string;
  readonly toCity: string;
  readonly mode: string;
  readonly departMs: number;
  readonly arriveMs: number;
  /** Whole party, from the plan. */
  readonly planCost: number;
}

export interface LocalMove {
  readonly day: number;
  readonly city: string;
  readonly from: string;
  readonly to: string;
  /** Straight-line distance between the two points. */
  readonly straightKm: number;
  /** Cost the plan gives (a later planner prices transfers); 0 when it does not. */
  readonly planCost: number;
  /** How the plan makes the leg (plans since local transfers were priced); absent in older plans. */
  readonly transfer?: { readonly by: string; readonly km: number; readonly taxis?: number };
}

export interface PlannedMeal {
  readonly day: number;
  readonly meal: Meal;
  readonly city?: string;
  /** When it starts (epoch ms, the plan's offset), so a lunch ashore after landing is not taken for the ship's. */
  readonly startMs?: number;
}

export interface TripFacts {
  readonly days: readonly { readonly day: number; readonly date: string; readonly lodging: string; readonly cities: readonly string[] }[];
  readonly legs: readonly Leg[];
  readonly moves: readonly LocalMove[];
  /** Meal items of the plan, when it has any; undefined when the plan has none (then meals are derived). */
  readonly meals?: readonly PlannedMeal[];
}

type AnyItem = Record<string, unknown> & { kind: string };

export function tripFacts(itinerary: Itinerary, catalogue: Catalogue): TripFacts {
  const cities = new Set(catalogue.cities.map((c) => c.id));
  const points = new Map<string, { city: string; lat: number; lon: number }>();
  for (const c of catalogue.cities) points.set(c.id, { city: c.id, ...c.location });
  for (const a of catalogue.attractions) points.set(a.id, { city: a.city, ...a.location });
  const cityOf = (id: string) => points.get(id)?.city ?? (cities.has(id) ? id : id);

  const legs: Leg[] = [];
  const moves: LocalMove[] = [];
  const meals: PlannedMeal[] = [];
  const days = itinerary.days.map((d) => {
    const seen = new Set<string>();
    for (const raw of d.items as unknown as readonly AnyItem[]) {
      if (raw.aboard !== undefined) continue;
      if (raw.kind === 'visit' && typeof raw.city === 'string') seen.add(raw.city);
      if (raw.kind === 'meal' && (raw.meal === 'lunch' || raw.meal === 'dinner' || raw.meal === 'breakfast')) {
        const startMs = typeof raw.start === 'string' ? Date.parse(raw.start) : NaN;
        meals.push({ day: d.day, meal: raw.meal, ...(typeof raw.city === 'string' ? { city: raw.city } : {}), ...(Number.isFinite(startMs) ? { startMs } : {}) });
      }
      if (raw.kind !== 'travel') continue;
      const from = String(raw.from);
      const to = String(raw.to);
      const cost = typeof raw.cost === 'number' ? raw.cost : 0;
      if (raw.mode === 'local') {
        const a = points.get(from);
        const b = points.get(to);
        const city = cityOf(from);
        seen.add(city);
        const transfer = readTransfer(raw.transfer);
        moves.push({ day: d.day, city, from, to, straightKm: a && b ? haversineKm(a, b) : 0, planCost: cost, ...(transfer ? { transfer } : {}) });
      } else {
        legs.push({
          day: d.day,
          date: d.date,
          fromCity: cityOf(from),
          toCity: cityOf(to),
          mode: String(raw.mode),
          departMs: Date.parse(String(raw.depart)),
          arriveMs: Date.parse(String(raw.arrive)),
          planCost: cost,
        });
      }
    }
    return { day: d.day, date: d.date, lodging: d.lodging, cities: [...seen] };
  });
  return { days, legs, moves, ...(meals.length > 0 ? { meals } : {}) };
}

function readTransfer(value: unknown): LocalMove['transfer'] {
  if (typeof value !== 'object' || value === null) return undefined;
  const t = value as Record<string, unknown>;
  if (typeof t.by !== 'string' || typeof t.km !== 'number') return undefined;
  return { by: t.by, km: t.km, ...(typeof t.taxis === 'number' ? { taxis: t.taxis } : {}) };
}

/** Local time `HH:MM` on a date (+08:00, the catalogue's zone) as epoch ms. */
export function localMs(date: string, hhmm: string): number {
  return Date.parse(`${date}T${hhmm}:00+08:00`);
}
