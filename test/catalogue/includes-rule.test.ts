/**
 * Catalogue `includes` (a product that takes the party to other sites, the Two Dams One Gorge
 * boat): the loader checks it names attractions of the same city, not itself, none twice,
 * and none that itself includes others — one defect per catalogue.
 */
import { describe, expect, it } from '@jest/globals';
import { checkCatalogueRules } from '../../src/domain/catalogue/rules.js';
import { aCatalogue } from '../builders/catalogue-builder.js';

const yichang = (boat: { includes: string[] }, extra?: { id: string; city: string; includes?: string[] }) => {
  let c = aCatalogue()
    .withCity({ id: 'yichang', location: { lat: 30.69, lon: 111.28 } })
    .withCity({ id: 'wuhan', location: { lat: 30.59, lon: 114.3 } })
    .withAttraction({ id: 'dam', city: 'yichang' })
    .withAttraction({ id: 'gorge', city: 'yichang' })
    .withAttraction({ id: 'boat', city: 'yichang', ...boat });
  if (extra) c = c.withAttraction(extra);
  return checkCatalogueRules(c.build()).map((i) => [i.code, i.path.join('.')]);
};

describe('catalogue includes', () => {
  it('names sites of the product\'s own city: nothing to say', () => {
    expect(yichang({ includes: ['dam', 'gorge'] })).toEqual([]);
  });

  it('an unknown site, itself, another city\'s site, a site twice, a product inside a product: each its own issue at its index', () => {
    expect(yichang({ includes: ['dam', 'weir'] })).toEqual([['unknown-attraction', 'attractions.2.includes.1']]);
    expect(yichang({ includes: ['boat'] })).toEqual([['includes-itself', 'attractions.2.includes.0']]);
    expect(yichang({ includes: ['dam', 'tower'] }, { id: 'tower', city: 'wuhan' })).toEqual([['includes-other-city', 'attractions.2.includes.1']]);
    expect(yichang({ includes: ['dam', 'dam'] })).toEqual([['includes-twice', 'attractions.2.includes.1']]);
    expect(yichang({ includes: ['tour'] }, { id: 'tour', city: 'yichang', includes: ['dam'] })).toEqual([['includes-nested', 'attractions.2.includes.0']]);
  });
});
