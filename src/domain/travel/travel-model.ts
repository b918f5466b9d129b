/**
 * The travel model, in one place (the README quotes this block).
 *
 * Within a city — between a city's hub (hotel / station, at the city's
 * location) and its attractions, or between two attractions — a leg is a
 * walk between neighbouring sites (≤ 1.2 km in a straight line) or a drive
 * on city streets then expressway (road-model.ts: an engineering model by
 * distance band, its constants documented there), plus the pace's transfer
 * allowance for a drive, rounded up to whole 5 minutes and never below 5
 * between two different places. The catalogue's `access` times win over the
 * model for the legs they describe (local-legs.ts). Every leg from the hotel
 * to the day's first stop and from its last stop back is in the itinerary.
 * Local legs cost what the party pays (local-fares.ts): walking nothing,
 * metered taxis by the kilometre for a party that fits one taxi
 * (TAXI_SEATS), a hired vehicle with driver per day and city for
 * a larger group.
 *
 * Between cities, travel runs only along catalogue `links`, respecting
 * `oneway`. A link departs at the times its timetable allows: the fixed
 * `departures`, else every `every` minutes from `first` to `last`, else at any
 * minute from `first` to `last`. The party must be at the departure city's hub
 * BOARDING_MIN[mode] before a departure, and then arrives `duration` later at
 * the other city's hub. Several links may follow each other in one day when
 * the connections fit (Jingzhou → Wuhan → Changsha). A link whose duration
 * reaches past midnight (a cruise with nights on board) is taken only as a
 * whole leg: the nights it spans are spent `on-board`, and attractions seen
 * from the river (see `seenFromBoard`) are "visited" from the ship on the
 * days fully at sea. Fares are per rider category (`fares`, else the adult
 * `fare`) times heads.
 */
import type { LatLon, LinkMode, Minutes } from '../catalogue/model.js';
import { legMinutes, roadLeg, roundLegMin } from './road-model.js';


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
 * Minutes for a local leg by the road model alone (no catalogue times: for
 * two points that are not catalogue places); 0 when both ends are the same
 * point. Catalogue places read local-legs.ts, which also applies `access`.
 *
 * @example localTravelMin(hub, museum, 15) // 6.5 km away: 6 km at 25 km/h + 2.5 km at 90 + 15 → 35
 */
export function localTravelMin(a: LatLon, b: LatLon, allowanceMin: Minutes): Minutes {
  const km = haversineKm(a, b);
  if (km < SAME_POINT_KM) return 0;
  return roundLegMin(legMinutes(roadLeg(km), allowanceMin));
}

/** Closer than this, two catalogue points are the same place. */
export const SAME_POINT_KM = 0.05;
