/**
 * Invariants of a quote's money, over random parties, grades, room plans,
 * margins and rounding rules on two golden plans: the lines sum to the net
 * total; per person × travellers is the group total after rounding; no row
 * is sold below its cost; and the prices move the way they must.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { sumFen } from '../../src/domain/quote/money.js';
import type { Margin, Rounding } from '../../src/domain/quote/margin.js';
import { quoteTrip } from '../../src/domain/quote/quote-trip.js';
import { GRADES } from '../../src/domain/quote/rates.js';
import { goldenPlan, options, shipped, shippedRates } from './shipped.js';

const plans = [goldenPlan('cruise-chongqing-wuhan'), goldenPlan('red-cultural-wuhan-nanchang')];

const party = fc.record({ adult: fc.integer({ min: 1, max: 7 }), child: fc.integer({ min: 0, max: 3 }), senior: fc.integer({ min: 0, max: 2 }) });
const margin: fc.Arbitrary<Margin> = fc.oneof(
  fc.constant<Margin>({ kind: 'none' }),
  fc.integer({ min: 0, max: 5000 }).map((bp): Margin => ({ kind: 'markup', basisPoints: bp })),
  fc.integer({ min: 0, max: 5000 }).map((bp): Margin => ({ kind: 'commission', basisPoints: bp })),
);
const rounding: fc.Arbitrary<Rounding> = fc.oneof(fc.constant<Rounding>({ kind: 'none' }), fc.constantFrom(1, 5, 10, 100).map((yuan): Rounding => ({ kind: 'up-to', yuan })));
const quoteInput = fc.record({
  plan: fc.constantFrom(...plans),
  party,
  grade: fc.constantFrom(...GRADES),
  rooms: fc.constantFrom('twin' as const, 'single' as const),
  childBed: fc.constantFrom('share' as const, 'extra-bed' as const, 'own-room' as const),
  transport: fc.constantFrom('vehicle' as const, 'taxi' as const, 'none' as const),
  margin,
  rounding,
});

const RUNS = { numRuns: 60, seed: 15 };

describe('quote money invariants', () => {
  it('the lines sum to the net total, and each line is its quantity × unit price', () => {
    fc.assert(
      fc.property(quoteInput, ({ plan, ...o }) => {
        const q = quoteTrip(plan, shipped, shippedRates, options(o));
        expect(sumFen(q.lines.map((l) => l.totalFen))).toBe(q.totals.netFen);
        for (const l of q.lines) expect(l.totalFen).toBe(l.quantity * l.unitFen);
        expect(sumFen(Object.values(q.bySection))).toBe(q.totals.netFen);
        for (const l of q.lines) expect(Number.isInteger(l.totalFen)).toBe(true);
      }),
      RUNS,
    );
  });

  it('per person × travellers = the group total after rounding, and every traveller is in one row', () => {
    fc.assert(
      fc.property(quoteInput, ({ plan, ...o }) => {
        const q = quoteTrip(plan, shipped, shippedRates, options(o));
        expect(sumFen(q.rows.map((r) => r.sellFen * r.row.travellers))).toBe(q.totals.sellFen);
        expect(sumFen(q.rows.map((r) => r.row.travellers))).toBe(o.party.adult + o.party.child + o.party.senior);
        if (o.rounding.kind === 'up-to') for (const r of q.rows) expect(r.sellFen % (o.rounding.yuan * 100)).toBe(0);
      }),
      RUNS,
    );
  });

  it('the shares cover the cost: Σ net per person × travellers is the net total, short of under one fen a head', () => {
    fc.assert(
      fc.property(quoteInput, ({ plan, ...o }) => {
        const q = quoteTrip(plan, shipped, shippedRates, options(o));
        const allocated = sumFen(q.rows.map((r) => r.netFen * r.row.travellers));
        expect(allocated).toBeGreaterThanOrEqual(q.totals.netFen);
        expect(allocated - q.totals.netFen).toBeLessThan(q.totals.travellers * q.rows.length);
        for (const r of q.rows) expect(r.sellFen).toBeGreaterThanOrEqual(r.netFen);
        expect(q.totals.marginFen).toBe(q.totals.sellFen - q.totals.netFen);
      }),
      RUNS,
    );
  });

  it('a higher markup never lowers a price; one more traveller never lowers the group total', () => {
    fc.assert(
      fc.property(quoteInput, fc.integer({ min: 1, max: 3000 }), ({ plan, ...o }, extra) => {
        const base = options({ ...o, margin: { kind: 'markup', basisPoints: 1000 } });
        const low = quoteTrip(plan, shipped, shippedRates, base);
        const high = quoteTrip(plan, shipped, shippedRates, { ...base, margin: { kind: 'markup', basisPoints: 1000 + extra } });
        low.rows.forEach((r, i) => expect(high.rows[i]!.sellFen).toBeGreaterThanOrEqual(r.sellFen));
        const more = quoteTrip(plan, shipped, shippedRates, { ...base, party: { ...o.party, adult: o.party.adult + 1 } });
        expect(more.totals.netFen).toBeGreaterThanOrEqual(low.totals.netFen);
      }),
      { numRuns: 30, seed: 15 },
    );
  });

  it('a better hotel grade never costs less in the shipped rates', () => {
    const plan = plans[0]!;
    const nets = GRADES.map((grade) => quoteTrip(plan, shipped, shippedRates, options({ grade })).bySection.lodging);
    for (let i = 1; i < nets.length; i++) expect(nets[i]!).toBeGreaterThan(nets[i - 1]!);
  });
});
