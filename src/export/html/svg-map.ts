/**
 * A small inline SVG map, drawn from coordinates alone (no tiles, no network):
 * an equirectangular projection scaled by cos(latitude), fitted to the box.
 * Used twice: the corridor (cities, the route between them) and a close-up of
 * each city's stops, numbered as in the timeline.
 */
import type { LatLon } from '../../domain/catalogue/model.js';
import { escapeHtml } from './escape.js';

export interface MapPlace {
  readonly at: LatLon;
  readonly label: string;
  /** A numbered marker (a stop) or a plain dot (a city). */
  readonly number?: number;
  readonly colour: string;
  /** Drawn bolder: a city on the route. */
  readonly emphasis?: boolean;
}

export interface MapSpec {
  readonly places: readonly MapPlace[];
  /** The route, in travel order. */
  readonly path: readonly LatLon[];
  readonly width: number;
  readonly height: number;
  /** Smallest span shown, degrees, so a single stop does not fill the box. */
  readonly minSpanDeg: number;
  readonly title: string;
}

const PADDING = 28;
/** Room on the right for city labels, which are written to the right of their dot. */
const LABEL_ROOM = 120;
const MARKER_RADIUS = 9;

export function renderSvgMap(spec: MapSpec): string {
  const all = [...spec.places.map((p) => p.at), ...spec.path];
  if (all.length === 0) return '';
  const minLat = Math.min(...all.map((p) => p.lat));
  const maxLat = Math.max(...all.map((p) => p.lat));
  const minLon = Math.min(...all.map((p) => p.lon));
  const maxLon = Math.max(...all.map((p) => p.lon));
  const midLat = (minLat + maxLat) / 2;
  const kx = Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * kx, spec.minSpanDeg);
  const spanY = Math.max(maxLat - minLat, spec.minSpanDeg);
  const labelRoom = spec.places.some((p) => p.number === undefined) ? LABEL_ROOM : PADDING;
  const innerWidth = spec.width - PADDING - labelRoom;
  const scale = Math.min(innerWidth / spanX, (spec.height - 2 * PADDING) / spanY);
  const cx = ((minLon + maxLon) / 2) * kx;
  const cy = midLat;
  const project = (p: LatLon): [number, number] => [
    round(PADDING + innerWidth / 2 + (p.lon * kx - cx) * scale),
    round(spec.height / 2 - (p.lat - cy) * scale),
  ];

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${spec.width} ${spec.height}" role="img" aria-label="${escapeHtml(spec.title)}" class="map">`,
    `<title>${escapeHtml(spec.title)}</title>`,
    `<rect x="0" y="0" width="${spec.width}" height="${spec.height}" rx="6" fill="#f4f7f6" stroke="#cfd8dc"/>`,
  ];
  if (spec.path.length > 1) {
    const d = spec.path.map((p, i) => `${i === 0 ? 'M' : 'L'}${project(p).join(' ')}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="#37474f" stroke-width="2.5" stroke-dasharray="7 4" stroke-linejoin="round" stroke-linecap="round"/>`);
  }
  // Plain dots first, so numbered stops are drawn on top.
  const ordered = [...spec.places].sort((a, b) => Number(a.number !== undefined) - Number(b.number !== undefined));
  for (const place of ordered) {
    const [x, y] = project(place.at);
    if (place.number === undefined) {
      const r = place.emphasis ? 6 : 3.5;
      parts.push(`<circle cx="${x}" cy="${y}" r="${r}" fill="${place.emphasis ? '#263238' : '#90a4ae'}"/>`);
      parts.push(
        `<text x="${round(x + r + 4)}" y="${round(y + 4)}" font-size="${place.emphasis ? 13 : 11}" fill="${place.emphasis ? '#263238' : '#78909c'}"${place.emphasis ? ' font-weight="600"' : ''}>${escapeHtml(place.label)}</text>`,
      );
    } else {
      parts.push(`<g class="stop"><title>${escapeHtml(`${place.number}. ${place.label}`)}</title>`);
      parts.push(`<circle cx="${x}" cy="${y}" r="${MARKER_RADIUS}" fill="${place.colour}" stroke="#fff" stroke-width="2"/>`);
      parts.push(`<text x="${x}" y="${round(y + 4)}" font-size="11" font-weight="700" text-anchor="middle" fill="#fff">${place.number}</text></g>`);
    }
  }
  parts.push('</svg>');
  return parts.join('');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
