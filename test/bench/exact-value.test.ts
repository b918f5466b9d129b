/**
 * The exact model's second measure, by value (bench/lib/exact-value.ts, bench/lib/exact-days.ts):
 * the race ranks plans by raceValue, and on one skeleton that is its plan-free base, plus the
 * score, less FARE_CHARGE_PER_YUAN per yuan of local legs — the formula both exact methods
 * optimise. These specs hold the formula to the planner's own itineraries, and the day
 * enumeration's optimum to a plain search over every plan. No CBC needed.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import type { PlanRequest } from '../../src/domain/itinerary/itinerary.js';
import { parseRequest } from '../../src/domain/plan/parse-request.js';
import { candidateStops, planTrip } from '../../src/domain/plan/plan-trip.js';
import { cityNeighbours } from '../../src/domain/plan/choose-cities.js';
import { directedLinks } from '../../src/domain/travel/city-links.js';
import { compileModel } from '../../src/domain/planner/model.js';
import { timeDay } from '../../src/domain/planner/route.js';
import { SKELETONS } from '../../src/commands/plan.js';
import { exactScenarios } from '../../bench/lib/exact-scenarios.js';
import { itineraryOn, restrictCandidates, skeletonsOf } from '../../bench/lib/exact-scenario-run.js';
import { optimumByDays } from '../../bench/lib/exact-days.js';
import { localYuanOf } from '../../bench/lib/exact-solve.js';
import {
  baseValue, FARE_CHARGE_PER_YUAN, itineraryOfRoutes, rankOf, type Skeleton, type ValueContext,
} from '../../bench/lib/exact-value.js';
import { shippedCatalogue } from '../plan/shipped.js';

let catalogue: Catalogue;
let calendar: HolidayCalendar;
beforeAll(async () => {
  ({ catalogue, calendar } = await shippedCatalogue());
});

function requestOf(flags: Record<string, string>): PlanRequest {
  const parsed = parseRequest(flags, catalogue);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return parsed.request;
}

function contextOf(request: PlanRequest): ValueContext {
  return { catalogue, request, calendar, candidates: candidateStops(catalogue, request), neighbours: cityNeighbours(directedLinks(catalogue)) };
}

/** By rule: the benchmark's scenarios without a budget (the day enumeration declines a budget), restricted as the benchmark restricts them. */
function unbudgeted(count: number): PlanRequest[] {
  return exactScenarios(catalogue, 24)
    .filter((s) => s.flags.budget === undefined)
    .slice(0, count)
    .map((s) => requestOf(restrictCandidates(catalogue, s.flags, calendar).flags as Record<string, string>));
}

describe('value on a skeleton = its base + score − FARE_CHARGE_PER_YUAN × local yuan', () => {
  it("holds for the planner's own itineraries (the race's raceValue, to the unit)", () => {
    for (const request of unbudgeted(4)) {
      const planned = planTrip(catalogue, request, calendar, { seed: 1, maxIterations: 150, skeletons: SKELETONS });
      if (!planned.ok) throw new Error(planned.message);
      const ctx = contextOf(request);
      const on = skeletonsOf(catalogue, request, calendar).flatMap((sk) => {
        const routes = itineraryOn(sk.built, planned.itinerary);
        return routes ? [{ sk, routes }] : [];
      });
      expect(on.length).toBeGreaterThan(0);
      const { sk, routes } = on[0]!;
      const score = routes.flat().reduce((s, v) => s + sk.built.problem.visits[v]!.score, 0);
      const rank = rankOf(planned.itinerary, ctx.neighbours);
      expect(rank.value).toBeCloseTo(baseValue(ctx, sk) + score - FARE_CHARGE_PER_YUAN * localYuanOf(sk.built, routes), 9);
    }
  }, 120_000);
});

/** Every plan of a skeleton, by brute force: every order of every set of visits on day 0, then on day 1 of what is left, … */
function everyPlan(sk: Skeleton, visit: (routes: readonly (readonly number[])[]) => void): void {
  const p = sk.built.problem;
  const m = compileModel(p);
  const routes: number[][] = p.days.map(() => []);
  const used = new Set<number>();
  const excluded = (v: number) => [...used].some((u) => (p.visits[u]!.excludes ?? []).includes(v) || (p.visits[v]!.excludes ?? []).includes(u));
  const onDay = (d: number): void => {
    if (d === p.days.length) {
      visit(routes);
      return;
    }
    const grow = (): void => {
      if (timeDay(m, d, p.days[d]!.start!, p.days[d]!.ends[0]!, routes[d]!) === undefined) return;
      onDay(d + 1);
      for (let v = 0; v < p.visits.length; v++) {
        if (used.has(v) || p.visits[v]!.windows[d]!.length === 0 || excluded(v)) continue;
        used.add(v);
        routes[d]!.push(v);
        grow();
        routes[d]!.pop();
        used.delete(v);
      }
    };
    grow();
  };
  onDay(0);
}

describe('the day enumeration (exact-days.ts)', () => {
  it('finds the best value of any plan, as a brute-force search over every plan finds it, and its plan has that raceValue', () => {
    // By rule: the first unbudgeted scenario of two or more days, with no must stop (so that weight is
    // score, as the raceValue check below needs), with a skeleton of 4–7 visits.
    const picked = unbudgeted(24).flatMap((request) =>
      request.days < 2 || request.must.length > 0 ? [] : skeletonsOf(catalogue, request, calendar).filter((sk) => sk.built.problem.visits.length >= 4 && sk.built.problem.visits.length <= 7).map((sk) => ({ request, sk })),
    )[0];
    if (!picked) throw new Error('no scenario fits the rule');
    const { request, sk } = picked;
    const m = compileModel(sk.built.problem);
    let bestValue = -Infinity;
    let bestWeight = -Infinity;
    let plans = 0;
    everyPlan(sk, (routes) => {
      plans++;
      const weight = routes.flat().reduce((s, v) => s + m.weight[v]!, 0);
      bestWeight = Math.max(bestWeight, weight);
      bestValue = Math.max(bestValue, weight - FARE_CHARGE_PER_YUAN * localYuanOf(sk.built, routes));
    });
    expect(plans).toBeGreaterThan(10);
    const days = optimumByDays(sk.built, { chargePerYuan: FARE_CHARGE_PER_YUAN });
    expect(days.status).toBe('optimal');
    expect(days.weight).toBeCloseTo(bestWeight, 9);
    expect(days.charged).toBeCloseTo(bestValue, 9);
    // Made into the planner's itinerary, the value-optimal plan is worth what the model says (no must here: weight = score).
    const ctx = contextOf(request);
    expect(request.must).toHaveLength(0);
    expect(rankOf(itineraryOfRoutes(ctx, sk, days.chargedRoutes), ctx.neighbours).value).toBeCloseTo(baseValue(ctx, sk) + days.charged, 9);
  }, 120_000);

  it('declines a request with a budget, which couples the days (CBC alone settles those)', () => {
    const s = exactScenarios(catalogue, 24).find((x) => x.flags.budget !== undefined)!;
    const sk = skeletonsOf(catalogue, requestOf(s.flags as Record<string, string>), calendar)[0]!;
    const days = optimumByDays(sk.built, { chargePerYuan: FARE_CHARGE_PER_YUAN });
    expect(days.status).toBe('not-modelled');
    expect(days.reason).toMatch(/budget/);
  });
});

describe('the scenario rule beyond the first 24 (--scenarios 30)', () => {
  it('keeps the first 24 as they are, and continues every cycle with 1-, 2- and 3-day blocks of its own', () => {
    const base = exactScenarios(catalogue, 24);
    const more = exactScenarios(catalogue, 30);
    expect(more.slice(0, 24)).toEqual(base);
    expect(more.slice(24).map((s) => s.flags.days)).toEqual(['1', '1', '2', '2', '3', '3']);
    const cities = catalogue.cities.filter((c) => c.lodging).map((c) => c.id);
    more.slice(24).forEach((s, k) => expect(s.flags.from).toBe(cities[(24 + k) % cities.length]));
  });
});
