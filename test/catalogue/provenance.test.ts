/**
 * Per-fact provenance, discount rules and price seasons as the loader
 * resolves them (valid-provenance.yaml: valid-minimal.yaml plus a source list,
 * provenance entries, a "child pays half" rule, a winter price and an
 * nth-weekday closure).
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { resolvePrices, share } from '../../src/domain/catalogue/resolve-prices.js';
import type { DiscountRule } from '../../src/domain/catalogue/model.js';
import { priceTableOn } from '../../src/domain/catalogue/price-on.js';
import { admissionFor } from '../../src/domain/plan/party-cost.js';
import { loadCatalogueFile } from '../../src/io/load-catalogue.js';
import { fixturePath } from './fixture-path.js';

async function catalogue() {
  const result = await loadCatalogueFile(fixturePath('valid-provenance.yaml'), 'valid-provenance.yaml', { cacheDir: null });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const childHalf: DiscountRule = { category: 'child', paysPercent: 50, appliesTo: ['attractions'], fact: { status: 'assumed', sources: ['ndrc'] } };
const opts = { scope: 'attractions' as const, defaultId: 'adult', categories: ['adult', 'child', 'senior'], prefix: 'price' };

describe('provenance in the loaded catalogue', () => {
  it('keeps each stated fact with its status, source ids and checked date', async () => {
    const c = await catalogue();
    const tower = c.attractions.find((a) => a.id === 'yellow-crane-tower')!;
    expect(tower.provenance['price.adult']).toEqual({ status: 'confirmed', sources: ['yct-notice'], checked: '2026-12-06' });
    expect(tower.provenance['price.child']!.sources).toEqual(['yct-notice', 'wuhan-guide']);
    expect(tower.provenance.hours).toEqual({ status: 'estimate', sources: [], note: 'Two guides disagree; the shorter window is used.' });
    expect(c.sources.map((s) => [s.id, s.published])).toEqual([['yct-notice', '2025-03-01'], ['wuhan-guide', '2024']]);
  });

  it('prices a category a site leaves out by the discount rule, and says the amount rests on that rule', async () => {
    const c = await catalogue();
    const museum = c.attractions.find((a) => a.id === 'hunan-museum')!;
    expect(museum.price).toEqual({ adult: 0, child: 0 });
    expect(museum.provenance['price.child']).toMatchObject({ status: 'assumed', sources: ['yct-notice'], derivedFrom: 'discount-rule' });
  });

  it('keeps a price the site states over the rule (child 35, not half of 70)', async () => {
    const tower = (await catalogue()).attractions.find((a) => a.id === 'yellow-crane-tower')!;
    expect(tower.price).toEqual({ adult: 70, child: 35 });
  });

  it('charges the winter price in its months and the main price otherwise, the rule pricing the winter child', async () => {
    const tower = (await catalogue()).attractions.find((a) => a.id === 'yellow-crane-tower')!;
    expect(priceTableOn(tower, '2027-01-15')).toEqual({ adult: 60, child: 30 });
    expect(priceTableOn(tower, '2027-05-01')).toEqual({ adult: 70, child: 35 });
    expect(admissionFor(tower, { adult: 2, child: 1 }, 'adult', '2026-12-20')).toBe(150);
    expect(admissionFor(tower, { adult: 2, child: 1 }, 'adult')).toBe(175);
  });
});

describe('resolvePrices', () => {
  it('gives the rule share to a category left out, and a per-site discount beats the rule', () => {
    expect(resolvePrices({ adult: 45 }, {}, [childHalf], opts).price).toEqual({ adult: 45, child: 22.5 });
    expect(resolvePrices({ adult: 45 }, { child: 0 }, [childHalf], opts).price).toEqual({ adult: 45, child: 0 });
  });

  it('leaves a rule for another scope alone (a rail rule does not price attractions)', () => {
    const rail: DiscountRule = { ...childHalf, appliesTo: ['rail'] };
    expect(resolvePrices({ adult: 80 }, {}, [rail], opts).price).toEqual({ adult: 80 });
  });

  it('never charges a derived category more than the full price, in whole cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100 }), (fen, percent) => {
        const amount = fen / 100;
        const derived = share(amount, percent);
        expect(derived).toBeLessThanOrEqual(amount);
        expect(Number.isInteger(Math.round(derived * 100)) && Math.abs(derived * 100 - Math.round(derived * 100)) < 1e-6).toBe(true);
      }),
    );
  });
});
