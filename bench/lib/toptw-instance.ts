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

/**
 * How many decimals a file's travel times keep (rounded down), by its name, as
 * /work/shared/bench/README.md says: the Cordeau `pr*` files 0.01, the Solomon
 * files (and any other) 0.1.
 */
export function distanceDecimalsFor(instanceName: string): number {
  return /^pr\d+$/i.test(instanceName) ? 2 : 1;
}

/** Coordinates are printed with at most three decimals: as integer thousandths they square exactly. */
const COORD_UNITS = 1000;

function thousandths(v: number): bigint {
  const t = Math.round(v * COORD_UNITS);
  if (Math.abs(v * COORD_UNITS - t) > 1e-6) throw new Error(`coordinate ${v} has more than three decimals`);
  return BigInt(t);
}

/**
 * Euclidean distance rounded down to `1/scale`, as an integer count of 1/scale
 * units, exactly: k is the largest integer with (k·1000)² ≤ (dx² + dy²)·scale²
 * in integer thousandths, so a distance that is a whole number of units (3-4-5)
 * is never floored one unit short by a floating-point square root.
 */
export function scaledFloorDistance(a: ToptwVertex, b: ToptwVertex, scale: number): number {
  const dx = thousandths(a.x) - thousandths(b.x);
  const dy = thousandths(a.y) - thousandths(b.y);
  const target = (dx * dx + dy * dy) * BigInt(scale * scale);
  const unit = BigInt(COORD_UNITS);
  let k = Math.floor(Math.sqrt(Number(target)) / COORD_UNITS);
  const fits = (n: number): boolean => BigInt(n) * unit * (BigInt(n) * unit) <= target;
  while (k > 0 && !fits(k)) k--;
  while (fits(k + 1)) k++;
  return k;
}

/**
 * M tours = M days, each from and back to vertex 0 within [0, depot C]. Time is
 * in 1/10^decimals units (1 decimal for Solomon: tenths; 2 for Cordeau: hundredths),
 * so all arithmetic is on integers.
 */
export function toptwProblem(inst: ToptwInstance, tours: number, decimals = 1): Problem {
  const scale = 10 ** decimals;
  const vs = inst.vertices;
  const n = vs.length;
  const depot = vs[0]!;
  const matrix: number[][] = vs.map((a) => vs.map((b) => scaledFloorDistance(a, b, scale)));
  const travel: Travel = {
    arrive: (from, to, depart) => depart + matrix[from]![to]!,
    minDuration: (from, to) => matrix[from]![to]!,
    isStatic: true,
  };
  const units = (t: number): number => Math.round(t * scale);
  const close = units(depot.close);
  const days = Array.from({ length: tours }, () => ({ open: 0, close, start: 0, ends: [0] }));
  const visits: ProblemVisit[] = vs.slice(1).map((v, i) => ({
    key: String(v.id),
    place: i + 1,
    duration: units(v.duration),
    score: v.score,
    windows: days.map(() => [{ open: units(v.open), close: units(v.close) }]),
  }));
  return { placeCount: n, days, visits, travel };
}
