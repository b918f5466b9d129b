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
import { neutraliseControls } from '../domain/control-characters.js';
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
import type { TrustFile } from '../domain/passes/trust-file.js';
import { verifyToken } from '../domain/passes/verify-token.js';
import { appendGateScan, readGateLog } from '../io/gate-log.js';
import { readTrustFile, trustFilePath } from '../io/keys.js';
import type { LedgerTarget } from '../io/ledger/ledger-port.js';
import { withLedger } from '../io/ledger/with-ledger.js';
import { checkGateAttraction } from './check-gate-attraction.js';
import { withFileLock } from '../io/file-lock.js';
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
  /** Attraction ids of the catalogue: `--at` must be one of them or of the pass (checkGateAttraction). */
  readonly attractionIds?: readonly string[];
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

/** How far past midnight a gate's clock may lag: a --date of tomorrow is accepted this close to midnight. */
export const FUTURE_TOLERANCE_MS = 15 * 60_000;

export async function runPassRedeem(opts: PassRedeemOptions, deps: PassRedeemDeps): Promise<PassRedeemResult> {
  if (opts.date !== undefined && !isIsoDate(opts.date)) throw new UsageError(`--date: "${opts.date}" is not a date (YYYY-MM-DD)`);
  if (opts.offline && !opts.log) throw new UsageError('--offline needs --log FILE: the gate log the scan is appended to');
  if (!opts.offline && opts.log) throw new UsageError('--log is for --offline gates; online redemptions go to the ledger');
  if (deps.attractionIds) checkGateAttraction(opts.at, deps.attractionIds, [opts.token]);
  const date = opts.date ?? shanghaiDate(deps.nowMs);
  // An entry happens now: a later --date would record (and spend) an entry that has not happened.
  const latest = shanghaiDate(deps.nowMs + FUTURE_TOLERANCE_MS);
  if (date > latest) {
    throw new UsageError(
      `--date ${date} is in the future (today is ${shanghaiDate(deps.nowMs)} in Asia/Shanghai): a redemption is recorded when it happens`,
      'Leave --date out at the gate; to check a pass for a later day, use `yangtze pass verify --date`.',
    );
  }
  const at = shanghaiTimestamp(deps.nowMs);
  const gate = opts.gate ?? null;
  const trust = readTrustFile(opts.trust ?? trustFilePath(deps.home));
  const base: RedeemBase = { attraction: opts.at, date, gate, mode: opts.offline ? 'offline' : 'online' };

  if (opts.offline) return redeemOffline(opts, deps, trust, base, at);

  const verified = verifyToken(opts.token, trust, { date, at: opts.at });
  if (!verified.valid || !verified.pass) return { ...base, admitted: false, reason: verified.reason, message: verified.message, ...who(verified.pass) };
  const claims = verified.pass;
  const outcome = await withLedger(deps, {}, (ledger) => ledger.recordEntry({ passId: claims.passId, attraction: opts.at, date, at, gate, source: 'online' }));
  return outcome.admit
    ? { ...base, admitted: true, reason: 'ok', message: 'admitted', note: outcome.note, ...who(claims) }
    : { ...base, admitted: false, reason: outcome.reason, message: outcome.message, ...who(claims) };
}

/**
 * The offline gate: verify, then read the log, decide and append under an
 * exclusive lock on the log, so that scanners sharing it cannot both admit.
 */
function redeemOffline(opts: PassRedeemOptions, deps: PassRedeemDeps, trust: TrustFile, base: RedeemBase, at: string): PassRedeemResult {
  const log = opts.log!;
  const listPath = opts.revoked ?? latestRevocationPath(deps.home);
  const revoked: RevocationList | undefined = listPath ? readRevocationList(listPath, trust) : undefined;
  const verified = verifyToken(opts.token, trust, { date: base.date, at: opts.at, ...(revoked ? { revoked } : {}) });
  // Only scans of genuine tokens are logged: a forged token has no pass id worth reconciling.
  if (!verified.pass) return { ...base, admitted: false, reason: verified.reason, message: verified.message };
  const claims = verified.pass;
  return withFileLock(
    log,
    () => {
      const past = readGateLog(log, log, '--log');
      // A file with no scan at all is not this gate's log: appending to it, even a refusal, would spoil someone's file.
      if (past.scans.length === 0 && past.issues.length > 0) {
        throw new DataError(`${log}: not a gate log (no line is a scan); nothing was appended`, past.issues.slice(0, 5));
      }
      for (const i of past.issues) deps.warn?.(`${i.file}:${i.line}:${i.col} ${i.message} (a torn write after a power cut?)`);
      let result: PassRedeemResult;
      if (!verified.valid) {
        result = { ...base, admitted: false, reason: verified.reason, message: verified.message, ...who(claims) };
      } else {
        const entries = past.scans
          .filter((s) => s.result === 'admitted' && s.passId === claims.passId)
          .map((s) => ({ attraction: s.attraction, day: s.date }));
        const decision = decideEntry(claimsEntryRules(claims), entries, opts.at, base.date);
        result = decision.admit
          ? { ...base, admitted: true, reason: 'ok', message: 'admitted', note: decision.note, ...who(claims) }
          : { ...base, admitted: false, reason: decision.reason, message: decision.message, ...who(claims) };
      }
      appendGateScan(log, {
        v: 1,
        scan: randomUUID(),
        gate: base.gate ?? 'offline',
        at,
        date: base.date,
        passId: claims.passId,
        attraction: opts.at,
        result: result.admitted ? 'admitted' : 'refused',
        reason: result.reason,
        token: opts.token.trim(),
      });
      return result;
    },
    { role: { what: 'gate log', flag: '--log', kind: 'a gate log file' } },
  );
}

type RedeemBase = Pick<PassRedeemResult, 'attraction' | 'date' | 'gate' | 'mode'>;

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
    out.result([r.admitted ? 'admitted' : 'refused', r.reason, r.passId ?? '', r.attraction, r.date, r.message].map((c) => neutraliseControls(c)).join('\t'));
  } else {
    const s = out.style;
    // The holder name and messages come from the token: shown, never obeyed (control-characters.ts).
    const holder = neutraliseControls(r.holder ?? '');
    const message = neutraliseControls(r.message);
    out.result(
      r.admitted
        ? `${s.green('✔ admitted')}  ${holder}  ${r.product ?? ''} at ${r.attraction}  ${s.dim(r.note ?? '')}`
        : `${s.red('✘ refused')} (${r.reason}): ${message}${r.holder ? `  ${s.dim(`${holder}, ${r.passId}`)}` : ''}`,
    );
  }
  if (!r.admitted) throw new NoAnswer();
}
