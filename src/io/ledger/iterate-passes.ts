/**
 * SQLite: streams passes out of the ledger one row at a time (a statement iterator,
 * never the whole table in memory), in issue order.
 */
import type { IsoDate } from '../../domain/catalogue/model.js';
import { passFromRow, PASS_COLUMNS, type LedgerPass, type PassRow } from './ledger-pass.js';
import type { Db } from './sqlite-open.js';

/** Passes issued on or after `since` (a date, Asia/Shanghai), oldest first. */
export function* iteratePasses(db: Db, since?: IsoDate): Generator<LedgerPass> {
  const stmt = since
    ? db.prepare<[string], PassRow>(`SELECT ${PASS_COLUMNS} FROM passes WHERE issued_at >= ? ORDER BY issued_at, rowid`)
    : db.prepare<[], PassRow>(`SELECT ${PASS_COLUMNS} FROM passes ORDER BY issued_at, rowid`);
  const rows = since ? (stmt as ReturnType<typeof db.prepare<[string], PassRow>>).iterate(since) : (stmt as ReturnType<typeof db.prepare<[], PassRow>>).iterate();
  for (const row of rows) yield passFromRow(row);
}

export function getPass(db: Db, passId: string): LedgerPass | undefined {
  const row = db.prepare<[string], PassRow>(`SELECT ${PASS_COLUMNS} FROM passes WHERE id = ?`).get(passId);
  return row ? passFromRow(row) : undefined;
}
