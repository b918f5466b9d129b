import type { DayBreak, Problem, TimeWindow } from './problem.js';

/**
 * The problem compiled for search: flat arrays, windows sorted per visit and day,
 * a travel matrix when travel is static. Mandatory visits get a weight that
 * dwarfs every score so that the search keeps them whenever it can.
 */
export interface Model {
  readonly problem: Problem;
  readonly dayCount: number;
  readonly visitCount: number;
  readonly placeCount: number;
  readonly open: readonly number[];
  readonly close: readonly number[];
  readonly fixedStart: readonly (number | undefined)[];
  readonly ends: readonly (readonly number[])[];
  readonly place: Int32Array;
  readonly duration: Float64Array;
  readonly weight: Float64Array;
  readonly visitCost: Float64Array;
  /** windows[visit][day], sorted by open. */
  readonly windows: readonly (readonly TimeWindow[])[][];
  /** Visits with at least one window on the day. */
  readonly openOn: readonly (readonly number[])[];
  /** Static travel times, row-major by place; null for time-dependent travel. */
  readonly matrix: Float64Array | null;
  /** Static travel and at most one window per visit and day: O(1) max-shift checks are exact. */
  readonly fast: boolean;
  /** First window per visit and day, flat at [visit * dayCount + day]; close = -Infinity when closed. */
  readonly winOpen: Float64Array;
  readonly winClose: Float64Array;
  /** At [visit * dayCount + day]: 1 when the visit has at most one window that day (winOpen/winClose are all of them). */
  readonly winOnly: Uint8Array;
  readonly budget: number;
  readonly hasLegCost: boolean;
  /** Travel.local's tables (null when travel is static, or has none): legs within a group, read without a call. */
  readonly localGroup: Int32Array | null;
  readonly localMin: Float64Array | null;
  readonly localCost: Float64Array | null;
  /** Per day, the break its routes with a visit must hold (day-break.ts). */
  readonly breaks: readonly (DayBreak | undefined)[];
  /** Per visit, the visits it cannot share a solution with (problem.ts `excludes`, made symmetric); null when none has any. */
  readonly excludes: readonly (readonly number[])[] | null;
}

export function compileModel(problem: Problem): Model {
  const dayCount = problem.days.length;
  const visitCount = problem.visits.length;
  const placeCount = problem.placeCount;
  const place = new Int32Array(visitCount);
  const duration = new Float64Array(visitCount);
  const weight = new Float64Array(visitCount);
  const visitCost = new Float64Array(visitCount);
  let scoreSum = 0;
  for (const v of problem.visits) scoreSum += Math.max(0, v.score);
  const mandatoryBonus = (scoreSum + 1) * 1000;
  const windows: TimeWindow[][][] = [];
  const openOn: number[][] = problem.days.map(() => []);
  let singleWindow = true;
  problem.visits.forEach((v, i) => {
    place[i] = v.place;
    duration[i] = v.duration;
    weight[i] = Math.max(0, v.score) + (v.mandatory === true ? mandatoryBonus : 0);
    visitCost[i] = v.cost ?? 0;
    const perDay: TimeWindow[][] = [];
    for (let d = 0; d < dayCount; d++) {
      const ws = [...(v.windows[d] ?? [])].filter((w) => w.close >= w.open).sort((a, b) => a.open - b.open);
      if (ws.length > 1) singleWindow = false;
      if (ws.length > 0) openOn[d]!.push(i);
      perDay.push(ws);
    }
    windows.push(perDay);
  });
  // Heaviest first: the swap move stops at the first visit lighter than the one it would drop.
  for (const list of openOn) list.sort((a, b) => weight[b]! - weight[a]! || a - b);
  let matrix: Float64Array | null = null;
  if (problem.travel.isStatic) {
    matrix = new Float64Array(placeCount * placeCount);
    for (let a = 0; a < placeCount; a++) {
      for (let b = 0; b < placeCount; b++) matrix[a * placeCount + b] = problem.travel.minDuration(a, b);
    }
  }
  const winOpen = new Float64Array(visitCount * dayCount);
  const winClose = new Float64Array(visitCount * dayCount).fill(-Infinity);
  const winOnly = new Uint8Array(visitCount * dayCount);
  windows.forEach((perDay, v) => perDay.forEach((ws, d) => {
    if (ws.length <= 1) winOnly[v * dayCount + d] = 1;
    if (ws[0] !== undefined) {
      winOpen[v * dayCount + d] = ws[0].open;
      winClose[v * dayCount + d] = ws[0].close;
    }
  }));
  const breaks = problem.days.map((d) => d.break);
  return {
    excludes: exclusions(problem),
    problem,
    breaks,
    winOpen,
    winClose,
    winOnly,
    dayCount,
    visitCount,
    placeCount,
    open: problem.days.map((d) => d.open),
    close: problem.days.map((d) => d.close),
    fixedStart: problem.days.map((d) => d.start),
    ends: problem.days.map((d) => d.ends),
    place,
    duration,
    weight,
    visitCost,
    windows,
    openOn,
    matrix,
    // The max-shift test knows no break: a day with one is evaluated by its two-state pass.
    fast: matrix !== null && singleWindow && breaks.every((b) => b === undefined),
    budget: problem.budget ?? Infinity,
    hasLegCost: problem.travel.cost !== undefined,
    localGroup: matrix === null ? (problem.travel.local?.group ?? null) : null,
    localMin: matrix === null ? (problem.travel.local?.minutes ?? null) : null,
    localCost: matrix === null && problem.travel.cost !== undefined ? (problem.travel.local?.cost ?? null) : null,
  };
}

/** The `excludes` pairs both ways, without repeats or self-pairs; null when the problem has none. */
function exclusions(problem: Problem): number[][] | null {
  if (!problem.visits.some((v) => (v.excludes?.length ?? 0) > 0)) return null;
  const out: Set<number>[] = problem.visits.map(() => new Set<number>());
  problem.visits.forEach((v, i) => {
    for (const j of v.excludes ?? []) {
      if (j === i || j < 0 || j >= problem.visits.length) continue;
      out[i]!.add(j);
      out[j]!.add(i);
    }
  });
  return out.map((s) => [...s].sort((a, b) => a - b));
}

const compiled = new WeakMap<Problem, Model>();

/** compileModel, once per Problem (callers outside the search time many days of one Problem). */
export function modelOf(problem: Problem): Model {
  let m = compiled.get(problem);
  if (m === undefined) {
    m = compileModel(problem);
    compiled.set(problem, m);
  }
  return m;
}

export function arriveAt(m: Model, from: number, to: number, depart: number, day: number): number {
  if (m.matrix !== null) return depart + m.matrix[from * m.placeCount + to]!;
  const g = m.localGroup;
  if (g !== null && g[from] === g[to]) return depart + m.localMin![from * m.placeCount + to]!;
  return m.problem.travel.arrive(from, to, depart, day);
}

export function legCost(m: Model, from: number, to: number, day: number): number {
  if (!m.hasLegCost) return 0;
  const g = m.localGroup;
  if (g !== null && m.localCost !== null && g[from] === g[to]) return m.localCost[from * m.placeCount + to]!;
  return m.problem.travel.cost?.(from, to, day) ?? 0;
}

/** The earliest window on `day` whose latest start is not before `arrival`, or undefined. */
export function windowFor(m: Model, visit: number, day: number, arrival: number): TimeWindow | undefined {
  const ws = m.windows[visit]![day]!;
  for (const w of ws) if (w.close >= arrival) return w;
  return undefined;
}
