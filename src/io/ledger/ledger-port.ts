/**
 * The ledger as every command and the gate service see it, whatever holds it:
 * an SQLite file under the home (sqlite-ledger.ts, the default, no server) or
 * a PostgreSQL database (postgres-ledger.ts, `--ledger postgresql://…` or
 * YANGTZE_LEDGER_URL). Types only, so the commands, the server and both
 * adapters import it without a cycle. Both adapters keep the same rules
 * (docs/LEDGER.md) and pass the same contract suite (test/contract/ledger-*).
 */
import type { IsoDate } from '../../domain/catalogue/model.js';
import type { EntryRefusal } from '../../domain/passes/ledger-entry-rule.js';
import type { GateScan } from '../gate-log.js';
import type { BookingKey, LedgerPass, PassRow } from './ledger-pass.js';

/** Where the ledger is: the SQLite file under `home`, unless `ledgerUrl` names a PostgreSQL database. */
export interface LedgerTarget {
  readonly home: string;
  /** postgresql://… (from --ledger or YANGTZE_LEDGER_URL); absent: `<home>/ledger.sqlite`. */
  readonly ledgerUrl?: string;
  /** How long a writer waits for another's lock (SQLite busy timeout, PostgreSQL lock_timeout). */
  readonly busyTimeoutMs?: number;
}

export interface OpenLedgerOptions {
  /** Create an empty ledger (and the home directory) when there is none: issue only. Default false. */
  readonly create?: boolean;
  /**
   * Check every page before reading (SQLite `PRAGMA quick_check`): commands that read the whole
   * ledger (export) use it so that damage is reported before any output, never halfway through it.
   */
  readonly checkPages?: boolean;
  /** PostgreSQL: connections in the pool (the gate service serves many requests at once). Default 4. */
  readonly connections?: number;
}

// Defined beside bookingKey() in ledger-pass.ts, which this file imports: one arrow, no cycle.
export type { BookingKey };

export interface InsertOutcome {
  readonly inserted: readonly PassRow[];
  /** Rows whose booking, holder, traveller and product were already issued. */
  readonly skipped: readonly PassRow[];
}

export interface EntryRequest {
  readonly passId: string;
  readonly attraction: string;
  readonly date: IsoDate;
  /** ISO 8601 timestamp of the scan. */
  readonly at: string;
  readonly gate: string | null;
  /** 'online', or 'gate-log' for entries merged by reconcile. */
  readonly source: 'online' | 'gate-log';
  /** The gate log's scan id (reconcile), so one scan is merged once. */
  readonly scanId?: string;
}

export type LedgerRefusal = EntryRefusal | 'unknown-pass' | 'revoked' | 'refunded';

export type EntryOutcome =
  | { readonly admit: true; readonly pass: LedgerPass; readonly redemptionId: number; readonly note: string; readonly credit?: number }
  | {
      readonly admit: false;
      readonly reason: LedgerRefusal;
      readonly message: string;
      readonly pass?: LedgerPass;
      /** The ledger entry this one collides with (double use). */
      readonly earlier?: { readonly redemptionId: number; readonly day: IsoDate; readonly gate: string | null; readonly at: string };
    };

export type RevokeKind = 'revoked' | 'refunded';

export type RevokeOutcome =
  | { readonly ok: true; readonly passId: string; readonly kind: RevokeKind; readonly at: string }
  | { readonly ok: false; readonly reason: 'unknown-pass' }
  | { readonly ok: false; readonly reason: 'already'; readonly kind: RevokeKind; readonly at: string }
  | { readonly ok: false; readonly reason: 'used'; readonly entries: number; readonly first: { attraction: string; day: string } };

/** One admitted scan of an offline gate's log, to merge. */
export interface ScanToMerge {
  readonly scan: GateScan;
  /** The log file (absolute path) and line, remembered with the scan. */
  readonly file: string;
  readonly line: number;
}

export interface MergedScan {
  readonly scan: GateScan;
  readonly file: string;
  readonly line: number;
  /** New in the ledger now, or merged by an earlier reconcile. */
  readonly state: 'merged' | 'already-merged';
  /** Why the ledger refuses this entry; absent when it was admitted. */
  readonly conflict?: LedgerRefusal;
  readonly message?: string;
  /** The entry that was there first. */
  readonly earlier?: { readonly gate: string | null; readonly at: string; readonly day: string };
}

/** The redemption a request with this scan id recorded (the gate service's idempotent retries). */
export interface ScanRedemption {
  readonly redemptionId: number;
  readonly passId: string;
  readonly attraction: string;
  readonly day: IsoDate;
  readonly at: string;
}

export interface PassEntry {
  readonly attraction: string;
  readonly day: IsoDate;
  readonly gate: string | null;
  readonly at: string;
}

/** An online gate's credential: only the hash of its secret is stored (the gate service computes it). */
export interface NewGate {
  readonly id: string;
  /** Attraction ids this gate may admit at. */
  readonly attractions: readonly string[];
  readonly secretHash: string;
  /** ISO 8601 timestamp with +08:00. */
  readonly createdAt: string;
}

export interface GateRecord extends NewGate {
  readonly revokedAt: string | null;
}

/**
 * The ledger. Every method is one transaction: a failure leaves the ledger as it was.
 * Errors about the store itself (locked, damaged, unreachable, newer schema) are LedgerErrors (exit 3).
 */
export interface Ledger {
  readonly backend: 'sqlite' | 'postgresql';
  /** For messages: the file path, or the URL without its password. */
  readonly location: string;
  /** Number of migrations applied. */
  schemaVersion(): Promise<number>;

  /** Which of these (booking, holder, traveller, product) are already issued; keys as bookingKey() makes them. */
  issuedBookingKeys(keys: readonly BookingKey[]): Promise<Set<string>>;
  /** Inserts passes in one transaction; a (booking, holder, traveller, product) already issued is skipped, not duplicated. */
  insertPasses(rows: readonly PassRow[]): Promise<InsertOutcome>;

  /** Records one entry exactly once (decideEntry under the pass's lock; UNIQUE constraints behind it). */
  recordEntry(req: EntryRequest): Promise<EntryOutcome>;
  /** Revokes or refunds (unused passes only) under the pass's lock, so it never races a redemption. */
  revokePass(passId: string, kind: RevokeKind, reason: string, at: string): Promise<RevokeOutcome>;
  /** Every revoked or refunded pass id, sorted: the content of the revocation list. */
  revokedPassIds(): Promise<string[]>;
  /** Merges admitted gate-log scans, in the order given; a scan merged before is reported, not added. */
  mergeGateScans(scans: readonly ScanToMerge[], mergedAt: string): Promise<MergedScan[]>;

  getPass(passId: string): Promise<LedgerPass | undefined>;
  /** The entries of a pass, oldest first. */
  entriesOf(passId: string): Promise<PassEntry[]>;
  /** The redemption recorded with this scan id, or null (scan ids are UNIQUE in both schemas). */
  redemptionByScan(scanId: string): Promise<ScanRedemption | null>;
  /** Passes issued on or after `since` (a date), oldest first, streamed (never the whole table in memory). */
  iteratePasses(since?: IsoDate): AsyncIterable<LedgerPass>;
  /** The same passes in pages of up to 1,000: one wait per page, not per pass (export). */
  passPages(since?: IsoDate): AsyncIterable<readonly LedgerPass[]>;

  /** Throws GateExists when the id is taken. */
  addGate(gate: NewGate): Promise<void>;
  findGate(id: string): Promise<GateRecord | null>;
  /** False when there is no such gate or it was revoked before. */
  revokeGate(id: string, at: string): Promise<boolean>;
  listGates(): Promise<GateRecord[]>;

  close(): Promise<void>;
}
