import type { Problem, ProblemVisit, Travel } from '../../src/domain/planner/problem.js';

/** A TOPTW (Solomon / Cordeau) instance as read from its file, in the file's units. */
export interface ToptwInstance {
  readonly vertices: readonly ToptwVertex[];
}

export interface ToptwVertex {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly duration: number;
  readonly score: number;
  readonly open: number;
  readonly close: number;
}

/** Skips exactly two header lines, then one vertex per non-blank line; O and C are the last two numbers. */
export function parseToptw(text: string): ToptwInstance {
  const lines = text.split(/\r?\n/).slice(2);
  const vertices: ToptwVertex[] = [];
  for (const line of lines) {
    const nums = line.trim().split(/\s+/).filter((t) => t !== '').map(Number);
    if (nums.length < 7) continue;
    vertices.push({
      id: nums[0]!, x: nums[1]!, y: nums[2]!, duration: nums[3]!, score: nums[4]!,
      open: nums[nums.length - 2]!, close: nums[nums.length - 1]!,
    });
  }
  return { vertices };
}

/** Euclidean distance rounded down to `1/scale`, as an integer count of 1/scale units (exact). */
export function scaledFloorDistance(a: ToptwVertex, b: ToptwVertex, scale: number): number {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  const sq = (dx * dx + dy * dy) * scale * scale;
  let k = Math.floor(Math.sqrt(sq));
  while ((k + 1) * (k + 1) <= sq) k++;
  while (k * k > sq) k--;
  return k;
}

/**
 * M tours = M days, each from and back to vertex 0 within [0, depot C]. Time is
 * in 1/scale units (scale 10 for Solomon: distances rounded down to 0.1), so
 * all arithmetic is on integers.
 */
export function toptwProblem(inst: ToptwInstance, tours: number, scale = 10): Problem {
  const vs = inst.vertices;
  const n = vs.length;
  const depot = vs[0]!;
  const matrix: number[][] = vs.map((a) => vs.map((b) => scaledFloorDistance(a, b, scale)));
  const travel: Travel = {
    arrive: (from, to, depart) => depart + matrix[from]![to]!,
    minDuration: (from, to) => matrix[from]![to]!,
    isStatic: true,
  };
  const close = depot.close * scale;
  const days = Array.from({ length: tours }, () => ({ open: 0, close, start: 0, ends: [0] }));
  const visits: ProblemVisit[] = vs.slice(1).map((v, i) => ({
    key: String(v.id),
    place: i + 1,
    duration: v.duration * scale,
    score: v.score,
    windows: days.map(() => [{ open: v.open * scale, close: v.close * scale }]),
  }));
  return { placeCount: n, days, visits, travel };
}
