/**
 * Ledger benchmark: batch issue of N passes (`pass issue --bookings`), NDJSON
 * export of them (`pass export --format ndjson -o`), ledger bytes per pass.
 * Run: npx tsc -p tsconfig.json && node dist/bench/ledger.js [N] [ID_EVERY]
 * (ID_EVERY: give every k-th row an ID number, 0 = none; the hash is a keyed HMAC, docs/TOKEN.md).
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPassExport } from '../src/commands/pass-export.js';
import { runPassIssueBatch } from '../src/commands/pass-issue-batch.js';
import { initKeys, loadSigner } from '../src/io/keys.js';
import { loadCatalogueFile } from '../src/io/load-catalogue.js';
import { ledgerPath } from '../src/io/ledger/open-ledger.js';

const n = Number(process.argv[2] ?? 100_000);
const idEvery = Number(process.argv[3] ?? 0);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const loaded = await loadCatalogueFile(path.join(root, 'test/fixtures/passes/catalogue.yaml'), 'catalogue.yaml');
if (!loaded.ok) throw new Error('catalogue');
const home = mkdtempSync(path.join(tmpdir(), 'yangtze-bench-'));
const nowMs = Date.parse('2026-05-11T09:00:00+08:00');
initKeys(home, nowMs);
const products = ['wuhan-culture-pass', 'wuhan-daily-pass', 'wuhan-three-visits'];
const rows = ['booking,holder,id_number,category,product,start'];
for (let i = 0; i < n; i++) {
  const id = idEvery > 0 && i % idEvery === 0 ? `4201061990${String(i).padStart(8, '0')}` : '';
  rows.push(`BK${i},Holder ${i},${id},adult,${products[i % 3]},2026-06-01`);
}
const csv = path.join(home, 'bookings.csv');
writeFileSync(csv, rows.join('\n') + '\n');

let t = performance.now();
const issued = await runPassIssueBatch({ bookings: csv, strict: true }, { catalogue: loaded.value, home, nowMs, signer: loadSigner(home) });
const issueS = (performance.now() - t) / 1000;
t = performance.now();
const out = path.join(home, 'export.ndjson');
const exported = await runPassExport({ format: 'ndjson', output: out }, { home, nowMs, stdout: process.stdout });
const exportS = (performance.now() - t) / 1000;
t = performance.now();
const rerun = await runPassIssueBatch({ bookings: csv, strict: true }, { catalogue: loaded.value, home, nowMs, signer: loadSigner(home) });
const rerunS = (performance.now() - t) / 1000;
const bytes = statSync(ledgerPath(home)).size + (statSync(ledgerPath(home) + '-wal', { throwIfNoEntry: false })?.size ?? 0);
console.log(`| passes | ${n} | ID numbers | every ${idEvery || '—'} row |`);
console.log(`| batch issue | ${issueS.toFixed(2)} s | ${Math.round(issued.issued / issueS)} passes/s |`);
console.log(`| rerun (all already issued) | ${rerunS.toFixed(2)} s | skipped ${rerun.alreadyIssued} |`);
console.log(`| NDJSON export | ${exportS.toFixed(2)} s | ${exported.passes} passes, ${(statSync(out).size / 1e6).toFixed(1)} MB |`);
console.log(`| ledger bytes per pass | ${Math.round(bytes / n)} | file ${(bytes / 1e6).toFixed(1)} MB (incl. WAL) |`);
console.log(`| peak RSS | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB | |`);
