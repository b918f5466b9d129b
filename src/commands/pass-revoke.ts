/**
 * `pass revoke PASS_ID --reason TEXT` and `pass refund PASS_ID` (unused passes
 * only). Both record the pass in `revocations`, after which online gates
 * refuse it, and save a fresh signed revocation list for offline gates.
 */
import { NoAnswer, NotFoundError, UsageError } from '../cli/errors.js';
import type { Output } from '../cli/output.js';
import { toJson } from '../cli/output.js';
import { shanghaiTimestamp } from '../domain/passes/shanghai-time.js';
import type { Signer } from '../domain/passes/token.js';
import type { LedgerTarget, RevokeKind } from '../io/ledger/ledger-port.js';
import { withLedger } from '../io/ledger/with-ledger.js';
import { prepareRevocationsDir } from '../io/revocation-file.js';
import { saveRevocationList } from './pass-revocations.js';

export interface PassRevokeOptions {
  readonly passId: string;
  readonly kind: RevokeKind;
  readonly reason: string;
}

export interface PassRevokeDeps extends LedgerTarget {
  readonly nowMs: number;
  /** The active signing key, for the revocation list; undefined when this machine has none. */
  readonly signer: Signer | undefined;
}

export interface PassRevokeResult {
  readonly passId: string;
  readonly kind: RevokeKind;
  readonly at: string;
  /** False when the pass was revoked or refunded before. */
  readonly changed: boolean;
  readonly revocationList?: string;
}

export async function runPassRevoke(opts: PassRevokeOptions, deps: PassRevokeDeps): Promise<PassRevokeResult> {
  if (opts.kind === 'revoked' && opts.reason.trim() === '') throw new UsageError('--reason: say why the pass is revoked');
  const at = shanghaiTimestamp(deps.nowMs);
  // The list is saved after the commit: its folder is checked first, so a revocation is never left without one.
  if (deps.signer) prepareRevocationsDir(deps.home);
  return withLedger(deps, {}, async (ledger) => {
    const outcome = await ledger.revokePass(opts.passId, opts.kind, opts.reason.trim(), at);
    if (!outcome.ok && outcome.reason === 'unknown-pass') throw new NotFoundError(`no pass ${opts.passId} in the ledger`);
    if (!outcome.ok && outcome.reason === 'used') {
      throw new NoAnswer(
        `pass ${opts.passId} cannot be refunded: it has been used (${outcome.entries} entr${outcome.entries === 1 ? 'y' : 'ies'}, first at ${outcome.first.attraction} on ${outcome.first.day}); only unused passes are refunded`,
      );
    }
    const changed = outcome.ok;
    const kind = outcome.ok ? outcome.kind : outcome.reason === 'already' ? outcome.kind : opts.kind;
    const when = outcome.ok ? outcome.at : outcome.reason === 'already' ? outcome.at : at;
    const saved = deps.signer ? await saveRevocationList(ledger, deps.home, deps.signer, deps.nowMs) : undefined;
    return { passId: opts.passId, kind, at: when, changed, ...(saved ? { revocationList: saved.savedTo } : {}) };
  });
}

export function renderPassRevoke(r: PassRevokeResult, out: Output): void {
  if (out.view === 'json') {
    out.result(toJson({ schemaVersion: 1, kind: 'yangtze.revocation', passId: r.passId, status: r.kind, at: r.at, changed: r.changed, revocationList: r.revocationList ?? null }));
  } else if (out.view === 'pipe') {
    out.result([r.passId, r.kind, r.at].join('\t'));
  } else {
    out.result(r.changed ? `${out.style.green('✔')} ${r.passId} ${r.kind}` : `${r.passId} was already ${r.kind} at ${r.at}`);
  }
  if (r.revocationList) out.info(`revocation list saved: ${r.revocationList} (copy it to offline gates)`);
  else out.warn('no signing key on this machine: run `yangtze pass revocations export` where the key is, for offline gates');
}
