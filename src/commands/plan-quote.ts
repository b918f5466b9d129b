/**
 * `plan … --quote`: the itinerary with its package price, priced as
 * `yangtze quote` does with its defaults (the plan's party, 4★, twin rooms,
 * a vehicle with driver, the catalogue's reference rates, no margin). Text:
 * the plan, then the quote (in a pipe, the quote's records); HTML: the
 * itinerary document with the services and the price block.
 */
import { Chalk } from 'chalk';
import type { CliContext } from '../cli/context.js';
import type { Catalogue } from '../domain/catalogue/model.js';
import type { Itinerary } from '../domain/itinerary/itinerary.js';
import { defaultQuoteOptions, quoteTrip } from '../domain/quote/quote-trip.js';
import { EMPTY_RATES } from '../domain/quote/rates.js';
import { quoteTsv } from '../export/quote-records.js';
import { renderQuoteText } from '../export/quote-text.js';
import { quoteHtml } from './quote.js';
import type { AgencyProfile } from '../domain/quote/agency-profile.js';
import { categoryName } from '../export/locale.js';

/** `agency`: the profile `--agency` named, read (and checked) before the plan was made. */
export async function renderQuotedPlan(ctx: CliContext, catalogue: Catalogue, itinerary: Itinerary, format: 'text' | 'html' | string, planText: string, toFile: boolean, agency?: AgencyProfile): Promise<string> {
  const quote = quoteTrip(itinerary, catalogue, catalogue.rates ?? EMPTY_RATES, defaultQuoteOptions(itinerary.request.party));
  for (const m of quote.missing) ctx.out.warn(`not priced: ${m.en}`);
  if (format === 'html') return quoteHtml(ctx, quote, itinerary, catalogue, agency);
  if (!toFile && ctx.out.view === 'pipe') return planText + quoteTsv(quote, ctx.out.lang);
  return planText + '\n' + renderQuoteText(quote, toFile ? new Chalk({ level: 0 }) : ctx.out.style, ctx.out.lang, (id) => categoryName(catalogue, id, ctx.out.lang));
}
