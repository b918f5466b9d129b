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
   * party may stop to see a city between and take a later train on.
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

/**
 * The cities a land day can see, in the order it reaches them: where it starts, the cities its
 * trains change in (a stop there is allowed: a later second train), where it ends.
 */
export function dayCities(day: Pick<LandDay, 'startCity' | 'endCity' | 'move' | 'onward'>): string[] {
  const out = [day.startCity];
  for (const l of dayLinks(day)) if (out.at(-1) !== l.to) out.push(l.to);
  if (out.at(-1) !== day.endCity) out.push(day.endCity);
  return out;
}

/** The day's same-day links in the order taken (none on a day without a move). */
export function dayLinks(day: Pick<LandDay, 'move' | 'onward'>): readonly DirectedLink[] {
  return day.move ? [day.move, ...(day.onward ?? [])] : [];
}

export function lodgingOf(day: PlanDay): string {
  return day.kind === 'aboard' || day.cruiseOut ? 'on-board' : day.endCity;
}
