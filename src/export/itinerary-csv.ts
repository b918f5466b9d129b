/**
 * The itinerary as CSV (RFC 4180: a header row, CRLF line ends, fields with
 * a comma, quote or line break quoted and quotes doubled): one row per item.
 */
import type { Catalogue } from '../domain/catalogue/model.js';
import type { Itinerary } from '../domain/itinerary/itinerary.js';
import { placeName } from './locale.js';
import { mealTitle } from './meal-text.js';
import { cruiseItemTitle } from './cruise-text.js';
import { holidayLine } from './holiday-text.js';

export const ITINERARY_CSV_HEADER = [
  'day', 'date', 'kind', 'start', 'end', 'id', 'from', 'to', 'city', 'mode', 'themes', 'name', 'name_zh', 'cost', 'currency',
] as const;

export function renderItineraryCsv(it: Itinerary, catalogue: Catalogue): string {
  const rows: (string | number)[][] = [[...ITINERARY_CSV_HEADER]];
  for (const day of it.days) {
    const h = day.holiday;
    // A public holiday is a row of its own: `mode` says golden-week or public-holiday, the names carry the advice.
    if (h) {
      rows.push([
        day.day, day.date, 'holiday', '', '', '', '', '', '', h.goldenWeek ? 'golden-week' : 'public-holiday', '',
        holidayLine(h, 'en'), holidayLine(h, 'zh'), '', '',
      ]);
    }
    for (const item of day.items) {
      if (item.kind === 'visit') {
        rows.push([
          day.day, day.date, 'visit', item.start, item.end, item.attraction, '', '', item.city, '', item.themes.join(' '),
          placeName(catalogue, item.attraction, 'en'), placeName(catalogue, item.attraction, 'zh'), item.cost, it.totals.currency,
        ]);
      } else if (item.kind === 'meal') {
        // A meal's cost is an estimate (docs/CLI.md): `mode` holds lunch/dinner, `id` where it is taken.
        rows.push([
          day.day, day.date, 'meal', item.start, item.end, item.near, '', '', item.city, item.meal, '',
          mealTitle(item, catalogue, 'en'), mealTitle(item, catalogue, 'zh'), item.cost, it.totals.currency,
        ]);
      } else if (item.kind === 'cruise') {
        // A programme item of the cruise: `mode` holds its part (shore-excursion, passage, …), `id` the cruise.
        rows.push([
          day.day, day.date, 'cruise', item.start, item.end, item.aboard, '', '', '', item.part, '',
          cruiseItemTitle(item, 'en'), cruiseItemTitle(item, 'zh'), item.cost, it.totals.currency,
        ]);
      } else {
        rows.push([
          day.day, day.date, 'travel', item.depart, item.arrive, '', item.from, item.to, '', item.mode, '',
          `${placeName(catalogue, item.from, 'en')} → ${placeName(catalogue, item.to, 'en')}`,
          `${placeName(catalogue, item.from, 'zh')} → ${placeName(catalogue, item.to, 'zh')}`, item.cost, it.totals.currency,
        ]);
      }
    }
  }
  return rows.map((r) => r.map((c) => csvField(String(c))).join(',') + '\r\n').join('');
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
