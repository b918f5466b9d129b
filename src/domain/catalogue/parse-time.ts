import type { MinuteOfDay } from './model.js';

/** `"HH:MM"` on a 24-hour clock; `24:00` is allowed as the end of a day. */
export const TIME_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** A departure: one sailing `"HH:MM"`, or a run of boats leaving in turn `"HH:MM-HH:MM"`. */
export const DEPARTURE_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d(?:-(?:[01]\d|2[0-3]):[0-5]\d)?$/;

/**
 * Parses `"HH:MM"` into minutes after local midnight; undefined if it does not parse.
 *
 * @example
 * parseTime('08:30') // 510
 * parseTime('24:00') // 1440
 * parseTime('8:30')  // undefined: two digits for the hour
 */
export function parseTime(text: string): MinuteOfDay | undefined {
  const match = TIME_PATTERN.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return hours * 60 + minutes;
}

/**
 * `"HH:MM"` from minutes after local midnight; fractional minutes round to the nearest.
 *
 * @example formatTime(510) // '08:30'
 */
export function formatTime(minuteOfDay: MinuteOfDay): string {
  const hours = Math.floor(minuteOfDay / 60);
  const minutes = Math.round(minuteOfDay - hours * 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
