/**
 * The travel model, in one place (the README quotes this block).
 *
 * Within a city — between a city's hub (hotel / station, at the city's
 * location) and its attractions, or between two attractions — a leg takes
 *
 *     straight-line km × DETOUR_FACTOR / CITY_SPEED_KMH  (in minutes)
 *     + the pace's transfer allowance (finding a taxi, walking to the gate),
 *
 * rounded up to whole 5 minutes. Local legs cost nothing in the itinerary
 * (taxis and metro are the party's own business).
 *
 * Between cities, travel runs only along catalogue `links`, respecting
 * `oneway`. A link departs at the times its timetable allows: the fixed
 * `departures`, else every `every` minutes from `first` to `last`, else at any
 * minute from `first` to `last`. The party must be at the departure city's hub
 * BOARDING_MIN[mode] before a departure, and then arrives `duration` later at
 * the other city's hub. A link whose duration reaches past midnight (a cruise
 * with nights on board) is taken only as a whole leg: the nights it spans are
 * spent `on-board`, and attractions seen from the river (see
 * `seenFromBoard`) are "visited" from the ship on the days fully at sea.
 * Fares are per rider category (`fares`, else the adult `fare`) times heads.
 */
import type { LatLon, LinkMode, Minutes } from '../catalogue/model.js';

/** Roads wind: a taxi covers about 1.3 × the straight-line distance. */
export const DETOUR_FACTOR = 1.3;
/** Door-to-door speed of a taxi in a Chinese city, traffic included. */
export const CITY_SPEED_KMH = 25;
/** Local legs are rounded up to this step, as people plan them. */
export const LOCAL_ROUNDING_MIN = 5;

/** Time to be at the station or pier before departure (security, boarding). */
export const BOARDING_MIN: Readonly<Record<LinkMode, Minutes>> = {
  rail: 30,
  road: 15,
  cruise: 60,
  ferry: 20,
  flight: 90,
};

export const MINUTES_PER_DAY = 1440;

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in kilometres. */
export function haversineKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Minutes for a local leg; 0 when both ends are the same point.
 *
 * @example localTravelMin(hub, museum, 15) // 6 km away → 6×1.3/25 h ≈ 19 min + 15 → 35
 */
export function localTravelMin(a: LatLon, b: LatLon, allowanceMin: Minutes): Minutes {
  const km = haversineKm(a, b);
  if (km < 0.05) return 0;
  const driveMin = (km * DETOUR_FACTOR * 60) / CITY_SPEED_KMH;
  return Math.ceil((driveMin + allowanceMin) / LOCAL_ROUNDING_MIN) * LOCAL_ROUNDING_MIN;
}
