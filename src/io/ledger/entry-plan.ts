/**
 * What both ledger adapters do inside their entry transaction, once they hold
 * the pass's lock and have read its row, its revocation and its entries:
 * decide (decideEntry) and say what to write. Pure, so the SQLite and the
 * PostgreSQL adapter cannot drift apart on the rules; each only runs the SQL.
 */
import { decideEntry, type EntryDecision } from '../../domain/passes/ledger-entry-rule.js';
import { entryRulesOf, type LedgerPass } from './ledger-pass.js';
import type { EntryOutcome, EntryRequest, MergedScan, RevokeKind, RevokeOutcome, ScanToMerge } from './ledger-port.js';

/** An earlier entry as both adapters read it: `ORDER BY day, id`. */
export interface StoredEntry {
  readonly id: number;
  readonly attraction: string;
  readonly day: string;
  readonly gate: string | null;
  readonly at: string;
}

export interface StoredRevocation {
  readonly kind: string;
  readonly reason: string;
  readonly at: string;
}

export type EntryPlan =
  | { readonly write: false; readonly outcome: EntryOutcome }
  | { readonly write: true; readonly pass: LedgerPass; readonly decision: Extract<EntryDecision, { admit: true }> };

export function planEntry(pass: LedgerPass | undefined, revocation: StoredRevocation | undefined, past: readonly StoredEntry[], req: EntryRequest): EntryPlan {
  if (!pass) return { write: false, outcome: { admit: false, reason: 'unknown-pass', message: `pass ${req.passId} is not in this ledger` } };
  if (revocation) {
    const reason = revocation.kind === 'refunded' ? 'refunded' : 'revoked';
    return {
      write: false,
      outcome: { admit: false, reason, pass, message: `pass ${req.passId} was ${reason} at ${revocation.at}${reason === 'revoked' ? `: ${revocation.reason}` : ''}` },
    };
  }
  const decision = decideEntry(entryRulesOf(pass), past, req.attraction, req.date);
  if (decision.admit) return { write: true, pass, decision };
  const earlier = decision.earlier;
  // past is in (day, id) order, so the first match is the earliest entry of that attraction on that day.
  const hit = earlier ? past.find((e) => e.attraction === earlier.attraction && e.day === earlier.day) : undefined;
  return {
    write: false,
    outcome: {
      admit: false,
      reason: decision.reason,
      message: decision.message,
      pass,
      ...(hit ? { earlier: { redemptionId: hit.id, day: hit.day, gate: hit.gate, at: hit.at } } : {}),
    },
  };
}

/** The outcome once the writes of an admitting plan are done. */
export function admitted(plan: Extract<EntryPlan, { write: true }>, redemptionId: number): EntryOutcome {
  const { decision } = plan;
  return { admit: true, pass: plan.pass, redemptionId, note: decision.note, ...(decision.credit !== undefined ? { credit: decision.credit } : {}) };
}

/** What a UNIQUE constraint says when the decision above was ever wrong: the last line of defence. */
export function refusedByConstraint(req: EntryRequest): EntryOutcome {
  return { admit: false, reason: 'already-used', message: `already used at ${req.attraction} (refused by the ledger's constraints)` };
}

/** Revocation and refund under the pass's lock: `used` counts its entries (first by attraction, day). */
export function planRevocation(
  exists: boolean,
  existing: { kind: RevokeKind; at: string } | undefined,
  used: { n: number; attraction: string | null; day: string | null },
  kind: RevokeKind,
): RevokeOutcome | 'write' {
  if (!exists) return { ok: false, reason: 'unknown-pass' };
  if (existing) return { ok: false, reason: 'already', kind: existing.kind, at: existing.at };
  if (kind === 'refunded' && used.n > 0) return { ok: false, reason: 'used', entries: used.n, first: { attraction: used.attraction ?? '', day: used.day ?? '' } };
  return 'write';
}

/** A scan found in `gate_scans` by an earlier reconcile, with the entry it collided with. */
export function alreadyMerged(
  s: ScanToMerge,
  seen: { conflict: string | null; gate: string | null; at: string | null; day: string | null },
): MergedScan {
  return {
    scan: s.scan,
    file: s.file,
    line: s.line,
    state: 'already-merged',
    ...(seen.conflict ? { conflict: seen.conflict as MergedScan['conflict'] } : {}),
    ...(seen.at ? { earlier: { gate: seen.gate, at: seen.at, day: seen.day ?? '' } } : {}),
  };
}

/** A scan merged now: admitted, or kept with the conflict the ledger found. */
export function mergedNow(s: ScanToMerge, outcome: EntryOutcome): MergedScan {
  if (outcome.admit) return { scan: s.scan, file: s.file, line: s.line, state: 'merged' };
  return {
    scan: s.scan,
    file: s.file,
    line: s.line,
    state: 'merged',
    conflict: outcome.reason,
    message: outcome.message,
    ...(outcome.earlier ? { earlier: { gate: outcome.earlier.gate, at: outcome.earlier.at, day: outcome.earlier.day } } : {}),
  };
}

/** The values of a `gate_scans` row for a merged scan (same column order in both backends). */
export function gateScanValues(s: ScanToMerge, outcome: EntryOutcome, mergedAt: string): unknown[] {
  return [
    s.scan.scan,
    s.scan.passId,
    s.scan.attraction,
    s.scan.date,
    s.scan.gate,
    s.scan.at,
    s.file,
    s.line,
    outcome.admit ? outcome.redemptionId : null,
    outcome.admit ? null : outcome.reason,
    !outcome.admit && outcome.earlier ? outcome.earlier.redemptionId : null,
    mergedAt,
  ];
}

/** A scan of an offline gate as reconcile records the entry. */
export function entryOfScan(s: ScanToMerge): EntryRequest {
  return { passId: s.scan.passId, attraction: s.scan.attraction, date: s.scan.date, at: s.scan.at, gate: s.scan.gate, source: 'gate-log', scanId: s.scan.scan };
}
