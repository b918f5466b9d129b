/**
 * SQLite: revocation and refund, one row per pass in `revocations`, written in
 * an IMMEDIATE transaction so that a refund and a gate's redemption cannot
 * both succeed. Refunds are for unused passes only.
 */
import { planRevocation } from './entry-plan.js';
import type { RevokeKind, RevokeOutcome } from './ledger-port.js';
import type { Db } from './sqlite-open.js';

export function revokePass(db: Db, passId: string, kind: RevokeKind, reason: string, at: string): RevokeOutcome {
  return db
    .transaction((): RevokeOutcome => {
      const exists = db.prepare('SELECT 1 FROM passes WHERE id = ?').get(passId) !== undefined;
      const existing = db.prepare<[string], { kind: RevokeKind; at: string }>('SELECT kind, at FROM revocations WHERE pass_id = ?').get(passId);
      const used = db
        .prepare<[string], { n: number; attraction: string | null; day: string | null }>('SELECT count(*) AS n, min(attraction) AS attraction, min(day) AS day FROM redemptions WHERE pass_id = ?')
        .get(passId)!;
      const plan = planRevocation(exists, existing, used, kind);
      if (plan !== 'write') return plan;
      db.prepare('INSERT INTO revocations (pass_id, kind, reason, at) VALUES (?, ?, ?, ?)').run(passId, kind, reason, at);
      db.prepare('UPDATE passes SET status = ? WHERE id = ?').run(kind, passId);
      return { ok: true, passId, kind, at };
    })
    .immediate();
}

/** Every revoked or refunded pass id, sorted: the content of the revocation list. */
export function revokedPassIds(db: Db): string[] {
  return db.prepare('SELECT pass_id FROM revocations ORDER BY pass_id').pluck().all() as string[];
}
