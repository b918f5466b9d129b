/**
 * `pass revocations export [-o FILE]`: a revocation list of every revoked or
 * refunded pass, signed with the active key (signRevocationList), saved under
 * `<home>/revocations/<issuedAt>.json` (where `pass verify` and offline gates
 * look for the latest) and printed or written to FILE.
 */
import path from 'node:path';
import { signRevocationList, type RevocationList } from '../domain/passes/revocation-list.js';
import { shanghaiTimestamp } from '../domain/passes/shanghai-time.js';
import type { Signer } from '../domain/passes/token.js';
import { prepareRevocationsDir } from '../io/revocation-file.js';
import { writeFileAtomically } from '../io/pass-files.js';
import type { Ledger, LedgerTarget } from '../io/ledger/ledger-port.js';
import { withLedger } from '../io/ledger/with-ledger.js';
import type { Output } from '../cli/output.js';
import { toJson } from '../cli/output.js';

export interface SavedRevocationList {
  readonly list: RevocationList;
  readonly savedTo: string;
}

/** Signs the ledger's current revocations and saves the list under the home directory. */
export async function saveRevocationList(ledger: Ledger, home: string, signer: Signer, nowMs: number): Promise<SavedRevocationList> {
  const list = signRevocationList(await ledger.revokedPassIds(), shanghaiTimestamp(nowMs), signer);
  const dir = prepareRevocationsDir(home);
  // ':' is not allowed in Windows file names.
  const savedTo = path.join(dir, `${list.issuedAt.replace(/:/g, '')}.json`);
  writeFileAtomically(savedTo, { what: 'revocation list' }, (append) => append(JSON.stringify(list, null, 2) + '\n'));
  return { list, savedTo };
}

export interface RevocationsExportResult extends SavedRevocationList {
  readonly output?: string;
}

export async function runRevocationsExport(opts: { output?: string }, deps: LedgerTarget & { nowMs: number; signer: Signer }): Promise<RevocationsExportResult> {
  const saved = await withLedger(deps, {}, (ledger) => saveRevocationList(ledger, deps.home, deps.signer, deps.nowMs));
  if (opts.output) writeFileAtomically(opts.output, { what: 'revocation list', flag: '-o', kind: 'a file name' }, (append) => append(JSON.stringify(saved.list, null, 2) + '\n'));
  return { ...saved, ...(opts.output ? { output: opts.output } : {}) };
}

export function renderRevocationsExport(r: RevocationsExportResult, out: Output): void {
  if (!r.output) out.result(toJson(r.list));
  out.info(`${r.list.passIds.length} revoked pass(es); saved ${r.savedTo}${r.output ? ` and ${r.output}` : ''}`);
}
