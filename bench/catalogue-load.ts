/**
 * `node dist/bench/catalogue-load.js [--runs N] [FILE]`: time to load a
 * catalogue (default: routes.yaml) in-process, twice: with the cache off
 * (read + YAML parse with positions + zod shape + normalize + rules) and on a
 * cache hit (read + sha256 + JSON.parse), the cache in a throwaway directory.
 * Each mode's first load is shown apart (it pays for module loading and JIT).
 * Prints Markdown table rows.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogueFile, type LoadCatalogueOptions } from '../src/io/load-catalogue.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(argv: readonly string[]): Promise<void> {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 50;
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs');
  const file = path.resolve(positional[0] ?? path.join(root, 'routes.yaml'));
  if (!existsSync(file)) throw new Error(`no catalogue at ${file}`);
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'yangtze-bench-cache-'));
  try {
    const cold = await measure(file, runs, { cacheDir: null }, false);
    // Primes the cache: the one load below that validates and writes the entry.
    await loadCatalogueFile(file, path.basename(file), { cacheDir });
    const warm = await measure(file, runs, { cacheDir }, true);
    process.stdout.write(cold.row('cache off') + warm.row('cache hit'));
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

async function measure(file: string, runs: number, options: LoadCatalogueOptions, expectHit: boolean) {
  const load = async () => {
    const start = performance.now();
    const result = await loadCatalogueFile(file, path.basename(file), options);
    const ms = performance.now() - start;
    if (!result.ok) throw new Error(`${file} has ${result.issues.length} problems; validate it first`);
    if (Boolean(result.fromCache) !== expectHit) throw new Error(`expected a cache ${expectHit ? 'hit' : 'miss'}`);
    return { ms, catalogue: result.value };
  };
  const first = await load();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await load()).ms);
  times.sort((a, b) => a - b);
  const median = times.length % 2 ? times[times.length >> 1]! : (times[(times.length >> 1) - 1]! + times[times.length >> 1]!) / 2;
  const c = first.catalogue;
  return {
    row: (mode: string) =>
      `| \`${path.relative(root, file)}\` (${(statSync(file).size / 1024).toFixed(1)} kB; ${c.attractions.length} attractions, ` +
      `${c.cities.length} cities, ${c.links.length} links) | ${mode} | ${runs} | ${first.ms.toFixed(1)} | ${median.toFixed(2)} | ${times[0]!.toFixed(2)} |\n`,
  };
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`bench:catalogue-load: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
