/**
 * An exact mixed-integer model of the planner core's Problem for one trip
 * skeleton (src/domain/plan/build-problem.ts), written as an LP file for CBC.
 *
 * Per problem day d the route is a path S_d → … → E_d (the day's start and
 * end hubs) through the visits open that day. A day with same-day links
 * (dayLinks: one train, or two with a change in the city between) runs
 * through one train node T1, T2, … per link, in order: the visits of the
 * first city, T1, the visits of the second (a stop in the middle city of a
 * two-train day), T2, those of the third; T1 → T2 straight is a change at the
 * middle hub. Sequencing is big-M on start times (a time-based MTZ: every arc
 * adds a visit's length, > 0, so no subtour survives):
 *
 *   y[v,d] ∈ {0,1}    visit v on day d;  Σ_d y[v,d] ≤ 1
 *   x[i,j,d] ∈ {0,1}  arc i → j on day d; in-degree = out-degree = y (1 for S, E, each T)
 *   t[v,d]            start of v on day d, inside one of its start windows that day
 *                     (one binary per window when a day has several)
 *   x[i,j,d] = 1  ⇒   t[j,d] ≥ t[i,d] + duration(i) + local(i, j)
 *   x[i,E,d] = 1  ⇒   t[i,d] + duration(i) + local(i, E) ≤ close(d)
 *   train k: z[d,k,q] picks a departure (option q: latest leaving time from
 *          its departure hub cutoff_q, arrival at its arrival hub arrive_q);
 *          tau[d,k] = the chosen cutoff, arr[d,k] = the chosen arrival;
 *          x[i,Tk,d] = 1 ⇒ t[i,d] + duration(i) + local(i, hub) ≤ tau[d,k];
 *          x[Tk,j,d] = 1 ⇒ t[j,d] ≥ arr[d,k] + local(hub, j);
 *          x[Tk,Tk+1,d] = 1 ⇒ arr[d,k] ≤ tau[d,k+1]
 *          (the fare of train k on every arc into Tk)
 *   Σ visit costs + Σ arc costs ≤ budget
 *   the day's break (lunch, problem.ts DayBreak) on a day with a visit: one of
 *     leave[i,j,d]  taken at i before the arc i → j (start L ≥ leaving i),
 *     arrive[i,j,d] taken at j on arrival (L ≥ reaching j, j starts after it),
 *     in[v,d]       inside a visit of ≥ insideMin, started so that it spans it,
 *   L in [from, to]: the two-state pass of src/domain/planner/day-break.ts
 *   maximise Σ weight(v) y[v,d]   (the core's weights: score, plus the core's
 *                                  must bonus that dwarfs every score)
 *            − c Σ local(i,j) x[i,j,d]  with `chargePerYuan` c (the value model:
 *                                  the race's charge on what the party pays for
 *                                  local legs — taxi meters — which varies with
 *                                  the visits and their order; train fares are
 *                                  the same for every plan on the skeleton)
 *
 * Nothing is read from the catalogue: local leg times and costs, the train's
 * step function and its costs are read off the Problem's own `travel`
 * (arrive/cost as black boxes), and `checkTravelShape` proves on every pair
 * of places and a grid of departure times that the decomposition above gives
 * exactly what `travel.arrive` and `travel.cost` give. Anything outside that
 * shape (time-dependent local legs, a city twice in a day, a day between two
 * cities without a link) is refused with a reason, never modelled loosely.
 *
 * Waiting is allowed anywhere (t may exceed the arrival): travel is FIFO and
 * the core starts each visit as early as it can, so a schedule the model
 * accepts, replayed earliest-first by the core, is feasible too (bench/exact-gap.ts
 * replays every optimum through the core's own route evaluation to be sure).
 */
import type { DayBreak, Problem } from '../../src/domain/planner/problem.js';
import { dayLinks, type LandDay } from '../../src/domain/plan/city-plan.js';
import type { Place } from '../../src/domain/plan/trip-travel.js';

/** A day's train, read off `travel.arrive` between the two hubs: each option is one departure. */
export interface TrainOption {
  /** Latest time the party may leave the train's departure hub and still catch it (trip minutes). */
  readonly cutoff: number;
  /** Arrival at the train's arrival hub. */
  readonly arrive: number;
}

/** One of a day's same-day links (the k-th train of the day), hub to hub. */
export interface TrainShape {
  readonly hubFrom: number;
  readonly hubTo: number;
  readonly options: readonly TrainOption[];
  /** Cost of the hub-to-hub leg (the fare for the party). */
  readonly fare: number;
}

export interface DayShape {
  readonly day: number;
  readonly open: number;
  readonly close: number;
  readonly start: number;
  readonly end: number;
  /** Visits with a start window this day. */
  readonly visits: readonly number[];
  /**
   * The day's cities in the order its trains reach them (one city: a day without a train; three:
   * a day of two trains that may stop in the city between), and each visit's index in that order.
   */
  readonly cities: readonly string[];
  readonly segmentOf: ReadonlyMap<number, number>;
  /** The day's break (lunch), as the Problem has it. */
  readonly brk?: DayBreak;
  /** trains[k] runs from cities[k] to cities[k + 1]. */
  readonly trains: readonly TrainShape[];
}

export interface ExactModel {
  readonly problem: Problem;
  readonly days: readonly DayShape[];
  /** Objective weight per visit (the core's compileModel weights). */
  readonly weight: readonly number[];
  /** Local leg minutes and cost, same-city pairs (place × place, row-major); NaN elsewhere. */
  readonly localMin: Float64Array;
  readonly localCost: Float64Array;
  /** Points charged per yuan of local legs in the objective (0: the score model). */
  readonly chargePerYuan: number;
  readonly lp: string;
}

export type Shaped = { readonly ok: true; readonly days: readonly DayShape[] } | { readonly ok: false; readonly reason: string };

const SAMPLE_STEP_MIN = 7;

/**
 * The day shapes of a built problem, or why it falls outside the model.
 * `places` gives each place's city, `landDays` each problem day's same-day
 * links (build-problem.ts's places and landDays).
 */
export function shapeDays(problem: Problem, places: readonly Place[], landDays: readonly { readonly day: LandDay }[]): Shaped {
  const days: DayShape[] = [];
  const travel = problem.travel;
  const cityOf = (p: number) => places[p]!.city;
  const hubOf = new Map<string, number>();
  places.forEach((p, i) => {
    if (p.hub) hubOf.set(p.city, i);
  });
  for (let d = 0; d < problem.days.length; d++) {
    const pd = problem.days[d]!;
    const land = landDays[d]?.day;
    const brk = pd.break === undefined ? {} : { brk: pd.break };
    if (pd.start === undefined || pd.ends.length !== 1) return { ok: false, reason: `day ${d}: start not fixed or several lodgings (not modelled)` };
    if (land === undefined) return { ok: false, reason: `day ${d}: no land day (not modelled)` };
    const start = pd.start;
    const end = pd.ends[0]!;
    const links = dayLinks(land);
    const cities = links.length === 0 ? [cityOf(start)] : [links[0]!.from, ...links.map((l) => l.to)];
    if (cities[0] !== cityOf(start) || cities.at(-1) !== cityOf(end)) {
      return { ok: false, reason: `day ${d}: its trains run ${cities.join(' → ')}, the day ${cityOf(start)} → ${cityOf(end)} (not modelled)` };
    }
    if (new Set(cities).size !== cities.length) return { ok: false, reason: `day ${d}: a city twice in ${cities.join(' → ')} (not modelled)` };
    const visits = problem.visits.flatMap((v, i) => ((v.windows[d] ?? []).length > 0 ? [i] : []));
    const segmentOf = new Map<number, number>();
    for (const v of visits) {
      const c = cityOf(problem.visits[v]!.place);
      const k = cities.indexOf(c);
      if (k < 0) return { ok: false, reason: `day ${d}: visit ${problem.visits[v]!.key} in ${c}, none of the day's cities ${cities.join(' → ')}` };
      segmentOf.set(v, k);
    }
    const trains: TrainShape[] = [];
    for (let k = 0; k + 1 < cities.length; k++) {
      const hubFrom = hubOf.get(cities[k]!);
      const hubTo = hubOf.get(cities[k + 1]!);
      if (hubFrom === undefined || hubTo === undefined) return { ok: false, reason: `day ${d}: no hub for ${cities[k]} or ${cities[k + 1]}` };
      const options: TrainOption[] = [];
      for (let t = Math.floor(pd.open); t <= pd.close; t++) {
        const a = travel.arrive(hubFrom, hubTo, t, d);
        if (!Number.isFinite(a) || a > pd.close) continue;
        const last = options[options.length - 1];
        if (last !== undefined && last.arrive === a) options[options.length - 1] = { cutoff: t, arrive: a };
        else options.push({ cutoff: t, arrive: a });
      }
      if (options.length === 0) return { ok: false, reason: `day ${d}: no ${cities[k]} → ${cities[k + 1]} train arrives by the day's close` };
      trains.push({ hubFrom, hubTo, options, fare: travel.cost?.(hubFrom, hubTo, d) ?? 0 });
    }
    days.push({ day: d, open: pd.open, close: pd.close, start, end, visits, cities, segmentOf, trains, ...brk });
  }
  return { ok: true, days };
}

/**
 * Checks that `travel` is what the model assumes, for every pair of places a
 * route may join on every day: same-city legs take a fixed time and cost
 * whatever the departure; a leg from the day's k-th city to its m-th (k < m)
 * goes to the hub, takes trains k+1 … m, each the first option whose cutoff
 * the party makes (changing at the hub between), and on from the last hub:
 * it costs cost(i, hub) + the fares + cost(hub, j); no other pair is
 * reachable. Returns the local matrices, or the first mismatch.
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
    const nodes = [...new Set([day.start, day.end, ...day.visits.map((v) => problem.visits[v]!.place), ...day.trains.flatMap((t) => [t.hubFrom, t.hubTo])])];
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
        const a = day.cities.indexOf(cityOf(i));
        const b = day.cities.indexOf(cityOf(j));
        const forward = a >= 0 && b > a;
        for (const t of times) {
          const got = travel.arrive(i, j, t, d);
          let want = Infinity;
          if (forward) {
            let leave = t + localMin[i * n + day.trains[a]!.hubFrom]!;
            let missed = false;
            for (let k = a; k < b && !missed; k++) {
              const q = day.trains[k]!.options.find((o) => o.cutoff >= leave);
              if (q === undefined) missed = true;
              else leave = q.arrive;
            }
            // Options arriving after the day's close were dropped; the core may still return such an arrival.
            if (missed && got > day.close) continue;
            want = missed ? Infinity : leave + localMin[day.trains[b - 1]!.hubTo * n + j]!;
          }
          if (got !== want) {
            return { ok: false, reason: `leg ${places[i]!.id} → ${places[j]!.id} at ${t} on day ${d}: travel.arrive ${got}, model ${want}` };
          }
        }
        if (forward) {
          const c = travel.cost?.(i, j, d) ?? 0;
          let want = localCost[i * n + day.trains[a]!.hubFrom]! + localCost[day.trains[b - 1]!.hubTo * n + j]!;
          for (let k = a; k < b; k++) want += day.trains[k]!.fare;
          if (Math.abs(c - want) > 1e-9) return { ok: false, reason: `leg ${places[i]!.id} → ${places[j]!.id}: travel.cost ${c}, model ${want}` };
        }
      }
    }
  }
  return { ok: true, localMin, localCost };
}

/** Node of a day's graph: a visit index, or the day's start, end, or its k-th train (T1, T2, …). */
type Node = number | 'S' | 'E' | `T${number}`;

export const yName = (v: number, d: number) => `y_${v}_${d}`;
export const xName = (i: Node, j: Node, d: number) => `x_${i}_${j}_${d}`;
const tName = (v: number, d: number) => `t_${v}_${d}`;
const wName = (v: number, d: number, k: number) => `w_${v}_${d}_${k}`;
const zName = (d: number, k: number, q: number) => `z_${d}_${k}_${q}`;
const tauName = (d: number, k: number) => `tau_${d}_${k}`;
const arrName = (d: number, k: number) => `arr_${d}_${k}`;

/** Writes the LP file text (CPLEX LP format, as CBC reads it). */
export function buildExactModel(
  problem: Problem, days: readonly DayShape[], localMin: Float64Array, localCost: Float64Array, weight: readonly number[],
  options: { readonly chargePerYuan?: number } = {},
): ExactModel {
  const chargePerYuan = options.chargePerYuan ?? 0;
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
    node === 'S' ? day.start : node === 'E' ? day.end : typeof node === 'number' ? V[node]!.place : -1;
  const dur = (node: Node) => (typeof node === 'number' ? V[node]!.duration : 0);

  const onDays = new Map<number, number[]>();
  for (const day of days) {
    const d = day.day;
    const K = day.trains.length;
    const trainNodes: Node[] = day.trains.map((_, k) => `T${k + 1}` as const);
    /** Train k (0-based) of a node T{k+1}, or -1. */
    const trainOf = (node: Node): number => (typeof node === 'string' && node.startsWith('T') ? Number(node.slice(1)) - 1 : -1);
    // The node's place in the day's city order: S in the first city, E in the last, a visit in its city.
    const segment = (node: Node): number => (node === 'S' ? 0 : node === 'E' ? K : day.segmentOf.get(node as number)!);
    /** `local`: the arc's local legs' yuan (its cost less a train's fare). */
    const allArcs: { i: Node; j: Node; min: number; cost: number; local: number }[] = [];
    const from: Node[] = ['S', ...day.visits];
    const to: Node[] = [...day.visits, 'E'];
    for (const i of from) {
      for (const j of to) {
        if (i === j || segment(i) !== segment(j)) continue;
        const c = localCost[place(i, day) * n + place(j, day)]!;
        allArcs.push({ i, j, min: localMin[place(i, day) * n + place(j, day)]!, cost: c, local: c });
      }
    }
    day.trains.forEach((train, k) => {
      const T = trainNodes[k]!;
      // Into train k: from the start or a visit of city k, or straight off the train before (a change at its hub).
      for (const i of from) {
        if (segment(i) !== k) continue;
        const pi = place(i, day);
        const c = localCost[pi * n + train.hubFrom]!;
        allArcs.push({ i, j: T, min: localMin[pi * n + train.hubFrom]!, cost: c + train.fare, local: c });
      }
      if (k > 0) {
        const c = localCost[day.trains[k - 1]!.hubTo * n + train.hubFrom]!;
        allArcs.push({ i: trainNodes[k - 1]!, j: T, min: localMin[day.trains[k - 1]!.hubTo * n + train.hubFrom]!, cost: c + train.fare, local: c });
      }
      // Out of train k: to a visit of city k + 1, or the day's end after the last train.
      for (const j of to) {
        if (segment(j) !== k + 1) continue;
        const pj = place(j, day);
        const c = localCost[train.hubTo * n + pj]!;
        allArcs.push({ i: T, j, min: localMin[train.hubTo * n + pj]!, cost: c, local: c });
      }
    });
    // Start-time bounds per visit this day: the span of its windows, then narrowed below.
    const lo = new Map<number, number>();
    const hi = new Map<number, number>();
    for (const v of day.visits) {
      const ws = V[v]!.windows[d]!;
      lo.set(v, Math.min(...ws.map((w) => w.open)));
      hi.set(v, Math.max(...ws.map((w) => w.close)));
    }
    const cutoffs = (k: number) => day.trains[k]!.options.map((o) => o.cutoff);
    const arrivals = (k: number) => day.trains[k]!.options.map((o) => o.arrive);
    // Earliest and latest a node may be left, and reached (a train: its departure cutoff).
    const leaveMin = (i: Node): number =>
      i === 'S' ? day.open : trainOf(i) >= 0 ? Math.min(...arrivals(trainOf(i))) : lo.get(i as number)! + dur(i);
    const leaveMax = (i: Node): number =>
      i === 'S' ? day.open : trainOf(i) >= 0 ? Math.max(...arrivals(trainOf(i))) : hi.get(i as number)! + dur(i);
    const reachMin = (j: Node): number => (j === 'E' ? day.close : trainOf(j) >= 0 ? Math.min(...cutoffs(trainOf(j))) : lo.get(j as number)!);
    const reachMax = (j: Node): number => (j === 'E' ? day.close : trainOf(j) >= 0 ? Math.max(...cutoffs(trainOf(j))) : hi.get(j as number)!);
    // Arcs no schedule can use (leaving i as early as possible still misses j's latest) are left
    // out, and each visit's start is narrowed to what some arc in and some arc out allow (a
    // visit must be reached from a node left by then, and leave time for a leg on): repeated
    // until nothing changes. Valid whatever the legs (no triangle inequality is assumed); it
    // only tightens the big-M rows. A visit with no arc left in or out cannot be made that day.
    const impossible = new Set<number>();
    const usable = (node: Node) => typeof node !== 'number' || !impossible.has(node);
    let arcs = allArcs;
    for (let changed = true, round = 0; changed && round < 20; round++) {
      changed = false;
      arcs = arcs.filter((a) => (a.i === 'S' && a.j === 'E') || (usable(a.i) && usable(a.j) && leaveMin(a.i) + a.min <= reachMax(a.j)));
      for (const v of day.visits) {
        if (impossible.has(v)) continue;
        const ins = arcs.filter((a) => a.j === v);
        const outs = arcs.filter((a) => a.i === v);
        const earliest = Math.max(lo.get(v)!, Math.min(...ins.map((a) => leaveMin(a.i) + a.min)));
        const latest = Math.min(hi.get(v)!, Math.max(...outs.map((a) => reachMax(a.j) - a.min)) - dur(v));
        if (ins.length === 0 || outs.length === 0 || earliest > latest) {
          impossible.add(v);
          changed = true;
        } else if (earliest > lo.get(v)! || latest < hi.get(v)!) {
          lo.set(v, earliest);
          hi.set(v, latest);
          changed = true;
        }
      }
    }
    for (const v of day.visits) {
      const ws = V[v]!.windows[d]!;
      if (impossible.has(v)) {
        // Left without arcs, its degree rows hold y at 0; the bounds stay the windows' span.
        lo.set(v, Math.min(...ws.map((w) => w.open)));
        hi.set(v, Math.max(...ws.map((w) => w.close)));
      }
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
    for (const a of arcs) {
      binaries.push(xName(a.i, a.j, d));
      if (a.cost !== 0) budgetTerms.push(`${num(a.cost)} ${xName(a.i, a.j, d)}`);
      if (chargePerYuan !== 0 && a.local !== 0) objective.push(`${num(-chargePerYuan * a.local)} ${xName(a.i, a.j, d)}`);
    }
    // Degrees: the path runs S → … → E through every train of the day in order.
    const outOf = (i: Node) => arcs.filter((a) => a.i === i).map((a) => xName(a.i, a.j, d));
    const inTo = (j: Node) => arcs.filter((a) => a.j === j).map((a) => xName(a.i, a.j, d));
    row(outOf('S'), '=', 1);
    row(inTo('E'), '=', 1);
    for (const T of trainNodes) {
      row(outOf(T), '=', 1);
      row(inTo(T), '=', 1);
    }
    for (const v of day.visits) {
      row([...outOf(v), `-1 ${yName(v, d)}`], '=', 0);
      row([...inTo(v), `-1 ${yName(v, d)}`], '=', 0);
    }
    // Each train: one departure; tau = its cutoff at the hub, arr = its arrival.
    day.trains.forEach((train, k) => {
      const qs = train.options.map((_, q) => zName(d, k, q));
      binaries.push(...qs);
      row(qs, '=', 1);
      row([tauName(d, k), ...train.options.map((o, q) => `${num(-o.cutoff)} ${qs[q]}`)], '=', 0);
      row([arrName(d, k), ...train.options.map((o, q) => `${num(-o.arrive)} ${qs[q]}`)], '=', 0);
      bounds.push(` ${num(Math.min(...cutoffs(k)))} <= ${tauName(d, k)} <= ${num(Math.max(...cutoffs(k)))}`);
      bounds.push(` ${num(Math.min(...arrivals(k)))} <= ${arrName(d, k)} <= ${num(Math.max(...arrivals(k)))}`);
    });
    // x[i,j] = 1 ⇒ reach(j) ≥ leave(i) + local(i, j): reach is t_j, a train's cutoff tau, or the close.
    for (const a of arcs) {
      if (a.i === 'S' && a.j === 'E') continue; // an empty day in one city
      const x = xName(a.i, a.j, d);
      const lv = leaving(day, a.i);
      const rc = reaching(day, a.j);
      const big = Math.max(0, leaveMax(a.i) + a.min - reachMin(a.j));
      // rc.terms - lv.terms - big·x ≥ lv.c + min - rc.c - big
      row([...rc.terms, ...lv.terms.map((t) => `-1 ${t}`), `${num(-big)} ${x}`], '>=', lv.c + a.min - rc.c - big);
    }
    if (day.brk !== undefined && day.visits.length > 0) lunchRows(day, arcs, day.brk, { leaveMax, reachMin, lo, hi });
    windowCuts(day, arcs, lo, hi, impossible);
    // Valid inequality: visit lengths and legs along the path fit in the day (waiting only adds).
    const lengthTerms = arcs.flatMap((a) => {
      const c = dur(a.i) + a.min;
      return c > 0 ? [`${num(c)} ${xName(a.i, a.j, d)}`] : [];
    });
    if (lengthTerms.length > 0) row(lengthTerms, '<=', day.close - day.open);
  }
  /**
   * Valid inequalities that the big-M rows only give once x is integral: the visits that must
   * start at or after σ (lo ≥ σ) and end by τ (hi + length ≤ τ) are done one after another in
   * [σ, τ], each with the leg into it (its shortest arc in) — all but the first, whose leg may
   * begin before σ (none spared when σ is the day's open: every leg starts after it). Lunch is
   * not counted (it may be taken while waiting). Rows that every choice of visits meets are left out.
   */
  function windowCuts(day: DayShape, arcs: readonly { i: Node; j: Node; min: number }[], lo: ReadonlyMap<number, number>, hi: ReadonlyMap<number, number>, impossible: ReadonlySet<number>): void {
    const d = day.day;
    const vs = day.visits.filter((v) => !impossible.has(v));
    const minIn = new Map(vs.map((v) => [v, Math.min(...arcs.filter((a) => a.j === v).map((a) => a.min))]));
    const sigmas = [...new Set([day.open, ...vs.map((v) => lo.get(v)!)])];
    const taus = [...new Set([day.close, ...vs.map((v) => hi.get(v)! + dur(v))])];
    const seen = new Set<string>();
    for (const sigma of sigmas) {
      for (const tau of taus) {
        if (tau <= sigma) continue;
        const set = vs.filter((v) => lo.get(v)! >= sigma && hi.get(v)! + dur(v) <= tau);
        if (set.length < 2) continue;
        const key = set.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        const spare = sigma <= day.open ? 0 : Math.max(...set.map((v) => minIn.get(v)!));
        const total = set.reduce((sum, v) => sum + dur(v) + minIn.get(v)!, 0);
        if (total <= tau - sigma + spare) continue;
        row(set.map((v) => `${num(dur(v) + minIn.get(v)!)} ${yName(v, d)}`), '<=', tau - sigma + spare);
      }
    }
    // On a day with trains, the same per city, between the train that brings the party (or the
    // open) and the departure cutoff of the one that takes it on (or the close): the visits of
    // the city fit between the two trains the route takes, which ties their number to the times chosen.
    const K = day.trains.length;
    for (let k = 0; K > 0 && k <= K; k++) {
      const set = vs.filter((v) => day.segmentOf.get(v) === k);
      if (set.length === 0) continue;
      const terms = set.map((v) => `${num(dur(v) + minIn.get(v)!)} ${yName(v, d)}`);
      // Σ (length + leg in) y ≤ end − begin, end = tau[k] or close, begin = arr[k-1] or open.
      if (k < K) terms.push(`-1 ${tauName(d, k)}`);
      if (k > 0) terms.push(`1 ${arrName(d, k - 1)}`);
      row(terms, '<=', (k < K ? 0 : day.close) - (k > 0 ? 0 : day.open));
    }
  }
  /** When node i is left, as variable terms plus a constant: the start, a visit's end, a train's arrival. */
  function leaving(day: DayShape, i: Node): { terms: string[]; c: number } {
    if (i === 'S') return { terms: [], c: day.open };
    if (typeof i === 'string' && i.startsWith('T')) return { terms: [arrName(day.day, Number(i.slice(1)) - 1)], c: 0 };
    return { terms: [tName(i as number, day.day)], c: dur(i) };
  }
  /** The latest a node may be reached, as terms plus a constant (a visit's start, a train's cutoff, the close). */
  function reaching(day: DayShape, j: Node): { terms: string[]; c: number } {
    if (j === 'E') return { terms: [], c: day.close };
    if (typeof j === 'string' && j.startsWith('T')) return { terms: [tauName(day.day, Number(j.slice(1)) - 1)], c: 0 };
    return { terms: [tName(j as number, day.day)], c: 0 };
  }
  /** Each row's big-M from the bounds of what it compares (the tighter, the better CBC's LP bound). */
  interface Limits {
    readonly leaveMax: (i: Node) => number;
    readonly reachMin: (j: Node) => number;
    readonly lo: ReadonlyMap<number, number>;
    readonly hi: ReadonlyMap<number, number>;
  }
  function lunchRows(day: DayShape, arcs: readonly { i: Node; j: Node; min: number }[], rule: DayBreak, lim: Limits): void {
    const d = day.day;
    const u = `u_${d}`;
    const L = `lunch_${d}`;
    binaries.push(u);
    // A day has a lunch exactly when it has a visit.
    for (const v of day.visits) row([u, `-1 ${yName(v, d)}`], '>=', 0);
    row([u, ...day.visits.map((v) => `-1 ${yName(v, d)}`)], '<=', 0);
    const M = (x: number) => Math.max(0, x);
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
        const bigFrom = M(rule.from - length + rule.length - lim.lo.get(v)!);
        const bigTo = M(lim.hi.get(v)! - (rule.insideTo ?? rule.to));
        row([tName(v, d), `${num(-bigFrom)} ${iota}`], '>=', rule.from - length + rule.length - bigFrom);
        row([tName(v, d), `${num(bigTo)} ${iota}`], '<=', (rule.insideTo ?? rule.to) + bigTo);
      }
    }
    const isTrain = (node: Node) => typeof node === 'string' && node.startsWith('T');
    arcs.forEach((a) => {
      if (a.i === 'S' && a.j === 'E') return; // no visit on that path: no lunch
      const lv = leaving(day, a.i);
      const rc = reaching(day, a.j);
      // Before the leg, where the party is (not at the station after a train: the core does not
      // split a leg there — it takes the lunch before the train, or at the next place).
      if (!isTrain(a.i)) {
        const l = `leave_${a.i}_${a.j}_${d}`;
        binaries.push(l);
        choices.push(l);
        row([l, `-1 ${xName(a.i, a.j, d)}`], '<=', 0);
        // L ≥ leave(i); reach(j) ≥ L + length + min
        const big1 = M(lim.leaveMax(a.i) - rule.from);
        const big2 = M(rule.to + rule.length + a.min - lim.reachMin(a.j));
        row([L, ...lv.terms.map((t) => `-1 ${t}`), `${num(-big1)} ${l}`], '>=', lv.c - big1);
        row([...rc.terms, `-1 ${L}`, `${num(-big2)} ${l}`], '>=', rule.length + a.min - rc.c - big2);
      }
      // On arrival at j (not at the station before a train, as above).
      if (!isTrain(a.j)) {
        const l = `arrive_${a.i}_${a.j}_${d}`;
        binaries.push(l);
        choices.push(l);
        row([l, `-1 ${xName(a.i, a.j, d)}`], '<=', 0);
        // L ≥ leave(i) + min; reach(j) ≥ L + length
        const big1 = M(lim.leaveMax(a.i) + a.min - rule.from);
        const big2 = M(rule.to + rule.length - lim.reachMin(a.j));
        row([L, ...lv.terms.map((t) => `-1 ${t}`), `${num(-big1)} ${l}`], '>=', lv.c + a.min - big1);
        row([...rc.terms, `-1 ${L}`, `${num(-big2)} ${l}`], '>=', rule.length - rc.c - big2);
      }
    });
    row([...choices, `-1 ${u}`], '=', 0);
  }

  for (const [v, ds] of onDays) if (ds.length > 1) row(ds.map((d) => yName(v, d)), '<=', 1);
  // Visits that exclude each other (problem.ts `excludes`: a product and the sites it includes): one of a pair at most.
  V.forEach((visit, v) => {
    for (const u of visit.excludes ?? []) {
      const terms = [...(onDays.get(v) ?? []).map((d) => yName(v, d)), ...(onDays.get(u) ?? []).map((d) => yName(u, d))];
      if ((onDays.get(v) ?? []).length > 0 && (onDays.get(u) ?? []).length > 0) row(terms, '<=', 1);
    }
  });
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
  return { problem, days, weight, localMin, localCost, chargePerYuan, lp };
}

/** A day's visit sequence from the arcs set in a solution. */
export function routesFromSolution(model: ExactModel, values: ReadonlyMap<string, number>): number[][] {
  return model.days.map((day) => {
    const d = day.day;
    const seq: number[] = [];
    let at: Node = 'S';
    const nodes: Node[] = [...day.visits, 'E', ...day.trains.map((_, k) => `T${k + 1}` as const)];
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
