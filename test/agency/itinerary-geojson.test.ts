import { describe, expect, it } from '@jest/globals';
import { check } from '@placemarkio/check-geojson';
import { gcj02ToBd09, wgs84ToGcj02 } from '../../src/domain/geo/china-datums.js';
import { renderItineraryGeoJson } from '../../src/export/itinerary-geojson.js';
import { catalogue, itinerary } from '../fixtures/agency/wuhan-nanchang.js';

interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: string; coordinates: number[] | number[][] };
  properties: Record<string, unknown> & { kind: string; links?: { amap: string; baidu: string } };
}

const text = renderItineraryGeoJson(itinerary, catalogue);
const doc = JSON.parse(text) as { type: string; features: Feature[] };
const stops = doc.features.filter((f) => f.properties.kind === 'stop');
const legs = doc.features.filter((f) => f.properties.kind === 'leg');

describe('plan --format geojson', () => {
  it('is valid RFC 7946 GeoJSON (check-geojson finds no issue)', () => {
    expect(() => check(text)).not.toThrow();
    expect(doc.type).toBe('FeatureCollection');
  });

  it('has a Point per visit, numbered in trip order, with ids, names, day, times and themes', () => {
    const visits = itinerary.days.flatMap((d) => d.items.filter((i) => i.kind === 'visit'));
    expect(stops).toHaveLength(visits.length);
    expect(stops.map((s) => s.properties.order)).toEqual(visits.map((_, i) => i + 1));
    const bayi = stops.find((s) => s.properties.attraction === 'nc-bayi-uprising-memorial')!;
    expect(bayi.geometry).toEqual({ type: 'Point', coordinates: [115.8894, 28.6747] }); // [lon, lat], WGS84
    expect(bayi.properties).toMatchObject({
      id: 'd3-nc-bayi-uprising-memorial',
      name: 'Nanchang August 1st Uprising Memorial Hall',
      nameZh: '南昌八一起义纪念馆',
      city: 'nanchang',
      day: 3,
      dayOrder: 1,
      start: '2026-05-14T09:00:00+08:00',
      end: '2026-05-14T11:00:00+08:00',
      themes: ['red'],
    });
  });

  it('has a LineString per travel leg from where it leaves to where it arrives', () => {
    const travel = itinerary.days.flatMap((d) => d.items.filter((i) => i.kind === 'travel'));
    expect(legs).toHaveLength(travel.length);
    const train = legs.find((l) => l.properties.mode === 'rail')!;
    expect(train.geometry).toEqual({ type: 'LineString', coordinates: [[114.3055, 30.5928], [115.8579, 28.682]] });
    expect(train.properties).toMatchObject({ from: 'wuhan', to: 'nanchang', day: 2 });
  });

  it('links each stop to Amap with GCJ-02 (lon,lat) and to Baidu with BD-09 (lat,lng)', () => {
    const tower = stops.find((s) => s.properties.attraction === 'wh-yellow-crane-tower')!;
    const wgs = { lat: 30.5447, lon: 114.3025 };
    const gcj = wgs84ToGcj02(wgs);
    const bd = gcj02ToBd09(gcj);
    const amap = new URL(tower.properties.links!.amap);
    expect(amap.origin + amap.pathname).toBe('https://uri.amap.com/marker');
    expect(amap.searchParams.get('position')).toBe(`${gcj.lon.toFixed(6)},${gcj.lat.toFixed(6)}`);
    expect(amap.searchParams.get('name')).toBe('黄鹤楼公园');
    const baidu = new URL(tower.properties.links!.baidu);
    expect(baidu.origin + baidu.pathname).toBe('https://api.map.baidu.com/marker');
    expect(baidu.searchParams.get('location')).toBe(`${bd.lat.toFixed(6)},${bd.lon.toFixed(6)}`);
    expect(baidu.searchParams.get('coord_type')).toBe('bd09ll');
    // The links really are offset from the WGS84 point (Amap east and north of it here).
    expect(gcj.lon).toBeGreaterThan(wgs.lon);
    expect(gcj.lat).toBeLessThan(wgs.lat + 0.01);
  });

  it('is the same document every time (no language or clock in it)', () => {
    expect(renderItineraryGeoJson(itinerary, catalogue)).toBe(text);
  });
});
