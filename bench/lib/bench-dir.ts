/**
 * Where the shared benchmark instances are, as bench/run-all.sh finds them: $YANGTZE_BENCH_DIR
 * when set (relative to the repository), else `../shared/bench` beside the repository (this
 * machine's /work/main has /work/shared; CI clones into /tmp/ciN with /tmp/shared). A fixed
 * absolute path made a clean clone elsewhere read another machine's files, or skip the specs
 * that need them without saying why. A git worktree one level deeper sets YANGTZE_BENCH_DIR.
 */
import path from 'node:path';

export function benchDir(repoRoot: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const fromEnv = env['YANGTZE_BENCH_DIR'];
  return path.resolve(repoRoot, fromEnv !== undefined && fromEnv !== '' ? fromEnv : path.join('..', 'shared', 'bench'));
}
