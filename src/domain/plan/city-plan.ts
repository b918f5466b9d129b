/**
 * The skeleton of a trip: where each day starts and which city (or ship) it
 * ends in, and the inter-city legs between them. The planner core fills the
 * land days with visits; see choose-cities.ts for how the skeleton is chosen.
 */
import type { DirectedLink } from '../travel/city-links.js';

/** A leg on one axis of trip minutes (00:00 on day 1 = 0). */
export interface Leg {
  readonly link: DirectedLink;
  readonly departMin: number;
  readonly arriveMin: number;
}

export interface LandDay {
  readonly kind: 'land';
  /** The city the day's sightseeing starts in (the hotel, or the pier after a cruise). */
  readonly startCity: string;
  /** The city the day's sightseeing ends in: the hotel city, or the pier of `cruiseOut`. */
  readonly endCity: string;
  /** A same-day link from startCity (to endCity, or on to `onward`); the core chooses when to take it. */
  readonly move?: DirectedLink;
  /**
   * Further same-day links after `move`, each from where the previous one
   * arrives, the last one into endCity (Jingzhou → Wuhan → Changsha): the
   * cities between are changes of train, not sightseeing.
   */
  readonly onward?: readonly DirectedLink[];
  /** Sightseeing window on the trip axis. */
  readonly openMin: number;
  readonly closeMin: number;
  /** True when the day began on board (a cruise arrived this morning). */
  readonly wokeOnBoard: boolean;
  /** A multi-day leg boarded at the end of this day: the night is on board. */
  readonly cruiseOut?: Leg;
}

/** A day spent wholly on a ship. */
export interface AboardDay {
  readonly kind: 'aboard';
  readonly leg: Leg;
}

export type PlanDay = LandDay | AboardDay;

export interface CityPlan {
  readonly days: readonly PlanDay[];
  /** The value the chooser gave it, for tie-breaking and benchmarks. */
  readonly value: number;
}

/** The day's same-day links in the order taken (none on a day without a move). */
export function dayLinks(day: Pick<LandDay, 'move' | 'onward'>): readonly DirectedLink[] {
  return day.move ? [day.move, ...(day.onward ?? [])] : [];
}

export function lodgingOf(day: PlanDay): string {
  return day.kind === 'aboard' || day.cruiseOut ? 'on-board' : day.endCity;
}
