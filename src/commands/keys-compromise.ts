/** `keys compromise KEYID [--since TS]`: a leaked key; gates keep only the passes the ledger knows. */
import { homeSource, type CliContext } from '../cli/context.js';
import { UsageError } from '../cli/errors.js';
import { compromiseKey } from '../io/keys.js';
import { renderKeysResult } from './keys-result.js';
import { passIdsByKey } from './ledger-pass-ids.js';
import { ledgerTargetOf } from '../cli/ledger-target.js';

const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export async function keysCompromise(ctx: CliContext, keyId: string, opts: { since?: string }): Promise<void> {
  if (opts.since !== undefined && (!timestamp.test(opts.since) || !Number.isFinite(Date.parse(opts.since)))) {
    throw new UsageError(`--since: "${opts.since}" is not a timestamp with an offset, e.g. 2026-05-12T09:00:00+08:00`);
  }
  const signed = await passIdsByKey(await ledgerTargetOf(ctx));
  const result = compromiseKey(ctx.home, keyId, ctx.effects.now(), { homeSource: homeSource(ctx.globals.home, ctx.effects), signed, ...(opts.since ? { since: opts.since } : {}) });
  renderKeysResult(ctx, 'compromised', result);
}
