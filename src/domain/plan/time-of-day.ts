/**
 * When in the day a visit may start because of what the sight is, not when
 * its gates open: a facade lit from 18:00 to 22:00 (catalogue `best_time`) is
 * seen inside those hours, and a sightseeing boat (catalogue `departures`)
 * leaves at its sailings, not whenever the party arrives. Both narrow the
 * start windows the opening hours give (build-problem.ts startWindows).
 *
 * An evening sight (its best time, or the sailing taken, starts at dinner
 * time or later) is what an agency takes the party to after dinner: it may
 * run past the request's day end, and the day then ends with it (the leg
 * back to the hotel, or to the pier of a ship that sails that night).
 */
import type { Attraction, ClockSpan, MinuteOfDay } from '../catalogue/model.js';
import type { Pace } from '../itinerary/itinerary.js';

/**
 * The spans (minutes of the day) in which a visit of `durationMin` may start:
 * wholly inside the best time, at a sailing (a run of boats leaving in turn:
 * every ten minutes of it, sailingsOf), both when both are given; undefined
 * when the site has neither (any time its hours allow).
 *
 * @example
 * // Hongyadong, lit 18:00-22:00, a 90-minute visit: start 18:00-20:30.
 * timeOfDayStarts({ bestTime: { fromMin: 1080, toMin: 1320 } }, 90) // [{ fromMin: 1080, toMin: 1230 }]
 */
export function timeOfDayStarts(a: Pick<Attraction, 'bestTime' | 'departures'>, durationMin: number): ClockSpan[] | undefined {
  const best = a.bestTime === undefined ? undefined : { fromMin: a.bestTime.fromMin, toMin: a.bestTime.toMin - durationMin };
  if (a.departures === undefined) return best === undefined ? undefined : best.toMin >= best.fromMin ? [best] : [];
  const sailings = a.departures.flatMap(sailingsOf);
  if (best === undefined) return sailings;
  return sailings.flatMap((d) => {
    const fromMin = Math.max(d.fromMin, best.fromMin);
    const toMin = Math.min(d.toMin, best.toMin);
    return toMin >= fromMin ? [{ fromMin, toMin }] : [];
  });
}

/** Boats leaving in turn are planned (and shown) at this step: the sources give no headway. */
export const ROLLING_SAILING_STEP_MIN = 10;

/**
 * A departure as the sailings a plan may take: a fixed one as it is; a run of boats leaving in
 * turn (19:00-20:30, headway not given) as one every ROLLING_SAILING_STEP_MIN on the clock's
 * ten minutes (19:00, 19:10 … 20:30). Before, the party boarded the minute it arrived and the
 * plan said 19:17, a time no timetable has (operator's review, session 8); a ten-minute step is
 * what a guide quotes for boats leaving in turn, and never promises more than the source says.
 */
function sailingsOf(d: ClockSpan): ClockSpan[] {
  if (d.toMin <= d.fromMin) return [d];
  const out: ClockSpan[] = [];
  const first = Math.ceil(d.fromMin / ROLLING_SAILING_STEP_MIN) * ROLLING_SAILING_STEP_MIN;
  for (let t = first; t <= d.toMin; t += ROLLING_SAILING_STEP_MIN) out.push({ fromMin: t, toMin: t });
  return out;
}

/**
 * Start windows (on any axis whose day starts at `baseMin`) narrowed to the
 * site's time of day; unchanged for a site without one.
 */
export function narrowToTimeOfDay<W extends { readonly open: number; readonly close: number }>(
  windows: readonly W[], a: Pick<Attraction, 'bestTime' | 'departures'>, durationMin: number, baseMin: number,
): { open: number; close: number }[] {
  const spans = timeOfDayStarts(a, durationMin);
  if (spans === undefined) return windows.map((w) => ({ open: w.open, close: w.close }));
  return windows.flatMap((w) =>
    spans.flatMap((s) => {
      const open = Math.max(w.open, baseMin + s.fromMin);
      const close = Math.min(w.close, baseMin + s.toMin);
      return close >= open ? [{ open, close }] : [];
    }),
  );
}

/**
 * True when a visit starting at `startOfDayMin` is an evening outing: the site
 * is seen at a time of day (best time or sailings) and the span it starts in
 * begins at dinner time (`dinnerFromMin`, meals.ts's rule for the pace) or later.
 */
export function isEveningVisit(a: Pick<Attraction, 'bestTime' | 'departures'>, startOfDayMin: MinuteOfDay, dinnerFromMin: MinuteOfDay): boolean {
  if (a.departures !== undefined) {
    return a.departures.some((d) => d.fromMin >= dinnerFromMin && startOfDayMin >= d.fromMin && startOfDayMin <= d.toMin);
  }
  return a.bestTime !== undefined && a.bestTime.fromMin >= dinnerFromMin;
}

/**
 * An evening outing as the planner allows one: an evening visit (isEveningVisit) in the city
 * where the day ends — the hotel's, or the pier of a ship sailing that night. After dinner the
 * party goes back to its hotel, not on to a train: a day of a morning train from Yichang, the
 * Two Rivers boat at 19:00 and the 21:00 train to Jiujiang arriving at 22:30 is not sold.
 */
export function eveningOuting(
  a: Pick<Attraction, 'city' | 'bestTime' | 'departures'>, dayEndCity: string, startOfDayMin: MinuteOfDay, dinnerFromMin: MinuteOfDay,
): boolean {
  return a.city === dayEndCity && isEveningVisit(a, startOfDayMin, dinnerFromMin);
}

/**
 * The latest an evening outing may bring the party back to its hotel, by pace: documented
 * defaults (docs/CLI.md, "Meals"), agency practice rather than sourced facts. A relaxed party
 * (children, older travellers) is back by 21:30: before, one dined at Hongyadong until 19:40 and
 * was back at the hotel at 22:05 (operator's review, session 8).
 */
export const EVENING_RETURN_BY: Readonly<Record<Pace, MinuteOfDay>> = {
  relaxed: 21 * 60 + 30,
  standard: 22 * 60 + 30,
  packed: 23 * 60,
};

/** The latest return at the standard pace (kept for readers of the single default before paces had their own). */
export const EVENING_RETURN_BY_MIN: MinuteOfDay = EVENING_RETURN_BY.standard;
