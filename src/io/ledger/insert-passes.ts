/**
 * Writes issued passes in one transaction. A pass whose (booking, holder,
 * product) is already in the ledger is skipped, not duplicated: that is what
 * makes a batch issue safe to rerun after it was killed.
 */
import type { Db } from './open-ledger.js';
import { PASS_COLUMNS, type PassRow } from './ledger-pass.js';

const placeholders = PASS_COLUMNS.split(', ')
  .map((c) => '@' + c)
  .join(', ');

export interface InsertOutcome {
  readonly inserted: readonly PassRow[];
  /** Rows whose booking, holder and product were already issued. */
  readonly skipped: readonly PassRow[];
}

export function insertPasses(db: Db, rows: readonly PassRow[]): InsertOutcome {
  const insert = db.prepare(`INSERT INTO passes (${PASS_COLUMNS}) VALUES (${placeholders}) ON CONFLICT (booking, holder, product) DO NOTHING`);
  return db
    .transaction(() => {
      const inserted: PassRow[] = [];
      const skipped: PassRow[] = [];
      for (const row of rows) (insert.run(row).changes === 1 ? inserted : skipped).push(row);
      return { inserted, skipped };
    })
    .immediate();
}

/** Which of these booking keys (booking, holder, product) are already in the ledger. */
export function issuedBookingKeys(db: Db, keys: readonly { booking: string; holder: string; product: string }[]): Set<string> {
  const find = db.prepare('SELECT 1 FROM passes WHERE booking = ? AND holder = ? AND product = ?').pluck();
  const found = new Set<string>();
  for (const k of keys) if (find.get(k.booking, k.holder, k.product) !== undefined) found.add(bookingKey(k));
  return found;
}

export function bookingKey(k: { booking: string; holder: string; product: string }): string {
  return `${k.booking}\u0000${k.holder}\u0000${k.product}`;
}
