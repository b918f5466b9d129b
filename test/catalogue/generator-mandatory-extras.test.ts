/**
 * The catalogue generator (scripts/facts-to-routes.mjs) adds a site's mandatory extra (a bus or
 * ferry every visitor pays, with no concessions) to every rider category. A category the research
 * record leaves out is priced by the discount rule on the admission alone, then the extra is
 * added: a child at the Three Gorges Tribe pays half of 150 + 60 = 135, not half of 210 = 105.
 */
import { describe, expect, it } from '@jest/globals';
import { generatedSite as generated } from './generated-site.js';

const TRIBE = `facts:
  - id: three-gorges-tribe
    field: price
    value: { adult: 150 }
    status: confirmed
    source: { title: "test page", url: "https://example.org/tribe" }
    checked: 2026-12-06
  - id: three-gorges-tribe
    field: mandatory_extras
    value: { what: "bus and ferry", adult_cny: 60 }
    status: confirmed
    source: { title: "test page", url: "https://example.org/tribe" }
    checked: 2026-12-06
`;

describe('catalogue generator: mandatory extras', () => {
  it('prices a category the record leaves out by the discount rule on the admission, then adds the extra', () => {
    const site = generated(TRIBE, 'three-gorges-tribe');
    // curated.yaml: children and students pay half at attractions; seniors have no rule (the loader charges them the full 210)
    expect(site.price).toEqual({ adult: 210, child: 135, student: 135 });
    expect(site.provenance['price.adult']!.status).toBe('confirmed');
    expect(site.provenance['price.child']!.status).toBe('assumed');
    expect(site.provenance['price.student']!.status).toBe('assumed');
  });

  it('keeps a category the record states and adds the extra to it', () => {
    const site = generated(TRIBE.replace('value: { adult: 150 }', 'value: { adult: 150, child: 0 }'), 'three-gorges-tribe');
    expect(site.price).toEqual({ adult: 210, child: 60, student: 135 });
    expect(site.provenance['price.child']!.status).toBe('confirmed');
  });
});
