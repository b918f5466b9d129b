/**
 * Finds the redemption an earlier request with a scan id recorded, for
 * idempotent retries. The ledger port has no such read yet (requested from
 * its owner: `redemptionByScan(scanId)`); until it has, this reads the
 * `redemptions.scan_id` column (UNIQUE, in both schemas) directly: through
 * the SQLite adapter's own connection, or a two-connection pool of its own on
 * PostgreSQL. Read-only, and only after a refusal, so it costs nothing on the
 * common path. When the port gains the method, this file goes.
 */
import type { Ledger, LedgerTarget } from '../io/ledger/ledger-port.js';
import type { Db } from '../io/ledger/sqlite-open.js';
import type { ScanRedemption } from './gate-ledger.js';

export interface ScanLookup {
  find(scanId: string): Promise<ScanRedemption | null>;
  close(): Promise<void>;
}

const query = 'SELECT id, pass_id, attraction, day, at FROM redemptions WHERE scan_id = $1';
interface Row {
  id: number | string;
  pass_id: string;
  attraction: string;
  day: string;
  at: string;
}

export async function scanLookupFor(ledger: Ledger, target: LedgerTarget): Promise<ScanLookup> {
  const port = ledger as Ledger & { redemptionByScan?: (scanId: string) => Promise<ScanRedemption | null> };
  if (typeof port.redemptionByScan === 'function') return { find: (scanId) => port.redemptionByScan!(scanId), close: async () => undefined };
  if (ledger.backend === 'sqlite') {
    const db = (ledger as Ledger & { db: Db }).db;
    const statement = db.prepare<[string], Row>(query.replace('$1', '?'));
    return { find: async (scanId) => redemption(statement.get(scanId)), close: async () => undefined };
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: target.ledgerUrl, max: 2, application_name: 'yangtze-gate-scans' });
  pool.on('error', () => undefined);
  return {
    find: async (scanId) => redemption((await pool.query<Row>(query, [scanId])).rows[0]),
    close: () => pool.end(),
  };
}

function redemption(row: Row | undefined): ScanRedemption | null {
  return row ? { redemptionId: Number(row.id), passId: row.pass_id, attraction: row.attraction, day: row.day, at: row.at } : null;
}
