/** `gate list`: the online gates' credentials (never their hashes), active and revoked. */
import type { Output } from '../cli/output.js';
import { toJson } from '../cli/output.js';
import { renderTable } from '../cli/table.js';
import type { GateRecord, LedgerTarget } from '../io/ledger/ledger-port.js';
import { openLedger } from '../io/ledger/open-ledger.js';

export type GateListEntry = Omit<GateRecord, 'secretHash'>;

export async function runGateList(deps: { readonly target: LedgerTarget }): Promise<GateListEntry[]> {
  const ledger = await openLedger(deps.target);
  try {
    return (await ledger.listGates()).map(({ id, attractions, createdAt, revokedAt }) => ({ id, attractions, createdAt, revokedAt }));
  } finally {
    await ledger.close();
  }
}

export function renderGateList(gates: readonly GateListEntry[], out: Output): void {
  if (out.view === 'json') {
    out.result(toJson({ schemaVersion: 1, kind: 'yangtze.gates', gates }));
    return;
  }
  if (gates.length === 0) {
    if (out.view === 'tty') out.info('no gates yet: add one with `yangtze gate add GATE_ID --attractions ID,…`');
    return;
  }
  const s = out.style;
  out.result(
    renderTable(out, gates, [
      { header: 'GATE', value: (g) => g.id, whole: true },
      { header: 'STATUS', value: (g) => (g.revokedAt === null ? 'active' : 'revoked'), color: (t, g) => (g.revokedAt === null ? s.green(t) : s.red(t)) },
      { header: 'ATTRACTIONS', value: (g) => g.attractions.join(',') },
      { header: 'CREATED', value: (g) => g.createdAt },
      { header: 'REVOKED', value: (g) => g.revokedAt ?? '' },
    ]),
  );
}
