/**
 * A row of the `gates` table as both backends return it, and the record the
 * port hands out (attractions comma-joined in the table, as in `passes`).
 */
import type { GateRecord } from './ledger-port.js';

export interface GateRow {
  id: string;
  attractions: string;
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export const GATE_COLUMNS = 'id, attractions, secret_hash, created_at, revoked_at';

export function gateFromRow(r: GateRow): GateRecord {
  return { id: r.id, attractions: r.attractions === '' ? [] : r.attractions.split(','), secretHash: r.secret_hash, createdAt: r.created_at, revokedAt: r.revoked_at };
}
