import { monthOf } from '../calendar/iso-date.js';
import type { Attraction, IsoDate } from './model.js';

/**
 * The price table on a date: a price season covering its month (off-peak,
 * flood season), else the main table. Without a date, the main table, which
 * the generated catalogue keeps at the dearest season so budgets stay safe.
 */
export function priceTableOn(attraction: Attraction, date?: IsoDate): Readonly<Record<string, number>> {
  if (date === undefined) return attraction.price;
  const month = monthOf(date);
  return attraction.priceSeasons.find((s) => s.months.includes(month))?.price ?? attraction.price;
}
