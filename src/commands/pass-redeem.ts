/**
 * `pass redeem TOKEN --at ATTRACTION [--gate G] [--date D]`: verifies the
 * token (trust file under --home) and records the entry in the ledger, where
 * the rules of the pass are applied under SQLite's write lock (recordEntry).
 *
 * `--offline --log FILE`: no ledger. Verifies with the trust file and the
 * latest revocation list only, applies the entry rules against this gate's own
 * log, and appends the scan to the log (fsync'd) for `pass reconcile`.
 * Exit 0 admitted, 1 refused (the reason says why).
 */
import { randomUUID } from 'node:crypto';
import { DataError, NoAnswer, UsageError } from '../cli/errors.js';
import type { Output } from '../cli/output.js';
import { toJson } from '../cli/output.js';
import type { IsoDate } from '../domain/catalogue/model.js';
import { isIsoDate } from '../domain/calendar/iso-date.js';
import { claimsEntryRules } from '../domain/passes/claims-entry-rules.js';
import { decideEntry } from '../domain/passes/ledger-entry-rule.js';
import type { RevocationList } from '../domain/passes/revocation-list.js';
import { shanghaiDate, shanghaiTimestamp } from '../domain/passes/shanghai-time.js';
import type { PassClaims } from '../domain/passes/token.js';
import { verifyToken } from '../domain/passes/verify-token.js';
import { appendGateScan, readGateLog } from '../io/gate-log.js';
import { readTrustFile, trustFilePath } from '../io/keys.js';
import type { LedgerTarget } from '../io/ledger/ledger-port.js';
import { withLedger } from '../io/ledger/with-ledger.js';
import { latestRevocationPath, readRevocationList } from '../io/revocation-file.js';

export interface PassRedeemOptions {
  readonly token: string;
  readonly at: string;
  readonly gate?: string;
  readonly date?: string;
  readonly offline: boolean;
  readonly log?: string;
  readonly trust?: string;
  readonly revoked?: string;
}

export interface PassRedeemDeps extends LedgerTarget {
  readonly nowMs: number;
  /** Where warnings go (stderr). */
  readonly warn?: (text: string) => void;
}

export interface PassRedeemResult {
  readonly admitted: boolean;
  readonly reason: string;
  readonly message: string;
  readonly passId?: string;
  readonly holder?: string;
  readonly product?: string;
  readonly attraction: string;
  readonly date: IsoDate;
  readonly gate: string | null;
  /** "entry 2 of 6", "day 1 of 3", "valid 2026-05-12..2026-05-16". */
  readonly note?: string;
  readonly mode: 'online' | 'offline';
}

export async function runPassRedeem(opts: PassRedeemOptions, deps: PassRedeemDeps): Promise<PassRedeemResult> {
  if (opts.date !== undefined && !isIsoDate(opts.date)) throw new UsageError(`--date: "${opts.date}" is not a date (YYYY-MM-DD)`);
  if (opts.offline && !opts.log) throw new UsageError('--offline needs --log FILE: the gate log the scan is appended to');
  if (!opts.offline && opts.log) throw new UsageError('--log is for --offline gates; online redemptions go to the ledger');
  const date = opts.date ?? shanghaiDate(deps.nowMs);
  const at = shanghaiTimestamp(deps.nowMs);
  const gate = opts.gate ?? null;
  const trust = readTrustFile(opts.trust ?? trustFilePath(deps.home));
  const base = { attraction: opts.at, date, gate, mode: opts.offline ? ('offline' as const) : ('online' as const) };

  if (opts.offline) {
    const listPath = opts.revoked ?? latestRevocationPath(deps.home);
    const revoked: RevocationList | undefined = listPath ? readRevocationList(listPath, trust) : undefined;
    const verified = verifyToken(opts.token, trust, { date, at: opts.at, ...(revoked ? { revoked } : {}) });
    let result: PassRedeemResult;
    if (!verified.valid || !verified.pass) {
      result = { ...base, admitted: false, reason: verified.reason, message: verified.message, ...who(verified.pass) };
    } else {
      const claims = verified.pass;
      const log = readGateLog(opts.log!, opts.log!, '--log');
      // A file with no scan at all is not this gate's log: appending to it would spoil someone's file.
      if (log.scans.length === 0 && log.issues.length > 0) {
        throw new DataError(`${opts.log}: not a gate log (no line is a scan); nothing was appended`, log.issues.slice(0, 5));
      }
      if (log.issues.length > 0) deps.warn?.(`${opts.log}: ${log.issues.length} unreadable line(s) ignored (a torn write after a power cut?); lines: ${log.issues.map((i) => i.line).join(', ')}`);
      const past = log.scans
        .filter((s) => s.result === 'admitted' && s.passId === claims.passId)
        .map((s) => ({ attraction: s.attraction, day: s.date }));
      const decision = decideEntry(claimsEntryRules(claims), past, opts.at, date);
      result = decision.admit
        ? { ...base, admitted: true, reason: 'ok', message: 'admitted', note: decision.note, ...who(claims) }
        : { ...base, admitted: false, reason: decision.reason, message: decision.message, ...who(claims) };
    }
    // Only scans of genuine tokens are logged: a forged token has no pass id worth reconciling.
    if (result.passId !== undefined) {
      appendGateScan(opts.log!, {
        v: 1,
        scan: randomUUID(),
        gate: gate ?? 'offline',
        at,
        date,
        passId: result.passId,
        attraction: opts.at,
        result: result.admitted ? 'admitted' : 'refused',
        reason: result.reason,
        token: opts.token.trim(),
      });
    }
    return result;
  }

  const verified = verifyToken(opts.token, trust, { date, at: opts.at });
  if (!verified.valid || !verified.pass) return { ...base, admitted: false, reason: verified.reason, message: verified.message, ...who(verified.pass) };
  const claims = verified.pass;
  const outcome = await withLedger(deps, {}, (ledger) => ledger.recordEntry({ passId: claims.passId, attraction: opts.at, date, at, gate, source: 'online' }));
  return outcome.admit
    ? { ...base, admitted: true, reason: 'ok', message: 'admitted', note: outcome.note, ...who(claims) }
    : { ...base, admitted: false, reason: outcome.reason, message: outcome.message, ...who(claims) };
}

function who(claims: PassClaims | undefined) {
  return claims ? { passId: claims.passId, holder: claims.holder, product: claims.product } : {};
}

/** Prints the decision; throws NoAnswer (exit 1) after it when refused. */
export function renderPassRedeem(r: PassRedeemResult, out: Output): void {
  if (out.view === 'json') {
    out.result(
      toJson({
        schemaVersion: 1,
        kind: 'yangtze.redemption',
        admitted: r.admitted,
        reason: r.reason,
        message: r.message,
        passId: r.passId ?? null,
        holder: r.holder ?? null,
        product: r.product ?? null,
        attraction: r.attraction,
        date: r.date,
        gate: r.gate,
        note: r.note ?? null,
        mode: r.mode,
      }),
    );
  } else if (out.view === 'pipe') {
    out.result([r.admitted ? 'admitted' : 'refused', r.reason, r.passId ?? '', r.attraction, r.date, r.message].join('\t'));
  } else {
    const s = out.style;
    out.result(
      r.admitted
        ? `${s.green('✔ admitted')}  ${r.holder ?? ''}  ${r.product ?? ''} at ${r.attraction}  ${s.dim(r.note ?? '')}`
        : `${s.red('✘ refused')} (${r.reason}): ${r.message}${r.holder ? `  ${s.dim(`${r.holder}, ${r.passId}`)}` : ''}`,
    );
  }
  if (!r.admitted) throw new NoAnswer();
}
