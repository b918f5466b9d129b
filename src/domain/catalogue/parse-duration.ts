import type { Minutes } from './model.js';

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

/** `90m`, `1h30m`, `2h`, `3d12h`: units d h m, each at most once, in that order. */
export const DURATION_PATTERN = /^(?:(\d{1,4})d)?(?:(\d{1,5})h)?(?:(\d{1,6})m)?$/;

/**
 * Parses a catalogue duration into minutes; undefined if it does not parse.
 *
 * @example
 * parseDuration('1h30m') // 90
 * parseDuration('3d12h') // 5040
 * parseDuration('90')    // undefined: a number needs a unit
 */
export function parseDuration(text: string): Minutes | undefined {
  const match = DURATION_PATTERN.exec(text);
  // The pattern also matches '', which names no duration at all.
  if (!match || text === '') return undefined;
  const [, days = '0', hours = '0', minutes = '0'] = match;
  return Number(days) * MINUTES_PER_DAY + Number(hours) * MINUTES_PER_HOUR + Number(minutes);
}
