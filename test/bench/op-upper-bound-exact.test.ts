import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needTool } from '../agency/helpers/tools.js';

/**
 * The OPHS bounds in bench/results/ophs-bounds.md rest on bench/proofs/op-upper-bound.mjs
 * returning the exact Orienteering optimum. On small instances that brute force can settle,
 * every strengthening option must give the same optimum as the plain model: a symmetry cut or
 * an image cut that removed a real optimum would show up here as a smaller value.
 */
const { path: cbc, describe: describeWithCbc } = needTool({
  what: 'OP upper-bound script against brute force',
  tool: 'CBC',
  commands: ['cbc'],
  install: 'apt-get install -y coinor-cbc',
});

type Point = { x: number; y: number; s: number };
const dir = mkdtempSync(join(tmpdir(), 'op-ub-exact-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The file format of ../shared/bench/ophs: N H D, Tmax, Td per trip, then start, end, POIs. */
function writeInstance(name: string, start: Point, end: Point, pois: Point[], lengthLimit: number): string {
  const lines = [`${pois.length + 2} 0 1`, `${lengthLimit}`, `${lengthLimit}`, ...[start, end, ...pois].map((p) => `${p.x} ${p.y} ${p.s}`), '---'];
  const file = join(dir, `${name}.ophs`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** Best score of a simple start→end path through the POIs within the length limit, by enumeration. */
function bruteForceOp(start: Point, end: Point, pois: Point[], limit: number): number {
  const d = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);
  const used = new Array<boolean>(pois.length).fill(false);
  let best = 0;
  const go = (at: Point, length: number, score: number): void => {
    if (length + d(at, end) <= limit) best = Math.max(best, score);
    pois.forEach((p, i) => {
      if (used[i] || length + d(at, p) + d(p, end) > limit) return;
      used[i] = true;
      go(p, length + d(at, p), score + p.s);
      used[i] = false;
    });
  };
  go(start, 0, 0);
  return best;
}

function opRun(file: string, options: string[]): { optimum: number; stderr: string } {
  // The tolerance adds D·tol to the length limit; 0 keeps L equal to the file's Td.
  const r = spawnSync('node', ['bench/proofs/op-upper-bound.mjs', '--tolerance', '0', '--margin', '0', '--time-limit', '60', ...options, file], { encoding: 'utf8' });
  const m = /OP-optimum=(\d+)/.exec(r.stdout);
  if (r.status !== 0 || !m) throw new Error(`op-upper-bound failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { optimum: Number(m[1]), stderr: r.stderr };
}

/** A 3×4 lattice at odd coordinates around end points on the x axis, scores by ring: mirror-symmetric in both axes. */
const start = { x: -0.5, y: 0, s: 0 };
const end = { x: 0.5, y: 0, s: 0 };
const lattice: Point[] = [];
for (const x of [-3, -1, 1, 3]) for (const y of [-3, -1, 1]) lattice.push({ x, y, s: 0 });
const symmetric = [-3, -1, 1, 3].flatMap((x) => [-3, -1, 1, 3].map((y) => ({ x, y, s: 5 + 10 * Math.max(Math.abs(x), Math.abs(y)) })));
// One cell off the symmetric pattern, so the symmetry check must find no mirror.
const lopsided = symmetric.map((p) => (p.x === 3 && p.y === 3 ? { ...p, s: 90 } : p));
const scattered = lattice.map((p, i) => ({ ...p, s: [7, 3, 12, 9, 1, 14, 6, 11, 2, 8, 10, 5][i] ?? 0 }));

const cases: Array<[string, Point[], number]> = [
  ['symmetric lattice, short limit', symmetric, 9.9],
  ['symmetric lattice, limit just below a lattice path', symmetric, 13.99],
  ['symmetric lattice, long limit', symmetric, 20.3],
  ['lopsided lattice', lopsided, 14.2],
  ['scattered scores on a 3×4 lattice', scattered, 12.5],
];

describeWithCbc('bench/proofs/op-upper-bound.mjs finds the exact Orienteering optimum', () => {
  it.each(cases)('%s: every option set agrees with brute force', (name, pois, limit) => {
    const file = writeInstance(name.replace(/\W+/g, '-'), start, end, pois, limit);
    const expected = bruteForceOp(start, end, pois, limit);
    expect(expected).toBeGreaterThan(0);
    expect(opRun(file, []).optimum).toBe(expected);
    const strengthened = opRun(file, ['--symmetry', '--image-cuts', '--lp-rounds', '20']);
    expect(strengthened.optimum).toBe(expected);
    expect(strengthened.stderr).toContain(pois === symmetric ? 'symmetry: mirror axes y=0, x=0' : 'symmetry: none found');
  });
});
