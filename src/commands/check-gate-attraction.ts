/**
 * `--at` of `pass redeem` and `pass verify`: an attraction id that neither
 * the catalogue nor the scanned pass knows is the operator's typo, not the
 * customer's fault — a usage error with a suggestion instead of refusing a
 * valid pass as `wrong-attraction`. The pass's own list counts too, so a gate
 * with an older catalogue still admits a pass for an attraction added since.
 */
import { UsageError } from '../cli/errors.js';
import { didYouMean, suggestionText } from '../domain/did-you-mean.js';
import { decodeToken } from '../domain/passes/token.js';

export function checkGateAttraction(at: string, catalogueIds: Iterable<string>, tokens: readonly string[]): void {
  const known = new Set(catalogueIds);
  if (known.has(at)) return;
  for (const token of tokens) {
    const decoded = decodeToken(token);
    if (decoded.ok) for (const a of decoded.claims.attractions) known.add(a);
  }
  if (known.has(at)) return;
  const near = didYouMean(at, known);
  throw new UsageError(`--at: unknown attraction "${at}"`, near ? suggestionText(near) : 'give the attraction id of this gate, as `yangtze catalogue list` shows it');
}
