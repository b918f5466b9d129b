/**
 * `--party adult=2,child=1`: category → head count, checked against the
 * catalogue's rider categories. The one reading of the flag, for `plan`,
 * `quote` and `pass quote`.
 *
 * API: parseParty(text, categories) → { ok: true, party } | { ok: false, message, hint? }.
 */
import type { RiderCategory } from '../catalogue/model.js';
import { didYouMean, suggestionText } from '../did-you-mean.js';

export type ParsedParty =
  | { readonly ok: true; readonly party: Readonly<Record<string, number>> }
  | { readonly ok: false; readonly message: string; readonly hint?: string };

const EXAMPLE = 'e.g. --party adult=2,child=1';

/**
 * @example parseParty('adult=2,child=1', categories) // { ok: true, party: { adult: 2, child: 1 } }
 */
export function parseParty(text: string, categories: readonly RiderCategory[]): ParsedParty {
  const ids = categories.map((c) => c.id);
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return { ok: false, message: '--party is empty', hint: EXAMPLE };
  const party: Record<string, number> = {};
  for (const part of parts) {
    const m = /^([a-z0-9-]+)=(\d+)$/.exec(part);
    if (!m) return { ok: false, message: `--party: "${part}" is not CATEGORY=COUNT`, hint: EXAMPLE };
    const [, id, count] = m as unknown as [string, string, string];
    if (!ids.includes(id)) {
      const guess = didYouMean(id, ids);
      return { ok: false, message: `--party: unknown rider category "${id}"`, hint: guess ? `${suggestionText(guess)} categories: ${ids.join(', ')}` : `categories: ${ids.join(', ')}` };
    }
    // adult=2,adult=3 could mean 5 or a typo for another category: ask rather than guess.
    if (party[id] !== undefined) return { ok: false, message: `--party: ${id} is given twice (${id}=${party[id]} and ${part})`, hint: 'give each category once, e.g. --party adult=5' };
    party[id] = Number(count);
  }
  if (Object.values(party).every((n) => n === 0)) return { ok: false, message: '--party: the party has nobody in it', hint: EXAMPLE };
  return { ok: true, party };
}
