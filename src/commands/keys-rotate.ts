/** `keys rotate`: a new signing key; the old one is retired (its passes listed in the trust file) and its private key deleted. */
import { homeSource, type CliContext } from '../cli/context.js';
import { ledgerTargetOf } from '../cli/ledger-target.js';
import { rotateKeys } from '../io/keys.js';
import { renderKeysResult } from './keys-result.js';
import { passIdsByKey } from './ledger-pass-ids.js';

export async function keysRotate(ctx: CliContext): Promise<void> {
  const signed = await passIdsByKey(await ledgerTargetOf(ctx));
  renderKeysResult(ctx, 'rotated', rotateKeys(ctx.home, ctx.effects.now(), { homeSource: homeSource(ctx.globals.home, ctx.effects), signed }));
}
