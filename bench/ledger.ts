/**
 * Ledger benchmark: batch issue of N passes (`pass issue --bookings`), NDJSON
 * export of them (`pass export --format ndjson -o`), ledger bytes per pass, and
 * min(N/10, 2,000) online redemptions one after another (the `pass redeem` transaction).
 * Run: npx tsc -p tsconfig.json && node dist/bench/ledger.js [N] [ID_EVERY] [postgresql://…]
 * (ID_EVERY: give every k-th row an ID number, 0 = none; the hash is a keyed HMAC, docs/TOKEN.md.
 * A PostgreSQL URL runs it on that server, in a new database it creates: scripts/pg-throwaway.sh
 * starts one.) SQLite also times the export's page check (PRAGMA quick_check) on its own.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { runPassExport } from '../src/commands/pass-export.js';
import { runPassIssueBatch } from '../src/commands/pass-issue-batch.js';
import { initKeys, loadSigner } from '../src/io/keys.js';
import { loadCatalogueFile } from '../src/io/load-catalogue.js';
import type { LedgerPass } from '../src/io/ledger/ledger-pass.js';
import type { LedgerTarget } from '../src/io/ledger/ledger-port.js';
import { ledgerPath } from '../src/io/ledger/open-ledger.js';
import { withLedger } from '../src/io/ledger/with-ledger.js';
import { prcCheckChar } from '../src/domain/passes/id-document.js';

const n = Number(process.argv[2] ?? 100_000);
const idEvery = Number(process.argv[3] ?? 0);
const adminUrl = process.argv[4];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const loaded = await loadCatalogueFile(path.join(root, 'test/fixtures/passes/catalogue.yaml'), 'catalogue.yaml');
if (!loaded.ok) throw new Error('catalogue');
const home = mkdtempSync(path.join(tmpdir(), 'yangtze-bench-'));
const nowMs = Date.parse('2026-05-11T09:00:00+08:00');
initKeys(home, nowMs);
const target: LedgerTarget = { home, ...(adminUrl ? { ledgerUrl: await freshDatabase(adminUrl) } : {}) };
const products = ['wuhan-culture-pass', 'wuhan-daily-pass', 'wuhan-three-visits'];
const rows = ['booking,holder,id_number,category,product,start'];
for (let i = 0; i < n; i++) {
  const id = idEvery > 0 && i % idEvery === 0 ? benchIdNumber(i) : '';
  rows.push(`BK${i},Holder ${i},${id},adult,${products[i % 3]},2026-06-01`);
}
const csv = path.join(home, 'bookings.csv');

/** A well-formed, distinct PRC ID number per row: Wuhan's area code, a birth date from 1950 on, a sequence, its check character. */
function benchIdNumber(i: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 1000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `420106${birth}${String(i % 1000).padStart(3, '0')}`;
  return first17 + prcCheckChar(first17);
}
writeFileSync(csv, rows.join('\n') + '\n');

let t = performance.now();
const issued = await runPassIssueBatch({ bookings: csv, strict: true }, { ...target, catalogue: loaded.value, nowMs, signer: loadSigner(home) });
const issueS = (performance.now() - t) / 1000;
t = performance.now();
const out = path.join(home, 'export.ndjson');
const exported = await runPassExport({ format: 'ndjson', output: out }, { ...target, nowMs, stdout: process.stdout });
const exportS = (performance.now() - t) / 1000;
t = performance.now();
const rerun = await runPassIssueBatch({ bookings: csv, strict: true }, { ...target, catalogue: loaded.value, nowMs, signer: loadSigner(home) });
const rerunS = (performance.now() - t) / 1000;

// Online redemptions, one transaction each on one open ledger (what a gate service does per scan).
const redeemN = Math.max(1, Math.min(2_000, Math.floor(n / 10)));
const redeemS = await withLedger(target, {}, async (ledger) => {
  const some: LedgerPass[] = [];
  for await (const p of ledger.iteratePasses()) if (some.push(p) >= redeemN) break;
  const start = performance.now();
  for (const p of some) {
    const outcome = await ledger.recordEntry({ passId: p.id, attraction: 'east-lake', date: '2026-06-01', at: '2026-06-01T09:00:00+08:00', gate: 'bench', source: 'online' });
    if (!outcome.admit) throw new Error(`refused ${p.id}: ${outcome.message}`);
  }
  return (performance.now() - start) / 1000;
});

const bytes = adminUrl ? await databaseBytes(target.ledgerUrl!) : statSync(ledgerPath(home)).size + (statSync(ledgerPath(home) + '-wal', { throwIfNoEntry: false })?.size ?? 0);
console.log(`| backend | ${adminUrl ? 'postgresql' : 'sqlite'} | passes | ${n} | ID numbers | every ${idEvery || '—'} row |`);
console.log(`| batch issue | ${issueS.toFixed(2)} s | ${Math.round(issued.issued / issueS)} passes/s |`);
console.log(`| rerun (all already issued) | ${rerunS.toFixed(2)} s | skipped ${rerun.alreadyIssued} |`);
console.log(`| NDJSON export | ${exportS.toFixed(2)} s | ${exported.passes} passes, ${(statSync(out).size / 1e6).toFixed(1)} MB |`);
if (!adminUrl) {
  const db = new Database(ledgerPath(home), { readonly: true });
  t = performance.now();
  const check = db.pragma('quick_check(1)', { simple: true });
  console.log(`| of which page check (quick_check) | ${((performance.now() - t) / 1000).toFixed(2)} s | ${String(check)} |`);
  db.close();
}
console.log(`| online redemptions, one after another | ${redeemS.toFixed(2)} s | ${Math.round(redeemN / redeemS)} /s (${redeemN}) |`);
console.log(`| ledger bytes per pass | ${Math.round(bytes / n)} | ${(bytes / 1e6).toFixed(1)} MB (${adminUrl ? 'tables and indexes' : 'incl. WAL'}) |`);
console.log(`| peak RSS | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB | |`);

async function freshDatabase(url: string): Promise<string> {
  const name = `yz_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function databaseBytes(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ b: string }>(
    "SELECT sum(pg_total_relation_size(c.oid))::text AS b FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'",
  );
  await c.end();
  return Number(rows[0]!.b);
}
