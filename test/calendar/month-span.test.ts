import { describe, it, expect } from '@jest/globals';
import { monthSpan } from '../../src/domain/calendar/month-span.js';

describe('monthSpan', () => {
  it('words a run of months', () => expect(monthSpan([4, 5, 6, 7, 8, 9, 10])).toBe('Apr-Oct'));
  it('keeps a run that wraps the new year whole', () => expect(monthSpan([1, 2, 3, 11, 12])).toBe('Nov-Mar'));
  it('lists separate months and runs', () => expect(monthSpan([1, 3, 6, 7])).toBe('Jan, Mar, Jun-Jul'));
  it('says "all year" for twelve months', () => expect(monthSpan([12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe('all year'));
});
