/**
 * The planner core's problem and solution model: a Tourist Trip Design Problem
 * (TOPTW and OPHS are special cases). Pure data; no catalogue knowledge.
 *
 * Time is a plain number in the problem's own unit (minutes for itineraries,
 * tenths of a unit for the Solomon files) on one absolute axis: day d's window
 * is [days[d].open, days[d].close]. Places are small integers 0..placeCount-1.
 */

export interface TimeWindow {
  /** Earliest start of the visit. */
  readonly open: number;
  /** Latest start of the visit (arriving earlier means waiting). */
  readonly close: number;
}

export interface ProblemVisit {
  /** Caller's key, echoed back in the solution (an attraction id, a Solomon `i`). */
  readonly key: string;
  readonly place: number;
  readonly duration: number;
  readonly score: number;
  /** Per day index: the windows in which the visit may start; [] = not possible that day. */
  readonly windows: readonly (readonly TimeWindow[])[];
  /** Counted against `budget`. */
  readonly cost?: number;
  /** Must appear in the solution; if it cannot, it is reported in `unscheduled`. */
  readonly mandatory?: boolean;
  /**
   * Visits (indices into Problem.visits) that cannot be in one solution with
   * this one: a product that takes the party to them (a boat day that includes
   * the dam) and the sites themselves, so that nothing is done twice. Either
   * side may name the pair; the model makes it symmetric.
   */
  readonly excludes?: readonly number[];
}

export interface ProblemDay {
  readonly open: number;
  readonly close: number;
  /**
   * Where the day starts. Required for day 0; for later days, absent means
   * "where the previous day ended" (hotel selection, as in OPHS).
   */
  readonly start?: number;
  /** Places the day may end at (lodging). One place = a fixed depot. */
  readonly ends: readonly number[];
  /** A break (lunch) every route of this day with a visit must hold; none when absent. */
  readonly break?: DayBreak;
}

/**
 * A break of `length` the party takes where it is on a day with a visit:
 * starting in [from, to] at the place it is about to leave (before the next
 * leg), at the place it has just reached (while it waits for an opening),
 * or inside a visit of at least `insideMin` that spans it (starting by
 * `insideTo`; such a visit may start later than its earliest start for it).
 * Waiting absorbs it at no cost, so route feasibility and insertion account
 * for it: the route evaluation finds, for a visit order, the placement that
 * ends the day soonest (src/domain/planner/day-break.ts).
 */
export interface DayBreak {
  readonly from: number;
  readonly to: number;
  readonly length: number;
  /** Preferred start, where a long visit holds the break: as near this as the visit allows. */
  readonly at: number;
  /**
   * The break starts by this when the day's order allows it (a lunch by 13:30 rather than a
   * late one): the solution shows that placement. Feasibility, and the search, use `to`.
   */
  readonly preferTo?: number;
  /**
   * The break starts from this when the day's order allows it, though `from` allows earlier (a
   * lunch at 11:00 only where a train leaves before an 11:30 lunch would let the party board it).
   */
  readonly preferFrom?: number;
  readonly insideMin?: number;
  readonly insideTo?: number;
}

/**
 * Travel between places. `arrive` must be FIFO (leaving later never arrives
 * earlier), so waiting is never harmful; scheduled legs (a train at fixed
 * departures, a multi-day cruise) are step functions of `depart`.
 */
export interface Travel {
  /** Earliest arrival at `to` leaving `from` no earlier than `depart` on day `day`; Infinity if impossible. */
  arrive(from: number, to: number, depart: number, day: number): number;
  /** A lower bound of arrive(...) - depart over all departures and days: used for pruning. */
  minDuration(from: number, to: number): number;
  /** True when arrive(f, t, x, d) === x + minDuration(f, t) always: enables the O(1) fast paths. */
  readonly isStatic: boolean;
  /** Optional cost of a leg (fares), counted against `budget`. */
  cost?(from: number, to: number, day: number): number;
  /**
   * Optional: legs between places of one group (a city) that are static on every day. Whenever
   * group[f] === group[t], arrive(f, t, x, d) === x + minutes[f * placeCount + t] and
   * cost(f, t, d) === cost[f * placeCount + t] (cost given when `cost()` is). The search reads
   * those legs from the tables instead of calling arrive(): on an itinerary with a train day,
   * most of its legs are local ones, and the calls took a tenth of the planning time.
   */
  readonly local?: { readonly group: Int32Array; readonly minutes: Float64Array; readonly cost?: Float64Array };
}

export interface Problem {
  readonly placeCount: number;
  readonly days: readonly ProblemDay[];
  readonly visits: readonly ProblemVisit[];
  readonly travel: Travel;
  /** Caps the sum of visit costs plus leg costs. */
  readonly budget?: number;
}

export interface ScheduledVisit {
  /** Index into problem.visits. */
  readonly visit: number;
  readonly arrive: number;
  readonly start: number;
  readonly end: number;
}

export interface DayRoute {
  readonly start: number;
  readonly end: number;
  readonly visits: readonly ScheduledVisit[];
  /** Arrival time at `end` (after the break, when it is taken on arrival there). */
  readonly finish: number;
  /** Where the day's break is taken (days with a break and a visit). */
  readonly break?: PlacedBreak;
}

/**
 * Where a route's break is: `leave` at the place before visits[at] (at =
 * visits.length: before the leg to the day's end), `arrive` at visits[at]'s
 * place on arrival (at = visits.length: at the day's end), `inside` the
 * visit visits[at].
 */
export interface PlacedBreak {
  readonly kind: 'leave' | 'arrive' | 'inside';
  readonly at: number;
  readonly place: number;
  readonly start: number;
  readonly end: number;
}

export type UnscheduledReason = 'closed' | 'no-time' | 'budget' | 'unreachable';

export interface Unscheduled {
  readonly visit: number;
  readonly reason: UnscheduledReason;
}

export interface Solution {
  readonly days: readonly DayRoute[];
  readonly score: number;
  readonly cost: number;
  /** Mandatory visits that could not be placed, and every other visit left out. */
  readonly unscheduled: readonly Unscheduled[];
  /** Iterations actually run; useful for benchmarks. */
  readonly iterations: number;
  /**
   * True when the safety cap on wall time (SolveOptions.timeLimitMs) stopped
   * the search before its iterations ran out: the answer then depends on the
   * machine's speed, and callers should say so.
   */
  readonly cutShort?: boolean;
}

export interface SolveOptions {
  readonly seed: number;
  /** Deterministic stopping rule: the same seed and iterations give the same answer. */
  readonly maxIterations: number;
  /**
   * Optional safety cap on wall time. The core never reads a clock itself:
   * callers pass `clock` (milliseconds, monotonic) with the limit.
   */
  readonly timeLimitMs?: number;
  readonly clock?: () => number;
}
