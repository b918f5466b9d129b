/**
 * Reads a saved itinerary (PLAN.json) for `pass quote` and `pass issue --plan`:
 * only what pricing needs (kind, schemaVersion, days → visit items, party),
 * checked against the catalogue. Names the first wrong field.
 *
 * API: readPlanDocument(value, catalogue) → { ok: true, itinerary } | { ok: false, field, message, hint? }.
 */
import type { Catalogue } from '../catalogue/model.js';
import { isIsoDate } from '../calendar/iso-date.js';
import { didYouMean, suggestionText } from '../did-you-mean.js';
import { ITINERARY_KIND, ITINERARY_SCHEMA_VERSION, type Itinerary } from '../itinerary/itinerary.js';
import { tripMinute } from '../itinerary/itinerary-time.js';

export type PlanDocument =
  | { readonly ok: true; readonly itinerary: Itinerary }
  | { readonly ok: false; readonly field: string; readonly message: string; readonly hint?: string };

export function readPlanDocument(value: unknown, catalogue: Catalogue): PlanDocument {
  const fail = (field: string, message: string, hint?: string): PlanDocument => ({ ok: false, field, message, ...(hint ? { hint } : {}) });
  if (!isRecord(value)) return fail('(root)', 'expected a JSON object (an itinerary from `yangtze plan --json`)');
  if (value.kind !== ITINERARY_KIND) return fail('kind', `expected "${ITINERARY_KIND}", got ${JSON.stringify(value.kind)}`);
  if (value.schemaVersion !== ITINERARY_SCHEMA_VERSION) {
    return fail('schemaVersion', `expected ${ITINERARY_SCHEMA_VERSION}, got ${JSON.stringify(value.schemaVersion)}`);
  }
  if (!Array.isArray(value.days)) return fail('days', 'expected a list of days');
  const known = new Set(catalogue.attractions.map((a) => a.id));
  for (const [d, day] of value.days.entries()) {
    if (!isRecord(day) || !Array.isArray(day.items)) return fail(`days[${d}].items`, 'expected a list of items');
    for (const [i, item] of day.items.entries()) {
      const at = `days[${d}].items[${i}]`;
      if (!isRecord(item)) return fail(at, 'expected an object');
      if (item.kind !== 'visit') continue;
      if (typeof item.attraction !== 'string') return fail(`${at}.attraction`, 'expected an attraction id');
      if (!known.has(item.attraction)) {
        const guess = didYouMean(item.attraction, known);
        return fail(`${at}.attraction`, `unknown attraction "${item.attraction}"`, guess ? suggestionText(guess) : undefined);
      }
      // The whole local time, as `plan check` reads it: a day of the visit is priced by it (25:99 is no time).
      const day = typeof item.start === 'string' ? item.start.slice(0, 10) : '';
      if (typeof item.start !== 'string' || !isIsoDate(day) || tripMinute(day, item.start) === undefined) {
        return fail(`${at}.start`, 'expected a local time like "2026-05-12T08:30:00+08:00"');
      }
    }
  }
  const request = value.request;
  if (request !== undefined && (!isRecord(request) || (request.party !== undefined && !isParty(request.party)))) {
    return fail('request.party', 'expected category → head count, e.g. { "adult": 2 }');
  }
  // A category the catalogue does not know has no prices: quoting it would price nobody's ticket right.
  const categories = catalogue.riderCategories.map((c) => c.id);
  for (const category of isRecord(request) && isRecord(request.party) ? Object.keys(request.party) : []) {
    if (!categories.includes(category)) {
      const guess = didYouMean(category, categories);
      return fail(`request.party.${category}`, `unknown rider category "${category}"`, `${guess ? `${suggestionText(guess)} ` : ''}categories: ${categories.join(', ')}`);
    }
  }
  return { ok: true, itinerary: value as unknown as Itinerary };
}

function isParty(value: unknown): boolean {
  return isRecord(value) && Object.values(value).every((n) => Number.isInteger(n) && (n as number) >= 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
