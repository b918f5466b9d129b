import { describe, expect, it } from '@jest/globals';
import { parseRequest } from '../../src/domain/plan/parse-request.js';
import { corridor } from './fixture.js';

const catalogue = corridor();
const base = { from: 'wuhan', start: '2026-05-12' };

describe('parseRequest', () => {
  it('fills the documented defaults', () => {
    const parsed = parseRequest(base, catalogue);
    expect(parsed).toEqual({
      ok: true,
      request: {
        from: 'wuhan', start: '2026-05-12', days: 3, themes: [], party: { adult: 1 }, dayStart: '08:00', dayEnd: '20:00',
        must: [], avoid: [], pace: 'standard', seed: 1,
      },
    });
  });

  it('normalizes lists: trims, lower-cases cities, drops repeats, orders the party by category', () => {
    const parsed = parseRequest({ ...base, from: ' Wuhan ', themes: 'red, cultural,red', party: 'child=1,adult=2', must: 'tower,tower' }, catalogue);
    expect(parsed.ok && parsed.request).toMatchObject({ from: 'wuhan', themes: ['red', 'cultural'], party: { adult: 2, child: 1 }, must: ['tower'] });
    expect(parsed.ok && Object.keys(parsed.request.party)).toEqual(['adult', 'child']);
  });

  it('returns every problem at once, each naming its flag', () => {
    const parsed = parseRequest({ start: '2026-13-01', days: '-1', themes: 'nature', pace: 'fast', dayStart: '8am' }, catalogue);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.flag)).toEqual(['--from', '--start', '--days', '--themes', '--pace', '--day-start']);
    expect(parsed.problems.every((p) => p.kind === 'usage')).toBe(true);
  });

  it('tells an unknown attraction (not found) from an unknown city (usage, as in catalogue list --city)', () => {
    const parsed = parseRequest({ ...base, to: 'changsa', avoid: 'musem' }, catalogue);
    expect(!parsed.ok && parsed.problems).toEqual([
      expect.objectContaining({ kind: 'usage', flag: '--to', hint: expect.stringMatching(/^Did you mean 'changsha'\? Cities: /) }),
      expect.objectContaining({ kind: 'not-found', flag: '--avoid', hint: "Did you mean 'museum'?" }),
    ]);
  });

  it('refuses a trip ending where there is no hotel', () => {
    const parsed = parseRequest({ ...base, to: 'hamlet' }, catalogue);
    expect(!parsed.ok && parsed.problems[0]).toMatchObject({ flag: '--to', kind: 'usage' });
  });

  it('refuses a day window shorter than two hours and a negative budget', () => {
    const parsed = parseRequest({ ...base, dayStart: '18:00', dayEnd: '19:00', budget: '-5' }, catalogue);
    expect(!parsed.ok && parsed.problems.map((p) => p.flag)).toEqual(['--day-end', '--budget']);
  });
});
