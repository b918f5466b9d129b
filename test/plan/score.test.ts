/**
 * A stop's worth is what it is — rating, must-see, themes, and how long a
 * visit it deserves — not how many stops a day holds.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { attractionScore, stopQuality } from '../../src/domain/plan/score.js';
import type { Rating, Theme } from '../../src/domain/catalogue/model.js';

const stop = (rating: Rating, visitMin: number, themes: Theme[], mustSee = false) => ({ rating, visitMin, themes, mustSee });

describe('attractionScore', () => {
  it('values a full day at a 5A must-see mountain above three small halls of the same theme', () => {
    const lushan = attractionScore(stop('5A', 480, ['eco', 'cultural'], true), ['eco']);
    const hall = attractionScore(stop('4A', 90, ['eco']), ['eco']);
    expect(lushan).toBeGreaterThan(3 * hall);
  });

  it('is quality × √(visit hours), a whole number', () => {
    expect(attractionScore(stop('5A', 480, ['eco'], true), ['eco'])).toBe(Math.round(22 * Math.sqrt(8)));
    expect(attractionScore(stop('none', 60, ['red']), [])).toBe(3);
  });

  it('weighs the first theme asked most, then the second, then the rest', () => {
    const a = stop('4A', 60, ['water']);
    expect(stopQuality(a, ['water', 'eco'])).toBe(7 + 6);
    expect(stopQuality(a, ['eco', 'water'])).toBe(7 + 4);
    expect(stopQuality(a, ['eco', 'red', 'water'])).toBe(7 + 3);
  });

  it('grows with the visit a stop deserves, but less than in proportion (the first hours are the best)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Rating>('5A', '4A', '3A', 'none'),
        fc.integer({ min: 30, max: 480 }),
        fc.integer({ min: 1, max: 240 }),
        fc.boolean(),
        (rating, visitMin, more, mustSee) => {
          const short = attractionScore(stop(rating, visitMin, ['eco'], mustSee), ['eco']);
          const long = attractionScore(stop(rating, visitMin + more, ['eco'], mustSee), ['eco']);
          expect(long).toBeGreaterThanOrEqual(short);
          expect(Number.isInteger(long)).toBe(true);
          // Not in proportion: twice the hours is worth less than two visits (rounding aside).
          expect(attractionScore(stop(rating, 2 * visitMin, ['eco'], mustSee), ['eco'])).toBeLessThan(2 * short + 1);
        },
      ),
      { numRuns: 200, seed: 4 },
    );
  });

  it('ranks a must-see above the same stop without the flag, and a better rating above a worse one', () => {
    expect(attractionScore(stop('4A', 120, ['red'], true), ['red'])).toBeGreaterThan(attractionScore(stop('4A', 120, ['red']), ['red']));
    expect(attractionScore(stop('5A', 120, ['red']), ['red'])).toBeGreaterThan(attractionScore(stop('4A', 120, ['red']), ['red']));
  });
});
