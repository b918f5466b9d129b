/** `keys rotate`: a new signing key; old public keys stay trusted for the passes they signed. */
import { homeSource, type CliContext } from '../cli/context.js';
import { rotateKeys } from '../io/keys.js';
import { renderKeysResult } from './keys-result.js';

export async function keysRotate(ctx: CliContext): Promise<void> {
  renderKeysResult(ctx, 'rotated', rotateKeys(ctx.home, ctx.effects.now(), { homeSource: homeSource(ctx.globals.home, ctx.effects) }));
}
