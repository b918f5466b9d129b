/**
 * `pass show PASS_ID|TOKEN` and `pass list [--booking B] [--holder H] [--status S]`:
 * looking passes up in the ledger. A token is verified against the trust file
 * first (a forged one is exit 1, never looked up). One dataset, three views:
 * terminal (labelled lines / a table), pipe (TSV, stable columns), `--json`.
 */
import { NoAnswer, NotFoundError, UsageError } from '../cli/errors.js';
import type { Output } from '../cli/output.js';
import { toJson } from '../cli/output.js';
import { renderTable } from '../cli/table.js';
import { neutraliseControls } from '../domain/control-characters.js';
import { didYouMean, suggestionText } from '../domain/did-you-mean.js';
import { shanghaiDate } from '../domain/passes/shanghai-time.js';
import { TOKEN_PREFIX } from '../domain/passes/token.js';
import { verifyToken } from '../domain/passes/verify-token.js';
import { passesDocument, passStatus, toPassJson, type PassStatus } from '../export/pass-json.js';
import { readTrustFile, trustFilePath } from '../io/keys.js';
import type { LedgerPass } from '../io/ledger/ledger-pass.js';
import type { LedgerTarget, PassEntry } from '../io/ledger/ledger-port.js';
import { withLedger } from '../io/ledger/with-ledger.js';

export interface PassShowResult {
  readonly pass: LedgerPass;
  readonly entries: readonly PassEntry[];
  readonly today: string;
}

export async function runPassShow(arg: string, deps: LedgerTarget & { nowMs: number; trust?: string }): Promise<PassShowResult> {
  let passId = arg.trim();
  if (passId.startsWith(TOKEN_PREFIX)) {
    const verified = verifyToken(passId, readTrustFile(deps.trust ?? trustFilePath(deps.home)), { date: shanghaiDate(deps.nowMs) });
    // Window and revocation do not matter for a look-up; a token that is not genuine does.
    if (!verified.pass) throw new NoAnswer(`not a genuine pass token (${verified.reason}): ${verified.message}`);
    passId = verified.pass.passId;
  }
  return withLedger(deps, {}, async (ledger) => {
    const pass = await ledger.getPass(passId);
    if (!pass) throw new NotFoundError(`no pass ${neutraliseControls(passId)} in the ledger (${ledger.location})`, 'List passes with `yangtze pass list --booking REF` or `--holder NAME`.');
    return { pass, entries: await ledger.entriesOf(passId), today: shanghaiDate(deps.nowMs) };
  });
}

export function renderPassShow(r: PassShowResult, out: Output): void {
  const j = toPassJson(r.pass, r.today);
  if (out.view === 'json') {
    out.result(toJson({ schemaVersion: 1, kind: 'yangtze.pass', pass: j, entries: r.entries }));
    return;
  }
  if (out.view === 'pipe') {
    out.result([j.id, j.product, j.holder, j.category, j.validFrom, j.validUntil, j.status, j.booking ?? '', String(r.entries.length), j.token].map((c) => neutraliseControls(c)).join('\t'));
    return;
  }
  const s = out.style;
  const line = (label: string, value: string) => `${s.dim(label.padEnd(12))}${value}`;
  out.result(
    [
      `${s.bold(j.id)}  ${j.product}`,
      line('holder', `${neutraliseControls(j.holder)} (${j.category})`),
      line('valid', `${j.validFrom}..${j.validUntil}`),
      line('status', j.status),
      line('booking', neutraliseControls(j.booking ?? '—')),
      line('price', `${j.price} ${r.pass.currency}`),
      line('attractions', j.attractions.join(', ')),
      line('issued', r.pass.issuedAt),
      line('entries', r.entries.length === 0 ? 'none' : ''),
      ...r.entries.map((e) => `  ${e.day}  ${e.attraction}  ${e.gate ? `gate ${neutraliseControls(e.gate)}` : 'online'}  ${s.dim(e.at)}`),
    ]
      .map((l) => l.trimEnd())
      .join('\n'),
  );
}

export const LIST_STATUSES: readonly PassStatus[] = ['issued', 'active', 'used-up', 'expired', 'revoked', 'refunded'];

export interface PassListOptions {
  readonly booking?: string;
  /** Case-insensitive part of the holder's name. */
  readonly holder?: string;
  readonly status?: string;
}

export interface PassListResult {
  readonly passes: readonly LedgerPass[];
  readonly today: string;
}

export async function runPassList(opts: PassListOptions, deps: LedgerTarget & { nowMs: number }): Promise<PassListResult> {
  if (opts.status !== undefined && !(LIST_STATUSES as readonly string[]).includes(opts.status)) {
    const near = didYouMean(opts.status, LIST_STATUSES);
    throw new UsageError(`--status: unknown status "${opts.status}"`, near ? suggestionText(near) : `expected one of ${LIST_STATUSES.join(', ')}`);
  }
  const today = shanghaiDate(deps.nowMs);
  const holder = opts.holder?.toLowerCase();
  const passes: LedgerPass[] = [];
  await withLedger(deps, {}, async (ledger) => {
    for await (const p of ledger.iteratePasses()) {
      if (opts.booking !== undefined && p.booking !== opts.booking) continue;
      if (holder !== undefined && !p.holder.toLowerCase().includes(holder)) continue;
      if (opts.status !== undefined && passStatus(p, today) !== opts.status) continue;
      passes.push(p);
    }
  });
  return { passes, today };
}

export function renderPassList(r: PassListResult, out: Output): void {
  if (r.passes.length === 0 && out.view !== 'json') out.warn('no pass matches');
  if (out.view === 'json') {
    out.result(passesDocument(r.passes, r.today));
    return;
  }
  const text = renderTable(out, r.passes, [
    { header: 'id', value: (p) => p.id, whole: true },
    { header: 'product', value: (p) => p.product },
    { header: 'holder', value: (p) => neutraliseControls(p.holder) },
    { header: 'category', value: (p) => p.category },
    { header: 'valid from', value: (p) => p.validFrom },
    { header: 'until', value: (p) => p.validUntil },
    { header: 'status', value: (p) => passStatus(p, r.today) },
    { header: 'booking', value: (p) => neutraliseControls(p.booking ?? '') },
  ]);
  if (r.passes.length > 0) out.result(text.replace(/\n$/, ''));
}
