/**
 * Runs `fn` with an open ledger (SQLite or PostgreSQL, openLedger) and closes
 * it whatever happens. The adapters word failures of the store themselves.
 */
import type { Ledger, LedgerTarget, OpenLedgerOptions } from './ledger-port.js';
import { openLedger } from './open-ledger.js';

export async function withLedger<T>(target: LedgerTarget, options: OpenLedgerOptions, fn: (ledger: Ledger) => Promise<T>): Promise<T> {
  const ledger = await openLedger(target, options);
  try {
    return await fn(ledger);
  } finally {
    await ledger.close();
  }
}
