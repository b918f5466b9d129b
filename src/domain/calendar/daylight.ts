/**
 * Sunrise, sunset and the end of civil twilight at a point on a date, as
 * clock minutes in a named time zone: astronomy, not a catalogue fact.
 *
 * The equations are NOAA's solar calculator (the Global Monitoring
 * Laboratory's "NOAA_Solar_Calculations_day" spreadsheet, after Meeus,
 * Astronomical Algorithms): the sun's declination and the equation of time
 * at the day's solar noon, and the hour angle at which the sun's upper limb
 * meets a level horizon with average refraction (zenith 90.833°; civil
 * twilight ends at 96°). NOAA states the results good to about a minute
 * between ±72° latitude, which holds every site of this corridor (28–32° N).
 * Terrain is not modelled: a gorge or a mountain's east face is darker
 * earlier, so the answer is the latest the sun is up there, not the earliest.
 *
 * Pure: the date, the point and the zone are arguments; the zone's offset
 * is read with Intl (no DST in Asia/Shanghai since 1991, but the catalogue
 * names its zone, so any zone is honoured).
 */
import type { IsoDate, LatLon, MinuteOfDay } from '../catalogue/model.js';
import { dateInZone } from './date-in-zone.js';

export interface SunTimes {
  /** Minutes after local midnight, to the nearest minute (as almanacs print them): undefined when the sun does not rise or set that day. */
  readonly sunriseMin?: MinuteOfDay;
  readonly sunsetMin?: MinuteOfDay;
  /** Sun 6° below the horizon: the last light to walk by without lamps. */
  readonly civilDuskMin?: MinuteOfDay;
}

/** Zenith of the sun's centre at rise and set: 90° plus 34′ of refraction and 16′ of semi-diameter. */
export const SUNSET_ZENITH_DEG = 90.833;
/** Zenith at the end of civil twilight. */
export const CIVIL_DUSK_ZENITH_DEG = 96;

const RAD = Math.PI / 180;
const MS_PER_DAY = 86_400_000;
const J2000 = 2451545;
const UNIX_EPOCH_JD = 2440587.5;

/**
 * @example
 * // Yuelu Mountain, Changsha, on 2026-12-15: the sun sets at 17:31 China Standard Time.
 * sunTimes({ lat: 28.1866, lon: 112.9340 }, '2026-12-15', 'Asia/Shanghai').sunsetMin // 1051
 */
export function sunTimes(at: LatLon, date: IsoDate, timeZone: string): SunTimes {
  const offsetMin = zoneOffsetMin(date, timeZone);
  const utcMidnightMs = Date.parse(`${date}T00:00:00Z`);
  // Two passes: the sun at mean solar noon, then at the true solar noon that gives.
  let noonUtcMin = 720 - 4 * at.lon;
  let sun = sunAt(utcMidnightMs + noonUtcMin * 60_000);
  noonUtcMin = 720 - 4 * at.lon - sun.equationOfTimeMin;
  sun = sunAt(utcMidnightMs + noonUtcMin * 60_000);
  const noonLocalMin = noonUtcMin + offsetMin;
  const event = (zenithDeg: number, sign: 1 | -1): MinuteOfDay | undefined => {
    const h = hourAngleDeg(at.lat, sun.declinationDeg, zenithDeg);
    return h === undefined ? undefined : Math.round(noonLocalMin + sign * 4 * h);
  };
  const sunriseMin = event(SUNSET_ZENITH_DEG, -1);
  const sunsetMin = event(SUNSET_ZENITH_DEG, 1);
  const civilDuskMin = event(CIVIL_DUSK_ZENITH_DEG, 1);
  return {
    ...(sunriseMin !== undefined ? { sunriseMin } : {}),
    ...(sunsetMin !== undefined ? { sunsetMin } : {}),
    ...(civilDuskMin !== undefined ? { civilDuskMin } : {}),
  };
}

/** The zone's offset from UTC on a date, in minutes (Asia/Shanghai: +480). */
export function zoneOffsetMin(date: IsoDate, timeZone: string): number {
  const noonUtc = Date.parse(`${date}T12:00:00Z`);
  const local = dateInZone(noonUtc, timeZone);
  const dayShift = local.date === date ? 0 : local.date > date ? 1 : -1;
  return dayShift * 1440 + local.minuteOfDay - 720;
}

interface SunPosition {
  readonly declinationDeg: number;
  readonly equationOfTimeMin: number;
}

/** NOAA's spreadsheet, columns G–V, at one instant. */
function sunAt(epochMs: number): SunPosition {
  const jd = UNIX_EPOCH_JD + epochMs / MS_PER_DAY;
  const t = (jd - J2000) / 36525;
  const meanLongDeg = mod360(280.46646 + t * (36000.76983 + t * 0.0003032));
  const meanAnomDeg = 357.52911 + t * (35999.05029 - 0.0001537 * t);
  const eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const m = meanAnomDeg * RAD;
  const centreDeg =
    Math.sin(m) * (1.914602 - t * (0.004817 + 0.000014 * t)) + Math.sin(2 * m) * (0.019993 - 0.000101 * t) + Math.sin(3 * m) * 0.000289;
  const trueLongDeg = meanLongDeg + centreDeg;
  const omega = (125.04 - 1934.136 * t) * RAD;
  const apparentLongDeg = trueLongDeg - 0.00569 - 0.00478 * Math.sin(omega);
  const meanObliqDeg = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const obliqDeg = meanObliqDeg + 0.00256 * Math.cos(omega);
  const declinationDeg = Math.asin(Math.sin(obliqDeg * RAD) * Math.sin(apparentLongDeg * RAD)) / RAD;
  const y = Math.tan((obliqDeg / 2) * RAD) ** 2;
  const l0 = meanLongDeg * RAD;
  const equationOfTimeMin =
    (4 / RAD) *
    (y * Math.sin(2 * l0) -
      2 * eccentricity * Math.sin(m) +
      4 * eccentricity * y * Math.sin(m) * Math.cos(2 * l0) -
      0.5 * y * y * Math.sin(4 * l0) -
      1.25 * eccentricity * eccentricity * Math.sin(2 * m));
  return { declinationDeg, equationOfTimeMin };
}

/** Hour angle of the sun at a zenith, or undefined when it never gets there that day (polar day or night). */
function hourAngleDeg(latDeg: number, declinationDeg: number, zenithDeg: number): number | undefined {
  const lat = latDeg * RAD;
  const dec = declinationDeg * RAD;
  const cosH = Math.cos(zenithDeg * RAD) / (Math.cos(lat) * Math.cos(dec)) - Math.tan(lat) * Math.tan(dec);
  if (cosH < -1 || cosH > 1) return undefined;
  return Math.acos(cosH) / RAD;
}

function mod360(x: number): number {
  return ((x % 360) + 360) % 360;
}
