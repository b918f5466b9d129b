/**
 * Opens the ledger a command names: the PostgreSQL database of
 * `target.ledgerUrl` (--ledger or YANGTZE_LEDGER_URL), else the SQLite file
 * under the home. The PostgreSQL adapter and its driver are loaded only when
 * asked for, so commands on the SQLite ledger start as fast as before.
 */
import type { Ledger, LedgerTarget, OpenLedgerOptions } from './ledger-port.js';
import { openSqliteLedger } from './sqlite-ledger.js';

export { ledgerPath, LEDGER_FILE } from './sqlite-open.js';

export async function openLedger(target: LedgerTarget, options: OpenLedgerOptions = {}): Promise<Ledger> {
  if (target.ledgerUrl !== undefined) {
    const { openPostgresLedger } = await import('./postgres-ledger.js');
    return openPostgresLedger(target.ledgerUrl, { ...options, ...(target.busyTimeoutMs !== undefined ? { busyTimeoutMs: target.busyTimeoutMs } : {}) });
  }
  return openSqliteLedger(target.home, { ...options, ...(target.busyTimeoutMs !== undefined ? { busyTimeoutMs: target.busyTimeoutMs } : {}) });
}

/** True for the URLs --ledger and YANGTZE_LEDGER_URL accept. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
