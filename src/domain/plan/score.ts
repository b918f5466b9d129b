/**
 * How much a stop is worth to this party: its rating, how many of the
 * requested themes it carries (the first-named theme weighs most), and the
 * agencies' must-see flag. Whole numbers, so totals add up exactly.
 */
import type { Attraction, Rating, Theme } from '../catalogue/model.js';

const RATING_POINTS: Readonly<Record<Rating, number>> = { '5A': 10, '4A': 7, '3A': 5, none: 3 };
const MUST_SEE_POINTS = 4;

/**
 * @example attractionScore({ rating: '5A', themes: ['red'], mustSee: true }, ['red', 'cultural']) // 10 + 4 + 6 = 20
 */
export function attractionScore(
  attraction: Pick<Attraction, 'rating' | 'themes' | 'mustSee'>,
  themes: readonly Theme[],
): number {
  let points = RATING_POINTS[attraction.rating] + (attraction.mustSee ? MUST_SEE_POINTS : 0);
  themes.forEach((theme, i) => {
    // 6 for the first theme named, 4 for the second, 3 after that.
    if (attraction.themes.includes(theme)) points += i === 0 ? 6 : i === 1 ? 4 : 3;
  });
  return points;
}

/** A stop the agency would expect to see in a plan over its city, or hear why not. */
export function isStrongCandidate(attraction: Pick<Attraction, 'rating' | 'mustSee'>): boolean {
  return attraction.mustSee || attraction.rating === '5A';
}

/** With themes requested, only stops carrying one of them are candidates. */
export function matchesThemes(attraction: Pick<Attraction, 'themes'>, themes: readonly Theme[]): boolean {
  return themes.length === 0 || attraction.themes.some((t) => themes.includes(t));
}
