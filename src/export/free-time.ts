/**
 * Free time in a day's programme: a stretch of an hour or more between one item ashore and the
 * next (the README trip's first day ends the cableway at 14:55 and walks to Hongyadong at 17:45,
 * for the lit facade after dinner). The views said nothing of it, and a customer read a hole in
 * the day; a programme says "free time near …" (operator's review, session 8). Derived from the
 * items alone, so the JSON and the pipe view (data) are unchanged. Before a train the time at
 * the station (travel-model.ts BOARDING_MIN) is not free.
 */
import type { Catalogue } from '../domain/catalogue/model.js';
import type { ItineraryDay, ItineraryItem } from '../domain/itinerary/itinerary.js';
import { itemSpan, tripMinute, tripTime } from '../domain/itinerary/itinerary-time.js';
import { BOARDING_MIN } from '../domain/travel/travel-model.js';
import { placeName, type Lang } from './locale.js';

/** A stretch at least this long between items ashore is shown as free time. */
export const FREE_TIME_MIN = 60;

export interface FreeTime {
  /** Index of the item the free time comes before. */
  readonly before: number;
  readonly start: string;
  readonly end: string;
  /** Where the party is: an attraction or a city id. */
  readonly near: string;
}

export function freeTimes(day: ItineraryDay): FreeTime[] {
  const out: FreeTime[] = [];
  // Minutes from 00:00 on the day's date: the itinerary's own time axis (itinerary-time.ts).
  const minuteOf = (iso: string): number => tripMinute(day.date, iso) ?? Number.NaN;
  let clock: number | undefined;
  let where: string | undefined;
  day.items.forEach((item, i) => {
    if (!ashore(item)) {
      // The ship's time is the ship's: no free time is counted across it.
      clock = undefined;
      return;
    }
    const { start, end } = itemSpan(item);
    // Before a train (or coach, ferry, flight) the party is at the station its boarding time ahead.
    const until = minuteOf(start) - (item.kind === 'travel' && item.mode !== 'local' ? BOARDING_MIN[item.mode] : 0);
    if (clock !== undefined && where !== undefined && until - clock >= FREE_TIME_MIN) {
      out.push({ before: i, start: tripTime(day.date, clock), end: tripTime(day.date, until), near: where });
    }
    if (clock === undefined || minuteOf(end) > clock) clock = minuteOf(end);
    where = item.kind === 'travel' ? item.to : item.kind === 'visit' ? item.attraction : item.kind === 'meal' ? item.near : where;
  });
  return out;
}

function ashore(item: ItineraryItem): boolean {
  if (item.kind === 'cruise') return false;
  if (item.kind === 'visit') return item.aboard === undefined;
  if (item.kind === 'travel') return item.mode !== 'cruise';
  return true;
}

/** "Free time in Wuhan" / "Free time near Yellow Crane Tower Park" / "在武汉自由活动" / "黄鹤楼公园附近自由活动". */
export function freeTimeTitle(f: FreeTime, catalogue: Catalogue, lang: Lang): string {
  const name = placeName(catalogue, f.near, lang);
  const city = catalogue.cities.some((c) => c.id === f.near);
  if (lang === 'zh') return city ? `在${name}自由活动` : `${name}附近自由活动`;
  return city ? `Free time in ${name}` : `Free time near ${name}`;
}
