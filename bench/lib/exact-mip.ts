/**
 * An exact mixed-integer model of the planner core's Problem for one trip
 * skeleton (src/domain/plan/build-problem.ts), written as an LP file for CBC.
 *
 * Per problem day d the route is a path S_d → … → E_d (the day's start and
 * end hubs) through the visits open that day, and on a day with a same-day
 * link, through one train node T_d between the visits of the first city and
 * those of the second. Sequencing is big-M on start times (a time-based
 * MTZ: every arc adds a visit's length, > 0, so no subtour survives):
 *
 *   y[v,d] ∈ {0,1}    visit v on day d;  Σ_d y[v,d] ≤ 1
 *   x[i,j,d] ∈ {0,1}  arc i → j on day d; in-degree = out-degree = y (1 for S, E, T)
 *   t[v,d]            start of v on day d, inside one of its start windows that day
 *                     (one binary per window when a day has several)
 *   x[i,j,d] = 1  ⇒   t[j,d] ≥ t[i,d] + duration(i) + local(i, j)
 *   x[i,E,d] = 1  ⇒   t[i,d] + duration(i) + local(i, E) ≤ close(d)
 *   train: k[d] picks a departure (option q: latest leaving time from the
 *          first city's hub cutoff_q, arrival at the second city's hub arrive_q);
 *          x[i,T,d] = 1 ⇒ t[i,d] + duration(i) + local(i, hubA) ≤ cutoff_k;
 *          x[T,j,d] = 1 ⇒ t[j,d] ≥ arrive_k + local(hubB, j)
 *   Σ visit costs + Σ arc costs ≤ budget
 *   the day's break (lunch, problem.ts DayBreak) on a day with a visit: one of
 *     leave[i,j,d]  taken at i before the arc i → j (start L ≥ leaving i),
 *     arrive[i,j,d] taken at j on arrival (L ≥ reaching j, j starts after it),
 *     in[v,d]       inside a visit of ≥ insideMin, started so that it spans it,
 *   L in [from, to]: the two-state pass of src/domain/planner/day-break.ts
 *   maximise Σ weight(v) y[v,d]   (the core's weights: score, plus the core's
 *                                  must bonus that dwarfs every score)
 *
 * Nothing is read from the catalogue: local leg times and costs, the train's
 * step function and its costs are read off the Problem's own `travel`
 * (arrive/cost as black boxes), and `checkTravelShape` proves on every pair
 * of places and a grid of departure times that the decomposition above gives
 * exactly what `travel.arrive` and `travel.cost` give. Anything outside that
 * shape (time-dependent local legs, two links in a day, a day between two
 * cities without a link) is refused with a reason, never modelled loosely.
 *
 * Waiting is allowed anywhere (t may exceed the arrival): travel is FIFO and
 * the core starts each visit as early as it can, so a schedule the model
 * accepts, replayed earliest-first by the core, is feasible too (bench/exact-gap.ts
 * replays every optimum through the core's own route evaluation to be sure).
 */
import type { DayBreak, Problem } from '../../src/domain/planner/problem.js';
import type { Place } from '../../src/domain/plan/trip-travel.js';

/** A day's train, read off `travel.arrive` between the two hubs: each option is one departure. */
export interface TrainOption {
  /** Latest time the party may leave the first city's hub and still catch it (trip minutes). */
  readonly cutoff: number;
  /** Arrival at the second city's hub. */
  readonly arrive: number;
}

export interface DayShape {
  readonly day: number;
  readonly open: number;
  readonly close: number;
  readonly start: number;
  readonly end: number;
  /** Visits with a start window this day. */
  readonly visits: readonly number[];
  /** Of those, the ones in the city the day's train goes to (seen after it). */
  readonly afterTrain: ReadonlySet<number>;
  /** The day's break (lunch), as the Problem has it. */
  readonly brk?: DayBreak;
  readonly train?: {
    readonly hubA: number;
    readonly hubB: number;
    readonly options: readonly TrainOption[];
    /** Cost of the hub-to-hub leg (the fare for the party). */
    readonly fare: number;
  };
}

export interface ExactModel {
  readonly problem: Problem;
  readonly days: readonly DayShape[];
  /** Objective weight per visit (the core's compileModel weights). */
  readonly weight: readonly number[];
  /** Local leg minutes and cost, same-city pairs (place × place, row-major); NaN elsewhere. */
  readonly localMin: Float64Array;
  readonly localCost: Float64Array;
  readonly lp: string;
}

export type Shaped = { readonly ok: true; readonly days: readonly DayShape[] } | { readonly ok: false; readonly reason: string };

const SAMPLE_STEP_MIN = 7;

/**
 * The day shapes of a built problem, or why it falls outside the model.
 * `places` gives each place's city (build-problem.ts's places).
 */
export function shapeDays(problem: Problem, places: readonly Place[]): Shaped {
  const days: DayShape[] = [];
  const travel = problem.travel;
  const cityOf = (p: number) => places[p]!.city;
  const hubOf = new Map<string, number>();
  places.forEach((p, i) => {
    if (p.hub) hubOf.set(p.city, i);
  });
  for (let d = 0; d < problem.days.length; d++) {
    const pd = problem.days[d]!;
    const brk = pd.break === undefined ? {} : { brk: pd.break };
    if (pd.start === undefined || pd.ends.length !== 1) return { ok: false, reason: `day ${d}: start not fixed or several lodgings (not modelled)` };
    const start = pd.start;
    const end = pd.ends[0]!;
    const visits = problem.visits.flatMap((v, i) => ((v.windows[d] ?? []).length > 0 ? [i] : []));
    const cityA = cityOf(start);
    const cityB = cityOf(end);
    for (const v of visits) {
      const c = cityOf(problem.visits[v]!.place);
      if (c !== cityA && c !== cityB) return { ok: false, reason: `day ${d}: visit ${problem.visits[v]!.key} in ${c}, neither the day's start nor end city` };
    }
    if (cityA === cityB) {
      days.push({ day: d, open: pd.open, close: pd.close, start, end, visits, afterTrain: new Set(), ...brk });
      continue;
    }
    const hubA = hubOf.get(cityA)!;
    const hubB = hubOf.get(cityB)!;
    const options: TrainOption[] = [];
    for (let t = Math.floor(pd.open); t <= pd.close; t++) {
      const a = travel.arrive(hubA, hubB, t, d);
      if (!Number.isFinite(a) || a > pd.close) continue;
      const last = options[options.length - 1];
      if (last !== undefined && last.arrive === a) options[options.length - 1] = { cutoff: t, arrive: a };
      else options.push({ cutoff: t, arrive: a });
    }
    const fare = travel.cost?.(hubA, hubB, d) ?? 0;
    const afterTrain = new Set(visits.filter((v) => cityOf(problem.visits[v]!.place) === cityB));
    days.push({ day: d, open: pd.open, close: pd.close, start, end, visits, afterTrain, train: { hubA, hubB, options, fare }, ...brk });
  }
  return { ok: true, days };
}

/**
 * Checks that `travel` is what the model assumes, for every pair of places a
 * route may join on every day: same-city legs take a fixed time and cost
 * whatever the departure; cross-city legs (only first city → second city on a
 * train day) arrive at arrive_q + local(hubB, j) for the first option whose
 * cutoff the party makes, and cost cost(i, hubA) + fare + cost(hubB, j); no
 * other pair is reachable. Returns the local matrices, or the first mismatch.
 */
export function checkTravelShape(
  problem: Problem,
  places: readonly Place[],
  days: readonly DayShape[],
): { ok: true; localMin: Float64Array; localCost: Float64Array } | { ok: false; reason: string } {
  const n = problem.placeCount;
  const travel = problem.travel;
  const localMin = new Float64Array(n * n).fill(NaN);
  const localCost = new Float64Array(n * n).fill(NaN);
  const cityOf = (p: number) => places[p]!.city;
  for (const day of days) {
    const d = day.day;
    const nodes = [...new Set([day.start, day.end, ...day.visits.map((v) => problem.visits[v]!.place), ...(day.train ? [day.train.hubA, day.train.hubB] : [])])];
    const times: number[] = [];
    for (let t = day.open; t <= day.close; t += SAMPLE_STEP_MIN) times.push(t);
    times.push(day.close);
    for (const i of nodes) {
      for (const j of nodes) {
        if (cityOf(i) === cityOf(j)) {
          const dt = travel.arrive(i, j, day.open, d) - day.open;
          const c = travel.cost?.(i, j, d) ?? 0;
          const k = i * n + j;
          if (!Number.isNaN(localMin[k]!) && (localMin[k] !== dt || localCost[k] !== c)) {
            return { ok: false, reason: `local leg ${places[i]!.id} → ${places[j]!.id} differs between days` };
          }
          localMin[k] = dt;
          localCost[k] = c;
          for (const t of times) {
            if (travel.arrive(i, j, t, d) !== t + dt) return { ok: false, reason: `local leg ${places[i]!.id} → ${places[j]!.id} is time-dependent on day ${d}` };
          }
        }
      }
    }
    for (const i of nodes) {
      for (const j of nodes) {
        if (cityOf(i) === cityOf(j)) continue;
        const train = day.train;
        const forward = train !== undefined && cityOf(i) === cityOf(train.hubA) && cityOf(j) === cityOf(train.hubB);
        for (const t of times) {
          const got = travel.arrive(i, j, t, d);
          let want = Infinity;
          if (forward) {
            const leave = t + localMin[i * n + train.hubA]!;
            const q = train.options.find((o) => o.cutoff >= leave);
            // Options arriving after the day's close were dropped; the core may still return such an arrival.
            want = q === undefined ? Infinity : q.arrive + localMin[train.hubB * n + j]!;
            if (q === undefined && got > day.close) continue;
          }
          if (got !== want) {
            return { ok: false, reason: `leg ${places[i]!.id} → ${places[j]!.id} at ${t} on day ${d}: travel.arrive ${got}, model ${want}` };
          }
        }
        if (forward) {
          const c = travel.cost?.(i, j, d) ?? 0;
          const want = localCost[i * n + train.hubA]! + train.fare + localCost[train.hubB * n + j]!;
          if (Math.abs(c - want) > 1e-9) return { ok: false, reason: `leg ${places[i]!.id} → ${places[j]!.id}: travel.cost ${c}, model ${want}` };
        }
      }
    }
  }
  return { ok: true, localMin, localCost };
}

/** Node of a day's graph: a visit index, or the day's start, end or train. */
type Node = number | 'S' | 'E' | 'T';

export const yName = (v: number, d: number) => `y_${v}_${d}`;
export const xName = (i: Node, j: Node, d: number) => `x_${i}_${j}_${d}`;
const tName = (v: number, d: number) => `t_${v}_${d}`;
const wName = (v: number, d: number, k: number) => `w_${v}_${d}_${k}`;
const zName = (d: number, q: number) => `z_${d}_${q}`;

/** Writes the LP file text (CPLEX LP format, as CBC reads it). */
export function buildExactModel(
  problem: Problem, days: readonly DayShape[], localMin: Float64Array, localCost: Float64Array, weight: readonly number[],
): ExactModel {
  const n = problem.placeCount;
  const V = problem.visits;
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  const budgetTerms: string[] = [];
  let budgetConst = 0;
  let rowNo = 0;
  const row = (terms: string[], sense: '<=' | '>=' | '=', rhs: number) => {
    rows.push(` r${rowNo++}: ${wrap(terms.length > 0 ? terms : ['0 y_dummy'])} ${sense} ${num(rhs)}`);
  };
  const place = (node: Node, day: DayShape): number =>
    node === 'S' ? day.start : node === 'E' ? day.end : node === 'T' ? -1 : V[node]!.place;
  const dur = (node: Node) => (typeof node === 'number' ? V[node]!.duration : 0);

  const onDays = new Map<number, number[]>();
  for (const day of days) {
    const d = day.day;
    const train = day.train;
    // Which side of the train a node is on: A before it, B after it (no train: all A).
    const side = (node: Node): 'A' | 'B' => {
      if (!train) return 'A';
      if (node === 'S') return 'A';
      if (node === 'E') return 'B';
      return day.afterTrain.has(node as number) ? 'B' : 'A';
    };
    const visitNodes: Node[] = [...day.visits];
    const allArcs: { i: Node; j: Node; min: number; cost: number }[] = [];
    const from: Node[] = ['S', ...visitNodes, ...(train ? ['T' as const] : [])];
    const to: Node[] = [...visitNodes, 'E', ...(train ? ['T' as const] : [])];
    for (const i of from) {
      for (const j of to) {
        if (i === j) continue;
        if (i === 'S' && j === 'E' && train) continue;
        if (i === 'T') {
          if (j === 'T' || side(j) !== 'B') continue;
          const pj = place(j, day);
          allArcs.push({ i, j, min: localMin[train!.hubB * n + pj]!, cost: localCost[train!.hubB * n + pj]! });
        } else if (j === 'T') {
          if (side(i) !== 'A') continue;
          const pi = place(i, day);
          allArcs.push({ i, j, min: localMin[pi * n + train!.hubA]!, cost: localCost[pi * n + train!.hubA]! + train!.fare });
        } else {
          if (side(i) !== side(j)) continue;
          const pi = place(i, day);
          const pj = place(j, day);
          allArcs.push({ i, j, min: localMin[pi * n + pj]!, cost: localCost[pi * n + pj]! });
        }
      }
    }
    // Start-time bounds per visit this day: the span of its windows.
    const lo = new Map<number, number>();
    const hi = new Map<number, number>();
    for (const v of day.visits) {
      const ws = V[v]!.windows[d]!;
      lo.set(v, Math.min(...ws.map((w) => w.open)));
      hi.set(v, Math.max(...ws.map((w) => w.close)));
      binaries.push(yName(v, d));
      objective.push(`${num(weight[v]!)} ${yName(v, d)}`);
      bounds.push(` ${num(lo.get(v)!)} <= ${tName(v, d)} <= ${num(hi.get(v)!)}`);
      budgetTerms.push(`${num(V[v]!.cost ?? 0)} ${yName(v, d)}`);
      onDays.set(v, [...(onDays.get(v) ?? []), d]);
      if (ws.length > 1) {
        // Several windows: one binary per window, the start inside the chosen one.
        const ks = ws.map((_, k) => wName(v, d, k));
        binaries.push(...ks);
        row([...ks, `-1 ${yName(v, d)}`], '=', 0);
        row([tName(v, d), ...ws.map((w, k) => `${num(-w.open)} ${ks[k]}`)], '>=', 0);
        row([tName(v, d), ...ws.map((w, k) => `${num(-w.close)} ${ks[k]}`), `${num(hi.get(v)!)} ${yName(v, d)}`], '<=', hi.get(v)!);
      }
    }
    // Arcs no schedule can use (leaving i as early as possible still misses j's latest start) are left out.
    const earliestLeave = (i: Node): number =>
      i === 'S' ? day.open : i === 'T' ? Math.min(...train!.options.map((o) => o.arrive)) : lo.get(i as number)! + dur(i);
    const latestReach = (j: Node): number =>
      j === 'E' ? day.close : j === 'T' ? Math.max(...train!.options.map((o) => o.cutoff)) : hi.get(j as number)!;
    const arcs = allArcs.filter((a) => (a.i === 'S' && a.j === 'E') || earliestLeave(a.i) + a.min <= latestReach(a.j));
    for (const a of arcs) {
      binaries.push(xName(a.i, a.j, d));
      if (a.cost !== 0) budgetTerms.push(`${num(a.cost)} ${xName(a.i, a.j, d)}`);
    }
    // Degrees.
    const outOf = (i: Node) => arcs.filter((a) => a.i === i).map((a) => xName(a.i, a.j, d));
    const inTo = (j: Node) => arcs.filter((a) => a.j === j).map((a) => xName(a.i, a.j, d));
    row(outOf('S'), '=', 1);
    row(inTo('E'), '=', 1);
    if (train) {
      row(outOf('T'), '=', 1);
      row(inTo('T'), '=', 1);
    }
    for (const v of day.visits) {
      row([...outOf(v), `-1 ${yName(v, d)}`], '=', 0);
      row([...inTo(v), `-1 ${yName(v, d)}`], '=', 0);
    }
    // The train: one departure; tau = its cutoff, arr = its arrival.
    const tau = `tau_${d}`;
    const arr = `arr_${d}`;
    if (train) {
      const qs = train.options.map((_, q) => zName(d, q));
      binaries.push(...qs);
      row(qs, '=', 1);
      row([tau, ...train.options.map((o, q) => `${num(-o.cutoff)} ${qs[q]}`)], '=', 0);
      row([arr, ...train.options.map((o, q) => `${num(-o.arrive)} ${qs[q]}`)], '=', 0);
      const cut = train.options.map((o) => o.cutoff);
      const ar = train.options.map((o) => o.arrive);
      bounds.push(` ${num(Math.min(...cut, day.open))} <= ${tau} <= ${num(Math.max(...cut, day.open))}`);
      bounds.push(` ${num(Math.min(...ar, day.close))} <= ${arr} <= ${num(Math.max(...ar, day.close))}`);
    }
    // Latest a node may be left (its own latest start + length) and earliest it may be reached.
    const leaveMax = (i: Node): number => (i === 'S' ? day.open : i === 'T' ? day.close : hi.get(i as number)! + dur(i));
    const reachMin = (j: Node): number => (j === 'E' ? day.open : j === 'T' ? day.open : lo.get(j as number)!);
    for (const a of arcs) {
      const x = xName(a.i, a.j, d);
      const M = (slack: number) => Math.max(0, slack);
      if (a.j === 'T') {
        // leave(i) + local(i, hubA) ≤ tau
        if (a.i === 'S') row([`${num(-1)} ${tau}`, `${num(M(day.open + a.min - day.open))} ${x}`], '<=', M(day.open + a.min - day.open) - (day.open + a.min));
        else {
          const big = M(leaveMax(a.i) + a.min - day.open);
          row([tName(a.i as number, d), `-1 ${tau}`, `${num(big)} ${x}`], '<=', big - dur(a.i) - a.min);
        }
      } else if (a.i === 'T') {
        if (a.j === 'E') {
          const big = M(day.close - day.close);
          row([arr, `${num(big)} ${x}`], '<=', day.close + big);
        } else {
          // t_j ≥ arr + local(hubB, j)
          const big = M(day.close + a.min - reachMin(a.j));
          row([tName(a.j as number, d), `-1 ${arr}`, `${num(-big)} ${x}`], '>=', a.min - big);
        }
      } else if (a.j === 'E') {
        if (a.i === 'S') continue; // an empty day, start and end hubs the same city
        const big = M(leaveMax(a.i) + a.min - day.close);
        row([tName(a.i as number, d), `${num(big)} ${x}`], '<=', day.close + big - dur(a.i) - a.min);
      } else if (a.i === 'S') {
        const big = M(day.open + a.min - reachMin(a.j));
        row([tName(a.j as number, d), `${num(-big)} ${x}`], '>=', day.open + a.min - big);
      } else {
        const big = M(leaveMax(a.i) + a.min - reachMin(a.j));
        row([tName(a.j as number, d), `-1 ${tName(a.i as number, d)}`, `${num(-big)} ${x}`], '>=', dur(a.i) + a.min - big);
      }
    }
    if (day.brk !== undefined && day.visits.length > 0) lunchRows(day, arcs, day.brk);
    // Valid inequality: visit lengths and legs along the path fit in the day (waiting only adds).
    const lengthTerms = arcs.flatMap((a) => {
      const c = dur(a.i) + a.min;
      return c > 0 ? [`${num(c)} ${xName(a.i, a.j, d)}`] : [];
    });
    if (lengthTerms.length > 0) row(lengthTerms, '<=', day.close - day.open);
  }
  function lunchRows(day: DayShape, arcs: readonly { i: Node; j: Node; min: number }[], rule: DayBreak): void {
    const d = day.day;
    const u = `u_${d}`;
    const L = `lunch_${d}`;
    const tau = `tau_${d}`;
    const arr = `arr_${d}`;
    binaries.push(u);
    // A day has a lunch exactly when it has a visit.
    for (const v of day.visits) row([u, `-1 ${yName(v, d)}`], '>=', 0);
    row([u, ...day.visits.map((v) => `-1 ${yName(v, d)}`)], '<=', 0);
    const maxDur = Math.max(0, ...day.visits.map((v) => V[v]!.duration));
    const maxLeg = Math.max(0, ...arcs.map((a) => a.min));
    // Large enough for every row below whatever the times (all lie in the day, L in its window).
    const big = Math.max(day.close + maxDur + maxLeg - rule.from, rule.to + rule.length + maxLeg - day.open, rule.from - day.open, day.close - rule.from, 0) + maxDur;
    bounds.push(` ${num(rule.from)} <= ${L} <= ${num(rule.to)}`);
    const choices: string[] = [];
    if (rule.insideMin !== undefined) {
      for (const v of day.visits) {
        const length = V[v]!.duration;
        if (length < rule.insideMin) continue;
        const iota = `in_${v}_${d}`;
        binaries.push(iota);
        choices.push(iota);
        row([iota, `-1 ${yName(v, d)}`], '<=', 0);
        // Started so that a break from `from` fits inside it, and by insideTo.
        row([tName(v, d), `${num(-big)} ${iota}`], '>=', rule.from - length + rule.length - big);
        row([tName(v, d), `${num(big)} ${iota}`], '<=', (rule.insideTo ?? rule.to) + big);
      }
    }
    // When node i is left (its earliest leaving time as a term list and constant).
    const leaving = (i: Node): { terms: string[]; c: number } =>
      i === 'S' ? { terms: [], c: day.open } : i === 'T' ? { terms: [arr], c: 0 } : { terms: [tName(i as number, d)], c: dur(i) };
    arcs.forEach((a) => {
      if (a.i === 'S' && a.j === 'E') return; // no visit on that path: no lunch
      const lv = leaving(a.i);
      // Before the leg, where the party is (not at the station after the train: the core does not
      // split a leg there — it takes the lunch before the train, or at the next place).
      if (a.i !== 'T') {
        const l = `leave_${a.i}_${a.j}_${d}`;
        binaries.push(l);
        choices.push(l);
        row([l, `-1 ${xName(a.i, a.j, d)}`], '<=', 0);
        row([L, ...lv.terms.map((t) => `-1 ${t}`), `${num(-big)} ${l}`], '>=', lv.c - big);
        if (a.j === 'E') row([L, `${num(big)} ${l}`], '<=', day.close - rule.length - a.min + big);
        else if (a.j === 'T') row([L, `-1 ${tau}`, `${num(big)} ${l}`], '<=', -rule.length - a.min + big);
        else row([tName(a.j as number, d), `-1 ${L}`, `${num(-big)} ${l}`], '>=', rule.length + a.min - big);
      }
      // On arrival at j (at the station before the train: no, as above).
      if (a.j !== 'T') {
        const l = `arrive_${a.i}_${a.j}_${d}`;
        binaries.push(l);
        choices.push(l);
        row([l, `-1 ${xName(a.i, a.j, d)}`], '<=', 0);
        row([L, ...lv.terms.map((t) => `-1 ${t}`), `${num(-big)} ${l}`], '>=', lv.c + a.min - big);
        if (a.j === 'E') row([L, `${num(big)} ${l}`], '<=', day.close - rule.length + big);
        else row([tName(a.j as number, d), `-1 ${L}`, `${num(-big)} ${l}`], '>=', rule.length - big);
      }
    });
    row([...choices, `-1 ${u}`], '=', 0);
  }

  for (const [v, ds] of onDays) if (ds.length > 1) row(ds.map((d) => yName(v, d)), '<=', 1);
  if (problem.budget !== undefined && Number.isFinite(problem.budget)) {
    // A hair of slack for the decimal fares; the replay checks the budget exactly as the core does.
    if (budgetTerms.length > 0) row(budgetTerms, '<=', problem.budget + 1e-6 - budgetConst);
  }
  const lp = [
    'Maximize',
    ` obj: ${wrap(objective.length > 0 ? objective : ['0 y_dummy'])}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    ' 0 <= y_dummy <= 0',
    'Binaries',
    ...chunk(binaries, 8).map((c) => ` ${c.join(' ')}`),
    'End',
    '',
  ].join('\n');
  return { problem, days, weight, localMin, localCost, lp };
}

/** A day's visit sequence from the arcs set in a solution. */
export function routesFromSolution(model: ExactModel, values: ReadonlyMap<string, number>): number[][] {
  return model.days.map((day) => {
    const d = day.day;
    const seq: number[] = [];
    let at: Node = 'S';
    const nodes: Node[] = [...day.visits, 'E', ...(day.train ? ['T' as const] : [])];
    for (let guard = 0; at !== 'E' && guard <= nodes.length; guard++) {
      const next: Node | undefined = nodes.find((j) => j !== at && (values.get(xName(at, j, d)) ?? 0) > 0.5);
      if (next === undefined) throw new Error(`day ${d}: the solution's path stops at ${String(at)}`);
      if (typeof next === 'number') seq.push(next);
      at = next;
    }
    if (at !== 'E') throw new Error(`day ${d}: the solution's path does not reach the day's end`);
    return seq;
  });
}

function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`non-finite coefficient ${x}`);
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(15)));
}

function wrap(terms: readonly string[]): string {
  const signed = terms.map((t, k) => {
    const s = t.trim();
    if (k === 0) return s;
    return s.startsWith('-') ? `- ${s.slice(1)}` : `+ ${s}`;
  });
  return chunk(signed, 8).map((c) => c.join(' ')).join('\n   ');
}

function chunk<T>(a: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < a.length; i += size) out.push(a.slice(i, i + size));
  return out;
}
