import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The proof script refuses bad input up front (exit 2, one line naming the culprit), before CBC is needed. */
const dir = mkdtempSync(join(tmpdir(), 'op-ub-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const good = file('good.ophs', '4 0 1\n10\n10\n0 0 0\n0 1 0\n1 1 5\n1 0 5\n---\n');

function run(args: string[]): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync('node', ['bench/proofs/op-upper-bound.mjs', ...args], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('bench/proofs/op-upper-bound.mjs on bad input', () => {
  it.each([
    ['time limit not a number', ['--time-limit', 'abc', good], '--time-limit must be a number above 0 (got "abc")'],
    ['negative tolerance', ['--tolerance', '-1', good], '--tolerance must be a number of at least 0 (got "-1")'],
    ['margin not a number', ['--margin', 'x', good], '--margin must be a number of at least 0 (got "x")'],
    ['unknown option', ['--bogus', good], 'unknown option --bogus'],
    ['no file', [], 'no instance file given'],
    ['missing file', [join(dir, 'missing.ophs')], 'missing.ophs: no such file'],
    ['letters where numbers go', [file('letters.ophs', '4 0 1\nabc\n10\n')], 'letters.ophs: line 2: expected numbers (Tmax), got "abc"'],
    ['too few points', [file('short.ophs', '4 0 1\n10\n10\n0 0 0\n')], 'short.ophs: expected 4 points, got 1'],
    ['too few trip lengths', [file('trips.ophs', '4 0 2\n10\n10\n0 0 0\n0 1 0\n1 1 5\n1 0 5\n')], 'trips.ophs: expected 2 trip lengths, got 1'],
    ['no CBC binary', ['--cbc', join(dir, 'no-such-cbc'), good], 'cannot run the CBC binary'],
  ])('%s → exit 2', (_label, args, message) => {
    const r = run(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`op-upper-bound: `);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});
