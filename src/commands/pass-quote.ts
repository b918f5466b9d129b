/** `pass quote PLAN.json [--party …]`: the cheapest bundle of passes and single tickets for a plan. */
import { displayPath, type CliContext } from '../cli/context.js';
import { UsageError } from '../cli/errors.js';
import { toJson } from '../cli/output.js';
import { parseParty } from '../domain/passes/party.js';
import { quoteBundle } from '../domain/passes/quote.js';
import { quoteJson, quotePipe, quoteTty } from '../export/pass-quote-views.js';
import { readPlanFile } from './read-plan-file.js';

export interface PassQuoteOptions {
  readonly party?: string;
}

export async function passQuote(ctx: CliContext, planFile: string, opts: PassQuoteOptions): Promise<void> {
  const catalogue = await ctx.catalogue();
  const itinerary = readPlanFile(ctx, planFile, catalogue);
  let party = itinerary.request?.party ?? {};
  if (opts.party !== undefined) {
    const parsed = parseParty(opts.party, catalogue.riderCategories);
    if (!parsed.ok) throw new UsageError(parsed.message, parsed.hint);
    party = parsed.party;
  }
  if (Object.values(party).every((n) => !(n > 0))) {
    const fallback = catalogue.riderCategories.find((c) => c.isDefault)?.id ?? 'adult';
    ctx.out.warn(`${displayPath(ctx.effects.cwd, ctx.resolve(planFile))} names no party; quoting for one ${fallback} (use --party)`);
    party = { [fallback]: 1 };
  }
  const quote = quoteBundle(itinerary, catalogue, party);
  if (!quote.optimal) ctx.out.warn('the search stopped before proving the cheapest bundle; walk-up prices shown');
  if (ctx.out.view === 'json') ctx.out.result(toJson(quoteJson(quote)));
  else if (ctx.out.view === 'pipe') ctx.out.result(quotePipe(quote));
  else ctx.out.result(quoteTty(quote, catalogue, ctx.out.style, ctx.out.lang));
}
