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
  const markers = markerPositions(spec.places, project, spec);
  // The route through a stop goes through its marker, where a crowded marker was moved.
  const at = (p: LatLon): [number, number] => markers.get(p) ?? project(p);
  if (spec.path.length > 1) {
    const d = spec.path.map((p, i) => `${i === 0 ? 'M' : 'L'}${at(p).join(' ')}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="#37474f" stroke-width="2.5" stroke-dasharray="7 4" stroke-linejoin="round" stroke-linecap="round"/>`);
  }
  // Plain dots first, so numbered stops are drawn on top.
  const ordered = [...spec.places].sort((a, b) => Number(a.number !== undefined) - Number(b.number !== undefined));
  const labels = placeLabels(spec.places.filter((p) => p.number === undefined), project, spec);
  for (const place of ordered) {
    const [x, y] = place.number === undefined ? project(place.at) : markers.get(place.at)!;
    if (place.number === undefined) {
      const r = dotRadius(place);
      const at = labels.get(place)!;
      parts.push(`<circle cx="${x}" cy="${y}" r="${r}" fill="${place.emphasis ? '#263238' : '#90a4ae'}"/>`);
      parts.push(
        `<text x="${round(at.x)}" y="${round(at.y)}"${at.anchor !== 'start' ? ` text-anchor="${at.anchor}"` : ''} font-size="${fontSize(place)}" fill="${place.emphasis ? '#263238' : '#78909c'}"${place.emphasis ? ' font-weight="600"' : ''}>${escapeHtml(place.label)}</text>`,
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

/**
 * Where each numbered marker is drawn: at its place, unless an earlier marker is already there
 * (stops a few hundred metres apart on a city map that also holds a stop 50 km out: Yellow Crane
 * Tower, the Revolutionary Museum and the Two Rivers pier drew on top of each other, and only the
 * last number could be read); then on a ring around it, as near as is free and inside the box.
 * Keyed by the place's coordinates object, which the route's path shares.
 */
function markerPositions(places: readonly MapPlace[], project: (p: LatLon) => [number, number], spec: MapSpec): Map<LatLon, [number, number]> {
  const out = new Map<LatLon, [number, number]>();
  const taken: [number, number][] = [];
  const gap = 2 * MARKER_RADIUS + 1;
  const free = ([x, y]: [number, number]) =>
    x >= MARKER_RADIUS && x <= spec.width - MARKER_RADIUS && y >= MARKER_RADIUS && y <= spec.height - MARKER_RADIUS &&
    taken.every(([tx, ty]) => Math.hypot(tx - x, ty - y) >= gap);
  const numbered = places.filter((p) => p.number !== undefined).sort((a, b) => a.number! - b.number!);
  for (const place of numbered) {
    const home = project(place.at);
    let spot = home;
    search: if (!free(home)) {
      for (let ring = 1; ring <= 4; ring++) {
        const steps = 6 * ring;
        for (let k = 0; k < steps; k++) {
          const angle = (2 * Math.PI * k) / steps - Math.PI / 2;
          const candidate: [number, number] = [round(home[0] + ring * gap * Math.cos(angle)), round(home[1] + ring * gap * Math.sin(angle))];
          if (free(candidate)) {
            spot = candidate;
            break search;
          }
        }
      }
    }
    taken.push(spot);
    if (!out.has(place.at)) out.set(place.at, spot);
  }
  return out;
}

type Box = { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
type LabelAt = { readonly x: number; readonly y: number; readonly anchor: 'start' | 'end' | 'middle' };

function dotRadius(place: MapPlace): number {
  return place.emphasis ? 6 : 3.5;
}

function fontSize(place: MapPlace): number {
  return place.emphasis ? 13 : 11;
}

/** A label's width estimated from its characters: CJK glyphs are a full em, Latin about 0.6. */
function labelWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? 1 : 0.6;
  return em * size;
}

/**
 * Where each city's label goes: to the right of its dot unless that would cover another dot or a
 * label placed before it (two near cities, Yichang and Jingzhou, wrote over each other), then to
 * the left, above or below — the route's cities first, so theirs keep the best place.
 */
function placeLabels(places: readonly MapPlace[], project: (p: LatLon) => [number, number], spec: MapSpec): Map<MapPlace, LabelAt> {
  const dots: Box[] = places.map((p) => {
    const [x, y] = project(p.at);
    const r = dotRadius(p) + 1;
    return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
  });
  // The route's line, as small boxes every few pixels: a label written over it is hard to read.
  const line: Box[] = [];
  for (let i = 1; i < spec.path.length; i++) {
    const [ax, ay] = project(spec.path[i - 1]!);
    const [bx, by] = project(spec.path[i]!);
    const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / 4));
    for (let k = 0; k <= steps; k++) {
      const px = ax + ((bx - ax) * k) / steps;
      const py = ay + ((by - ay) * k) / steps;
      line.push({ x0: px - 1.5, y0: py - 1.5, x1: px + 1.5, y1: py + 1.5 });
    }
  }
  const taken: Box[] = [];
  const out = new Map<MapPlace, LabelAt>();
  const order = [...places].sort((a, b) => Number(Boolean(b.emphasis)) - Number(Boolean(a.emphasis)));
  for (const place of order) {
    const [x, y] = project(place.at);
    const r = dotRadius(place);
    const size = fontSize(place);
    const w = labelWidth(place.label, size);
    const own = dots[places.indexOf(place)]!;
    const candidates: (LabelAt & { box: Box })[] = [
      { x: x + r + 4, y: y + 4, anchor: 'start', box: { x0: x + r + 4, y0: y + 4 - size, x1: x + r + 4 + w, y1: y + 4 + 2 } },
      { x: x - r - 4, y: y + 4, anchor: 'end', box: { x0: x - r - 4 - w, y0: y + 4 - size, x1: x - r - 4, y1: y + 4 + 2 } },
      { x, y: y - r - 5, anchor: 'middle', box: { x0: x - w / 2, y0: y - r - 5 - size, x1: x + w / 2, y1: y - r - 3 } },
      { x, y: y + r + size + 2, anchor: 'middle', box: { x0: x - w / 2, y0: y + r + 2, x1: x + w / 2, y1: y + r + size + 4 } },
    ];
    const inside = (b: Box) => b.x0 >= 0 && b.x1 <= spec.width && b.y0 >= 0 && b.y1 <= spec.height;
    const clear = (b: Box, obstacles: readonly Box[]) => inside(b) && !obstacles.some((o) => overlaps(b, o));
    const others = [...dots.filter((d) => d !== own), ...taken];
    // Clear of dots, labels and the line if it can be; else of dots and labels; else where it always was.
    const chosen = candidates.find((c) => clear(c.box, [...others, ...line])) ?? candidates.find((c) => clear(c.box, others)) ?? candidates[0]!;
    taken.push(chosen.box);
    out.set(place, { x: chosen.x, y: chosen.y, anchor: chosen.anchor });
  }
  return out;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
