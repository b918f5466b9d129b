/** `yangtze catalogue list [--theme T] [--city C] [--rating R]`: the attractions, filtered. */
import type { CliContext } from '../cli/context.js';
import { UsageError } from '../cli/errors.js';
import { RATINGS, THEMES, type Catalogue, type City, type Rating, type Theme } from '../domain/catalogue/model.js';
import { didYouMean, suggestionText } from '../domain/did-you-mean.js';
import { findCity, unknownCityHint } from '../domain/catalogue/find-city.js';
import { renderAttractionList } from '../export/catalogue-list.js';
import type { AttractionListing } from '../domain/catalogue/catalogue-views.js';

export interface CatalogueListOptions {
  /** One theme or a comma-separated list; an attraction with any of them matches. */
  readonly theme?: string;
  /** City id, or its English or Chinese name. */
  readonly city?: string;
  readonly rating?: string;
}

/** Checks the flags against the catalogue and filters; a bad flag value is a UsageError naming the flag. */
export function runCatalogueList(options: CatalogueListOptions, catalogue: Catalogue): AttractionListing {
  const themes = options.theme === undefined ? [] : parseThemes(options.theme);
  const city = options.city === undefined ? undefined : cityOf(options.city, catalogue.cities).id;
  const rating = options.rating === undefined ? undefined : parseRating(options.rating);
  const attractions = catalogue.attractions.filter(
    (a) =>
      (themes.length === 0 || a.themes.some((t) => themes.includes(t))) &&
      (city === undefined || a.city === city) &&
      (rating === undefined || a.rating === rating),
  );
  return {
    filters: { themes, ...(city !== undefined ? { city } : {}), ...(rating !== undefined ? { rating } : {}) },
    attractions,
  };
}

export async function catalogueList(ctx: CliContext, options: CatalogueListOptions): Promise<void> {
  const catalogue = await ctx.catalogue();
  const listing = runCatalogueList(options, catalogue);
  ctx.out.result(renderAttractionList(listing, catalogue, ctx.out));
}

function parseThemes(text: string): Theme[] {
  const themes: Theme[] = [];
  for (const raw of text.split(',').map((t) => t.trim().toLowerCase())) {
    if (raw === '') continue;
    if (!(THEMES as readonly string[]).includes(raw)) {
      throw new UsageError(`--theme: unknown theme '${raw}'`, suggestion(raw, THEMES, 'Themes'));
    }
    if (!themes.includes(raw as Theme)) themes.push(raw as Theme);
  }
  if (themes.length === 0) throw new UsageError('--theme: no theme given', `Themes: ${THEMES.join(', ')}.`);
  return themes;
}

function parseRating(text: string): Rating {
  const wanted = text.trim().toUpperCase() === 'NONE' ? 'none' : text.trim().toUpperCase();
  const rating = RATINGS.find((r) => r === wanted);
  if (!rating) throw new UsageError(`--rating: unknown rating '${text}'`, suggestion(wanted, RATINGS, 'Ratings'));
  return rating;
}

function cityOf(text: string, cities: readonly City[]): City {
  const city = findCity(text, cities);
  if (!city) throw new UsageError(`--city: no city '${text}' in the catalogue`, unknownCityHint(text, cities));
  return city;
}

function suggestion(input: string, candidates: readonly string[], what: string): string {
  const close = didYouMean(input, candidates);
  return (close ? `${suggestionText(close)} ` : '') + `${what}: ${candidates.join(', ')}.`;
}
