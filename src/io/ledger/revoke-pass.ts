/**
 * Revocation and refund: one row per pass in `revocations`, written in an
 * IMMEDIATE transaction so that a refund and a gate's redemption cannot both
 * succeed. Refunds are for unused passes only.
 */
import type { Db } from './open-ledger.js';

export type RevokeKind = 'revoked' | 'refunded';

export type RevokeOutcome =
  | { readonly ok: true; readonly passId: string; readonly kind: RevokeKind; readonly at: string }
  | { readonly ok: false; readonly reason: 'unknown-pass' }
  | { readonly ok: false; readonly reason: 'already'; readonly kind: RevokeKind; readonly at: string }
  | { readonly ok: false; readonly reason: 'used'; readonly entries: number; readonly first: { attraction: string; day: string } };

export function revokePass(db: Db, passId: string, kind: RevokeKind, reason: string, at: string): RevokeOutcome {
  return db
    .transaction((): RevokeOutcome => {
      if (db.prepare('SELECT 1 FROM passes WHERE id = ?').get(passId) === undefined) return { ok: false, reason: 'unknown-pass' };
      const existing = db.prepare<[string], { kind: RevokeKind; at: string }>('SELECT kind, at FROM revocations WHERE pass_id = ?').get(passId);
      if (existing) return { ok: false, reason: 'already', kind: existing.kind, at: existing.at };
      if (kind === 'refunded') {
        const used = db.prepare<[string], { n: number; attraction: string; day: string }>(
          'SELECT count(*) AS n, min(attraction) AS attraction, min(day) AS day FROM redemptions WHERE pass_id = ?',
        ).get(passId);
        if (used && used.n > 0) return { ok: false, reason: 'used', entries: used.n, first: { attraction: used.attraction, day: used.day } };
      }
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
