/**
 * The gate service's view (GateLedger) of a ledger port, either backend.
 */
import type { Ledger } from '../io/ledger/ledger-port.js';
import type { GateLedger } from './gate-ledger.js';

export function gateLedgerOf(ledger: Ledger): GateLedger {
  return {
    findGate: (id) => ledger.findGate(id),
    recordEntry: (req) => ledger.recordEntry(req),
    async passStanding(passId) {
      const pass = await ledger.getPass(passId);
      if (!pass) return null;
      return { revocation: pass.status === 'revoked' || pass.status === 'refunded' ? pass.status : null };
    },
    redemptionByScan: (scanId) => ledger.redemptionByScan(scanId),
    close: () => ledger.close(),
  };
}
