/**
 * `node dist/bench/catalogue-load.js [--runs N] [FILE]`: time to read, parse
 * and validate a catalogue (default: routes.yaml) in-process, after one
 * warm-up load that pays for module loading and JIT. Prints a Markdown line.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogueFile } from '../src/io/load-catalogue.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(argv: readonly string[]): Promise<void> {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 50;
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs');
  const file = path.resolve(positional[0] ?? path.join(root, 'routes.yaml'));
  if (!existsSync(file)) throw new Error(`no catalogue at ${file}`);

  const first = performance.now();
  const warm = await loadCatalogueFile(file, path.basename(file));
  const firstMs = performance.now() - first;
  if (!warm.ok) throw new Error(`${file} has ${warm.issues.length} problems; validate it first`);

  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await loadCatalogueFile(file, path.basename(file));
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times.length % 2 ? times[times.length >> 1]! : (times[(times.length >> 1) - 1]! + times[times.length >> 1]!) / 2;
  const c = warm.value;
  process.stdout.write(
    `| \`${path.relative(root, file)}\` (${(statSync(file).size / 1024).toFixed(1)} kB; ${c.attractions.length} attractions, ` +
      `${c.cities.length} cities, ${c.links.length} links) | ${runs} | ${firstMs.toFixed(1)} | ${median.toFixed(2)} | ${times[0]!.toFixed(2)} |\n`,
  );
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`bench:catalogue-load: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
