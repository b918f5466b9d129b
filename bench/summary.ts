/**
 * `node dist/bench/summary.js [--bks FILE]... RESULTS.ndjson...` (several --bks files are merged): per set, the number of
 * instances, mean gap to the best known, how many reach it, mean and max solver ms.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchDir } from './lib/bench-dir.js';
import { bksKey, parseBks, setName } from './lib/bks.js';

interface Row { problem: string; instance: string; tours?: number; score: number; ms: number }
interface Acc { n: number; scoreSum: number; withBks: number; gapSum: number; atBks: number; above: number; msSum: number; msMax: number }

function main(argv: readonly string[]): void {
  const bksFiles: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--bks') bksFiles.push(argv[++i] ?? '');
    else files.push(argv[i]!);
  }
  if (bksFiles.length === 0) bksFiles.push(`${benchDir(fileURLToPath(new URL('../..', import.meta.url)))}/bks.csv`);
  const bks = new Map<string, number>();
  for (const f of bksFiles) for (const [k, v] of parseBks(readFileSync(f, 'utf8'))) bks.set(k, v);
  const sets = new Map<string, Acc>();
  for (const f of files) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const r = JSON.parse(line) as Row;
      const key = setName(r.problem, r.instance, r.tours);
      const acc = sets.get(key) ?? { n: 0, scoreSum: 0, withBks: 0, gapSum: 0, atBks: 0, above: 0, msSum: 0, msMax: 0 };
      acc.n++;
      acc.scoreSum += r.score;
      acc.msSum += r.ms;
      acc.msMax = Math.max(acc.msMax, r.ms);
      const best = bks.get(bksKey(r.problem, r.instance, r.tours));
      if (best !== undefined) {
        acc.withBks++;
        acc.gapSum += best > 0 ? (100 * (best - r.score)) / best : 0;
        if (r.score >= best) acc.atBks++;
        if (r.score > best) acc.above++;
      }
      sets.set(key, acc);
    }
  }
  const out = ['| set | instances | total score | with best known | mean gap % | at best known | above best known | mean ms | max ms |', '|---|---|---|---|---|---|---|---|---|'];
  for (const [key, a] of [...sets.entries()].sort(([x], [y]) => x.localeCompare(y, 'en', { numeric: true }))) {
    const gap = a.withBks > 0 ? (a.gapSum / a.withBks).toFixed(2) : 'n/a';
    const at = a.withBks > 0 ? `${a.atBks}/${a.withBks}` : 'n/a';
    out.push(`| ${key} | ${a.n} | ${a.scoreSum} | ${a.withBks} | ${gap} | ${at} | ${a.above} | ${Math.round(a.msSum / a.n)} | ${a.msMax} |`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main(process.argv.slice(2));
