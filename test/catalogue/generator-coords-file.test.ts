/**
 * A site's point is checked in catalogue/research/coords.yaml against WGS-84 references and their
 * GCJ-02 / BD-09 images. Records of other fields follow file order (the last wins), so a regional
 * file sorted after coords.yaml (hunan.yaml) would silently put back a point found to be shifted;
 * the generator (scripts/catalogue/research.mjs) lets coords.yaml's record win and logs the other.
 */
import { describe, expect, it } from '@jest/globals';
import { generatedSite, generatorLog } from './generated-site.js';

const coords = (lat: number, lon: number, at: string): string => `facts:
  - id: junshan-island
    field: coords
    value: { lat: ${lat}, lon: ${lon}, datum: WGS84, at: "${at}" }
    status: estimate
    source: { title: "test page", url: "https://example.org/${at}" }
    checked: 2026-12-07
`;

describe('catalogue generator: coordinates checked in coords.yaml', () => {
  it('takes the coords.yaml point over a regional file sorted after it', () => {
    const files = { 'coords.yaml': coords(29.3901, 113.0039, 'pier'), 'hunan.yaml': coords(29.355, 113.0025, 'island') };
    expect(generatedSite(files, 'junshan-island').location).toEqual({ lat: 29.3901, lon: 113.0039 });
    expect(generatorLog(files)).toMatch(/hunan\.yaml facts\[0\] \(junshan-island\.coords\): superseded by the coords\.yaml record/);
  });

  it('keeps file order when coords.yaml has no record of the site', () => {
    const files = { 'coords.yaml': 'facts: []\n', 'chongqing.yaml': coords(29.3, 113.1, 'first'), 'hunan.yaml': coords(29.355, 113.0025, 'island') };
    expect(generatedSite(files, 'junshan-island').location).toEqual({ lat: 29.355, lon: 113.0025 });
  });
});
