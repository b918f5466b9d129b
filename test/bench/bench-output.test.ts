import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOphs, checkToptw } from './checker.js';
import { fileURLToPath } from 'node:url';
import { benchDir } from '../../bench/lib/bench-dir.js';
import { describeWithInstances } from './describe-with-instances.js';

const BENCH = benchDir(fileURLToPath(new URL('../..', import.meta.url)));
const toptwFiles = ['solomon100/c101', 'solomon100/r102', 'solomon100/rc105', 'solomon200/r201'].map((f) => `${BENCH}/toptw/${f}.txt`);
const ophsFiles = ['SET_1-2/66-45-1-2', 'SET_3-4/100-45-3-4', 'SET_6-4/64-70-6-4'].map((f) => `${BENCH}/ophs/${f}.ophs`);
// The built bench scripts come with `npm test`'s build; the instances are a need (describeWithInstances).
const withInstances = existsSync('dist/bench/toptw.js') ? describeWithInstances(BENCH) : describe.skip;

/** Runs a built bench command with a small, deterministic iteration count. */
function bench(script: string, args: string[]): Record<string, unknown>[] {
  const out = spawnSync('node', [script, '--iterations', '15', '--time-limit', '0', '--seed', '3', ...args], { encoding: 'utf8' });
  expect(out.status).toBe(0);
  return out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

withInstances('benchmark output passes the independent checker', () => {
  it.each([1, 3])('TOPTW with %i tours', (tours) => {
    const lines = bench('dist/bench/toptw.js', ['--tours', String(tours), ...toptwFiles]);
    expect(lines).toHaveLength(toptwFiles.length);
    lines.forEach((line, i) => {
      expect(line).toMatchObject({ problem: 'toptw', tours });
      const res = checkToptw(readFileSync(toptwFiles[i]!, 'utf8'), line as never);
      expect(res.errors).toEqual([]);
      expect(res.score).toBeGreaterThan(0);
    });
  });

  const prFiles = ['pr01', 'pr11'].map((f) => `bench/data/cordeau-pr/${f}.txt`);
  it('TOPTW on the Cordeau pr* files, checked at 0.01', () => {
    const lines = bench('dist/bench/toptw.js', ['--tours', '2', ...prFiles]);
    lines.forEach((line, i) => {
      const res = checkToptw(readFileSync(prFiles[i]!, 'utf8'), line as never, 2);
      expect(res.errors).toEqual([]);
      expect(res.score).toBeGreaterThan(0);
    });
  });

  it('OPHS', () => {
    const lines = bench('dist/bench/ophs.js', ophsFiles);
    lines.forEach((line, i) => {
      expect(line.instance).toBe(ophsFiles[i]!.split('/').slice(-2).join('/').replace('.ophs', ''));
      const res = checkOphs(readFileSync(ophsFiles[i]!, 'utf8'), line as never);
      expect(res.errors).toEqual([]);
      expect(res.score).toBeGreaterThan(0);
    });
  });

  it('the same seed and iteration count print the same routes', () => {
    const a = bench('dist/bench/toptw.js', ['--tours', '2', toptwFiles[0]!]);
    const b = bench('dist/bench/toptw.js', ['--tours', '2', toptwFiles[0]!]);
    expect(a[0]!.routes).toEqual(b[0]!.routes);
  });
});

withInstances('the checker itself', () => {
  const c101 = existsSync(toptwFiles[0]!) ? readFileSync(toptwFiles[0]!, 'utf8') : '';
  it('rejects a customer reached after its latest start', () => {
    // c101: customer 1 opens at 912 and customer 20 closes at 73, so 20 cannot follow 1.
    expect(checkToptw(c101, { tours: 1, score: 30, routes: [[1, 20]] }).errors.join()).toMatch(/customer 20 reached/);
  });
  it('rejects a customer visited twice and a wrong score', () => {
    const res = checkToptw(c101, { tours: 1, score: 99, routes: [[20, 20]] });
    expect(res.errors.join()).toMatch(/visited twice/);
    expect(res.errors.join()).toMatch(/recomputed/);
  });
  it('rejects an OPHS trip longer than its limit', () => {
    const text = '4 0 2\n10\n5 3\n0 0 0\n0 0 0\n2 0 5\n0 4 7\n---';
    expect(checkOphs(text, { score: 7, trips: [[0, 3, 0], [0, 1]] }).errors.join()).toMatch(/over its limit/);
    expect(checkOphs(text, { score: 5, trips: [[0, 2, 0], [0, 1]] }).errors).toEqual([]);
  });
  it('allows an OPHS trip 5e-5 over its printed limit (half a unit of the 4th decimal), not more', () => {
    // Trip 0 is 0 -> (2,0) -> 0: length 4; limits 3.99996 (4e-5 short) and 3.99994 (6e-5 short).
    const trip = { score: 5, trips: [[0, 2, 0], [0, 1]] };
    expect(checkOphs('4 0 2\n10\n3.99996 3\n0 0 0\n0 0 0\n2 0 5\n0 4 7\n---', trip).errors).toEqual([]);
    expect(checkOphs('4 0 2\n10\n3.99994 3\n0 0 0\n0 0 0\n2 0 5\n0 4 7\n---', trip).errors.join()).toMatch(/over its limit/);
  });
});

(existsSync('dist/bench/toptw.js') ? describe : describe.skip)('TOPTW travel-time rounding by file name', () => {
  // One customer 10.05 away from a depot that closes at 20: the round trip is 20.0 when legs are
  // rounded down to 0.1 (it fits) and 20.10 when rounded down to 0.01 (it does not).
  const text = '1 1 1 0\n20 1\n 0 0 0 0 0 0 0 0 20\n 1 10.05 0 0 5 1 1 1 0 20\n';
  const dir = mkdtempSync(join(tmpdir(), 'toptw-rounding-'));
  const write = (name: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const scoreOf = (args: string[]): number => (bench('dist/bench/toptw.js', args)[0] as { score: number }).score;

  it('a pr* file is read at 0.01', () => {
    expect(scoreOf([write('pr99.txt')])).toBe(0);
  });
  it('any other file is read at 0.1', () => {
    expect(scoreOf([write('c999.txt')])).toBe(5);
  });
  it('--distance-decimals overrides the file name both ways', () => {
    expect(scoreOf(['--distance-decimals', '2', write('c998.txt')])).toBe(0);
    expect(scoreOf(['--distance-decimals', '1', write('pr98.txt')])).toBe(5);
  });
  it('the checker applies the same rule when told the decimals', () => {
    expect(checkToptw(text, { tours: 1, score: 5, routes: [[1]] }, 1).errors).toEqual([]);
    expect(checkToptw(text, { tours: 1, score: 5, routes: [[1]] }, 2).errors.join()).toMatch(/back at the depot at 20.1/);
  });
  it('--clock counts the time limit in wall or CPU time, nothing else', () => {
    expect(scoreOf(['--clock', 'cpu', write('c997.txt')])).toBe(5);
    const out = spawnSync('node', ['dist/bench/toptw.js', '--clock', 'sideways', write('c996.txt')], { encoding: 'utf8' });
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/--clock needs wall or cpu, got sideways/);
  });
  it('--distance-decimals accepts only 1 or 2', () => {
    const out = spawnSync('node', ['dist/bench/toptw.js', '--distance-decimals', '3', write('pr97.txt')], { encoding: 'utf8' });
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/--distance-decimals needs 1 .* or 2/);
  });
});
