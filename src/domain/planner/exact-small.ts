import { arriveAt, legCost, windowFor, type Model } from './model.js';
import { newStep, stepEnd, stepVisit } from './day-break.js';
import { computeRoute } from './route.js';
import { EPS, refresh, startOf, stateWithEnds, tripStart, type State } from './state.js';

/** Problems with at most this many visits are also solved exactly. */
export const EXACT_MAX_VISITS = 8;
/** Search nodes the exact search may expand before it gives up (and the heuristic answer stands). */
export const EXACT_MAX_NODES = 200_000;

/**
 * The optimum of a small problem by depth-first search over every order of
 * visits on every day and every allowed lodging (pruned when the visits
 * still open cannot beat the best weight found), or null when the search
 * would expand more than `maxNodes` nodes or `stop()` says so (asked every
 * 1,024 nodes: the solver passes its time limit). Visits start as early as their
 * windows allow (travel is FIFO, so waiting never helps). Best means the
 * most weight (mandatory visits first, then score); among equal weights the
 * first found.
 */
export function exactSmall(m: Model, maxNodes = EXACT_MAX_NODES, stop: () => boolean = () => false): State | null {
  const D = m.dayCount;
  const used = new Uint8Array(m.visitCount);
  const seq: number[][] = Array.from({ length: D }, () => []);
  const ends = new Array<number>(D).fill(0);
  let best: State | null = null;
  let weight = 0;
  // Weight still to be had from day d on: unused visits open on some later day.
  const potential = (d: number): number => {
    let w = 0;
    for (let v = 0; v < m.visitCount; v++) {
      if (used[v] === 1) continue;
      for (let e = d; e < D; e++) {
        if (m.windows[v]![e]!.length > 0) {
          w += m.weight[v]!;
          break;
        }
      }
    }
    return w;
  };
  let nodes = 0;
  let aborted = false;
  const step = newStep();
  const ex = m.excludes;

  // Only an answer heavier than the best so far is worth building (the doc: ties keep the first).
  const finish = (): void => {
    if (best !== null && weight <= best.weight + EPS) return;
    const s = stateWithEnds(m, ends);
    for (let d = 0; d < D; d++) {
      const r = s.routes[d]!;
      r.visits = seq[d]!.slice();
      computeRoute(m, r);
      for (const v of r.visits) s.where[v] = d;
    }
    refresh(m, s);
    best = s;
  };

  const day = (d: number, start: number, costSoFar: number): void => {
    if (d === D) {
      finish();
      return;
    }
    const brk = m.breaks[d];
    // On a day with a break, t is the earliest time before it and tB after it (day-break.ts).
    const extend = (at: number, t: number, tB: number, cost: number): void => {
      if (aborted) return;
      if (++nodes > maxNodes || ((nodes & 1023) === 1 && stop())) {
        aborted = true;
        return;
      }
      // Only a heavier answer counts: a tie in weight is not worth the search.
      if (best !== null && weight + potential(d) <= best.weight + EPS) return;
      // Longer days first: heavy answers early make the bound bite.
      for (const v of m.openOn[d]!) {
        if (used[v] === 1 || (ex !== null && ex[v]!.some((u) => used[u] === 1))) continue;
        const q = m.place[v]!;
        let next: number;
        let nextB = Infinity;
        if (brk === undefined) {
          const a = arriveAt(m, at, q, t, d);
          const w = windowFor(m, v, d, a);
          if (w === undefined) continue;
          next = Math.max(a, w.open) + m.duration[v]!;
        } else {
          stepVisit(m, d, brk, at, t, tB, v, step);
          if (step.depA === Infinity && step.depB === Infinity) continue;
          next = step.depA;
          nextB = step.depB;
        }
        const c = cost + legCost(m, at, q, d) + m.visitCost[v]!;
        if (c > m.budget + EPS) continue;
        used[v] = 1;
        weight += m.weight[v]!;
        seq[d]!.push(v);
        extend(q, next, nextB, c);
        seq[d]!.pop();
        weight -= m.weight[v]!;
        used[v] = 0;
      }
      for (const e of m.ends[d]!) {
        if (brk !== undefined && seq[d]!.length > 0) {
          stepEnd(m, d, brk, at, t, tB, e, step);
          if (!(step.depB <= m.close[d]!)) continue;
        } else if (arriveAt(m, at, e, t, d) > m.close[d]!) continue;
        const c = cost + legCost(m, at, e, d);
        if (c > m.budget + EPS) continue;
        ends[d] = e;
        day(d + 1, d + 1 < D ? startOf(m, d + 1, e) : e, c);
      }
    };
    extend(start, m.open[d]!, Infinity, costSoFar);
  };

  day(0, tripStart(m), 0);
  return aborted ? null : best;
}
