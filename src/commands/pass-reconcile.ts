/**
 * `pass reconcile LOG…`: merges offline gate logs into the ledger, earliest
 * scan first across all logs, and reports every entry the ledger refuses:
 * double use (the same pass and attraction (and day) admitted at two gates,
 * credits or days overspent) and entries after a revocation or refund.
 * Idempotent: a log merged twice adds nothing. Exit 1 when anything was found.
 */
import path from 'node:path';
import { DataError, NoAnswer, NotFoundError } from '../cli/errors.js';
import type { Output } from '../cli/output.js';
import { toJson } from '../cli/output.js';
import { formatIssues } from '../cli/render-issues.js';
import type { Issue } from '../domain/issues.js';
import { shanghaiTimestamp } from '../domain/passes/shanghai-time.js';
import { readGateLog, type GateScan } from '../io/gate-log.js';
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
  readonly issues: readonly Issue[];
}

export async function runPassReconcile(opts: { logs: readonly string[] }, deps: LedgerTarget & { nowMs: number }): Promise<PassReconcileResult> {
  const scans: { scan: GateScan; file: string; line: number }[] = [];
  const issues: Issue[] = [];
  for (const file of opts.logs) {
    if (!existsSync(file)) throw new NotFoundError(`gate log not found: ${file}`, 'give the files written by `pass redeem --offline --log FILE`');
    const log = readGateLog(file, path.basename(file));
    issues.push(...log.issues);
    for (const s of log.scans) if (s.result === 'admitted') scans.push({ scan: s, file, line: s.line });
  }
  if (issues.length > 0 && scans.length === 0) throw new DataError('no scans could be read; nothing was merged', issues);
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
    issues,
  };
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
      }),
    );
  } else if (out.view === 'pipe') {
    out.result(
      r.conflicts
        .map((c) => [kindOf(c), c.conflict, c.scan.passId, c.scan.attraction, c.scan.date, c.scan.gate, c.scan.at, c.earlier?.gate ?? '', c.earlier?.at ?? ''].join('\t'))
        .join('\n'),
    );
  } else {
    const s = out.style;
    const lines = [`merged ${r.merged} new scan(s) from ${r.logs.length} log(s)${r.alreadyMerged > 0 ? `; ${r.alreadyMerged} were merged before` : ''}`];
    for (const c of r.conflicts) {
      const first = c.earlier ? ` (first admitted at gate ${c.earlier.gate ?? 'online'} ${c.earlier.at})` : '';
      lines.push(`${s.red(kindOf(c))} ${c.scan.passId} at ${c.scan.attraction} on ${c.scan.date}: gate ${c.scan.gate} ${c.scan.at}, ${c.conflict}${first}`);
    }
    if (r.conflicts.length === 0) lines.push(`${s.green('✔')} no double use`);
    out.result(lines.join('\n'));
  }
  const unreadable = `${r.issues.length} line(s) of the gate logs could not be read; the rest was merged`;
  if (r.conflicts.length > 0) {
    if (r.issues.length > 0) out.stderr.write(formatIssues(r.issues, out.styleErr) + unreadable + '\n');
    const doubles = r.conflicts.filter((c) => DOUBLE_USE.has(c.conflict!)).length;
    throw new NoAnswer(`${doubles} double use(s) and ${r.conflicts.length - doubles} other refused entr${r.conflicts.length - doubles === 1 ? 'y' : 'ies'} found`);
  }
  if (r.issues.length > 0) throw new DataError(unreadable, r.issues);
}
