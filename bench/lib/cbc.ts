/**
 * Runs CBC (COIN-OR branch-and-cut, the Debian `coinor-cbc` binary) on an LP
 * file, as bench/proofs/op-upper-bound.mjs does: one thread, gaps 0, a time
 * limit; reads the solution file and, when the limit stopped it, the best
 * bound from the log.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CbcResult {
  /** 'optimal' = proved; 'stopped' = time limit, `bound` is the best bound; 'infeasible'. */
  readonly status: 'optimal' | 'stopped' | 'infeasible';
  /** Objective of the best solution found (maximisation), NaN when none. */
  readonly objective: number;
  /** Best upper bound on the optimum (= objective when optimal). */
  readonly bound: number;
  readonly values: ReadonlyMap<string, number>;
  readonly seconds: number;
}

/** The CBC version string, or undefined when the binary cannot run. */
export function cbcVersion(cbc = 'cbc'): string | undefined {
  const r = spawnSync(cbc, ['-quit'], { encoding: 'utf8' });
  if (r.error) return undefined;
  return /Version:\s*(\S+)/.exec(r.stdout ?? '')?.[1] ?? 'unknown';
}

export function runCbc(lp: string, options: { readonly timeLimitS: number; readonly cbc?: string }): CbcResult {
  const dir = mkdtempSync(join(tmpdir(), 'yangtze-exact-'));
  try {
    const lpFile = join(dir, 'model.lp');
    const solFile = join(dir, 'model.sol');
    writeFileSync(lpFile, lp);
    const t0 = performance.now();
    const r = spawnSync(
      options.cbc ?? 'cbc',
      [lpFile, '-threads', '1', '-sec', String(options.timeLimitS), '-ratioGap', '0', '-allowableGap', '0', '-solve', '-solu', solFile],
      { encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    const seconds = (performance.now() - t0) / 1000;
    if (r.error) throw new Error(`cannot run CBC: ${r.error.message}`);
    const log = r.stdout ?? '';
    if (!existsSync(solFile)) throw new Error(`CBC wrote no solution file:\n${log.slice(-2000)}\n${r.stderr}`);
    const lines = readFileSync(solFile, 'utf8').split('\n');
    const head = lines[0]!.trim();
    if (/infeasible/i.test(head)) return { status: 'infeasible', objective: NaN, bound: NaN, values: new Map(), seconds };
    const values = new Map<string, number>();
    for (const l of lines.slice(1)) {
      const f = l.trim().split(/\s+/);
      if (f.length >= 3) values.set(f[1]!, Number(f[2]));
    }
    // CBC minimises the negated objective internally; the file's sign varies between versions.
    const objective = Math.abs(Number(/objective value\s+(-?[\d.eE+-]+)/.exec(head)?.[1] ?? NaN));
    if (/^Optimal/.test(head)) return { status: 'optimal', objective, bound: objective, values, seconds };
    const bounds = [...log.matchAll(/(?:best possible|Lower bound:)\s*(-?[\d.]+(?:e[+-]?\d+)?)/gi)];
    const last = bounds[bounds.length - 1];
    const bound = last ? Math.abs(Number(last[1])) : Infinity;
    return { status: 'stopped', objective, bound, values, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
