/**
 * What `--pace` changes. A relaxed party lingers (visits × 1.25) and needs
 * more slack between stops; a packed one moves briskly (× 0.8).
 */
import type { Minutes } from '../catalogue/model.js';
import type { Pace } from '../itinerary/itinerary.js';

export interface PaceRules {
  /** Multiplies the catalogue's typical visit length. */
  readonly visitFactor: number;
  /** Added to every local leg (see travel-model.ts). */
  readonly transferAllowanceMin: Minutes;
  /** Minutes cut from the end of the day window, for a rest before dinner. */
  readonly eveningRestMin: Minutes;
}

/**
 * The day's start when `--day-start` is not given: a relaxed party is collected an hour later
 * (09:00), as leisure programmes start; with the evening rest and the dinner held back
 * (programmeEndMin) its day is 09:00–19:00 against 08:00–20:00. Agency practice, not a sourced fact.
 */
export function defaultDayStart(pace: Pace): string {
  return pace === 'relaxed' ? '09:00' : '08:00';
}

export const PACES: Readonly<Record<Pace, PaceRules>> = {
  relaxed: { visitFactor: 1.25, transferAllowanceMin: 20, eveningRestMin: 60 },
  standard: { visitFactor: 1, transferAllowanceMin: 15, eveningRestMin: 0 },
  packed: { visitFactor: 0.8, transferAllowanceMin: 10, eveningRestMin: 0 },
};

/** Visit length at this pace, rounded to 5 minutes as itineraries show it. */
export function paceVisitMin(visitMin: Minutes, pace: Pace): Minutes {
  return Math.max(5, Math.round((visitMin * PACES[pace].visitFactor) / 5) * 5);
}

export interface MealRules {
  /** Lunch starts in [lunchFrom, lunchTo], minutes of the day; preferred at lunchAt. */
  readonly lunchFrom: Minutes;
  readonly lunchTo: Minutes;
  readonly lunchAt: Minutes;
  readonly lunchMin: Minutes;
  /** A late lunch, rather than a stop dropped, may start up to this (minute of the day). */
  readonly lunchLatest: Minutes;
  /**
   * On a day with a train (lunchStartSpan): lunch may start this early, before boarding, and
   * starts by lunchTo — no late lunch after the ride.
   */
  readonly trainLunchFrom: Minutes;
  /** A day whose programme ends after this (minute of the day) gets a dinner. */
  readonly dinnerAfter: Minutes;
  /** Dinner never starts before this. */
  readonly dinnerFrom: Minutes;
  readonly dinnerMin: Minutes;
}

/** A visit at least this long that spans lunchtime has the lunch inside it (a mountain, a scenic area). */
export const LUNCH_INSIDE_MIN = 240;

/**
 * Documented defaults (docs/CLI.md, "Meals"): lunch between 11:30 and 13:30
 * (a late lunch up to 14:30 rather than a stop dropped), dinner when the day's programme runs past 18:30. A relaxed party lingers at
 * table, a packed one eats quickly. Agency practice, not a sourced fact.
 */
/**
 * The minute of the day by which the core's day (stops, local legs, trains) ends, from the
 * day's end (`--day-end`, minute of the day): less the pace's evening rest, and less the
 * dinner when meals are planned and the day could run into dinner time — so that the day as
 * sold, dinner and the ride back included, ends by the day's end (meals.ts places the dinner
 * after the core's day). Before this, a 20:00 day end bounded only the stops: a day of
 * 08:00–21:05 (a riverside walk after the evening train, then dinner) and a last day arriving
 * at 20:00 with dinner after it were sold. A day that ends by `dinnerAfter` has no dinner, so
 * the cut never goes below it.
 */
export function programmeEndMin(dayEndMin: Minutes, pace: Pace, meals: boolean): Minutes {
  const end = dayEndMin - PACES[pace].eveningRestMin;
  const rules = MEAL_RULES[pace];
  if (!meals || end <= rules.dinnerAfter) return end;
  return Math.max(rules.dinnerAfter, end - rules.dinnerMin);
}

export const MEAL_RULES: Readonly<Record<Pace, MealRules>> = {
  relaxed: { lunchFrom: 11 * 60 + 30, lunchTo: 13 * 60 + 30, lunchAt: 12 * 60, lunchMin: 75, lunchLatest: 14 * 60 + 30, trainLunchFrom: 11 * 60, dinnerAfter: 18 * 60 + 30, dinnerFrom: 17 * 60 + 30, dinnerMin: 90 },
  standard: { lunchFrom: 11 * 60 + 30, lunchTo: 13 * 60 + 30, lunchAt: 12 * 60, lunchMin: 60, lunchLatest: 14 * 60 + 30, trainLunchFrom: 11 * 60, dinnerAfter: 18 * 60 + 30, dinnerFrom: 17 * 60 + 30, dinnerMin: 75 },
  packed: { lunchFrom: 11 * 60 + 30, lunchTo: 13 * 60 + 30, lunchAt: 12 * 60, lunchMin: 45, lunchLatest: 14 * 60 + 30, trainLunchFrom: 11 * 60, dinnerAfter: 18 * 60 + 30, dinnerFrom: 17 * 60 + 30, dinnerMin: 60 },
};


/**
 * When a day's lunch may start (minutes of the day). Usually lunchFrom–lunchLatest (a late lunch
 * rather than a stop dropped). On a day with a train between cities a programme eats before
 * boarding (a lunch near the station from 11:00) or on arrival when the ride ends in time, never
 * after lunchTo: before, a 12:00 Wuhan–Nanchang train was followed by lunch at 14:25 (operator's
 * review, session 8). Agency practice, not a sourced fact (docs/CLI.md, "Meals").
 */
export function lunchStartSpan(rules: MealRules, trainDay: boolean): { readonly fromMin: Minutes; readonly latestMin: Minutes } {
  return trainDay ? { fromMin: rules.trainLunchFrom, latestMin: rules.lunchTo } : { fromMin: rules.lunchFrom, latestMin: rules.lunchLatest };
}
