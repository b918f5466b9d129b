/**
 * The calendar date and time of day at an instant in a named time zone. Pure:
 * the instant is an argument (the CLI passes `effects.now()`), and the answer
 * does not depend on the machine's own zone.
 */
import type { IsoDate, MinuteOfDay } from '../catalogue/model.js';

export interface ZonedDateTime {
  readonly date: IsoDate;
  readonly minuteOfDay: MinuteOfDay;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * @example dateInZone(Date.parse('2026-05-10T17:00:00Z'), 'Asia/Shanghai') // { date: '2026-05-11', minuteOfDay: 60 }
 */
export function dateInZone(epochMs: number, timeZone: string): ZonedDateTime {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(epochMs).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}
