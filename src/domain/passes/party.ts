/**
 * `--party adult=2,child=1`: category → head count, checked against the
 * catalogue's rider categories.
 *
 * API: parseParty(text, categories) → { ok: true, party } | { ok: false, message, hint? }.
 */
import type { RiderCategory } from '../catalogue/model.js';
import { didYouMean, suggestionText } from '../did-you-mean.js';

export type ParsedParty =
  | { readonly ok: true; readonly party: Readonly<Record<string, number>> }
  | { readonly ok: false; readonly message: string; readonly hint?: string };

/**
 * @example parseParty('adult=2,child=1', categories) // { ok: true, party: { adult: 2, child: 1 } }
 */
export function parseParty(text: string, categories: readonly RiderCategory[]): ParsedParty {
  const ids = categories.map((c) => c.id);
  const party: Record<string, number> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z0-9-]+)=(\d+)$/.exec(part);
    if (!m) return { ok: false, message: `--party: "${part}" is not CATEGORY=COUNT`, hint: 'e.g. --party adult=2,child=1' };
    const [, id, count] = m as unknown as [string, string, string];
    if (!ids.includes(id)) {
      const guess = didYouMean(id, ids);
      return { ok: false, message: `--party: unknown rider category "${id}"`, hint: guess ? `${suggestionText(guess)} categories: ${ids.join(', ')}` : `categories: ${ids.join(', ')}` };
    }
    party[id] = (party[id] ?? 0) + Number(count);
  }
  if (Object.values(party).every((n) => n === 0)) return { ok: false, message: '--party: nobody in the party', hint: 'e.g. --party adult=2,child=1' };
  return { ok: true, party };
}
