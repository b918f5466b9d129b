import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDir } from '../../bench/lib/bench-dir.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|js|sh)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('the shared benchmark files are found beside the repository, not at one machine\'s path', () => {
  it('defaults to ../shared/bench beside the clone (CI clones into /tmp/ciN with /tmp/shared)', () => {
    expect(benchDir('/tmp/ci3/yangtze', {})).toBe('/tmp/ci3/shared/bench');
    expect(benchDir('/tmp/ci3/yangtze', { YANGTZE_BENCH_DIR: '' })).toBe('/tmp/ci3/shared/bench');
  });

  it('follows YANGTZE_BENCH_DIR as bench/run-all.sh does, relative to the repository or absolute', () => {
    expect(benchDir('/srv/wt/regress', { YANGTZE_BENCH_DIR: '../../shared/bench' })).toBe('/srv/shared/bench');
    expect(benchDir('/srv/wt/regress', { YANGTZE_BENCH_DIR: '/data/bench' })).toBe('/data/bench');
  });

  it('no spec or bench script reads a hard-coded /work/shared path', () => {
    const offenders = [...sources('test'), ...sources('bench')].filter((f) => /['"`]\/work\/shared/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(REPO_ROOT, f))).toEqual([]);
  });
});
