/**
 * When a link departs, as minutes of the day (see travel-model.ts).
 */
import type { Link, MinuteOfDay } from '../catalogue/model.js';

/**
 * The first departure at or after `earliestMin` on the same day, or undefined
 * when the last one has left.
 *
 * @example nextDeparture({ firstMin: 390, lastMin: 1290, everyMin: 30, … }, 400) // 420
 */
export function nextDeparture(link: Link, earliestMin: MinuteOfDay): MinuteOfDay | undefined {
  const at = Math.max(0, Math.ceil(earliestMin));
  if (link.departures) return sortedDepartures(link).find((d) => d >= at);
  if (at > link.lastMin) return undefined;
  if (at <= link.firstMin) return link.firstMin;
  if (link.everyMin === undefined) return at;
  const k = Math.ceil((at - link.firstMin) / link.everyMin);
  const d = link.firstMin + k * link.everyMin;
  return d <= link.lastMin ? d : undefined;
}

/** Whether a link actually departs at this minute of the day. */
export function departsAt(link: Link, minute: MinuteOfDay): boolean {
  return nextDeparture(link, minute) === minute;
}

const sorted = new WeakMap<Link, readonly MinuteOfDay[]>();
/** Timetables are sorted once per link: this runs inside the solver's inner loop. */
function sortedDepartures(link: Link): readonly MinuteOfDay[] {
  let list = sorted.get(link);
  if (!list) {
    list = [...(link.departures ?? [])].sort((a, b) => a - b);
    sorted.set(link, list);
  }
  return list;
}
