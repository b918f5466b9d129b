/**
 * SQLite: writes issued passes in one transaction. A pass whose (booking, holder,
 * traveller, product) is already in the ledger is skipped, not duplicated: that is what
 * makes a batch issue safe to rerun after it was killed.
 */
import { bookingKey, PASS_COLUMNS, type PassRow } from './ledger-pass.js';
import type { BookingKey, InsertOutcome } from './ledger-port.js';
import type { Db } from './sqlite-open.js';

const placeholders = PASS_COLUMNS.split(', ')
  .map((c) => '@' + c)
  .join(', ');

export function insertPasses(db: Db, rows: readonly PassRow[]): InsertOutcome {
  const insert = db.prepare(`INSERT INTO passes (${PASS_COLUMNS}) VALUES (${placeholders}) ON CONFLICT (booking, holder, traveller, product) DO NOTHING`);
  return db
    .transaction(() => {
      const inserted: PassRow[] = [];
      const skipped: PassRow[] = [];
      for (const row of rows) (insert.run(row).changes === 1 ? inserted : skipped).push(row);
      return { inserted, skipped };
    })
    .immediate();
}

/** Which of these booking keys (booking, holder, traveller, product) are already in the ledger. */
export function issuedBookingKeys(db: Db, keys: readonly BookingKey[]): Set<string> {
  const find = db.prepare('SELECT 1 FROM passes WHERE booking = ? AND holder = ? AND traveller = ? AND product = ?').pluck();
  const found = new Set<string>();
  for (const k of keys) if (find.get(k.booking, k.holder, k.traveller, k.product) !== undefined) found.add(bookingKey(k));
  return found;
}
