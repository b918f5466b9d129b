/** Raw `rates:` (yuan, snake_case) → the rate table (fen, camelCase). */
import { parseMonths } from '../catalogue/parse-months.js';
import { yuanToFen } from './money.js';
import type { RawRateOrigin, RawRates } from './raw-rates.js';
import type { RateOrigin, RateTable } from './rates.js';

export function normalizeRates(raw: RawRates, origin: RateOrigin['origin']): RateTable {
  const o = (r: RawRateOrigin): RateOrigin => ({
    origin,
    ...(r.source !== undefined ? { source: r.source } : {}),
    ...(r.checked !== undefined ? { checked: r.checked } : {}),
    ...(r.estimate !== undefined ? { estimate: r.estimate } : {}),
  });
  const city = (c: string | undefined) => (c !== undefined ? { city: c } : {});
  const prices = (p: Readonly<Record<string, number>>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, yuanToFen(v)]));
  return {
    lodging: raw.lodging.map((r) => ({
      ...o(r),
      city: r.city,
      grade: r.grade,
      ...(r.hotel !== undefined ? { hotel: r.hotel } : {}),
      ...(r.months !== undefined ? { months: parseMonths(r.months) ?? [] } : {}),
      roomFen: yuanToFen(r.room),
      ...(r.single !== undefined ? { singleFen: yuanToFen(r.single) } : {}),
      ...(r.extra_bed !== undefined ? { extraBedFen: yuanToFen(r.extra_bed) } : {}),
      breakfastIncluded: r.breakfast,
    })),
    meals: raw.meals.map((r) => ({ ...o(r), grade: r.grade, meal: r.meal, ...city(r.city), fen: prices(r.price) })),
    taxi: raw.taxi.map((r) => ({ ...o(r), city: r.city, flagFallFen: yuanToFen(r.flag_fall), includedKm: r.included_km, perKmFen: yuanToFen(r.per_km) })),
    vehicles: raw.vehicles.map((r) => ({ ...o(r), seats: r.seats, ...city(r.city), perDayFen: yuanToFen(r.per_day) })),
    guides: raw.guides.map((r) => ({ ...o(r), language: r.language, ...city(r.city), perDayFen: yuanToFen(r.per_day) })),
    cruise: raw.cruise.map((r) => ({
      ...o(r),
      from: r.from,
      to: r.to,
      cabin: r.cabin,
      ...(r.months !== undefined ? { months: parseMonths(r.months) ?? [] } : {}),
      fen: prices(r.price),
      ...(r.single_supplement !== undefined ? { singleSupplementFen: yuanToFen(r.single_supplement) } : {}),
    })),
  };
}
