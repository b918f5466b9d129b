/**
 * `pass reconcile LOG…`: merges offline gate logs into the ledger, earliest
 * scan first across all logs, and reports every entry the ledger refuses:
 * double use (the same pass and attraction (and day) admitted at two gates,
 * credits or days overspent) and entries after a revocation or refund.
 * Idempotent: a log merged twice adds nothing. Exit 1 when anything was found.
 */
import path from 'node:path';
import { neutraliseControls } from '../domain/control-characters.js';
import { DataError, NoAnswer, NotFoundError } from '../cli/errors.js';
import type { Output } from '../cli/output.js';
import { toJson } from '../cli/output.js';
import { formatIssues } from '../cli/render-issues.js';
import type { Issue } from '../domain/issues.js';
import { shanghaiTimestamp } from '../domain/passes/shanghai-time.js';
import { readGateLog, type GateScan } from '../io/gate-log.js';
import type { TrustFile } from '../domain/passes/trust-file.js';
import { verifyToken } from '../domain/passes/verify-token.js';
import { readTrustFile, trustFilePath } from '../io/keys.js';
import { existsSync } from 'node:fs';
import type { LedgerTarget, MergedScan } from '../io/ledger/ledger-port.js';
import { withLedger } from '../io/ledger/with-ledger.js';

/** Refusals that mean the pass was used more than it allows. */
export const DOUBLE_USE = new Set(['already-used', 'used-up', 'no-days-left']);

export interface PassReconcileResult {
  readonly logs: readonly string[];
  readonly scans: number;
  readonly merged: number;
  readonly alreadyMerged: number;
  readonly conflicts: readonly MergedScan[];
  /** Admitted scans whose line does not hold up: forged or untrusted token, another pass's id, an attraction it does not cover. Not merged. */
  readonly invalid: readonly InvalidScan[];
  readonly issues: readonly Issue[];
}

export interface InvalidScan {
  readonly scan: GateScan;
  readonly file: string;
  readonly line: number;
  /** verifyToken's reason, or `wrong-pass` when the line's pass id is not the token's. */
  readonly reason: string;
  readonly message: string;
}

export async function runPassReconcile(opts: { logs: readonly string[]; trust?: string }, deps: LedgerTarget & { nowMs: number }): Promise<PassReconcileResult> {
  const scans: { scan: GateScan; file: string; line: number }[] = [];
  const invalid: InvalidScan[] = [];
  const issues: Issue[] = [];
  for (const file of opts.logs) {
    if (!existsSync(file)) throw new NotFoundError(`gate log not found: ${file}`, 'give the files written by `pass redeem --offline --log FILE`');
  }
  const trust = readTrustFile(opts.trust ?? trustFilePath(deps.home));
  for (const file of opts.logs) {
    const log = readGateLog(file, path.basename(file));
    issues.push(...log.issues);
    for (const s of log.scans) {
      if (s.result !== 'admitted') continue;
      const bad = checkScan(s, trust);
      if (bad) invalid.push({ scan: s, file, line: s.line, ...bad });
      else scans.push({ scan: s, file, line: s.line });
    }
  }
  if (issues.length > 0 && scans.length === 0 && invalid.length === 0) throw new DataError('no scans could be read; nothing was merged', issues);
  scans.sort((a, b) => a.scan.at.localeCompare(b.scan.at) || a.scan.gate.localeCompare(b.scan.gate) || a.scan.scan.localeCompare(b.scan.scan));
  const mergedAt = shanghaiTimestamp(deps.nowMs);
  const results = await withLedger(deps, {}, (ledger) =>
    ledger.mergeGateScans(
      scans.map((s) => ({ ...s, file: path.resolve(s.file) })),
      mergedAt,
    ),
  );
  return {
    logs: opts.logs,
    scans: scans.length,
    merged: results.filter((r) => r.state === 'merged').length,
    alreadyMerged: results.filter((r) => r.state === 'already-merged').length,
    conflicts: results.filter((r) => r.conflict !== undefined),
    invalid,
    issues,
  };
}

/**
 * A log line is a claim by a gate: its token must verify against the trust file on the
 * day of the scan (signature, key, window), belong to the line's pass and cover its attraction.
 * Revocations are the ledger's to judge (a revoked pass is a conflict when merged).
 */
function checkScan(s: GateScan, trust: TrustFile): { reason: string; message: string } | undefined {
  const verified = verifyToken(s.token, trust, { date: s.date, at: s.attraction });
  if (!verified.valid) return { reason: verified.reason, message: verified.message };
  if (verified.pass?.passId !== s.passId) return { reason: 'wrong-pass', message: `the line names ${s.passId} but its token is pass ${verified.pass?.passId}` };
  return undefined;
}

export function renderPassReconcile(r: PassReconcileResult, out: Output): void {
  const kindOf = (c: MergedScan) => (DOUBLE_USE.has(c.conflict!) ? 'double-use' : 'refused');
  if (out.view === 'json') {
    out.result(
      toJson({
        schemaVersion: 1,
        kind: 'yangtze.reconcile',
        logs: r.logs,
        scans: r.scans,
        merged: r.merged,
        alreadyMerged: r.alreadyMerged,
        conflicts: r.conflicts.map((c) => ({
          kind: kindOf(c),
          reason: c.conflict,
          passId: c.scan.passId,
          attraction: c.scan.attraction,
          date: c.scan.date,
          gate: c.scan.gate,
          at: c.scan.at,
          log: `${path.basename(c.file)}:${c.line}`,
          earlier: c.earlier ? { gate: c.earlier.gate, at: c.earlier.at } : null,
        })),
        invalid: r.invalid.map((i) => ({
          kind: 'invalid-scan',
          reason: i.reason,
          message: i.message,
          passId: i.scan.passId,
          attraction: i.scan.attraction,
          date: i.scan.date,
          gate: i.scan.gate,
          at: i.scan.at,
          log: `${path.basename(i.file)}:${i.line}`,
        })),
      }),
    );
  } else if (out.view === 'pipe') {
    out.result(
      r.conflicts
        .map((c) => [kindOf(c), c.conflict!, c.scan.passId, c.scan.attraction, c.scan.date, c.scan.gate, c.scan.at, c.earlier?.gate ?? '', c.earlier?.at ?? ''])
        .concat(r.invalid.map((i) => ['invalid-scan', i.reason, i.scan.passId, i.scan.attraction, i.scan.date, i.scan.gate, i.scan.at, `${path.basename(i.file)}:${i.line}`, '']))
        // Log lines are a gate's word: their fields are shown as text, never obeyed by a terminal.
        .map((cells) => cells.map((cell) => neutraliseControls(cell)).join('\t'))
        .join('\n'),
    );
  } else {
    const s = out.style;
    const lines = [`merged ${r.merged} new scan(s) from ${r.logs.length} log(s)${r.alreadyMerged > 0 ? `; ${r.alreadyMerged} were merged before` : ''}`];
    for (const c of r.conflicts) {
      const first = c.earlier ? ` (first admitted at gate ${c.earlier.gate ?? 'online'} ${c.earlier.at})` : '';
      lines.push(`${s.red(kindOf(c))} ${neutraliseControls(`${c.scan.passId} at ${c.scan.attraction} on ${c.scan.date}: gate ${c.scan.gate} ${c.scan.at}, ${c.conflict}${first}`)}`);
    }
    for (const i of r.invalid) {
      lines.push(`${s.red('invalid-scan')} ${neutraliseControls(`${path.basename(i.file)}:${i.line} ${i.scan.passId} at ${i.scan.attraction} on ${i.scan.date}, gate ${i.scan.gate}: ${i.reason} (${i.message}); not merged`)}`);
    }
    if (r.conflicts.length === 0 && r.invalid.length === 0) lines.push(`${s.green('✔')} no double use`);
    out.result(lines.join('\n'));
  }
  const unreadable = `${r.issues.length} line(s) of the gate logs could not be read; the rest was merged`;
  if (r.conflicts.length > 0 || r.invalid.length > 0) {
    if (r.issues.length > 0) out.stderr.write(formatIssues(r.issues, out.styleErr) + unreadable + '\n');
    const doubles = r.conflicts.filter((c) => DOUBLE_USE.has(c.conflict!)).length;
    const others = r.conflicts.length - doubles;
    throw new NoAnswer(
      `${doubles} double use(s) and ${others} other refused entr${others === 1 ? 'y' : 'ies'} found` +
        (r.invalid.length > 0 ? `; ${r.invalid.length} admitted scan(s) whose token does not hold up were not merged` : ''),
    );
  }
  if (r.issues.length > 0) throw new DataError(unreadable, r.issues);
}
