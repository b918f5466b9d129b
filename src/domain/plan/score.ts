/**
 * How much a stop is worth to this party — what agencies sell: its quality
 * (rating, the must-see flag, how well it carries the requested themes, the
 * first-named theme weighing most) times how much of a day it deserves (the
 * catalogue's visit length). A visit's worth grows with what it is, not with
 * the count of visits: a full day at Lushan (5A, must-see, 8 h) is worth more
 * than three 1 h 30 halls of the same standing, although less than three
 * times one of them, since its hours are worth less one by one (the square
 * root of the hours: the first hours at a site are the best).
 * Whole numbers, so totals add up exactly.
 */
import type { Attraction, Rating, Theme } from '../catalogue/model.js';

const RATING_POINTS: Readonly<Record<Rating, number>> = { '5A': 10, '4A': 7, '3A': 5, none: 3 };
const MUST_SEE_POINTS = 6;
/** Theme points by the order the themes were asked in: 6 for the first, 4 for the second, 3 after that. */
const THEME_POINTS = [6, 4, 3] as const;

/**
 * The stop's standing, independent of its length.
 * @example stopQuality({ rating: '5A', themes: ['red'], mustSee: true }, ['red', 'cultural']) // 10 + 6 + 6 = 22
 */
export function stopQuality(attraction: Pick<Attraction, 'rating' | 'themes' | 'mustSee'>, themes: readonly Theme[]): number {
  let points = RATING_POINTS[attraction.rating] + (attraction.mustSee ? MUST_SEE_POINTS : 0);
  themes.forEach((theme, i) => {
    if (attraction.themes.includes(theme)) points += THEME_POINTS[Math.min(i, THEME_POINTS.length - 1)]!;
  });
  return points;
}

/**
 * Worth of visiting the stop: quality × √(visit hours), rounded.
 * @example attractionScore({ rating: '5A', themes: ['eco'], mustSee: true, visitMin: 480 }, ['eco']) // round(22 × √8) = 62
 * @example attractionScore({ rating: '4A', themes: ['eco'], mustSee: false, visitMin: 90 }, ['eco']) // round(13 × √1.5) = 16
 */
export function attractionScore(
  attraction: Pick<Attraction, 'rating' | 'themes' | 'mustSee' | 'visitMin'>,
  themes: readonly Theme[],
): number {
  return Math.round(stopQuality(attraction, themes) * Math.sqrt(Math.max(attraction.visitMin, 1) / 60));
}

/**
 * Worth of a stop as the plan sells it: a product that takes the party to other
 * catalogue sites (`includes`: the Two Dams One Gorge boat, to the dam's visitor
 * area and through Xiling Gorge) is worth what it includes, as each would be
 * visited on its own, plus its own standing over the hours it holds besides
 * them (the boat through the Gezhouba lock), at least one hour's. Without that
 * a boat of no A-rating lost to the dam alone (26 points against 45 on a water
 * and culture trip) and was never chosen (issue 12: 0 of 32 eligible plans).
 * Any other stop: attractionScore.
 * @example stopScore(twoDams, ['water', 'cultural'], byId) // dam 45 + Xiling Gorge 26 + boat 9 × √1 = 80
 */
export function stopScore(
  attraction: Pick<Attraction, 'rating' | 'themes' | 'mustSee' | 'visitMin' | 'includes'>,
  themes: readonly Theme[],
  site: (id: string) => Pick<Attraction, 'rating' | 'themes' | 'mustSee' | 'visitMin'> | undefined,
): number {
  const included = (attraction.includes ?? []).map(site).filter((a) => a !== undefined);
  if (included.length === 0) return attractionScore(attraction, themes);
  const includedMin = included.reduce((sum, a) => sum + a.visitMin, 0);
  const ownMin = Math.max(60, attraction.visitMin - includedMin);
  return included.reduce((sum, a) => sum + attractionScore(a, themes), 0) + attractionScore({ ...attraction, visitMin: ownMin }, themes);
}

/** stopScore over a catalogue's attractions. */
export function catalogueScore(catalogue: { readonly attractions: readonly Attraction[] }): (a: Attraction, themes: readonly Theme[]) => number {
  const byId = new Map(catalogue.attractions.map((a) => [a.id, a] as const));
  return (a, themes) => stopScore(a, themes, (id) => byId.get(id));
}

/** A stop the agency would expect to see in a plan over its city, or hear why not. */
export function isStrongCandidate(attraction: Pick<Attraction, 'rating' | 'mustSee'>): boolean {
  return attraction.mustSee || attraction.rating === '5A';
}

/** With themes requested, only stops carrying one of them are candidates. */
export function matchesThemes(attraction: Pick<Attraction, 'themes'>, themes: readonly Theme[]): boolean {
  return themes.length === 0 || attraction.themes.some((t) => themes.includes(t));
}
