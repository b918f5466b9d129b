/** `keys init [--force]`: the first signing key and the trust file. */
import { homeSource, type CliContext } from '../cli/context.js';
import { initKeys } from '../io/keys.js';
import { renderKeysResult } from './keys-result.js';

export async function keysInit(ctx: CliContext, opts: { force?: boolean }): Promise<void> {
  renderKeysResult(ctx, 'created', initKeys(ctx.home, ctx.effects.now(), { force: Boolean(opts.force), homeSource: homeSource(ctx.globals.home, ctx.effects) }));
}
