/**
 * `pass verify TOKEN|-`: the gate's offline check, from the trust file and a
 * revocation list alone. Exit 0 when every token is valid, 1 otherwise.
 */
import type { CliContext } from '../cli/context.js';
import { NoAnswer, UsageError } from '../cli/errors.js';
import { isIsoDate } from '../domain/calendar/iso-date.js';
import { neutraliseControls } from '../domain/control-characters.js';
import type { RevocationList } from '../domain/passes/revocation-list.js';
import type { TrustFile } from '../domain/passes/trust-file.js';
import { shanghaiDate } from '../domain/passes/shanghai-time.js';
import { verifyToken, verifyTokenAsync, type VerifyOptions, type VerifyResult } from '../domain/passes/verify-token.js';
import { readIdKeys, readTrustFile, trustFilePath } from '../io/keys.js';
import { checkGateAttraction } from './check-gate-attraction.js';
import { latestRevocationPath, readRevocationList } from '../io/revocation-file.js';

export interface PassVerifyOptions {
  readonly trust?: string;
  readonly revoked?: string;
  readonly at?: string;
  readonly date?: string;
  readonly idNumber?: string;
}

export async function passVerify(ctx: CliContext, tokenArg: string, opts: PassVerifyOptions): Promise<void> {
  const date = opts.date ?? shanghaiDate(ctx.effects.now());
  if (!isIsoDate(date)) throw new UsageError(`--date: "${opts.date}" is not a date like 2026-05-12`);
  const trust = readTrustFile(opts.trust ? ctx.resolve(opts.trust) : trustFilePath(ctx.home));
  const revokedPath = opts.revoked ? ctx.resolve(opts.revoked) : latestRevocationPath(ctx.home);
  const revoked: RevocationList | undefined = revokedPath ? readRevocationList(revokedPath, trust) : undefined;
  const fromStdin = tokenArg === '-';
  const tokens = fromStdin
    ? (await ctx.effects.readStdin()).split(/\r?\n/).map((t) => t.trim()).filter(Boolean)
    : [tokenArg];
  if (opts.at !== undefined) checkGateAttraction(opts.at, (await ctx.catalogue()).attractions.map((a) => a.id), tokens);
  const verifyOpts = {
    date,
    ...(opts.at !== undefined ? { at: opts.at } : {}),
    ...(revoked ? { revoked } : {}),
    // ID keys are read only when asked for: a gate without them still verifies everything else.
    ...(opts.idNumber !== undefined ? { idNumber: opts.idNumber, idKeys: readIdKeys(ctx.home) } : {}),
  };
  let invalid = 0;
  const emit = (results: readonly VerifyResult[]) => {
    for (const r of results) if (!r.valid) invalid++;
    ctx.out.result(results.map((r) => render(ctx, r, fromStdin)).join(''));
  };
  if (tokens.length === 0) ctx.out.warn('no tokens on stdin: nothing was verified');
  if (tokens.length === 1) emit([verifyToken(tokens[0]!, trust, verifyOpts)]);
  else await verifyInOrder(tokens, trust, verifyOpts, emit);
  if (invalid > 0) throw new NoAnswer(tokens.length > 1 ? `${invalid} of ${tokens.length} tokens are not valid` : '');
}

/** Signatures checked in the thread pool, this many in flight: enough to keep every pool thread busy. */
const inFlight = 64;
/** Answers are written in blocks of this many lines, in input order, so a long stdin streams. */
const emitEvery = 256;

async function verifyInOrder(tokens: readonly string[], trust: TrustFile, opts: VerifyOptions, emit: (results: VerifyResult[]) => void): Promise<void> {
  const pending: Promise<VerifyResult>[] = [];
  let ready: VerifyResult[] = [];
  for (const token of tokens) {
    pending.push(verifyTokenAsync(token, trust, opts));
    if (pending.length >= inFlight) ready.push(await pending.shift()!);
    if (ready.length >= emitEvery) {
      emit(ready);
      ready = [];
    }
  }
  ready.push(...(await Promise.all(pending)));
  emit(ready);
}

function render(ctx: CliContext, r: VerifyResult, oneLine: boolean): string {
  const p = r.pass;
  if (ctx.out.view === 'json') {
    const doc = { schemaVersion: 1, valid: r.valid, reason: r.reason, message: r.message, ...(p ? { pass: p } : {}) };
    return JSON.stringify(doc, null, oneLine ? undefined : 2) + '\n';
  }
  if (ctx.out.view === 'pipe') {
    return [r.valid ? 'valid' : 'invalid', r.reason, p?.passId ?? '', p?.holder ?? '', p?.category ?? '', p?.product ?? '', p?.validFrom ?? '', p?.validUntil ?? '', r.message]
      .map((c) => neutraliseControls(c))
      .join('\t') + '\n';
  }
  const s = ctx.out.style;
  const head = r.valid ? s.green('✓ valid') : s.red(`✗ ${r.reason}`);
  // The holder name (and messages quoting it) come from the token: shown as text, never obeyed.
  const who = p ? `  ${p.passId}  ${s.bold(neutraliseControls(p.holder))} (${p.category})  ${p.product}  ${p.validFrom}..${p.validUntil}` : '';
  return `${head}${who}\n  ${s.dim(neutraliseControls(r.message))}\n`;
}
