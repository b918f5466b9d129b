import { localSearch } from './local-search.js';
import { repair } from './lodging.js';
import type { Model } from './model.js';
import type { Random } from './random.js';
import { computeRoute, insertAt } from './route.js';
import { better, cloneState, excluded, refresh, type State } from './state.js';

/**
 * Puts in a left-out visit that visits in the solution exclude (problem.ts `excludes`: the Two
 * Dams One Gorge cruise includes the Three Gorges Dam and Xiling Gorge, so it cannot share a plan
 * with them). The swap moves trade one visit for one; when the visits that keep v out are on two
 * days (the dam on day 1, Xiling on day 2) no swap lets v in, and ratio insertion puts the dam (the
 * better ratio) in first every time. So, for each day d open to v: take out every visit that
 * excludes v, empty day d (its other visits go back by insertion, on other days if need be), put
 * v into d first, then a local search; the first trial better than the solution replaces it.
 * Bench S24 (`--from yichang --to chongqing --start 2027-02-08 --days 3 --pace packed`): the core
 * stayed at 147 (dam + Qu Yuan, Xiling + the Three Gorges Tribe) against the optimum's 153 (the
 * cruise, then Qu Yuan + the Tribe). Cheap: only visits kept out by an exclusion are tried, each on
 * the days open to it; the solver runs it in the final polish.
 */
export function exclusionSwap(m: Model, s: State, rng: Random, days: readonly number[], betweenDays: boolean): boolean {
  const ex = m.excludes;
  if (ex === null || m.dayCount < 1) return false;
  for (let v = 0; v < m.visitCount; v++) {
    if (s.where[v]! >= 0 || m.weight[v]! <= 0 || !excluded(m, s, v)) continue;
    for (let d = 0; d < m.dayCount; d++) {
      if (m.windows[v]![d]!.length === 0) continue;
      const t = cloneState(s);
      const touched = new Set<number>([d]);
      for (const u of ex[v]!) {
        const at = t.where[u]!;
        if (at < 0) continue;
        const r = t.routes[at]!;
        r.visits.splice(r.visits.indexOf(u), 1);
        t.where[u] = -1;
        touched.add(at);
      }
      const day = t.routes[d]!;
      for (const x of day.visits) t.where[x] = -1;
      day.visits = [];
      for (const k of touched) {
        computeRoute(m, t.routes[k]!);
        if (!t.routes[k]!.feasible) repair(m, t, k);
      }
      if (!day.feasible) continue;
      insertAt(m, day, v, 0);
      if (!day.feasible) continue;
      t.where[v] = d;
      refresh(m, t);
      if (m.budget !== Infinity && t.cost > m.budget + 1e-9) continue;
      localSearch(m, t, rng, 0, days, betweenDays);
      if (better(m, t, s)) {
        s.routes = t.routes;
        s.where = t.where;
        refresh(m, s);
        return true;
      }
    }
  }
  return false;
}
