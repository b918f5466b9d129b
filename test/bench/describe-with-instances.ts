/**
 * The shared benchmark instances (../shared/bench, or $YANGTZE_BENCH_DIR) as a need, like the
 * system tools (test/agency/helpers/tools.ts): on a developer's checkout without them the specs
 * that read them are skipped and say so on stderr; on CI (CI=true, as .ci/run sets) their absence
 * is a failure naming the folder, never a silent skip.
 */
import { describe, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { toolVerdict } from '../agency/helpers/tools.js';

export function describeWithInstances(dir: string): (name: string, fn: () => void) => void {
  const verdict = toolVerdict(existsSync(dir), process.env);
  if (verdict === 'run') return describe;
  const message = `benchmark instances: ${dir} does not exist (set YANGTZE_BENCH_DIR, or keep the shared bench beside the repository as ../shared/bench)`;
  process.stderr.write(`\n${verdict === 'skip' ? '[skipped]' : '[failing: CI=true]'} ${message}\n`);
  if (verdict === 'skip') return describe.skip;
  return (name: string) =>
    describe(name, () => {
      it('needs the shared benchmark instances', () => {
        throw new Error(`${message}; on CI the instances must be there`);
      });
    });
}
