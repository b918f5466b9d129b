import { arriveAt, windowFor, type Model } from './model.js';
import type { DayBreak } from './problem.js';

/**
 * The day's break (lunch, problem.ts DayBreak) in the route evaluation: a
 * forward pass over a visit order in two states — the party has not had
 * its break yet (A) or has (B) — keeping the earliest time in each. Travel
 * is FIFO and waiting is free, so the earliest time of a state is never
 * worse than a later one, and the pass finds, for the order, the break
 * placement that ends the day soonest; from A the break is taken before
 * the next leg (where the party is), on arrival at the next place (while
 * it waits for an opening, say), or inside a long visit.
 */

/** How state B was reached at a node: carried on from the node before, or the break taken here. */
export const FROM_B = 0;
export const LEAVE = 1;
export const ARRIVE = 2;
export const INSIDE = 3;

/** One step of the pass (a visit, or the leg to the day's end): filled by stepVisit/stepEnd. */
export interface BreakStep {
  /** State A at the node: arrival, start, departure (Infinity = no break can follow any more). */
  arrA: number;
  begA: number;
  depA: number;
  /** State B at the node: arrival, start, departure (at the end: the finish). */
  arrB: number;
  begB: number;
  depB: number;
  /** How B was reached (FROM_B, LEAVE, ARRIVE, INSIDE), and the break's start when taken here. */
  src: number;
  brk: number;
}

export function newStep(): BreakStep {
  return { arrA: Infinity, begA: Infinity, depA: Infinity, arrB: Infinity, begB: Infinity, depB: Infinity, src: FROM_B, brk: 0 };
}

/**
 * Visit v (at its place) after leaving place p at depA (state A) or depB (B)
 * on day d. A keeps only while a break can still start (by b.to).
 */
export function stepVisit(m: Model, d: number, b: DayBreak, p: number, depA: number, depB: number, v: number, out: BreakStep): void {
  // Written out without closures: this runs for every insertion tried on a day with a break.
  const q = m.place[v]!;
  const dur = m.duration[v]!;
  out.arrB = Infinity;
  out.begB = Infinity;
  out.depB = Infinity;
  out.src = FROM_B;
  out.brk = 0;
  out.arrA = Infinity;
  out.begA = Infinity;
  out.depA = Infinity;
  if (depB !== Infinity) {
    const a = arriveAt(m, p, q, depB, d);
    const s = startAt(m, v, d, a);
    if (s !== Infinity) {
      out.arrB = a;
      out.begB = s;
      out.depB = s + dur;
    }
  }
  if (depA === Infinity) return;
  const a = arriveAt(m, p, q, depA, d);
  if (a === Infinity) return;
  out.arrA = a;
  out.begA = startAt(m, v, d, a);
  if (out.begA + dur <= b.to) out.depA = out.begA + dur;
  // The break before the leg, where the party is.
  const leave = depA > b.from ? depA : b.from;
  if (leave <= b.to) {
    const a2 = arriveAt(m, p, q, leave + b.length, d);
    const s = startAt(m, v, d, a2);
    if (s + dur < out.depB) setB(out, a2, s, s + dur, LEAVE, leave);
  }
  // The break on arrival, before the visit (waiting for its opening costs nothing then).
  const arrive = a > b.from ? a : b.from;
  if (arrive <= b.to) {
    const s = startAt(m, v, d, arrive + b.length);
    if (s + dur < out.depB) setB(out, a, s, s + dur, ARRIVE, arrive);
  }
  // Inside a long visit that spans a break: started late enough for the break to fit in it.
  if (b.insideMin !== undefined && dur >= b.insideMin) {
    const to = b.insideTo ?? b.to;
    const s = startAt(m, v, d, Math.max(a, b.from + b.length - dur));
    if (Math.max(s, b.from) <= to && s + dur < out.depB) {
      setB(out, a, s, s + dur, INSIDE, Math.max(b.from, Math.min(to, Math.max(b.at, s), s + dur - b.length)));
    }
  }
}

function setB(out: BreakStep, arr: number, beg: number, dep: number, src: number, brk: number): void {
  out.arrB = arr;
  out.begB = beg;
  out.depB = dep;
  out.src = src;
  out.brk = brk;
}

/** The earliest start of v on day d arriving at `a` (Infinity when no window is left). */
function startAt(m: Model, v: number, d: number, a: number): number {
  // One window (or none) that day, as most visits have: read from the flat arrays (closed: close = -Infinity).
  const k = v * m.dayCount + d;
  if (m.winOnly[k] === 1) return a <= m.winClose[k]! ? Math.max(a, m.winOpen[k]!) : Infinity;
  const w = windowFor(m, v, d, a);
  return w === undefined ? Infinity : Math.max(a, w.open);
}

/** The leg from place p to the day's end: out.depB is the finish with the break taken (Infinity: none fits). */
export function stepEnd(m: Model, d: number, b: DayBreak, p: number, depA: number, depB: number, end: number, out: BreakStep): void {
  out.depB = Infinity;
  out.src = FROM_B;
  out.brk = 0;
  if (depB !== Infinity) out.depB = arriveAt(m, p, end, depB, d);
  if (depA === Infinity) return;
  const leave = Math.max(depA, b.from);
  if (leave <= b.to) {
    const f = arriveAt(m, p, end, leave + b.length, d);
    if (f < out.depB) {
      out.depB = f;
      out.src = LEAVE;
      out.brk = leave;
    }
  }
  const a = arriveAt(m, p, end, depA, d);
  const arrive = Math.max(a, b.from);
  if (a !== Infinity && arrive <= b.to && arrive + b.length < out.depB) {
    out.depB = arrive + b.length;
    out.src = ARRIVE;
    out.brk = arrive;
  }
}
