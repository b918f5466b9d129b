/** The agency's margin and rounding, in integer fen. */
import { describe, expect, it } from '@jest/globals';
import { applyMargin, applyRounding, parseMargin, parsePercent, parseRounding } from '../../src/domain/quote/margin.js';
import { formatYuan, plainYuan } from '../../src/domain/quote/money.js';

describe('margin', () => {
  it('a markup is added to the net; a commission is a share of the selling price', () => {
    expect(applyMargin(100_000, { kind: 'markup', basisPoints: 1500 })).toBe(115_000);
    expect(applyMargin(90_000, { kind: 'commission', basisPoints: 1000 })).toBe(100_000); // 10 % of 1,000.00 is the 100.00 margin
  });

  it('rounds up to the fen, never below the margin asked for', () => {
    expect(applyMargin(1, { kind: 'markup', basisPoints: 1 })).toBe(2);
    expect(applyMargin(333, { kind: 'commission', basisPoints: 3333 })).toBe(500);
  });

  it('rounds per-person prices up to whole multiples of the step', () => {
    expect(applyRounding(123_401, { kind: 'up-to', yuan: 10 })).toBe(124_000);
    expect(applyRounding(124_000, { kind: 'up-to', yuan: 10 })).toBe(124_000);
    expect(applyRounding(123_401, { kind: 'none' })).toBe(123_401);
  });

  it('reads percentages with up to two decimals, as basis points', () => {
    expect(parsePercent('15%')).toBe(1500);
    expect(parsePercent('12.5%')).toBe(1250);
    expect(parsePercent('0.05')).toBe(5);
    expect(parsePercent('-5%')).toBeUndefined();
    expect(parsePercent('1.234%')).toBeUndefined();
    expect(parseMargin('15%', '10%')).toMatchObject({ ok: false });
    expect(parseMargin(undefined, '100%')).toMatchObject({ ok: false });
    expect(parseRounding('up-to-0')).toMatchObject({ ok: false });
    expect(parseRounding(undefined)).toEqual({ ok: true, value: { kind: 'up-to', yuan: 1 } });
  });

  it('shows fen as yuan exactly', () => {
    expect(formatYuan(123_456_789)).toBe('1,234,567.89');
    expect(plainYuan(5)).toBe('0.05');
    expect(formatYuan(-250)).toBe('-2.50');
  });
});
