/**
 * `plan --format geojson`: the itinerary as an RFC 7946 FeatureCollection.
 * Stops are Points, travel legs LineStrings; positions are WGS84 `[lon, lat]`
 * (the RFC's order and datum). Each stop carries `links` that open it in Amap
 * (GCJ-02) and Baidu Maps (BD-09), which cannot take WGS84.
 *
 * Machine output: ids and properties are the same whatever `--lang` is; both
 * names are included.
 */
import type { Catalogue, LatLon } from '../domain/catalogue/model.js';
import type { Itinerary } from '../domain/itinerary/itinerary.js';
import { mapLinks, type MapLinks } from './map-links.js';

/** 6 decimals ≈ 0.1 m (RFC 7946 §11.2 advises against more). */
const DECIMALS = 6;

type Position = [number, number];

interface StopProperties {
  readonly kind: 'stop';
  readonly id: string;
  readonly attraction: string;
  readonly name: string;
  readonly nameZh: string;
  readonly city: string;
  readonly day: number;
  readonly date: string;
  /** 1-based across the whole trip (the number on the map). */
  readonly order: number;
  /** 1-based within the day. */
  readonly dayOrder: number;
  readonly start: string;
  readonly end: string;
  readonly themes: readonly string[];
  readonly cost: number;
  readonly links: MapLinks;
}

interface LegProperties {
  readonly kind: 'leg';
  readonly id: string;
  readonly day: number;
  readonly from: string;
  readonly to: string;
  readonly mode: string;
  readonly depart: string;
  readonly arrive: string;
  readonly cost: number;
}

interface Feature<G, P> {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: G;
  readonly properties: P;
}

export function renderItineraryGeoJson(itinerary: Itinerary, catalogue: Catalogue): string {
  const features: Feature<unknown, StopProperties | LegProperties>[] = [];
  let order = 0;
  for (const day of itinerary.days) {
    let dayOrder = 0;
    let legIndex = 0;
    for (const item of day.items) {
      // A meal is taken where the party already is: nothing new to map.
      // A meal is taken where the party already is, and a cruise's programme item happens aboard the mapped leg.
      if (item.kind === 'meal' || item.kind === 'cruise') continue;
      if (item.kind === 'visit') {
        // Numbered like the printed itinerary: every visit counts, placed or not.
        order += 1;
        dayOrder += 1;
        const a = catalogue.attractions.find((x) => x.id === item.attraction);
        if (!a) continue; // a stop we cannot place has no geometry
        const id = `d${day.day}-${item.attraction}`;
        features.push({
          type: 'Feature',
          id,
          geometry: { type: 'Point', coordinates: position(a.location) },
          properties: {
            kind: 'stop',
            id,
            attraction: a.id,
            name: a.name,
            nameZh: a.nameZh,
            city: item.city,
            day: day.day,
            date: day.date,
            order,
            dayOrder,
            start: item.start,
            end: item.end,
            themes: [...item.themes],
            cost: item.cost,
            links: mapLinks(a.location, a.nameZh),
          },
        });
      } else {
        const from = locate(catalogue, item.from);
        const to = locate(catalogue, item.to);
        legIndex += 1;
        if (!from || !to) continue;
        const id = `d${day.day}-leg${legIndex}-${item.from}-${item.to}`;
        features.push({
          type: 'Feature',
          id,
          geometry: { type: 'LineString', coordinates: [position(from), position(to)] },
          properties: {
            kind: 'leg',
            id,
            day: day.day,
            from: item.from,
            to: item.to,
            mode: item.mode,
            depart: item.depart,
            arrive: item.arrive,
            cost: item.cost,
          },
        });
      }
    }
  }
  return JSON.stringify({ type: 'FeatureCollection', features }, null, 2) + '\n';
}

function position(p: LatLon): Position {
  return [round(p.lon), round(p.lat)];
}

function round(n: number): number {
  return Number(n.toFixed(DECIMALS));
}

function locate(catalogue: Catalogue, id: string): LatLon | undefined {
  return (catalogue.attractions.find((a) => a.id === id) ?? catalogue.cities.find((c) => c.id === id))?.location;
}
