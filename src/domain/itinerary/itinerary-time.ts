/**
 * Itinerary times: ISO 8601 local times with the catalogue's fixed +08:00
 * offset (China has no daylight saving). Internally a trip is one axis of
 * minutes counted from 00:00 on its first day, so day d starts at d × 1440.
 */
import type { IsoDate } from '../catalogue/model.js';
import type { ItineraryItem } from './itinerary.js';
import { addDays, daysBetween, isIsoDate } from '../calendar/iso-date.js';
import { formatTime as hhmm, parseTime as parseHhmm } from '../catalogue/parse-time.js';

export const UTC_OFFSET = '+08:00';
const MINUTES_PER_DAY = 1440;
const pattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})\+08:00$/;

/**
 * @example tripTime('2026-05-12', 1470) // '2026-05-13T00:30:00+08:00'
 */
export function tripTime(start: IsoDate, minute: number): string {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const m = minute - day * MINUTES_PER_DAY;
  return `${addDays(start, day)}T${hhmm(m)}:00${UTC_OFFSET}`;
}

/** Minutes from 00:00 on `start`; undefined when the text is not a +08:00 time we write. */
export function tripMinute(start: IsoDate, text: string): number | undefined {
  const m = pattern.exec(text);
  if (!m || !isIsoDate(m[1]!)) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 23 || minutes > 59 || m[4] !== '00') return undefined;
  return daysBetween(start, m[1]!) * MINUTES_PER_DAY + hours * 60 + minutes;
}

/** When an item starts and ends, whatever its kind (a visit's start/end, a leg's depart/arrive). */
export function itemSpan(item: ItineraryItem): { readonly start: string; readonly end: string } {
  return item.kind === 'travel' ? { start: item.depart, end: item.arrive } : { start: item.start, end: item.end };
}

/** 'HH:MM' ↔ minutes of the day: the catalogue's one definition of a time of day. */
export { hhmm, parseHhmm };
