/**
 * Coordinates for Chinese online maps. The catalogue stores WGS84 (what GPS
 * and OpenStreetMap use); Amap (高德) expects GCJ-02 and Baidu expects BD-09.
 *
 * GCJ-02 is WGS84 shifted by a published polynomial on the Krasovsky 1940
 * ellipsoid (the algorithm every open implementation shares: eviltransform,
 * coordtransform); BD-09 is a further rotation/offset of GCJ-02. Outside
 * mainland China's bounding box the maps use WGS84 unchanged, so we do too.
 * The inverse of GCJ-02 has no closed form: we iterate (exact to < 1e-9°).
 */
import type { LatLon } from '../catalogue/model.js';

/** Krasovsky 1940 semi-major axis, metres. */
const KRASOVSKY_A = 6378245.0;
/** Krasovsky 1940 first eccentricity squared. */
const KRASOVSKY_EE = 0.00669342162296594323;
/** Baidu's rotation constant: π · 3000 / 180. */
const BD_X_PI = (Math.PI * 3000.0) / 180.0;

/** The rough box the offset applies to (the one used by the reference implementations). */
export function outOfChina(p: LatLon): boolean {
  return p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

function shiftLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function shiftLon(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/**
 * WGS84 → GCJ-02 ("Mars coordinates", Amap, Tencent, Google China).
 *
 * @example wgs84ToGcj02({ lat: 39.915, lon: 116.404 }) // ≈ { lat: 39.91640, lon: 116.41024 }
 */
export function wgs84ToGcj02(p: LatLon): LatLon {
  if (outOfChina(p)) return { lat: p.lat, lon: p.lon };
  let dLat = shiftLat(p.lon - 105.0, p.lat - 35.0);
  let dLon = shiftLon(p.lon - 105.0, p.lat - 35.0);
  const radLat = (p.lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - KRASOVSKY_EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lon: p.lon + dLon };
}

/** Iterations of the GCJ-02 inverse; the error shrinks ~100× per step. */
const INVERSE_STEPS = 10;
const INVERSE_TOLERANCE_DEG = 1e-12;

/** GCJ-02 → WGS84, by fixed-point iteration on the forward transform. */
export function gcj02ToWgs84(p: LatLon): LatLon {
  if (outOfChina(p)) return { lat: p.lat, lon: p.lon };
  let guess: LatLon = { lat: p.lat, lon: p.lon };
  for (let i = 0; i < INVERSE_STEPS; i++) {
    const fwd = wgs84ToGcj02(guess);
    const dLat = fwd.lat - p.lat;
    const dLon = fwd.lon - p.lon;
    guess = { lat: guess.lat - dLat, lon: guess.lon - dLon };
    if (Math.abs(dLat) < INVERSE_TOLERANCE_DEG && Math.abs(dLon) < INVERSE_TOLERANCE_DEG) break;
  }
  return guess;
}

/**
 * GCJ-02 → BD-09 (Baidu Maps' `bd09ll`).
 *
 * @example gcj02ToBd09({ lat: 39.915, lon: 116.404 }) // ≈ { lat: 39.92134, lon: 116.41037 }
 */
export function gcj02ToBd09(p: LatLon): LatLon {
  const x = p.lon;
  const y = p.lat;
  const z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * BD_X_PI);
  const theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * BD_X_PI);
  return { lat: z * Math.sin(theta) + 0.006, lon: z * Math.cos(theta) + 0.0065 };
}

/** BD-09 → GCJ-02 (the closed-form approximate inverse the reference implementations use). */
export function bd09ToGcj02(p: LatLon): LatLon {
  const x = p.lon - 0.0065;
  const y = p.lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD_X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD_X_PI);
  return { lat: z * Math.sin(theta), lon: z * Math.cos(theta) };
}

/** WGS84 → BD-09, through GCJ-02. */
export function wgs84ToBd09(p: LatLon): LatLon {
  return gcj02ToBd09(wgs84ToGcj02(p));
}

/** Mean Earth radius, metres (IUGG). */
const EARTH_RADIUS_M = 6371008.8;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: LatLon, b: LatLon): number {
  const toRad = (d: number) => (d * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
