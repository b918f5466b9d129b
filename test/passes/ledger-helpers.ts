/**
 * Shared set-up for the ledger tests: a throwaway home with a signing key, the
 * ledger test catalogue, and bookings files written on the fly.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import { initKeys, loadSigner } from '../../src/io/keys.js';
import { loadCatalogueFile } from '../../src/io/load-catalogue.js';
import { runPassIssueBatch } from '../../src/commands/pass-issue-batch.js';
import { iteratePasses } from '../../src/io/ledger/iterate-passes.js';
import type { LedgerPass } from '../../src/io/ledger/ledger-pass.js';
import { openSqliteDb } from '../../src/io/ledger/sqlite-open.js';
import { FIXED_NOW_MS, REPO_ROOT } from '../cli/helpers/run-cli.js';

export const LEDGER_CATALOGUE = path.join(REPO_ROOT, 'test', 'fixtures', 'passes', 'catalogue.yaml');
export const BOOKINGS_HEADER = 'booking,holder,id_number,category,product,start';

export async function ledgerCatalogue(): Promise<Catalogue> {
  const result = await loadCatalogueFile(LEDGER_CATALOGUE, 'catalogue.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** A fresh home directory with a signing key made at FIXED_NOW_MS. */
export function aHome(): string {
  const home = mkdtempSync(path.join(tmpdir(), 'yangtze-ledger-'));
  initKeys(home, FIXED_NOW_MS);
  return home;
}

export function writeBookings(dir: string, rows: readonly string[], name = 'bookings.csv'): string {
  const file = path.join(dir, name);
  writeFileSync(file, [BOOKINGS_HEADER, ...rows].join('\n') + '\n');
  return file;
}

/** Issues passes from rows like 'BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12' and returns the home. */
export async function homeWithPasses(rows: readonly string[]): Promise<string> {
  const home = aHome();
  await runPassIssueBatch(
    { bookings: writeBookings(home, rows), strict: true },
    { catalogue: await ledgerCatalogue(), home, nowMs: FIXED_NOW_MS, signer: loadSigner(home) },
  );
  return home;
}

/** Noon in Wuhan on DATE: the clock of a gate redeeming on that day (a redemption cannot be dated ahead of its clock). */
export const noonOf = (date: string): number => Date.parse(`${date}T12:00:00+08:00`);

/** Every pass in the home's ledger, in issue order. */
export function passesOf(home: string): LedgerPass[] {
  const db = openSqliteDb(home);
  try {
    return [...iteratePasses(db)];
  } finally {
    db.close();
  }
}
