/**
 * When an outdoor visit must be over: no operator sends a party up a
 * mountain, along a gorge or out on a wetland in the dark, whatever the
 * gates say (Yuelu Mountain's paths are open to 23:00; in December the sun
 * sets there at about 17:30). A site the catalogue marks `daylight: required`
 * closes, for planning, at sunset at its own point on that date; the party
 * gets back to the hotel in the civil twilight that follows (about 25 min
 * at these latitudes). Night-view sites (a lit riverfront, a night cruise)
 * are not marked and are not capped.
 */
import type { Attraction, IsoDate, MinuteOfDay } from '../catalogue/model.js';
import { formatTime } from '../catalogue/parse-time.js';
import { sunTimes } from './daylight.js';
import type { OpeningInterval } from './opening-on.js';

/** The minute a visit to `a` must end by on `date` because night falls, or undefined when it may go on after dark. */
export function daylightEndOn(a: Pick<Attraction, 'daylight' | 'location'>, date: IsoDate, timeZone: string): MinuteOfDay | undefined {
  if (a.daylight !== 'required') return undefined;
  const key = `${a.location.lat},${a.location.lon},${date},${timeZone}`;
  if (!sunsets.has(key)) {
    if (sunsets.size >= SUNSET_MEMO_SIZE) sunsets.clear();
    sunsets.set(key, sunTimes(a.location, date, timeZone).sunsetMin);
  }
  return sunsets.get(key);
}

/**
 * Sunsets already computed: the planner asks for the same site and date once per skeleton and
 * per reason it derives, and the answer never changes (a pure function's memo, bounded).
 */
const sunsets = new Map<string, MinuteOfDay | undefined>();
const SUNSET_MEMO_SIZE = 4096;

/**
 * Opening intervals with every close (and last entry) brought forward to
 * `endByMin`; an interval that then has no time left goes.
 */
export function capIntervals(intervals: readonly OpeningInterval[], endByMin: MinuteOfDay | undefined): OpeningInterval[] {
  if (endByMin === undefined) return [...intervals];
  return intervals.flatMap((w) => {
    const closeMin = Math.min(w.closeMin, endByMin);
    if (closeMin <= w.openMin) return [];
    return [{ openMin: w.openMin, closeMin, ...(w.lastEntryMin !== undefined ? { lastEntryMin: Math.min(w.lastEntryMin, closeMin) } : {}) }];
  });
}

/** The day's sunset where it matters: at the outdoor site of the day whose sun sets first. */
export interface DaySunset {
  /** `HH:MM`, the catalogue's zone. */
  readonly time: string;
  /** The outdoor attraction it was computed at. */
  readonly at: string;
}

export function daySunset(
  sites: readonly Pick<Attraction, 'id' | 'daylight' | 'location'>[], date: IsoDate, timeZone: string,
): DaySunset | undefined {
  let best: { min: MinuteOfDay; at: string } | undefined;
  for (const a of sites) {
    const min = daylightEndOn(a, date, timeZone);
    if (min !== undefined && (best === undefined || min < best.min)) best = { min, at: a.id };
  }
  if (best === undefined) return undefined;
  return { time: formatTime(best.min), at: best.at };
}
