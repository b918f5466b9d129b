/**
 * How long one local leg takes, by road class: an ENGINEERING MODEL, not a
 * fact. Nobody publishes door-to-door times between our sites; the constants
 * below are planning assumptions chosen to match what the sources we have
 * say, and the catalogue's explicit `access` times win over them wherever
 * they exist (local-legs.ts).
 *
 * - Neighbouring sites, at most WALK_MAX_KM apart in a straight line, are
 *   walked: the straight line × WALK_DETOUR_FACTOR at WALK_SPEED_KMH, with no
 *   allowance (the walk is the whole leg). 4 km/h is a party's pace with a
 *   child and sightseers' stops, below the ~4.5–5 km/h of a commuter.
 * - Longer legs are driven (taxi, or the group's hired vehicle): the road is
 *   the straight line × ROAD_DETOUR_FACTOR; the first URBAN_KM of it run
 *   through town at URBAN_SPEED_KMH, the rest on expressways and national
 *   roads at OPEN_ROAD_SPEED_KMH, door to door; plus the pace's transfer
 *   allowance (finding the car, walking to the gate). The urban speed is the
 *   order of the rush-hour car speeds Amap's city traffic reports give
 *   (Guangzhou 23.0 km/h in 2016; Chongqing 23.3 km/h in Q3 2020; all-day
 *   means run higher, e.g. Zhongshan 36 km/h in April 2019). The open-road
 *   speed is an assumption: China's expressway limit for cars is 120 km/h,
 *   and the figure allows for ramps, toll gates and the county road at the
 *   end. With these and the standard allowance, Yichang → Qu Yuan's
 *   Hometown (31 km in a straight line) takes 55 min, Jingdezhen → Yaoli
 *   (51 km) 1 h 10.
 */

/** Straight line at most this far (km) between two sites: walked. */
export const WALK_MAX_KM = 1.2;
/** Streets and paths are longer than the straight line. */
export const WALK_DETOUR_FACTOR = 1.25;
export const WALK_SPEED_KMH = 4;

/** Roads wind: the road distance is about 1.3 × the straight line. */
export const ROAD_DETOUR_FACTOR = 1.3;
/** The first road kilometres of a drive are city streets... */
export const URBAN_KM = 6;
export const URBAN_SPEED_KMH = 25;
/** ...and the rest expressway / national road. */
export const OPEN_ROAD_SPEED_KMH = 90;

/** Two different places are never closer than this (one gate to the next). */
export const MIN_LEG_MIN = 5;
/** Local legs are rounded up to this step, as people plan them. */
export const LOCAL_ROUNDING_MIN = 5;

export type LocalMode = 'walk' | 'road';

export interface RoadLeg {
  readonly by: LocalMode;
  /** The distance covered: path or road kilometres (not the straight line). */
  readonly km: number;
  /** Minutes moving, without the allowance and unrounded. */
  readonly movingMin: number;
}

/**
 * The model's leg over a straight-line distance.
 *
 * @example roadLeg(0.8)  // { by: 'walk', km: 1.0, movingMin: 15 }
 * @example roadLeg(31.5) // { by: 'road', km: 40.95, movingMin: 14.4 + 23.3 }
 */
export function roadLeg(straightKm: number): RoadLeg {
  if (straightKm <= WALK_MAX_KM) {
    const km = straightKm * WALK_DETOUR_FACTOR;
    return { by: 'walk', km, movingMin: (km * 60) / WALK_SPEED_KMH };
  }
  const km = straightKm * ROAD_DETOUR_FACTOR;
  const urban = Math.min(km, URBAN_KM);
  return { by: 'road', km, movingMin: (urban * 60) / URBAN_SPEED_KMH + ((km - urban) * 60) / OPEN_ROAD_SPEED_KMH };
}

/** The leg's minutes with the allowance a drive needs (a walk needs none), unrounded. */
export function legMinutes(leg: RoadLeg, allowanceMin: number): number {
  return leg.movingMin + (leg.by === 'road' ? allowanceMin : 0);
}

/** Rounded up to the planning step, and never below MIN_LEG_MIN. */
export function roundLegMin(minutes: number): number {
  return Math.max(MIN_LEG_MIN, Math.ceil(minutes / LOCAL_ROUNDING_MIN) * LOCAL_ROUNDING_MIN);
}
