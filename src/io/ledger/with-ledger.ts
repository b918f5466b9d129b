/**
 * Runs `fn` with an open ledger, closes it whatever happens, and turns SQLite
 * failures about the file (locked, damaged) into LedgerErrors with a message.
 */
import { ledgerFailure } from './ledger-error.js';
import { ledgerPath, openLedger, type Db, type OpenLedgerOptions } from './open-ledger.js';

export function withLedger<T>(home: string, options: OpenLedgerOptions, fn: (db: Db) => T): T {
  const db = openLedger(home, options);
  try {
    return fn(db);
  } catch (error) {
    throw ledgerFailure(error, ledgerPath(home));
  } finally {
    db.close();
  }
}

/** withLedger for work that awaits (a batch that signs in the thread pool): closed once `fn` settles. */
export async function withLedgerAsync<T>(home: string, options: OpenLedgerOptions, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openLedger(home, options);
  try {
    return await fn(db);
  } catch (error) {
    throw ledgerFailure(error, ledgerPath(home));
  } finally {
    db.close();
  }
}
