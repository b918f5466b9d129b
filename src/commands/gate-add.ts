/**
 * `gate add GATE_ID --attractions a,b`: a credential for an online gate,
 * scoped to those attractions. The secret is printed once and only its hash
 * is stored; lose it and revoke the gate, then add a new one.
 */
import { UsageError } from '../cli/errors.js';
import type { Output } from '../cli/output.js';
import { toJson } from '../cli/output.js';
import type { Catalogue } from '../domain/catalogue/model.js';
import { didYouMean, suggestionText } from '../domain/did-you-mean.js';
import { formatCredential, GATE_ID_PATTERN, GATE_SECRET_BYTES, isGateId } from '../domain/passes/gate-credential.js';
import { shanghaiTimestamp } from '../domain/passes/shanghai-time.js';
import type { LedgerTarget } from '../io/ledger/ledger-port.js';
import { openLedger } from '../io/ledger/open-ledger.js';

export interface GateAddOptions {
  readonly gateId: string;
  /** As typed: comma-separated attraction ids. */
  readonly attractions: string;
}

export interface GateAddDeps {
  readonly target: LedgerTarget;
  readonly catalogue: Catalogue;
  readonly nowMs: number;
  readonly randomBytes: (n: number) => Uint8Array;
}

export interface GateAddResult {
  readonly id: string;
  readonly attractions: readonly string[];
  readonly createdAt: string;
  /** `<gateId>.<secret>`: shown this once. */
  readonly credential: string;
}

export async function runGateAdd(opts: GateAddOptions, deps: GateAddDeps): Promise<GateAddResult> {
  if (!isGateId(opts.gateId)) {
    throw new UsageError(`GATE_ID: "${opts.gateId}" is not a gate id`, `Use lower-case letters, digits and dashes (${GATE_ID_PATTERN.source}), e.g. wh-east-lake-1.`);
  }
  const attractions = parseAttractions(opts.attractions, deps.catalogue);
  const { credential, secretHash } = formatCredential(opts.gateId, deps.randomBytes(GATE_SECRET_BYTES));
  const createdAt = shanghaiTimestamp(deps.nowMs);
  const ledger = await openLedger(deps.target);
  try {
    await ledger.addGate({ id: opts.gateId, attractions, secretHash, createdAt });
  } finally {
    await ledger.close();
  }
  return { id: opts.gateId, attractions, createdAt, credential };
}

/** The ids of `--attractions`, each known to the catalogue; every unknown one is named, with a suggestion. */
export function parseAttractions(text: string, catalogue: Catalogue): string[] {
  const ids = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
  if (ids.length === 0) throw new UsageError('--attractions: give at least one attraction id (comma-separated)');
  const known = catalogue.attractions.map((a) => a.id);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    const suggestions = unknown.map((id) => didYouMean(id, known)).map((close, i) => (close ? `"${unknown[i]}": ${suggestionText(close)}` : undefined));
    throw new UsageError(
      `--attractions: unknown attraction${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `"${id}"`).join(', ')}`,
      [...suggestions.filter(Boolean), 'Run `yangtze catalogue list` for the attraction ids.'].join('\n'),
    );
  }
  return ids.sort();
}

export function renderGateAdd(r: GateAddResult, out: Output): void {
  if (out.view === 'json') {
    out.result(toJson({ schemaVersion: 1, kind: 'yangtze.gate', id: r.id, attractions: r.attractions, createdAt: r.createdAt, revokedAt: null, credential: r.credential }));
  } else if (out.view === 'pipe') {
    // The credential alone, so `yangtze gate add … > gate.cred` stores exactly what the scanner needs.
    out.result(`${r.credential}\n`);
  } else {
    const s = out.style;
    out.result(
      `${s.green('✔')} gate ${s.bold(r.id)} may verify and redeem at ${r.attractions.join(', ')}\n` +
        `credential (shown only now; the ledger keeps a hash):\n  ${r.credential}\n` +
        `${s.dim('Scanners send it as: Authorization: Bearer <credential>')}\n`,
    );
  }
}
