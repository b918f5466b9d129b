/**
 * SQLite: merges admitted gate-log scans into the ledger, 1,000 per IMMEDIATE
 * transaction. Each scan is remembered in `gate_scans` by its id, so merging a
 * log again adds nothing; a scan the ledger would have refused (the entry was
 * already made at another gate, the credits were spent, the pass was revoked)
 * is kept with its conflict, for the report.
 */
import { alreadyMerged, entryOfScan, gateScanValues, mergedNow } from './entry-plan.js';
import type { MergedScan, ScanToMerge } from './ledger-port.js';
import { recordEntry } from './record-entry.js';
import type { Db } from './sqlite-open.js';

const chunkScans = 1000;

export function mergeGateScans(db: Db, scans: readonly ScanToMerge[], mergedAt: string): MergedScan[] {
  const results: MergedScan[] = [];
  for (let i = 0; i < scans.length; i += chunkScans) {
    const chunk = scans.slice(i, i + chunkScans);
    results.push(...db.transaction(() => chunk.map((s) => mergeGateScan(db, s, mergedAt))).immediate());
  }
  return results;
}

function mergeGateScan(db: Db, s: ScanToMerge, mergedAt: string): MergedScan {
  const seen = db
    .prepare<[string], { conflict: string | null; gate: string | null; at: string | null; day: string | null }>(
      `SELECT s.conflict, r.gate, r.at, r.day FROM gate_scans s LEFT JOIN redemptions r ON r.id = s.conflicts_with WHERE s.scan_id = ?`,
    )
    .get(s.scan.scan);
  if (seen) return alreadyMerged(s, seen);
  // Nested in the chunk's transaction, recordEntry runs as a savepoint: a UNIQUE violation undoes this scan's entry only.
  const outcome = recordEntry(db, entryOfScan(s));
  db.prepare(
    `INSERT INTO gate_scans (scan_id, pass_id, attraction, day, gate, at, log_file, log_line, redemption_id, conflict, conflicts_with, merged_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...gateScanValues(s, outcome, mergedAt));
  return mergedNow(s, outcome);
}
