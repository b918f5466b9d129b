/**
 * SQLite: records one entry of a pass at an attraction, inside an IMMEDIATE
 * transaction: read the pass, its revocation and its earlier entries, decide
 * (planEntry → decideEntry), insert. Writers queue on SQLite's lock
 * (busy_timeout), so among processes redeeming the same pass at once exactly
 * one wins a contested entry; the UNIQUE constraints of `redemptions` and
 * `pass_days` back this up should the decision ever be wrong.
 */
import { admitted, planEntry, refusedByConstraint, type StoredEntry, type StoredRevocation } from './entry-plan.js';
import { passFromRow, PASS_COLUMNS, type PassRow } from './ledger-pass.js';
import type { EntryOutcome, EntryRequest, PassEntry, ScanRedemption } from './ledger-port.js';
import { scanRedemptionOf, type ScanRow } from './scan-row.js';
import type { Db } from './sqlite-open.js';

export function recordEntry(db: Db, req: EntryRequest): EntryOutcome {
  // Nested in another transaction (reconcile's chunks) this runs as a savepoint.
  const run = db.transaction((): EntryOutcome => decideAndInsert(db, req));
  try {
    return run.immediate();
  } catch (error) {
    if (isUniqueViolation(error)) return refusedByConstraint(req);
    throw error;
  }
}

function decideAndInsert(db: Db, req: EntryRequest): EntryOutcome {
  const row = db.prepare<[string], PassRow>(`SELECT ${PASS_COLUMNS} FROM passes WHERE id = ?`).get(req.passId);
  const revocation = db.prepare<[string], StoredRevocation>('SELECT kind, reason, at FROM revocations WHERE pass_id = ?').get(req.passId);
  const past = row ? db.prepare<[string], StoredEntry>('SELECT id, attraction, day, gate, at FROM redemptions WHERE pass_id = ? ORDER BY day, id').all(req.passId) : [];
  const plan = planEntry(row ? passFromRow(row) : undefined, revocation, past, req);
  if (!plan.write) return plan.outcome;
  const { decision } = plan;
  if (decision.dayNo !== undefined) db.prepare('INSERT INTO pass_days (pass_id, day_no, day) VALUES (?, ?, ?)').run(req.passId, decision.dayNo, req.date);
  const id = Number(
    db
      .prepare('INSERT INTO redemptions (pass_id, attraction, day, day_key, credit, gate, at, source, scan_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(req.passId, req.attraction, req.date, decision.dayKey, decision.credit ?? null, req.gate, req.at, req.source, req.scanId ?? null).lastInsertRowid,
  );
  db.prepare(`UPDATE passes SET status = ?, activated_on = CASE WHEN activated_on IS NULL OR activated_on > ? THEN ? ELSE activated_on END WHERE id = ?`).run(
    decision.usedUp ? 'used-up' : 'active',
    decision.windowStart,
    decision.windowStart,
    req.passId,
  );
  return admitted(plan, id);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Earlier entries of a pass, oldest first. */
export function entriesOf(db: Db, passId: string): PassEntry[] {
  return db.prepare<[string], PassEntry>('SELECT attraction, day, gate, at FROM redemptions WHERE pass_id = ? ORDER BY day, id').all(passId);
}

/** The redemption recorded with a scan id, or null. */
export function redemptionByScan(db: Db, scanId: string): ScanRedemption | null {
  const row = db.prepare<[string], ScanRow>('SELECT id, pass_id, attraction, day, at FROM redemptions WHERE scan_id = ?').get(scanId);
  return row ? scanRedemptionOf(row) : null;
}
