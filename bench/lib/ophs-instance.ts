import type { Problem, ProblemVisit, Travel } from '../../src/domain/planner/problem.js';

/** An OPHS instance (Divsalar et al.): points in file order, 0 = start hotel, 1 = end hotel. */
export interface OphsInstance {
  /** N: POIs + 2. */
  readonly n: number;
  /** H: extra hotels, points 2..H+1. */
  readonly extraHotels: number;
  readonly tmax: number;
  readonly tripLimits: readonly number[];
  readonly points: readonly { readonly x: number; readonly y: number; readonly score: number }[];
}

/** Reads numbers token by token (the files have stray tabs and blank lines) up to the line of dashes. */
export function parseOphs(text: string): OphsInstance {
  const body = text.split(/^\s*-{3,}/m)[0]!;
  const nums = body.split(/\s+/).filter((t) => t !== '').map(Number);
  let k = 0;
  const take = (): number => {
    const v = nums[k++];
    if (v === undefined || Number.isNaN(v)) throw new Error(`OPHS file: expected a number at token ${k}`);
    return v;
  };
  const n = take();
  const extraHotels = take();
  const trips = take();
  const tmax = take();
  const tripLimits = Array.from({ length: trips }, take);
  const points: { x: number; y: number; score: number }[] = [];
  const count = n + extraHotels;
  for (let i = 0; i < count; i++) points.push({ x: take(), y: take(), score: take() });
  return { n, extraHotels, tmax, tripLimits, points };
}

export function euclid(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Default tolerance on trip length: half a unit of the last decimal Td is printed with (4 decimals). */
export const OPHS_EPS = 5e-5;

/**
 * D trips = D days laid end to end on one time axis; day d lasts Td. Trip 1
 * starts at point 0; trips 1..D-1 may end at any hotel (0..H+1); trip D ends at point 1.
 */
export function ophsProblem(inst: OphsInstance, tolerance = OPHS_EPS): Problem {
  const pts = inst.points;
  const hotels = inst.extraHotels + 2;
  const matrix = pts.map((a) => pts.map((b) => euclid(a, b)));
  const travel: Travel = {
    arrive: (from, to, depart) => depart + matrix[from]![to]!,
    minDuration: (from, to) => matrix[from]![to]!,
    isStatic: true,
  };
  const allHotels = Array.from({ length: hotels }, (_, h) => h);
  let offset = 0;
  const D = inst.tripLimits.length;
  const days = inst.tripLimits.map((td, d) => {
    const day = {
      open: offset,
      close: offset + td + tolerance,
      ...(d === 0 ? { start: 0 } : {}),
      ends: d === D - 1 ? [1] : allHotels,
    };
    offset += td + 1;
    return day;
  });
  const visits: ProblemVisit[] = [];
  for (let p = hotels; p < pts.length; p++) {
    visits.push({
      key: String(p),
      place: p,
      duration: 0,
      score: pts[p]!.score,
      windows: days.map((d) => [{ open: d.open, close: d.close }]),
    });
  }
  return { placeCount: pts.length, days, visits, travel };
}
