/**
 * Numbered stops on a city's map: stops a few hundred metres apart on a map that also holds a stop
 * far out of town (Wuhan: Yellow Crane Tower, the Revolutionary Museum, the Two Rivers pier and
 * Mulan, 56 km north) were drawn on top of each other, and only the last number could be read.
 * Every marker is now drawn where no other covers it, and the route goes through the markers.
 */
import { describe, expect, it } from '@jest/globals';
import { renderSvgMap, type MapPlace } from '../../src/export/html/svg-map.js';

const stop = (n: number, lat: number, lon: number): MapPlace => ({ at: { lat, lon }, label: `stop ${n}`, number: n, colour: '#000' });
const WUHAN_STAY = [stop(1, 30.5446, 114.3027), stop(2, 30.5485, 114.2987), stop(3, 30.5492, 114.2992), stop(4, 30.5805, 114.3006), stop(5, 31.0775, 114.3867), stop(6, 30.5426, 114.3963)];

/** Each numbered marker's centre. */
const markers = (svg: string) =>
  [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="9"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

describe('numbered stops on a city map', () => {
  const svg = renderSvgMap({ places: WUHAN_STAY, path: WUHAN_STAY.map((p) => p.at), width: 340, height: 220, minSpanDeg: 0.02, title: 'Stops in Wuhan' });

  it('draws every marker clear of the others, inside the box', () => {
    const at = markers(svg);
    expect(at).toHaveLength(WUHAN_STAY.length);
    for (let i = 0; i < at.length; i++) {
      const [x, y] = at[i]!;
      expect(x >= 9 && x <= 331 && y >= 9 && y <= 211).toBe(true);
      for (let j = 0; j < i; j++) expect(Math.hypot(x - at[j]![0], y - at[j]![1])).toBeGreaterThanOrEqual(18);
    }
  });

  it('runs the route through the markers as drawn', () => {
    const path = svg.match(/<path d="([^"]*)"/)![1]!;
    const points = [...path.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(points).toEqual(markers(svg).map(([x, y]) => [x, y]));
  });

  it('leaves markers that do not touch where they are', () => {
    const apart = [stop(1, 30.54, 114.30), stop(2, 30.60, 114.40)];
    const plain = renderSvgMap({ places: apart, path: [], width: 340, height: 220, minSpanDeg: 0.02, title: 't' });
    expect(markers(plain)).toHaveLength(2);
    expect(markers(plain)[0]![0]).not.toBe(markers(plain)[1]![0]);
  });
});
