/**
 * Links that open a stop in the Chinese map apps, which do not take WGS84:
 * Amap (高德) wants GCJ-02 as `lon,lat`, Baidu wants BD-09 as `lat,lng` with
 * `coord_type=bd09ll`. The marker title is the Chinese name in every language,
 * so a link is the same whatever `--lang` is (it is machine output).
 */
import type { LatLon } from '../domain/catalogue/model.js';
import { gcj02ToBd09, wgs84ToGcj02 } from '../domain/geo/china-datums.js';

/** 6 decimals ≈ 0.1 m: more than either app resolves. */
const DECIMALS = 6;

export interface MapLinks {
  readonly amap: string;
  readonly baidu: string;
}

function fixed(n: number): string {
  return n.toFixed(DECIMALS);
}

/** `https://uri.amap.com/marker?position=<gcj lon>,<gcj lat>&name=…` */
export function amapMarkerUrl(wgs84: LatLon, name: string): string {
  const gcj = wgs84ToGcj02(wgs84);
  const q = new URLSearchParams({ position: `${fixed(gcj.lon)},${fixed(gcj.lat)}`, name, coordinate: 'gaode', callnative: '0' });
  return `https://uri.amap.com/marker?${q.toString()}`;
}

/** `https://api.map.baidu.com/marker?location=<bd lat>,<bd lng>&coord_type=bd09ll&…` */
export function baiduMarkerUrl(wgs84: LatLon, name: string): string {
  const bd = gcj02ToBd09(wgs84ToGcj02(wgs84));
  const q = new URLSearchParams({
    location: `${fixed(bd.lat)},${fixed(bd.lon)}`,
    title: name,
    content: name,
    coord_type: 'bd09ll',
    output: 'html',
    src: 'webapp.yangtze.itinerary',
  });
  return `https://api.map.baidu.com/marker?${q.toString()}`;
}

export function mapLinks(wgs84: LatLon, name: string): MapLinks {
  return { amap: amapMarkerUrl(wgs84, name), baidu: baiduMarkerUrl(wgs84, name) };
}
