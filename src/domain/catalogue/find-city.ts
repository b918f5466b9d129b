/**
 * The one city resolver: what a person types for a city (`wuhan`, `Wuhan`,
 * `武汉`) to the catalogue's city, the same for `plan --from/--to`, `catalogue
 * list --city` and the prompts. Ids and English names match case-insensitively,
 * Chinese names exactly; surrounding spaces never matter.
 */
import type { City } from './model.js';
import { didYouMean, suggestionText } from '../did-you-mean.js';

export function findCity(text: string, cities: readonly City[]): City | undefined {
  const typed = text.trim();
  const wanted = typed.toLowerCase();
  return cities.find((c) => c.id === wanted || c.name.toLowerCase() === wanted || c.nameZh === typed);
}

/** The hint for a city that is not there: the nearest id or name (English or Chinese), then the ids to choose from. */
export function unknownCityHint(text: string, cities: readonly City[]): string {
  const wanted = text.trim().toLowerCase();
  const byName = new Map<string, string>(cities.flatMap((c) => [[c.id, c.id], [c.name.toLowerCase(), c.id], [c.nameZh, c.id]] as [string, string][]));
  const close = didYouMean(wanted, byName.keys());
  return `${close ? `${suggestionText(byName.get(close)!)} ` : ''}Cities: ${cities.map((c) => c.id).join(', ')}.`;
}
