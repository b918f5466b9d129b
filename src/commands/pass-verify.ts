/**
 * `pass verify TOKEN|-`: the gate's offline check, from the trust file and a
 * revocation list alone. Exit 0 when every token is valid, 1 otherwise.
 */
import type { CliContext } from '../cli/context.js';
import { NoAnswer, UsageError } from '../cli/errors.js';
import { isIsoDate } from '../domain/calendar/iso-date.js';
import type { RevocationList } from '../domain/passes/revocation-list.js';
import { shanghaiDate } from '../domain/passes/shanghai-time.js';
import { verifyToken, type VerifyResult } from '../domain/passes/verify-token.js';
import { readTrustFile, trustFilePath } from '../io/keys.js';
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
  const verifyOpts = {
    date,
    ...(opts.at !== undefined ? { at: opts.at } : {}),
    ...(revoked ? { revoked } : {}),
    ...(opts.idNumber !== undefined ? { idNumber: opts.idNumber } : {}),
  };
  let invalid = 0;
  const lines: string[] = [];
  for (const token of tokens) {
    const result = verifyToken(token, trust, verifyOpts);
    if (!result.valid) invalid++;
    lines.push(render(ctx, result, fromStdin));
  }
  ctx.out.result(lines.join(''));
  if (invalid > 0) throw new NoAnswer(tokens.length > 1 ? `${invalid} of ${tokens.length} tokens are not valid` : '');
}

function render(ctx: CliContext, r: VerifyResult, oneLine: boolean): string {
  const p = r.pass;
  if (ctx.out.view === 'json') {
    const doc = { schemaVersion: 1, valid: r.valid, reason: r.reason, message: r.message, ...(p ? { pass: p } : {}) };
    return JSON.stringify(doc, null, oneLine ? undefined : 2) + '\n';
  }
  if (ctx.out.view === 'pipe') {
    return [r.valid ? 'valid' : 'invalid', r.reason, p?.passId ?? '', p?.holder ?? '', p?.category ?? '', p?.product ?? '', p?.validFrom ?? '', p?.validUntil ?? '', r.message]
      .map((c) => c.replace(/[\t\r\n]+/g, ' '))
      .join('\t') + '\n';
  }
  const s = ctx.out.style;
  const head = r.valid ? s.green('✓ valid') : s.red(`✗ ${r.reason}`);
  const who = p ? `  ${p.passId}  ${s.bold(p.holder)} (${p.category})  ${p.product}  ${p.validFrom}..${p.validUntil}` : '';
  return `${head}${who}\n  ${s.dim(r.message)}\n`;
}
