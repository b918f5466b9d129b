import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  bd09ToGcj02,
  distanceMetres,
  gcj02ToBd09,
  gcj02ToWgs84,
  outOfChina,
  wgs84ToBd09,
  wgs84ToGcj02,
} from '../../src/domain/geo/china-datums.js';

/**
 * Reference values: wandergis/coordtransform, test/app.js (its README
 * example), each function applied to (116.404, 39.915) — Tiananmen.
 */
const TIANANMEN = { lat: 39.915, lon: 116.404 };

describe('WGS84 → GCJ-02 (Amap)', () => {
  it('matches coordtransform for Tiananmen', () => {
    const p = wgs84ToGcj02(TIANANMEN);
    expect(p.lon).toBeCloseTo(116.41024449916938, 10);
    expect(p.lat).toBeCloseTo(39.91640428150164, 10);
  });

  it('shifts the Yellow Crane Tower by a few hundred metres, as measured in the corridor', () => {
    const wgs = { lat: 30.5447, lon: 114.3025 };
    const shift = distanceMetres(wgs, wgs84ToGcj02(wgs));
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(700);
  });

  it('leaves points outside China unchanged', () => {
    const london = { lat: 51.5074, lon: -0.1278 };
    expect(outOfChina(london)).toBe(true);
    expect(wgs84ToGcj02(london)).toEqual(london);
    expect(wgs84ToBd09(london)).not.toEqual(london); // BD-09 is a Baidu offset everywhere
  });
});

describe('GCJ-02 → WGS84', () => {
  it('inverts the forward transform to within a millimetre across the corridor', () => {
    fc.assert(
      fc.property(fc.double({ min: 27, max: 32, noNaN: true }), fc.double({ min: 106, max: 118, noNaN: true }), (lat, lon) => {
        const back = gcj02ToWgs84(wgs84ToGcj02({ lat, lon }));
        expect(distanceMetres(back, { lat, lon })).toBeLessThan(0.001);
      }),
    );
  });

  it('agrees with coordtransform’s one-step inverse to within metres, and round-trips exactly', () => {
    const p = gcj02ToWgs84(TIANANMEN);
    // coordtransform: [116.39775550083061, 39.91359571849836] — a single step.
    expect(distanceMetres(p, { lat: 39.91359571849836, lon: 116.39775550083061 })).toBeLessThan(5);
    expect(distanceMetres(wgs84ToGcj02(p), TIANANMEN)).toBeLessThan(0.001);
  });
});

describe('GCJ-02 ↔ BD-09 (Baidu)', () => {
  it('matches coordtransform for Tiananmen both ways', () => {
    const bd = gcj02ToBd09(TIANANMEN);
    expect(bd.lon).toBeCloseTo(116.41036949371029, 10);
    expect(bd.lat).toBeCloseTo(39.92133699351021, 10);
    const gcj = bd09ToGcj02(TIANANMEN);
    expect(gcj.lon).toBeCloseTo(116.39762729119315, 10);
    expect(gcj.lat).toBeCloseTo(39.90865673957631, 10);
  });

  it('round-trips to within a metre', () => {
    fc.assert(
      fc.property(fc.double({ min: 20, max: 45, noNaN: true }), fc.double({ min: 100, max: 125, noNaN: true }), (lat, lon) => {
        expect(distanceMetres(bd09ToGcj02(gcj02ToBd09({ lat, lon })), { lat, lon })).toBeLessThan(1);
      }),
    );
  });
});

describe('distanceMetres', () => {
  it('measures Wuhan to Nanchang as about 260 km in a straight line', () => {
    const km = distanceMetres({ lat: 30.5928, lon: 114.3055 }, { lat: 28.682, lon: 115.8579 }) / 1000;
    expect(km).toBeGreaterThan(250);
    expect(km).toBeLessThan(270);
  });
});
