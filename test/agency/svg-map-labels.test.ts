/**
 * City labels on the document's route map: written to the right of the dot unless that covers
 * another city's dot or label, or the route's line — two near cities (Yichang and Jingzhou, 3–7
 * and the next stop) wrote over each other before.
 */
import { describe, expect, it } from '@jest/globals';
import { renderSvgMap, type MapPlace } from '../../src/export/html/svg-map.js';

const city = (label: string, lat: number, lon: number, emphasis = true): MapPlace => ({ at: { lat, lon }, label, colour: '#000', ...(emphasis ? { emphasis } : {}) });
const spec = (places: MapPlace[], path: MapPlace[] = []) => ({ places, path: path.map((p) => p.at), width: 600, height: 300, minSpanDeg: 0.5, title: 'route' });

/** Each label's text element: its position and anchor. */
function labels(svg: string): Map<string, { x: number; y: number; anchor: string }> {
  const out = new Map<string, { x: number; y: number; anchor: string }>();
  for (const m of svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"(?: text-anchor="(\w+)")? font-size="\d+"[^>]*>([^<]+)<\/text>/g)) {
    out.set(m[4]!, { x: Number(m[1]), y: Number(m[2]), anchor: m[3] ?? 'start' });
  }
  return out;
}

describe('route map labels', () => {
  it('a lone city keeps its label to the right of its dot', () => {
    const svg = renderSvgMap(spec([city('Wuhan', 30.59, 114.3), city('Nanchang', 28.68, 115.86)]));
    expect([...labels(svg).values()].map((l) => l.anchor)).toEqual(['start', 'start']);
  });

  it('two near cities on one level do not write over each other: the second label moves off the first', () => {
    const yichang = city('Yichang · 3–7', 30.69, 111.29);
    const jingzhou = city('Jingzhou', 30.5, 111.6);
    const svg = renderSvgMap(spec([yichang, jingzhou, city('Chongqing', 29.56, 106.55), city('Wuhan', 30.59, 114.3)]));
    const at = labels(svg);
    const right = (name: string, width: number) => ({ ...at.get(name)!, x1: at.get(name)!.anchor === 'start' ? at.get(name)!.x + width : at.get(name)!.x });
    const a = right('Yichang · 3–7', 13 * 0.6 * 13);
    const b = at.get('Jingzhou')!;
    // Either Jingzhou's label is not on Yichang's line of text, or it starts after Yichang's ends.
    expect(Math.abs(a.y - b.y) >= 13 || b.x >= a.x1 || b.anchor !== 'start').toBe(true);
  });

  it('a label is not written across the route\'s line when another side is free', () => {
    const a = city('Alpha', 30, 110);
    const b = city('Beta', 30, 112);
    // The route leaves Alpha to the right: its label goes elsewhere (left, above or below).
    const svg = renderSvgMap(spec([a, b], [a, b]));
    expect(labels(svg).get('Alpha')!.anchor).not.toBe('start');
  });
});
