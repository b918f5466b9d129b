/**
 * The exact model of bench/exact-gap.ts (bench/lib/exact-mip.ts, solved by
 * CBC) is the planner's own Problem: on small real requests its optimum is
 * the in-repo exhaustive search's, its plan replays feasible through the
 * core's route evaluation (lunch and all: it is the Problem's break), and
 * the default planner is within 1 % of that optimum. Not timed: figures live in BENCHMARKS.md.
 */
import { beforeAll, expect, it } from '@jest/globals';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { HolidayCalendar } from '../../src/domain/calendar/holiday-calendar.js';
import type { Problem } from '../../src/domain/planner/problem.js';
import { checkTravelShape, shapeDays } from '../../bench/lib/exact-mip.js';
import { exactScenarios } from '../../bench/lib/exact-scenarios.js';
import { runScenario, skeletonProblems } from '../../bench/lib/exact-scenario-run.js';
import { checkModel } from '../../bench/lib/exact-checks.js';
import { DFS_MAX_NODES, DFS_MAX_VISITS, solveExactly } from '../../bench/lib/exact-solve.js';
import type { BuiltProblem } from '../../src/domain/plan/build-problem.js';
import { dayCities, dayLinks } from '../../src/domain/plan/city-plan.js';
import { MEAL_RULES, type MealRules } from '../../src/domain/plan/pace.js';
import { exactSmall } from '../../src/domain/planner/exact-small.js';
import { compileModel } from '../../src/domain/planner/model.js';
import { parseRequest } from '../../src/domain/plan/parse-request.js';
import { needTool } from '../agency/helpers/tools.js';
import { shippedCatalogue } from '../plan/shipped.js';

const { describe: describeWithCbc } = needTool({
  what: 'exact model of small corridor plans (bench/exact-gap.ts)',
  tool: 'CBC',
  commands: ['cbc'],
  install: 'apt-get install -y coinor-cbc',
});

let catalogue: Catalogue;
let calendar: HolidayCalendar;
beforeAll(async () => {
  ({ catalogue, calendar } = await shippedCatalogue());
});

/**
 * By rule, not by result: the first three of the benchmark's scenarios whose
 * skeletons the exhaustive search can settle (≤ DFS_MAX_VISITS visits) and
 * whose best plan is not empty. Today: a 1-day trip crossing a train, one
 * with a must stop, and a stay.
 */
function smallScenarios(): { name: string; flags: Record<string, string> }[] {
  return exactScenarios(catalogue, 24)
    .filter((s) => {
      const parsed = parseRequest(s.flags, catalogue);
      if (!parsed.ok) return false;
      const built = skeletonProblems(catalogue, parsed.request, calendar);
      return built.length > 0 && built.every((b) => b.problem.visits.length <= DFS_MAX_VISITS) &&
        built.some((b) => (exactSmall(compileModel(b.problem), DFS_MAX_NODES)?.weight ?? 0) > 0);
    })
    .slice(0, 3)
    .map((s) => ({ name: s.name, flags: { ...s.flags } }));
}

describeWithCbc('the exact model of the planner Problem', () => {
  it('settles three small real requests: CBC optimal, equal to the exhaustive search, replayed by the core; the planner within 1 % of the best plan with lunch', () => {
    const scenarios = smallScenarios();
    expect(scenarios).toHaveLength(3);
    for (const s of scenarios) {
      const r = runScenario(catalogue, calendar, s.flags, { timeLimitS: 60, dfs: true });
      // Every check of bench/exact-gap.ts: CBC = day enumeration = exhaustive search, replays, raceValue = model.
      expect({ scenario: s.name, faults: checkModel(r) }).toEqual({ scenario: s.name, faults: [] });
      expect(r.plannerReplayed).toBe(true);
      expect(r.optScore).toBeGreaterThan(0);
      for (const k of r.skeletons) {
        expect(k.exact.status).toBe('optimal');
        expect(k.exact.best?.feasible).toBe(true);
        expect(k.exact.mipObjective).toBeCloseTo(k.exact.best!.weight, 6);
        expect(k.exact.dfsWeight).toBe(k.exact.best!.weight);
        expect(k.exact.mealsKeepAll).toBe(true);
        // Nothing the planner made beats an optimum.
        if (k.planner?.feasible) expect(k.planner.weight).toBeLessThanOrEqual(k.exact.best!.weight);
      }
      // A scenario in KNOWN_SHORT must still be short: when the planner reaches it, this fails and the entry goes.
      expect({ scenario: s.name, gap: r.gap <= 0.01 }).toEqual({ scenario: s.name, gap: !KNOWN_SHORT.has(s.name) });
    }
  }, 300_000);
});

/**
 * By rule: the first of the benchmark's scenarios with a day of two trains whose middle city has a
 * stop open that day and whose skeletons the exhaustive search settles (today S22, Hengyang →
 * Changsha → Shaoshan on day 2 of one skeleton).
 */
function middleCityDay(): { built: BuiltProblem; day: number; city: string; meals: MealRules } {
  for (const s of exactScenarios(catalogue, 24)) {
    const parsed = parseRequest(s.flags, catalogue);
    if (!parsed.ok) continue;
    const built = skeletonProblems(catalogue, parsed.request, calendar);
    if (built.some((b) => b.problem.visits.length > DFS_MAX_VISITS)) continue;
    for (const b of built) {
      for (const [d, { day }] of b.landDays.entries()) {
        const city = dayCities(day)[1]!;
        if (dayLinks(day).length === 2 && b.problem.visits.some((v) => v.windows[d]!.length > 0 && b.places[v.place]!.city === city)) {
          return { built: b, day: d, city, meals: MEAL_RULES[parsed.request.pace] };
        }
      }
    }
  }
  throw new Error('no scenario has a two-train day with a stop open in the middle city');
}

describeWithCbc('the exact model of a day of two trains', () => {
  it('stops in the middle city as the core does: arrive by the first train, see it, leave by a later second one — CBC = exhaustive search, replayed by the core, lunch kept by meals.ts', () => {
    const { built, day, city, meals } = middleCityDay();
    const onDay = (b: BuiltProblem, v: number) => b.problem.visits[v]!.windows[day]!.length > 0;
    // The skeleton as the planner builds it: modelled (it was refused before), optimal, and the DFS's optimum.
    const whole = solveExactly(built, { timeLimitS: 60, dfs: true, meals });
    expect(whole.status).toBe('optimal');
    expect(whole.best?.feasible).toBe(true);
    expect(whole.dfsWeight).toBe(whole.best!.weight);
    // Only the middle city's stops, on that day only: any plan with a visit must stop between the trains.
    const middleOnly: BuiltProblem = {
      ...built,
      problem: {
        ...built.problem,
        visits: built.problem.visits.map((v, i) => ({
          ...v,
          windows: v.windows.map((ws, d) => (d === day && built.places[v.place]!.city === city && onDay(built, i) ? ws : [])),
        })),
      },
    };
    const r = solveExactly(middleOnly, { timeLimitS: 60, dfs: true, meals });
    expect(r.status).toBe('optimal');
    expect(r.best?.feasible).toBe(true);
    expect(r.best!.score).toBeGreaterThan(0);
    expect(r.mipObjective).toBeCloseTo(r.best!.weight, 6);
    expect(r.dfsWeight).toBe(r.best!.weight);
    expect(r.mealsKeepAll).toBe(true);
  }, 300_000);
});

/**
 * Scenarios the planner is known to miss by more than 1 % (none since the lunch became the core's
 * own break: S02 and S04 were short while meals.ts placed the lunch after the search and dropped
 * stops for it). A scenario listed here must still be short; one that passes comes off the list.
 */
const KNOWN_SHORT = new Set<string>();

describe('the model refuses travel it does not model', () => {
  it('says a local leg is time-dependent instead of modelling it as fixed', async () => {
    const parsed = parseRequest({ from: 'wuhan', stay: 'wuhan', start: '2027-06-16', days: '1' }, catalogue);
    if (!parsed.ok) throw new Error('request');
    const built = skeletonProblems(catalogue, parsed.request, calendar)[0]!;
    const base = built.problem.travel;
    // A rush hour: legs leaving after 17:00 take ten minutes more.
    const rushHour: Problem = {
      ...built.problem,
      travel: { ...base, isStatic: false, arrive: (f, t, x, d) => base.arrive(f, t, x, d) + (f !== t && x % 1440 >= 17 * 60 ? 10 : 0) },
    };
    const shaped = shapeDays(rushHour, built.places, built.landDays);
    if (!shaped.ok) throw new Error(shaped.reason);
    const checked = checkTravelShape(rushHour, built.places, shaped.days);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.reason).toMatch(/time-dependent/);
    expect(checkTravelShape(built.problem, built.places, shaped.days).ok).toBe(true);
  });
});
