import type { Problem, Solution } from '../../src/domain/planner/problem.js';

/** Recomputes a solution's schedule from the problem alone and lists every broken rule. */
export function violations(p: Problem, s: Solution): string[] {
  const errs: string[] = [];
  const used = new Set<number>();
  let score = 0;
  let cost = 0;
  if (s.days.length !== p.days.length) errs.push('one route per day expected');
  let prevEnd = -1;
  s.days.forEach((r, d) => {
    const day = p.days[d]!;
    const start = day.start ?? prevEnd;
    if (r.start !== start) errs.push(`day ${d} starts at ${r.start}, expected ${start}`);
    if (!day.ends.includes(r.end)) errs.push(`day ${d} ends at ${r.end}, not an allowed end`);
    let t = day.open;
    let at = r.start;
    for (const sv of r.visits) {
      const v = p.visits[sv.visit]!;
      if (used.has(sv.visit)) errs.push(`visit ${sv.visit} twice`);
      used.add(sv.visit);
      const arrive = p.travel.arrive(at, v.place, t, d);
      cost += (p.travel.cost?.(at, v.place, d) ?? 0) + (v.cost ?? 0);
      const w = [...(v.windows[d] ?? [])].sort((x, y) => x.open - y.open).find((x) => x.close >= arrive);
      const begin = w === undefined ? Infinity : Math.max(arrive, w.open);
      if (w === undefined) errs.push(`day ${d}: visit ${sv.visit} reached at ${arrive}, no window left`);
      if (sv.start !== begin) errs.push(`day ${d}: visit ${sv.visit} starts at ${sv.start}, earliest ${begin}`);
      score += v.score;
      t = begin + v.duration;
      at = v.place;
    }
    const finish = p.travel.arrive(at, r.end, t, d);
    cost += p.travel.cost?.(at, r.end, d) ?? 0;
    if (!(finish <= day.close)) errs.push(`day ${d}: finishes at ${finish} after ${day.close}`);
    prevEnd = r.end;
  });
  if (score !== s.score) errs.push(`score ${s.score}, recomputed ${score}`);
  if (p.budget !== undefined && cost > p.budget + 1e-9) errs.push(`cost ${cost} over budget ${p.budget}`);
  p.visits.forEach((v, i) => {
    for (const j of v.excludes ?? []) if (used.has(i) && used.has(j)) errs.push(`visits ${i} and ${j} exclude each other, both scheduled`);
  });
  const left = new Set(s.unscheduled.map((u) => u.visit));
  p.visits.forEach((_, i) => {
    if (used.has(i) === left.has(i)) errs.push(`visit ${i} must be either scheduled or unscheduled`);
  });
  return errs;
}

/**
 * The best score by exhaustive search: every order of visits per day, every
 * allowed end per day. Visit starts are earliest (travel is FIFO, so that is optimal).
 * Mandatory visits come first: the best score among the solutions that keep
 * the most of them (the solver's contract).
 */
export function bruteForceBest(p: Problem): number {
  const n = p.visits.length;
  let best = 0;
  let bestKept = 0;
  const kept = (): number => p.visits.reduce((k, v, i) => k + (used[i] === true && v.mandatory === true ? 1 : 0), 0);
  const used = new Array<boolean>(n).fill(false);
  // `excludes` either way round (problem.ts): one of a pair at most.
  const excludedBy = p.visits.map(() => new Set<number>());
  p.visits.forEach((v, i) => (v.excludes ?? []).forEach((j) => { excludedBy[i]!.add(j); excludedBy[j]!.add(i); }));
  const day = (d: number, start: number, scoreSoFar: number, costSoFar: number): void => {
    if (d === p.days.length) {
      if (p.budget !== undefined && costSoFar > p.budget) return;
      const k = kept();
      if (k > bestKept || (k === bestKept && scoreSoFar > best)) {
        bestKept = k;
        best = scoreSoFar;
      }
      return;
    }
    const spec = p.days[d]!;
    const from = d === 0 ? spec.start! : (spec.start ?? start);
    const extend = (at: number, t: number, score: number, cost: number): void => {
      if (p.budget !== undefined && cost > p.budget) return;
      for (const e of spec.ends) {
        if (p.travel.arrive(at, e, t, d) <= spec.close) day(d + 1, e, score, cost + (p.travel.cost?.(at, e, d) ?? 0));
      }
      for (let i = 0; i < n; i++) {
        if (used[i] || [...excludedBy[i]!].some((j) => used[j])) continue;
        const v = p.visits[i]!;
        const a = p.travel.arrive(at, v.place, t, d);
        const w = [...(v.windows[d] ?? [])].sort((x, y) => x.open - y.open).find((x) => x.close >= a);
        if (w === undefined) continue;
        used[i] = true;
        extend(v.place, Math.max(a, w.open) + v.duration, score + v.score, cost + (v.cost ?? 0) + (p.travel.cost?.(at, v.place, d) ?? 0));
        used[i] = false;
      }
    };
    extend(from, spec.open, scoreSoFar, costSoFar);
  };
  day(0, p.days[0]!.start!, 0, 0);
  return best;
}
