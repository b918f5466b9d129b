/**
 * The bundle search against brute force: on small random cases, enumerate
 * every way to split the visits among single tickets and pass instances (as
 * many instances of each product as there are visits), keep the feasible
 * splits, and compare the cheapest with what the search returns.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cheapestBundle, type SearchProduct, type SearchVisit } from '../../src/domain/passes/bundle-search.js';

/** The rules, restated plainly: can one instance starting on `start` admit all these visits? */
function instanceAdmits(p: SearchProduct, start: number, visits: readonly SearchVisit[]): boolean {
  const span = p.kind === 'consecutive-days' ? (p.days ?? 1) : (p.withinDays ?? Infinity);
  if (p.fixedStart !== undefined && start !== p.fixedStart) return false;
  for (const v of visits) {
    if (!p.attractions.has(v.attraction) || p.blackoutDays.has(v.day)) return false;
    if (v.day < start || v.day >= start + span) return false;
  }
  if (p.kind === 'flex-days' && new Set(visits.map((v) => v.day)).size > (p.days ?? 1)) return false;
  if (p.kind === 'attraction-count' && visits.length > (p.count ?? 0)) return false;
  if (p.entries === 'once' && new Set(visits.map((v) => v.attraction)).size < visits.length) return false;
  if (p.entries === 'once-per-day' && new Set(visits.map((v) => `${v.attraction}@${v.day}`)).size < visits.length) return false;
  return true;
}

function someStartAdmits(p: SearchProduct, visits: readonly SearchVisit[]): boolean {
  const first = Math.min(...visits.map((v) => v.day));
  const starts = p.fixedStart !== undefined ? [p.fixedStart] : Array.from({ length: 12 }, (_, k) => first - k);
  return starts.some((s) => instanceAdmits(p, s, visits));
}

function bruteForce(visits: readonly SearchVisit[], products: readonly SearchProduct[]): number {
  const n = visits.length;
  const labels = 1 + products.length * n;
  let best = Infinity;
  const label = new Array<number>(n).fill(0);
  const total = labels ** n;
  for (let code = 0; code < total; code++) {
    let c = code;
    for (let i = 0; i < n; i++) {
      label[i] = c % labels;
      c = Math.floor(c / labels);
    }
    let cost = 0;
    const groups = new Map<number, SearchVisit[]>();
    label.forEach((l, i) => {
      if (l === 0) cost += visits[i]!.single;
      else groups.set(l, [...(groups.get(l) ?? []), visits[i]!]);
    });
    let ok = true;
    for (const [l, group] of groups) {
      const p = products[Math.floor((l - 1) / n)]!;
      cost += p.price;
      if (!someStartAdmits(p, group)) ok = false;
    }
    if (ok) best = Math.min(best, cost);
  }
  return best;
}

const attraction = fc.constantFrom('a', 'b', 'c');
const visitArb = fc.record({ day: fc.integer({ min: 0, max: 4 }), attraction, single: fc.integer({ min: 0, max: 80 }) });
const productArb = fc
  .record({
    price: fc.integer({ min: 1, max: 150 }),
    attractions: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
    kind: fc.constantFrom('consecutive-days' as const, 'flex-days' as const, 'attraction-count' as const),
    days: fc.integer({ min: 1, max: 3 }),
    withinDays: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    count: fc.integer({ min: 1, max: 3 }),
    entries: fc.constantFrom('once' as const, 'once-per-day' as const, 'unlimited' as const),
    fixedStart: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined, freq: 4 }),
    blackout: fc.subarray([0, 1, 2, 3, 4], { maxLength: 2 }),
  })
  .map(
    (r, i = 0): SearchProduct => ({
      id: `p${i}`,
      price: r.price,
      attractions: new Set(r.attractions),
      kind: r.kind,
      days: r.days,
      ...(r.withinDays !== undefined ? { withinDays: r.withinDays } : {}),
      count: r.count,
      entries: r.entries,
      ...(r.fixedStart !== undefined ? { fixedStart: r.fixedStart } : {}),
      blackoutDays: new Set(r.blackout),
    }),
  );

describe('cheapestBundle', () => {
  it('finds the same cheapest cost as brute force on random small cases', () => {
    fc.assert(
      fc.property(fc.array(visitArb, { minLength: 0, maxLength: 4 }), fc.array(productArb, { minLength: 0, maxLength: 2 }), (visits, products) => {
        const solution = cheapestBundle(visits, products);
        expect(solution.optimal).toBe(true);
        expect(solution.cost).toBe(bruteForce(visits, products));
      }),
      { numRuns: 300 },
    );
  });

  it('returns a bundle that really admits every visit once, at the cost it states', () => {
    fc.assert(
      fc.property(fc.array(visitArb, { maxLength: 7 }), fc.array(productArb, { maxLength: 3 }), (visits, products) => {
        const s = cheapestBundle(visits, products);
        const used = [...s.singles, ...s.instances.flatMap((i) => i.visits)].sort((a, b) => a - b);
        expect(used).toEqual(visits.map((_, i) => i));
        for (const inst of s.instances) {
          expect(instanceAdmits(products[inst.product]!, inst.start, inst.visits.map((i) => visits[i]!))).toBe(true);
        }
        const cost = s.singles.reduce((a, i) => a + visits[i]!.single, 0) + s.instances.reduce((a, i) => a + products[i.product]!.price, 0);
        expect(s.cost).toBe(cost);
        expect(s.cost).toBeLessThanOrEqual(visits.reduce((a, v) => a + v.single, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('buys a second instance of the same product when the trip outlasts one window', () => {
    const three = { id: 'p', price: 100, attractions: new Set(['a', 'b']), kind: 'consecutive-days' as const, days: 2, entries: 'once' as const, blackoutDays: new Set<number>() };
    const visits = [0, 1, 5, 6].map((day) => ({ day, attraction: day % 2 ? 'a' : 'b', single: 80 }));
    const s = cheapestBundle(visits, [three]);
    expect(s.cost).toBe(200);
    expect(s.instances.map((i) => [i.start, i.end])).toEqual([
      [0, 1],
      [5, 6],
    ]);
  });

  it('pays the single ticket for a second entry to the same attraction on a once-only pass', () => {
    const once = { id: 'p', price: 50, attractions: new Set(['a', 'b']), kind: 'consecutive-days' as const, days: 3, entries: 'once' as const, blackoutDays: new Set<number>() };
    const visits = [
      { day: 0, attraction: 'a', single: 40 },
      { day: 1, attraction: 'b', single: 40 },
      { day: 2, attraction: 'a', single: 40 },
    ];
    const s = cheapestBundle(visits, [once]);
    expect(s.cost).toBe(90);
    expect(s.singles).toHaveLength(1);
  });

  it('proves the optimum for a ten-day trip with thirty visits and five overlapping products', () => {
    const ids = Array.from({ length: 15 }, (_, i) => `s${i}`);
    const visits = Array.from({ length: 30 }, (_, i) => ({ day: Math.floor(i / 3), attraction: ids[Math.floor(i / 2)]!, single: 30 + ((i * 37) % 90) }));
    const base = { entries: 'once' as const, blackoutDays: new Set<number>() };
    const products: SearchProduct[] = [
      { ...base, id: 'wuhan', price: 180, attractions: new Set(ids.slice(0, 5)), kind: 'consecutive-days', days: 2 },
      { ...base, id: 'changsha', price: 160, attractions: new Set(ids.slice(5, 10)), kind: 'flex-days', days: 3, withinDays: 7 },
      { ...base, id: 'red', price: 298, attractions: new Set(['s1', 's3', 's6', 's8', 's11', 's13', 's14']), kind: 'attraction-count', count: 6, withinDays: 30 },
      { ...base, id: 'all', price: 900, attractions: new Set(ids), kind: 'consecutive-days', days: 7 },
      { ...base, id: 'jx', price: 120, attractions: new Set(ids.slice(10)), kind: 'consecutive-days', days: 3, entries: 'once-per-day' },
    ];
    const s = cheapestBundle(visits, products);
    expect(s.optimal).toBe(true);
    expect(s.cost).toBeLessThan(visits.reduce((a, v) => a + v.single, 0));
  });

  it('says so when the node limit stops the search, and falls back to walk-up prices', () => {
    const visits = Array.from({ length: 12 }, (_, i) => ({ day: i, attraction: 'a', single: 50 }));
    const p: SearchProduct = { id: 'p', price: 60, attractions: new Set(['a']), kind: 'attraction-count', count: 2, entries: 'unlimited', blackoutDays: new Set() };
    const s = cheapestBundle(visits, [p], { nodeLimit: 3 });
    expect(s).toMatchObject({ optimal: false, cost: 600, instances: [] });
  });
});
