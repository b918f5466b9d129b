/**
 * The exact search behind `pass quote`: the cheapest way to admit one
 * traveller to every visit, buying pass instances and single tickets.
 *
 * Depth-first branch and bound over the visits in date order. At each visit:
 * use a pass instance already bought (free), buy a new instance of a product
 * that covers it, or pay the single ticket. A new instance's window starts on
 * the day of its first visit (for first-use / issue-date passes starting any
 * earlier never admits more), or on the fixed start date. The bound adds, for
 * every visit still to come that no bought instance could take, the least of
 * its single price and `price / (visits the product could still cover)` for
 * each product — never more than any completion costs, so pruning is safe and
 * the answer is the true optimum unless the node limit is hit (`optimal: false`,
 * and then the walk-up prices are returned). Branches that leave the same state
 * for the visits to come (`stateKey`) are solved once (memoized branch and bound).
 */
import type { Entries, ValidityKind } from '../catalogue/model.js';

export interface SearchVisit {
  /** Day number (days since 1970-01-01); only differences matter. */
  readonly day: number;
  readonly attraction: string;
  /** Walk-up price for this traveller. */
  readonly single: number;
}

export interface SearchProduct {
  readonly id: string;
  readonly price: number;
  readonly attractions: ReadonlySet<string>;
  readonly kind: ValidityKind;
  /** consecutive-days: calendar days; flex-days: chosen days. */
  readonly days?: number;
  /** flex-days / attraction-count: the window, in days; absent = no limit. */
  readonly withinDays?: number;
  /** attraction-count: entries in total. */
  readonly count?: number;
  readonly entries: Entries;
  /** Day number of a fixed-date start. */
  readonly fixedStart?: number;
  readonly blackoutDays: ReadonlySet<number>;
}

export interface BoughtInstance {
  /** Index into the products. */
  readonly product: number;
  /** First day of the window (day number). */
  readonly start: number;
  /** Last day of the window; for windows without a limit, the last day used. */
  readonly end: number;
  /** Indices into the visits, in date order. */
  readonly visits: readonly number[];
}

export interface BundleSolution {
  readonly cost: number;
  readonly instances: readonly BoughtInstance[];
  /** Visits paid with single tickets. */
  readonly singles: readonly number[];
  /** False only when the node limit stopped the search first. */
  readonly optimal: boolean;
  readonly nodes: number;
}

interface Open {
  readonly product: number;
  readonly start: number;
  readonly visits: number[];
  readonly attractions: Map<string, number>;
  readonly attractionDays: Set<string>;
  readonly days: Map<number, number>;
}

/** Length of a product's window in days (Infinity when unlimited). */
export function windowSpan(p: SearchProduct): number {
  if (p.kind === 'consecutive-days') return Math.max(1, p.days ?? 1);
  return p.withinDays ?? Infinity;
}

/** Can any instance of `p` admit this visit (attraction, blackout, fixed window)? */
export function productCovers(p: SearchProduct, v: SearchVisit): boolean {
  if (!p.attractions.has(v.attraction) || p.blackoutDays.has(v.day)) return false;
  if (p.fixedStart !== undefined && (v.day < p.fixedStart || v.day - p.fixedStart >= windowSpan(p))) return false;
  if (p.kind === 'attraction-count' && (p.count ?? 0) < 1) return false;
  return true;
}

export function cheapestBundle(
  visitsIn: readonly SearchVisit[],
  products: readonly SearchProduct[],
  opts: { nodeLimit?: number } = {},
): BundleSolution {
  const nodeLimit = opts.nodeLimit ?? 500_000;
  const order = visitsIn.map((_, i) => i).sort((a, b) => visitsIn[a]!.day - visitsIn[b]!.day || a - b);
  const visits = order.map((i) => visitsIn[i]!);
  const n = visits.length;
  const covering = visits.map((v) => products.map((p, k) => (productCovers(p, v) ? k : -1)).filter((k) => k >= 0));
  // Does a later visit go to the same attraction (on the same day)? Then using a pass here may cost an entry later.
  const laterSame = visits.map((v, i) => visits.slice(i + 1).some((w) => w.attraction === v.attraction));
  const laterSameDay = visits.map((v, i) => visits.slice(i + 1).some((w) => w.attraction === v.attraction && w.day === v.day));

  const futureAttractions = visits.map((_, i) => new Set(visits.slice(i).map((w) => w.attraction)));
  const open: Open[] = [];
  const memo = new Map<string, { value: number; exact: boolean }>();
  let nodes = 0;
  let calls = 0;
  let stopped = false;

  const accepts = (o: Open, i: number): boolean => {
    const v = visits[i]!;
    const p = products[o.product]!;
    if (!covering[i]!.includes(o.product)) return false;
    if (v.day < o.start || v.day - o.start >= windowSpan(p)) return false;
    if (p.kind === 'flex-days' && !o.days.has(v.day) && o.days.size >= (p.days ?? 1)) return false;
    if (p.kind === 'attraction-count' && o.visits.length >= (p.count ?? 0)) return false;
    if (p.entries === 'once' && o.attractions.has(v.attraction)) return false;
    if (p.entries === 'once-per-day' && o.attractionDays.has(`${v.attraction}@${v.day}`)) return false;
    return true;
  };
  const add = (o: Open, i: number) => {
    const v = visits[i]!;
    o.visits.push(i);
    o.attractions.set(v.attraction, (o.attractions.get(v.attraction) ?? 0) + 1);
    o.attractionDays.add(`${v.attraction}@${v.day}`);
    o.days.set(v.day, (o.days.get(v.day) ?? 0) + 1);
  };
  const remove = (o: Open, i: number) => {
    const v = visits[i]!;
    o.visits.pop();
    const a = o.attractions.get(v.attraction)! - 1;
    if (a === 0) o.attractions.delete(v.attraction);
    else o.attractions.set(v.attraction, a);
    o.attractionDays.delete(`${v.attraction}@${v.day}`);
    const d = o.days.get(v.day)! - 1;
    if (d === 0) o.days.delete(v.day);
    else o.days.set(v.day, d);
  };
  /** Admitting visit i uses up nothing a later visit could need from this instance. */
  const costsNothing = (o: Open, i: number): boolean => {
    const p = products[o.product]!;
    if (p.kind === 'attraction-count') return false;
    if (p.kind === 'flex-days' && !o.days.has(visits[i]!.day)) return false;
    if (p.entries === 'once') return !laterSame[i];
    if (p.entries === 'once-per-day') return !laterSameDay[i];
    return true;
  };
  /**
   * What the future can still see of the bought instances: for each one whose window reaches
   * visit i, its window end and the part of its usage a later visit could run into. Two
   * branches with the same key have the same cheapest completion.
   */
  const stateKey = (i: number): string => {
    const day = visits[i]!.day;
    const parts: string[] = [];
    for (const o of open) {
      const p = products[o.product]!;
      const span = windowSpan(p);
      if (day - o.start >= span) continue;
      let part = `${o.product}:${Number.isFinite(span) ? o.start + span : ''}`;
      if (p.kind === 'flex-days') part += `:${o.days.size}${o.days.has(day) ? '+' : ''}`;
      if (p.kind === 'attraction-count') part += `:${o.visits.length}`;
      if (p.entries === 'once') part += ':' + [...o.attractions.keys()].filter((a) => futureAttractions[i]!.has(a)).sort().join(',');
      if (p.entries === 'once-per-day') {
        part += ':' + [...o.attractionDays].filter((ad) => ad.endsWith(`@${day}`) && futureAttractions[i]!.has(ad.slice(0, ad.lastIndexOf('@')))).sort().join(',');
      }
      parts.push(part);
    }
    return `${i}|${parts.sort().join(';')}`;
  };

  type Choice = { readonly kind: 'single' } | { readonly kind: 'use'; readonly o: Open } | { readonly kind: 'buy'; readonly k: number };
  /** The choices worth trying at visit i. */
  const choices = (i: number): Choice[] => {
    const v = visits[i]!;
    // A free ticket, or an instance that admits the visit without using up anything a later
    // visit could need, is at least as good as every other choice: take it alone.
    if (v.single <= 0) return [{ kind: 'single' }];
    const free = open.find((o) => accepts(o, i) && costsNothing(o, i));
    if (free) return [{ kind: 'use', o: free }];
    const list: Choice[] = open.filter((o) => accepts(o, i)).map((o) => ({ kind: 'use' as const, o }));
    for (const k of covering[i]!) list.push({ kind: 'buy', k });
    list.push({ kind: 'single' });
    return list;
  };
  /** Applies a choice, runs `then`, undoes the choice; returns then's value plus the choice's price. */
  const apply = <T>(i: number, c: Choice, then: (price: number) => T): { price: number; value: T } | undefined => {
    if (c.kind === 'single') return { price: visits[i]!.single, value: then(visits[i]!.single) };
    if (c.kind === 'use') {
      add(c.o, i);
      const value = then(0);
      remove(c.o, i);
      return { price: 0, value };
    }
    const p = products[c.k]!;
    const o: Open = { product: c.k, start: p.fixedStart ?? visits[i]!.day, visits: [], attractions: new Map(), attractionDays: new Set(), days: new Map() };
    if (!accepts(o, i)) return undefined;
    add(o, i);
    open.push(o);
    const value = then(p.price);
    open.pop();
    return { price: p.price, value };
  };

  // Most visits one instance of product k could admit among visits i.., for the lower bound:
  // the best window, counting each attraction once (per day) when entries say so, and for
  // flex-days only the busiest chosen days.
  const load = products.map((p, k) => {
    const span = windowSpan(p);
    const best = new Array<number>(n + 1).fill(0);
    for (let s = n - 1; s >= 0; s--) {
      const perDay = new Map<number, Set<string>>();
      const seen = new Set<string>();
      for (let j = s; j < n && visits[j]!.day - visits[s]!.day < span; j++) {
        if (!covering[j]!.includes(k)) continue;
        const v = visits[j]!;
        const id = p.entries === 'once' ? v.attraction : p.entries === 'once-per-day' ? `${v.attraction}@${v.day}` : String(j);
        if (seen.has(id)) continue;
        seen.add(id);
        perDay.set(v.day, (perDay.get(v.day) ?? new Set()).add(id));
      }
      const dayCounts = [...perDay.values()].map((d) => d.size).sort((a, b) => b - a);
      let admitted = (p.kind === 'flex-days' ? dayCounts.slice(0, p.days ?? 1) : dayCounts).reduce((a, b) => a + b, 0);
      if (p.kind === 'attraction-count') admitted = Math.min(admitted, p.count ?? 0);
      best[s] = Math.max(best[s + 1]!, admitted);
    }
    return best;
  });
  const covers = products.map((_, k) => visits.map((_, j) => covering[j]!.includes(k)));
  const spans = products.map(windowSpan);
  /**
   * Never more than any completion from visit i costs (see the header). Open instances with
   * a window reaching a visit may admit it for free; attraction-count instances only as many
   * visits as they have entries left, so those are granted to the dearest visits.
   */
  const bound = (i: number): number => {
    let lb = 0;
    let countLeft = 0;
    const countable: number[] = [];
    for (const o of open) {
      const p = products[o.product]!;
      if (p.kind === 'attraction-count' && visits[i]!.day - o.start < spans[o.product]!) countLeft += (p.count ?? 0) - o.visits.length;
    }
    for (let j = i; j < n; j++) {
      const v = visits[j]!;
      let free = false;
      let byCount = false;
      for (const o of open) {
        if (!covers[o.product]![j] || v.day - o.start >= spans[o.product]!) continue;
        if (products[o.product]!.kind === 'attraction-count') byCount = true;
        else free = true;
      }
      if (free) continue;
      let least = v.single;
      for (const k of covering[j]!) least = Math.min(least, products[k]!.price / Math.max(1, load[k]![i]!));
      if (byCount && countLeft > 0) countable.push(least);
      else lb += least;
    }
    if (countable.length > countLeft) {
      countable.sort((a, b) => a - b);
      for (let x = 0; x < countable.length - countLeft; x++) lb += countable[x]!;
    }
    return lb;
  };

  /**
   * Cheapest cost of visits i..n-1 given the instances bought so far, when that is below
   * `budget`; otherwise some lower bound that is at least `budget` (memoized branch and bound).
   */
  const solve = (i: number, budget: number): number => {
    calls++;
    if (i === n) return 0;
    if (stopped) return Infinity;
    const key = stateKey(i);
    const known = memo.get(key);
    if (known !== undefined && (known.exact || known.value >= budget)) return known.value;
    const lb = Math.max(bound(i), known?.value ?? 0);
    if (lb >= budget) {
      memo.set(key, { value: lb, exact: false });
      return lb;
    }
    if (++nodes > nodeLimit) stopped = true;
    let least = Infinity;
    for (const c of choices(i)) {
      const r = apply(i, c, (price) => solve(i + 1, Math.min(budget, least) - price));
      if (r) least = Math.min(least, r.price + r.value);
    }
    memo.set(key, { value: least, exact: least < budget });
    return least;
  };

  const total = solve(0, Infinity);
  if (stopped) {
    const all = visits.reduce((sum, v) => sum + v.single, 0);
    return { cost: round2(all), instances: [], singles: order.slice(), optimal: false, nodes };
  }
  // Walk forward, taking at each visit a choice that achieves the optimum.
  const singles: number[] = [];
  const bought: Open[] = [];
  const follow = (i: number, remaining: number): void => {
    if (i === n) {
      bought.push(...open.map((o) => ({ ...o, visits: [...o.visits] })));
      return;
    }
    for (const c of choices(i)) {
      let done = false;
      apply(i, c, (price) => {
        const rest = solve(i + 1, remaining - price + 1e-6);
        if (Math.abs(price + rest - remaining) < 1e-6) {
          if (c.kind === 'single') singles.push(i);
          follow(i + 1, rest);
          done = true;
        }
      });
      if (done) return;
    }
  };
  follow(0, total);
  const windowEnd = (o: Open): number => {
    const span = windowSpan(products[o.product]!);
    return Number.isFinite(span) ? o.start + span - 1 : visits[o.visits.at(-1)!]!.day;
  };
  return {
    cost: round2(total),
    instances: bought.map((o) => ({ product: o.product, start: o.start, end: windowEnd(o), visits: o.visits.map((i) => order[i]!) })),
    singles: singles.map((i) => order[i]!),
    optimal: true,
    nodes: calls,
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
