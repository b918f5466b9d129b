/**
 * Merges one admitted gate-log scan into the ledger. Each scan is remembered
 * in `gate_scans` by its id, so merging a log again adds nothing; a scan the
 * ledger would have refused (the entry was already made at another gate, the
 * credits were spent, the pass was revoked) is kept with its conflict, for the
 * report.
 */
import type { GateScan } from '../gate-log.js';
import type { Db } from './open-ledger.js';
import { recordEntry, type LedgerRefusal } from './record-entry.js';

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

export function mergeGateScan(db: Db, scan: GateScan, file: string, line: number, mergedAt: string): MergedScan {
  const seen = db
    .prepare<[string], { conflict: string | null; gate: string | null; at: string | null; day: string | null }>(
      `SELECT s.conflict, r.gate, r.at, r.day FROM gate_scans s LEFT JOIN redemptions r ON r.id = s.conflicts_with WHERE s.scan_id = ?`,
    )
    .get(scan.scan);
  if (seen) {
    return {
      scan,
      file,
      line,
      state: 'already-merged',
      ...(seen.conflict ? { conflict: seen.conflict as LedgerRefusal } : {}),
      ...(seen.at ? { earlier: { gate: seen.gate, at: seen.at, day: seen.day ?? '' } } : {}),
    };
  }
  const outcome = recordEntry(db, { passId: scan.passId, attraction: scan.attraction, date: scan.date, at: scan.at, gate: scan.gate, source: 'gate-log', scanId: scan.scan });
  db.prepare(
    `INSERT INTO gate_scans (scan_id, pass_id, attraction, day, gate, at, log_file, log_line, redemption_id, conflict, conflicts_with, merged_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    scan.scan,
    scan.passId,
    scan.attraction,
    scan.date,
    scan.gate,
    scan.at,
    file,
    line,
    outcome.admit ? outcome.redemptionId : null,
    outcome.admit ? null : outcome.reason,
    !outcome.admit && outcome.earlier ? outcome.earlier.redemptionId : null,
    mergedAt,
  );
  if (outcome.admit) return { scan, file, line, state: 'merged' };
  return {
    scan,
    file,
    line,
    state: 'merged',
    conflict: outcome.reason,
    message: outcome.message,
    ...(outcome.earlier ? { earlier: { gate: outcome.earlier.gate, at: outcome.earlier.at, day: outcome.earlier.day } } : {}),
  };
}
