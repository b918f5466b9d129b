/**
 * The SQLite adapter of the ledger port: `<home>/ledger.sqlite` through
 * better-sqlite3 (WAL, BEGIN IMMEDIATE, the UNIQUE constraints). Every call is
 * synchronous underneath and whole before it returns, so two requests of one
 * process (the gate service) never interleave inside a transaction. Failures
 * of the file (locked, damaged, read-only) become LedgerErrors.
 */
import type { IsoDate } from '../../domain/catalogue/model.js';
import type { LedgerPass, PassRow } from './ledger-pass.js';
import { ledgerFailure } from './ledger-error.js';
import type { BookingKey, EntryRequest, Ledger, NewGate, RevokeKind, ScanToMerge } from './ledger-port.js';
import { insertPasses, issuedBookingKeys } from './insert-passes.js';
import { getPass, iteratePasses } from './iterate-passes.js';
import { mergeGateScans } from './merge-gate-scan.js';
import { entriesOf, recordEntry, redemptionByScan } from './record-entry.js';
import { revokedPassIds, revokePass } from './revoke-pass.js';
import { addGate, findGate, listGates, revokeGate } from './sqlite-gates.js';
import { ledgerPath, openSqliteDb, type Db, type OpenSqliteOptions } from './sqlite-open.js';

const PAGE_PASSES = 1000;

export function openSqliteLedger(home: string, options: OpenSqliteOptions = {}): Ledger {
  return new SqliteLedger(openSqliteDb(home, options), ledgerPath(home));
}

export class SqliteLedger implements Ledger {
  readonly backend = 'sqlite' as const;

  constructor(
    /** The connection, for tests that look at the tables. */
    readonly db: Db,
    readonly location: string,
  ) {}

  /** Runs one synchronous call and reports failures of the file in words. */
  private run<T>(fn: (db: Db) => T): Promise<T> {
    try {
      return Promise.resolve(fn(this.db));
    } catch (error) {
      return Promise.reject(ledgerFailure(error, this.location));
    }
  }

  schemaVersion() {
    return this.run((db) => db.pragma('user_version', { simple: true }) as number);
  }
  issuedBookingKeys(keys: readonly BookingKey[]) {
    return this.run((db) => issuedBookingKeys(db, keys));
  }
  insertPasses(rows: readonly PassRow[]) {
    return this.run((db) => insertPasses(db, rows));
  }
  recordEntry(req: EntryRequest) {
    return this.run((db) => recordEntry(db, req));
  }
  revokePass(passId: string, kind: RevokeKind, reason: string, at: string) {
    return this.run((db) => revokePass(db, passId, kind, reason, at));
  }
  revokedPassIds() {
    return this.run(revokedPassIds);
  }
  mergeGateScans(scans: readonly ScanToMerge[], mergedAt: string) {
    return this.run((db) => mergeGateScans(db, scans, mergedAt));
  }
  getPass(passId: string) {
    return this.run((db) => getPass(db, passId));
  }
  entriesOf(passId: string) {
    return this.run((db) => entriesOf(db, passId));
  }
  redemptionByScan(scanId: string) {
    return this.run((db) => redemptionByScan(db, scanId));
  }
  async *iteratePasses(since?: IsoDate): AsyncGenerator<LedgerPass> {
    for await (const page of this.passPages(since)) yield* page;
  }
  async *passPages(since?: IsoDate): AsyncGenerator<readonly LedgerPass[]> {
    let page: LedgerPass[] = [];
    try {
      for (const pass of iteratePasses(this.db, since)) {
        if (page.push(pass) === PAGE_PASSES) {
          yield page;
          page = [];
        }
      }
    } catch (error) {
      throw ledgerFailure(error, this.location);
    }
    if (page.length > 0) yield page;
  }
  addGate(gate: NewGate) {
    return this.run((db) => addGate(db, gate));
  }
  findGate(id: string) {
    return this.run((db) => findGate(db, id));
  }
  revokeGate(id: string, at: string) {
    return this.run((db) => revokeGate(db, id, at));
  }
  listGates() {
    return this.run(listGates);
  }
  close() {
    this.db.close();
    return Promise.resolve();
  }
}
