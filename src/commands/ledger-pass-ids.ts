/**
 * The passes each signing key issued, read from the ledger (SQLite or
 * PostgreSQL): what `keys rotate` and `keys compromise` write into the trust
 * file as the only passes a retired or compromised key still vouches for.
 * No ledger yet (a home that never issued) means no passes.
 */
import type { PassIdsByKey } from '../io/keys.js';
import { LedgerNotFound } from '../io/ledger/ledger-error.js';
import type { LedgerTarget } from '../io/ledger/ledger-port.js';
import { withLedger } from '../io/ledger/with-ledger.js';

export async function passIdsByKey(target: LedgerTarget): Promise<PassIdsByKey> {
  const byKey = new Map<string, { id: string; issuedAt: string }[]>();
  try {
    await withLedger(target, {}, async (ledger) => {
      for await (const p of ledger.iteratePasses()) {
        let list = byKey.get(p.keyId);
        if (!list) byKey.set(p.keyId, (list = []));
        list.push({ id: p.id, issuedAt: p.issuedAt });
      }
    });
  } catch (error) {
    // A damaged or unreachable ledger stops the command: an empty list would invalidate every pass.
    if (!(error instanceof LedgerNotFound)) throw error;
  }
  for (const list of byKey.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return byKey;
}
