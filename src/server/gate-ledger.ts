/**
 * What the gate service needs from a ledger, whichever backend holds it:
 * gate credentials, recording an entry under the pass's rules, finding an
 * earlier answer to a retried scan, and closing. The service sees nothing
 * else of the ledger, so SQLite and PostgreSQL serve it alike.
 */
import type { EntryOutcome, EntryRequest, GateRecord, ScanRedemption } from '../io/ledger/ledger-port.js';

export type { GateRecord, ScanRedemption };

export interface PassStanding {
  readonly revocation: 'revoked' | 'refunded' | null;
}

export interface GateLedger {
  findGate(id: string): Promise<GateRecord | null>;
  recordEntry(req: EntryRequest): Promise<EntryOutcome>;
  /** Whether the ledger knows the pass, and its revocation or refund if any (online verify). */
  passStanding(passId: string): Promise<PassStanding | null>;
  /** The redemption recorded with this scan id, if any (idempotent retries). */
  redemptionByScan(scanId: string): Promise<ScanRedemption | null>;
  /** Waits for work under way, then releases the database. */
  close(): Promise<void>;
}
