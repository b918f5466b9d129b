/**
 * Sunset is astronomy, not a catalogue fact: the NOAA equations
 * (src/domain/calendar/daylight.ts) against published sunset tables, to
 * within 2 minutes (the tables round to the minute and do not say which
 * point of a city they use; a city's width is a minute or so of sunset).
 *
 * Published tables (read 2026-12-07):
 * - Chongqing, February 2026: the timeanddate.com month table "Chongqing, Chongqing Municipality, China —
 *   Sunrise, Sunset, and Daylength, February 2026" (copy at mungfali.galihkartiwa07.workers.dev/sun/china/chongqing?month=2),
 *   sunset and the end of civil twilight for 1–11 February.
 * - Nine Chinese cities, 27 December 2022: "2022年12月日照时间表" (juke.outofmemory.cn/pretty/3490341.html, 2023-04-12).
 * - Hong Kong (22.32° N, 114.17° E, as the page states), the 1st of each month: whattime.city/hong-kong/sun.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { sunTimes, zoneOffsetMin } from '../../src/domain/calendar/daylight.js';
import { capIntervals, daylightEndOn } from '../../src/domain/calendar/daylight-window.js';
import type { OpeningInterval } from '../../src/domain/calendar/opening-on.js';

const ZONE = 'Asia/Shanghai';
const hhmm = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

interface Row { readonly place: string; readonly lat: number; readonly lon: number; readonly date: string; readonly sunset: string; readonly civilDusk?: string }

// Chongqing's centre (Jiefangbei) 29.563 N 106.552 E; the table's rows, 24-hour clock.
const chongqing = (date: string, sunset: string, civilDusk: string): Row => ({ place: 'Chongqing', lat: 29.563, lon: 106.552, date, sunset, civilDusk });
// City centres (the city governments' seats), to the third decimal.
const city = (place: string, lat: number, lon: number, sunset: string): Row => ({ place, lat, lon, date: '2022-12-27', sunset });
const hongKong = (date: string, sunset: string): Row => ({ place: 'Hong Kong', lat: 22.32, lon: 114.17, date, sunset });

const PUBLISHED: readonly Row[] = [
  chongqing('2026-02-01', '18:31', '18:56'), chongqing('2026-02-02', '18:32', '18:57'), chongqing('2026-02-03', '18:32', '18:57'),
  chongqing('2026-02-04', '18:33', '18:58'), chongqing('2026-02-05', '18:34', '18:59'), chongqing('2026-02-06', '18:35', '19:00'),
  chongqing('2026-02-07', '18:36', '19:00'), chongqing('2026-02-08', '18:37', '19:01'), chongqing('2026-02-09', '18:37', '19:02'),
  chongqing('2026-02-10', '18:38', '19:03'), chongqing('2026-02-11', '18:39', '19:03'),
  city('Beijing', 39.904, 116.407, '16:55'), city('Shanghai', 31.230, 121.474, '16:58'), city('Kunming', 25.039, 102.718, '18:27'),
  city('Chengdu', 30.573, 104.067, '18:09'), city('Hefei', 31.821, 117.227, '17:14'), city('Changchun', 43.817, 125.324, '16:07'),
  city('Tianjin', 39.343, 117.362, '16:55'), city('Yinchuan', 38.487, 106.231, '17:40'), city('Hohhot', 40.843, 111.749, '17:12'),
  hongKong('2026-01-01', '17:51'), hongKong('2026-02-01', '18:12'), hongKong('2026-03-01', '18:28'), hongKong('2026-04-01', '18:39'),
  hongKong('2026-05-01', '18:50'), hongKong('2026-06-01', '19:04'), hongKong('2026-07-01', '19:12'), hongKong('2026-08-01', '19:05'),
  hongKong('2026-09-01', '18:42'), hongKong('2026-10-01', '18:13'), hongKong('2026-11-01', '17:47'), hongKong('2026-12-01', '17:39'),
];

describe('sunset against published tables', () => {
  it('every published sunset (and end of civil twilight) is within 2 minutes of the computed one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PUBLISHED), (row) => {
        const sun = sunTimes({ lat: row.lat, lon: row.lon }, row.date, ZONE);
        expect(Math.abs(sun.sunsetMin! - hhmm(row.sunset))).toBeLessThanOrEqual(2);
        if (row.civilDusk) expect(Math.abs(sun.civilDuskMin! - hhmm(row.civilDusk))).toBeLessThanOrEqual(2);
      }),
      { numRuns: PUBLISHED.length * 3 },
    );
  });

  it('Yuelu Mountain in mid-December: the sun is down by 17:35 (the plan the issue saw ran to 19:00)', () => {
    const sunset = sunTimes({ lat: 28.1829, lon: 112.9374 }, '2026-12-15', ZONE).sunsetMin!;
    expect(sunset).toBeGreaterThanOrEqual(hhmm('17:25'));
    expect(sunset).toBeLessThanOrEqual(hhmm('17:35'));
  });
});

describe('sun times on this corridor', () => {
  const corridor = fc.record({
    lat: fc.double({ min: 24, max: 34, noNaN: true }),
    lon: fc.double({ min: 105, max: 119, noNaN: true }),
    date: fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  });

  it('sunrise < sunset < end of civil twilight, ~20–35 min apart, and the day is 9.5–14.5 h long', () => {
    fc.assert(
      fc.property(corridor, ({ lat, lon, date }) => {
        const s = sunTimes({ lat, lon }, date, ZONE);
        expect(s.sunriseMin!).toBeLessThan(s.sunsetMin!);
        expect(s.civilDuskMin! - s.sunsetMin!).toBeGreaterThanOrEqual(20);
        expect(s.civilDuskMin! - s.sunsetMin!).toBeLessThanOrEqual(35);
        expect(s.sunsetMin! - s.sunriseMin!).toBeGreaterThanOrEqual(9.5 * 60);
        expect(s.sunsetMin! - s.sunriseMin!).toBeLessThanOrEqual(14.5 * 60);
      }),
    );
  });

  it('further west, the sun sets later on the same clock (one zone for all China)', () => {
    fc.assert(
      fc.property(corridor, fc.double({ min: 1, max: 8, noNaN: true }), ({ lat, lon, date }, westDeg) => {
        const east = sunTimes({ lat, lon }, date, ZONE).sunsetMin!;
        const west = sunTimes({ lat, lon: lon - westDeg }, date, ZONE).sunsetMin!;
        expect(west - east).toBeGreaterThanOrEqual(Math.floor(westDeg * 4) - 1);
      }),
    );
  });

  it('Asia/Shanghai is UTC+8 on every date', () => {
    fc.assert(fc.property(corridor, ({ date }) => expect(zoneOffsetMin(date, ZONE)).toBe(480)));
  });
});

describe('daylight windows', () => {
  const interval = fc
    .tuple(fc.integer({ min: 0, max: 1400 }), fc.integer({ min: 1, max: 600 }), fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }))
    .map(([open, len, entry]): OpeningInterval => ({
      openMin: open,
      closeMin: Math.min(1440, open + len),
      ...(entry !== undefined ? { lastEntryMin: Math.min(1440, open + Math.min(entry, len)) } : {}),
    }));

  it('capping at a sunset never lengthens a window, ends every window by the sunset, and drops only windows that open after it', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 3 }), fc.integer({ min: 0, max: 1440 }), (intervals, sunset) => {
        const capped = capIntervals(intervals, sunset);
        for (const w of capped) {
          expect(w.closeMin).toBeLessThanOrEqual(sunset);
          expect(w.lastEntryMin ?? w.closeMin).toBeLessThanOrEqual(w.closeMin);
        }
        expect(capped.length).toBe(intervals.filter((w) => w.openMin < sunset).length);
        expect(capIntervals(intervals, undefined)).toEqual(intervals);
      }),
    );
  });

  it('only a site marked daylight: required closes at sunset', () => {
    const at = { lat: 28.1829, lon: 112.9374 };
    expect(daylightEndOn({ location: at, daylight: 'required' }, '2026-12-15', ZONE)).toBe(sunTimes(at, '2026-12-15', ZONE).sunsetMin);
    expect(daylightEndOn({ location: at, daylight: 'any' }, '2026-12-15', ZONE)).toBeUndefined();
    expect(daylightEndOn({ location: at }, '2026-12-15', ZONE)).toBeUndefined();
  });
});
