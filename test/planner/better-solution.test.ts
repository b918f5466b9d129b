/**
 * Which of two solutions the search keeps as its best (state.ts `better`): more weight; at equal
 * weight, less paid for the legs (the trip race charges the party's taxi fares, not admission, which
 * buys the weight); then less time. Problems without leg costs — the literature's — compare by
 * weight, then time, as they always did.
 */
import { describe, expect, it } from '@jest/globals';
import { compileModel, type Model } from '../../src/domain/planner/model.js';
import { better, type State } from '../../src/domain/planner/state.js';
import { buildProblem, type Spec } from './builders.js';

// Two visits of equal score: the first costs 5 to enter, the second is free.
const spec: Spec = {
  points: [[0, 0], [10, 0], [0, 10]],
  dayCount: 1,
  dayLength: 160,
  lodgings: [0],
  visits: [
    { place: 1, duration: 10, score: 7, cost: 5, mandatory: false, windows: [[[0, 160]]] },
    { place: 2, duration: 10, score: 7, cost: 0, mandatory: false, windows: [[[0, 160]]] },
  ],
  period: 0,
  budget: undefined,
};

/** A solution as the search keeps it: which visits are in, their weight, what they cost and take. */
function solution(visitsIn: readonly number[], weight: number, cost: number, time: number): State {
  const where = Int32Array.from([-1, -1]);
  for (const v of visitsIn) where[v] = 0;
  return { routes: [], where, weight, cost, time };
}

describe('the better of two solutions', () => {
  const withFares: Model = compileModel(buildProblem(spec));
  const problem = buildProblem(spec);
  const withoutFares: Model = compileModel({ ...problem, travel: { ...problem.travel, cost: undefined } });

  it('is the heavier one, whatever it costs or takes', () => {
    expect(better(withFares, solution([0, 1], 14, 99, 150), solution([1], 7, 2, 20))).toBe(true);
    expect(better(withFares, solution([1], 7, 2, 20), solution([0, 1], 14, 99, 150))).toBe(false);
  });

  it('at equal weight, pays less for its legs even when its admission makes it dearer and it takes longer', () => {
    const dearGateCheapLegs = solution([0], 7, 5 + 2, 60); // legs 2
    const freeGateDearLegs = solution([1], 7, 0 + 4, 40); // legs 4
    expect(better(withFares, dearGateCheapLegs, freeGateDearLegs)).toBe(true);
    expect(better(withFares, freeGateDearLegs, dearGateCheapLegs)).toBe(false);
  });

  it('at equal weight and equal legs, takes less time', () => {
    expect(better(withFares, solution([1], 7, 2, 30), solution([1], 7, 2, 40))).toBe(true);
    expect(better(withFares, solution([1], 7, 2, 40), solution([1], 7, 2, 40))).toBe(false);
  });

  it('on a problem without leg costs, compares weight and then time only', () => {
    expect(withoutFares.hasLegCost).toBe(false);
    expect(better(withoutFares, solution([1], 7, 0, 40), solution([0], 7, 0, 60))).toBe(true);
    expect(better(withoutFares, solution([0], 7, 5, 60), solution([1], 7, 0, 40))).toBe(false);
  });
});
