import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runPassIssue } from '../../src/commands/pass-issue.js';
import { runPassIssueBatch } from '../../src/commands/pass-issue-batch.js';
import { decodeToken } from '../../src/domain/passes/token.js';
import { verifyToken } from '../../src/domain/passes/verify-token.js';
import { loadSigner, readIdKeys, readTrustFile, trustFilePath } from '../../src/io/keys.js';
import { signPasses } from '../../src/io/ledger/sign-pass.js';
import { ledgerPath } from '../../src/io/ledger/open-ledger.js';
import { BASE_ENV, BIN, FIXED_NOW_MS, REPO_ROOT, runCli } from '../cli/helpers/run-cli.js';
import { anItinerary } from './builders.js';
import { aHome, BOOKINGS_HEADER, LEDGER_CATALOGUE, ledgerCatalogue, passesOf, writeBookings } from './ledger-helpers.js';

const ID_NUMBER = '420106199001011231';

async function issueBatch(home: string, rows: readonly string[], strict = false) {
  return runPassIssueBatch(
    { bookings: writeBookings(home, rows), strict },
    { catalogue: await ledgerCatalogue(), home, nowMs: FIXED_NOW_MS, signer: loadSigner(home) },
  );
}

function count(home: string, sql: string): number {
  const db = new Database(ledgerPath(home), { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('pass issue --bookings', () => {
  it('issues one pass per row and skips every row on a rerun', async () => {
    const home = aHome();
    const rows = ['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12', 'BK1,Li Na,,child,wuhan-culture-pass,2026-05-12', 'BK2,Wang Fang,,,wuhan-three-visits,2026-05-20'];
    expect(await issueBatch(home, rows)).toMatchObject({ issued: 3, alreadyIssued: 0, badLines: [] });
    expect(await issueBatch(home, rows)).toMatchObject({ issued: 0, alreadyIssued: 3 });
    expect(count(home, 'SELECT count(*) FROM passes')).toBe(3);
  });

  it('reports bad rows with file:line:col and a suggestion, issues the good ones, and exits 3', async () => {
    const home = aHome();
    const file = writeBookings(home, ['BK1,Li Wei,,adult,wuhan-culture-pas,2026-05-12', 'BK2,Wang Fang,,,wuhan-three-visits,2026-05-20', 'BK3,Zhao Lei,,adlt,wuhan-daily-pass,2026-02-30']);
    const run = await runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--bookings', file]);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain("bookings.csv:2:19 error unknown-product: unknown product \"wuhan-culture-pas\"; Did you mean 'wuhan-culture-pass'?");
    expect(run.stderr).toContain("bookings.csv:4:15 error unknown-category: unknown category \"adlt\"; Did you mean 'adult'?");
    expect(run.stderr).toContain('bookings.csv:4:37 error bad-date');
    expect(run.stdout).toBe('issued\t1\nalready-issued\t0\nbad-rows\t2\n');
    expect(count(home, 'SELECT count(*) FROM passes')).toBe(1);
  });

  it('with --strict issues nothing when a row is bad', async () => {
    const home = aHome();
    const file = writeBookings(home, ['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12', 'BK2,Wang Fang,,,red-pas,2026-05-20']);
    const run = await runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--bookings', file, '--strict']);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('--strict: nothing was issued');
    expect(existsSync(ledgerPath(home))).toBe(false);
  });

  it('numbers rows of the same booking, holder and product in file order, so a bad row in between keeps the later numbers', async () => {
    const home = aHome();
    const rows = ['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12', 'BK1,Li Wei,,adult,wuhan-culture-pass,2026-13-01', 'BK1,Li Wei,,child,wuhan-culture-pass,2026-05-12'];
    const result = await issueBatch(home, rows);
    expect(result).toMatchObject({ issued: 2, badLines: [3] });
    expect(passesOf(home).map((p) => [p.traveller, p.category])).toEqual([[1, 'adult'], [3, 'child']]);
  });

  it('never stores or prints the ID number, only its keyed, salted hash, which pass verify --id-number checks', async () => {
    const home = aHome();
    await issueBatch(home, [`BK1,Li Wei,${ID_NUMBER},adult,wuhan-culture-pass,2026-05-12`]);
    const db = new Database(ledgerPath(home));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const token = db.prepare('SELECT token FROM passes').pluck().get() as string;
    db.close();
    expect(readFileSync(ledgerPath(home)).includes(Buffer.from(ID_NUMBER))).toBe(false);
    const decoded = decodeToken(token);
    expect(decoded.ok && decoded.claims.idHash).toMatch(/^h:[A-Za-z0-9_-]{22}$/);
    const run = await runCli(['--home', home, 'pass', 'export', '--format', 'csv']);
    expect(run.stdout).not.toContain(ID_NUMBER);
    const verify = (id: string) => runCli(['--home', home, 'pass', 'verify', token, '--date', '2026-05-12', '--id-number', id]);
    expect((await verify(ID_NUMBER.toLowerCase())).exitCode).toBe(0);
    expect((await verify('420106199001011230')).exitCode).toBe(1);
  });

  it('resumes a batch killed midway without duplicates', async () => {
    const home = aHome();
    const total = 6000;
    const rows = Array.from({ length: total }, (_, i) => `BK${i},Holder ${i},,adult,wuhan-culture-pass,2026-05-12`);
    const file = path.join(home, 'big.csv');
    writeFileSync(file, [BOOKINGS_HEADER, ...rows].join('\n') + '\n');
    const args = [BIN, '--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--bookings', file];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...BASE_ENV, PATH: process.env.PATH ?? '' }, stdio: 'ignore' });
    const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Kill it once the first chunks are committed and before the last one is.
    let seen = 0;
    for (let i = 0; i < 400 && seen < 1000; i++) {
      await new Promise((r) => setTimeout(r, 25));
      try {
        seen = count(home, 'SELECT count(*) FROM passes');
      } catch {
        seen = 0; // the ledger or its tables are not there yet
      }
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const afterKill = count(home, 'SELECT count(*) FROM passes');
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(total);
    expect(afterKill % 1000).toBe(0); // whole chunks only

    const rerun = await runPassIssueBatch(
      { bookings: file, strict: false },
      { catalogue: await ledgerCatalogue(), home, nowMs: FIXED_NOW_MS, signer: loadSigner(home) },
    );
    expect(rerun).toMatchObject({ issued: total - afterKill, alreadyIssued: afterKill });
    expect(count(home, 'SELECT count(*) FROM passes')).toBe(total);
    expect(count(home, 'SELECT count(DISTINCT booking) FROM passes')).toBe(total);
    expect(count(home, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'")).toBe(1);
  });
});

describe('pass issue --plan', () => {
  it('issues the quoted bundle to every holder, with their categories, and records it', async () => {
    const home = aHome();
    const planFile = path.join(home, 'plan.json');
    const visits = [
      { attraction: 'yellow-crane-tower', date: '2026-05-12' },
      { attraction: 'east-lake', date: '2026-05-12' },
      { attraction: 'guiyuan-temple', date: '2026-05-13' },
    ];
    writeFileSync(planFile, JSON.stringify(anItinerary(visits)));
    const result = await runPassIssue(
      { plan: planFile, holders: ['Li Wei', 'Li Na'], idNumbers: [ID_NUMBER], categories: ['adult', 'child'], booking: 'BK9', qrFormat: 'svg', qrDir: path.join(home, 'qr') },
      { catalogue: await ledgerCatalogue(), home, nowMs: FIXED_NOW_MS, signer: loadSigner(home) },
    );
    expect(result.passes.map((p) => [p.holder, p.category, p.product, p.price])).toEqual([
      ['Li Wei', 'adult', 'wuhan-culture-pass', 120],
      ['Li Na', 'child', 'wuhan-culture-pass', 60],
    ]);
    expect(result.qrFiles).toHaveLength(2);
    expect(readFileSync(result.qrFiles[0]!, 'utf8')).toContain('<svg');
    expect(count(home, 'SELECT count(*) FROM passes WHERE booking = \'BK9\'')).toBe(2);
  });

  it('prints the pass JSON document with --json', async () => {
    const home = aHome();
    const planFile = path.join(home, 'plan.json');
    writeFileSync(planFile, JSON.stringify(anItinerary([{ attraction: 'yellow-crane-tower', date: '2026-05-12' }, { attraction: 'east-lake', date: '2026-05-12' }])));
    const run = await runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--plan', planFile, '--holder', 'Li Wei', '--json']);
    expect(run.exitCode).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'yangtze.passes' });
    expect(Object.keys(doc.passes[0])).toEqual(['id', 'product', 'holder', 'category', 'validFrom', 'validUntil', 'attractions', 'price', 'status', 'booking', 'token']);
    expect(doc.passes[0]).toMatchObject({ holder: 'Li Wei', status: 'issued', booking: null });
    expect(doc.passes[0].token).toMatch(/^YZ1:/);
  });

  it('shows a QR code per pass in a terminal', async () => {
    const home = aHome();
    const planFile = path.join(home, 'plan.json');
    writeFileSync(planFile, JSON.stringify(anItinerary([{ attraction: 'yellow-crane-tower', date: '2026-05-12' }, { attraction: 'east-lake', date: '2026-05-12' }])));
    const run = await runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--plan', planFile, '--holder', 'Li Wei'], { tty: true });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('▀');
  });

  it('is a usage error to give more --category values than holders', async () => {
    const run = await runCli(['--home', aHome(), '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--plan', 'x.json', '--holder', 'A', '--category', 'adult', '--category', 'child']);
    expect(run.exitCode).toBe(2);
  });
});

describe('signPasses (the batch signer)', () => {
  it('signs in the thread pool tokens that verify, with distinct pass ids and salts and checkable ID hashes', async () => {
    const home = aHome();
    const signer = loadSigner(home);
    const product = (await ledgerCatalogue()).passes.find((p) => p.id === 'wuhan-daily-pass')!;
    const pass = { product, holder: 'Li Wei', category: 'adult', idNumber: ID_NUMBER, validFrom: '2026-05-12', validUntil: '2026-05-21', price: 80 };
    const rows = await signPasses(Array.from({ length: 50 }, () => pass), signer, { at: '2026-05-11T09:00:00+08:00', currency: 'CNY' });
    const trust = readTrustFile(trustFilePath(home));
    const idKeys = readIdKeys(home);
    const results = rows.map((r) => verifyToken(r.token, trust, { date: '2026-05-12', idNumber: ID_NUMBER, idKeys }));
    expect(results.every((r) => r.reason === 'ok')).toBe(true);
    expect(new Set(rows.map((r) => r.id)).size).toBe(50);
    expect(new Set(results.map((r) => r.pass!.idSalt)).size).toBe(50);
    expect(results[0]!.pass).toMatchObject({ kind: 'flex-days', days: 2, withinDays: 10 });
  });
});
