/**
 * Records one entry of a pass at an attraction, inside an IMMEDIATE
 * transaction: read the pass, its revocation and its earlier entries, decide
 * (decideEntry), insert. Writers queue on SQLite's lock (busy_timeout), so
 * among processes redeeming the same pass at once exactly one wins a contested
 * entry; the UNIQUE constraints of `redemptions` and `pass_days` back this up
 * should the decision ever be wrong.
 */
import type { IsoDate } from '../../domain/catalogue/model.js';
import { decideEntry, type EntryRefusal } from '../../domain/passes/ledger-entry-rule.js';
import { entryRulesOf, passFromRow, PASS_COLUMNS, type LedgerPass, type PassRow } from './ledger-pass.js';
import type { Db } from './open-ledger.js';

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

export function recordEntry(db: Db, req: EntryRequest): EntryOutcome {
  const getPass = db.prepare<[string], PassRow>(`SELECT ${PASS_COLUMNS} FROM passes WHERE id = ?`);
  const getRevocation = db.prepare<[string], { kind: string; reason: string; at: string }>('SELECT kind, reason, at FROM revocations WHERE pass_id = ?');
  const pastEntries = db.prepare<[string], { attraction: string; day: string }>('SELECT attraction, day FROM redemptions WHERE pass_id = ? ORDER BY day, id');
  const findEarlier = db.prepare<[string, string, string], { id: number; day: string; gate: string | null; at: string }>(
    'SELECT id, day, gate, at FROM redemptions WHERE pass_id = ? AND attraction = ? AND day LIKE ? ORDER BY id LIMIT 1',
  );
  const insertDay = db.prepare('INSERT INTO pass_days (pass_id, day_no, day) VALUES (?, ?, ?)');
  const insertEntry = db.prepare(
    'INSERT INTO redemptions (pass_id, attraction, day, day_key, credit, gate, at, source, scan_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const activate = db.prepare(
    `UPDATE passes SET status = ?, activated_on = CASE WHEN activated_on IS NULL OR activated_on > ? THEN ? ELSE activated_on END WHERE id = ?`,
  );

  const run = db.transaction((): EntryOutcome => {
    const row = getPass.get(req.passId);
    if (!row) return { admit: false, reason: 'unknown-pass', message: `pass ${req.passId} is not in this ledger` };
    const pass = passFromRow(row);
    const revocation = getRevocation.get(req.passId);
    if (revocation) {
      const reason = revocation.kind === 'refunded' ? 'refunded' : 'revoked';
      return { admit: false, reason, pass, message: `pass ${req.passId} was ${reason} at ${revocation.at}${reason === 'revoked' ? `: ${revocation.reason}` : ''}` };
    }
    const decision = decideEntry(entryRulesOf(pass), pastEntries.all(req.passId), req.attraction, req.date);
    if (!decision.admit) {
      const hit = decision.earlier ? findEarlier.get(req.passId, decision.earlier.attraction, decision.earlier.day) : undefined;
      return {
        admit: false,
        reason: decision.reason,
        message: decision.message,
        pass,
        ...(hit ? { earlier: { redemptionId: hit.id, day: hit.day, gate: hit.gate, at: hit.at } } : {}),
      };
    }
    if (decision.dayNo !== undefined) insertDay.run(req.passId, decision.dayNo, req.date);
    const id = Number(
      insertEntry.run(req.passId, req.attraction, req.date, decision.dayKey, decision.credit ?? null, req.gate, req.at, req.source, req.scanId ?? null)
        .lastInsertRowid,
    );
    activate.run(decision.usedUp ? 'used-up' : 'active', decision.windowStart, decision.windowStart, req.passId);
    return { admit: true, pass, redemptionId: id, note: decision.note, ...(decision.credit !== undefined ? { credit: decision.credit } : {}) };
  });

  try {
    return run.immediate();
  } catch (error) {
    // The decision above runs under the write lock, so this is the last line of defence.
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      return { admit: false, reason: 'already-used', message: `already used at ${req.attraction} (refused by the ledger's constraints)` };
    }
    throw error;
  }
}

/** Earlier entries of a pass, oldest first. */
export function entriesOf(db: Db, passId: string): { attraction: string; day: string; gate: string | null; at: string }[] {
  return db.prepare<[string], { attraction: string; day: string; gate: string | null; at: string }>(
    'SELECT attraction, day, gate, at FROM redemptions WHERE pass_id = ? ORDER BY day, id',
  ).all(passId);
}
