/**
 * `gate revoke GATE_ID`: the gate's credential stops working (within the
 * service's gate cache time, 1 s by default). Revoking twice is not an error.
 */
import { NotFoundError } from '../cli/errors.js';
import type { Output } from '../cli/output.js';
import { toJson } from '../cli/output.js';
import { shanghaiTimestamp } from '../domain/passes/shanghai-time.js';
import type { LedgerTarget } from '../io/ledger/ledger-port.js';
import { openLedger } from '../io/ledger/open-ledger.js';

export interface GateRevokeResult {
  readonly id: string;
  readonly revokedAt: string;
  /** False when it had been revoked before (revokedAt is then that time). */
  readonly changed: boolean;
}

export async function runGateRevoke(gateId: string, deps: { readonly target: LedgerTarget; readonly nowMs: number }): Promise<GateRevokeResult> {
  const ledger = await openLedger(deps.target);
  try {
    const at = shanghaiTimestamp(deps.nowMs);
    if (await ledger.revokeGate(gateId, at)) return { id: gateId, revokedAt: at, changed: true };
    const gate = await ledger.findGate(gateId);
    if (!gate) throw new NotFoundError(`no gate ${gateId} in the ledger ${ledger.location}`, 'Run `yangtze gate list` for the gates.');
    return { id: gateId, revokedAt: gate.revokedAt ?? at, changed: false };
  } finally {
    await ledger.close();
  }
}

export function renderGateRevoke(r: GateRevokeResult, out: Output): void {
  if (out.view === 'json') out.result(toJson({ schemaVersion: 1, kind: 'yangtze.gate-revocation', id: r.id, revokedAt: r.revokedAt, changed: r.changed }));
  else if (out.view === 'pipe') out.result([r.id, 'revoked', r.revokedAt].join('\t'));
  else out.result(r.changed ? `${out.style.green('✔')} gate ${r.id} revoked` : `gate ${r.id} was already revoked at ${r.revokedAt}`);
}
