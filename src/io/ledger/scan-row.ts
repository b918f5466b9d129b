/** A redemptions row read by its scan id, the same on both backends (PostgreSQL's bigint id arrives as text). */
import type { ScanRedemption } from './ledger-port.js';

export interface ScanRow {
  readonly id: number | string;
  readonly pass_id: string;
  readonly attraction: string;
  readonly day: string;
  readonly at: string;
}

export function scanRedemptionOf(row: ScanRow): ScanRedemption {
  return { redemptionId: Number(row.id), passId: row.pass_id, attraction: row.attraction, day: row.day, at: row.at };
}
