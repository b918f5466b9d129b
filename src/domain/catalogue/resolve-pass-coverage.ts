import type { Attraction, PassProduct } from './model.js';

/**
 * The attraction ids a pass admits to: every attraction with a listed theme,
 * in a listed city, or listed by id, minus `exclude`; sorted.
 *
 * @example
 * resolvePassCoverage({ themes: ['red'], cities: [], attractions: [], exclude: ['mao-zedong-statue'] }, attractions)
 * // ['bayi-memorial-hall', 'mao-zedong-former-residence', …]
 */
export function resolvePassCoverage(covers: PassProduct['covers'], attractions: readonly Attraction[]): string[] {
  const excluded = new Set(covers.exclude);
  const ids = new Set<string>();
  for (const a of attractions) {
    const listed =
      covers.attractions.includes(a.id) || covers.cities.includes(a.city) || a.themes.some((t) => covers.themes.includes(t));
    if (listed && !excluded.has(a.id)) ids.add(a.id);
  }
  return [...ids].sort();
}
