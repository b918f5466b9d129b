/** `pass quote PLAN.json [--party …]`: the cheapest bundle of passes and single tickets for a plan. */
import { existsSync } from 'node:fs';
import { displayPath, type CliContext } from '../cli/context.js';
import { DataError, NotFoundError, UsageError } from '../cli/errors.js';
import { toJson } from '../cli/output.js';
import { parseParty } from '../domain/passes/party.js';
import { readPlanDocument } from '../domain/passes/plan-document.js';
import { quoteBundle } from '../domain/passes/quote.js';
import { quoteJson, quotePipe, quoteTty } from '../export/pass-quote-views.js';
import { readTextFile } from '../io/pass-files.js';

export interface PassQuoteOptions {
  readonly party?: string;
}

export async function passQuote(ctx: CliContext, planFile: string, opts: PassQuoteOptions): Promise<void> {
  const catalogue = await ctx.catalogue();
  const file = ctx.resolve(planFile);
  const shown = displayPath(ctx.effects.cwd, file);
  if (!existsSync(file)) throw new NotFoundError(`plan file not found: ${shown}`, 'save one with `yangtze plan … --json -o PLAN.json`');
  const text = readTextFile(file, { what: 'plan file', shown, kind: 'an itinerary JSON file (`yangtze plan --json`)' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${shown}: not JSON (${(error as Error).message})`);
  }
  const plan = readPlanDocument(json, catalogue);
  if (!plan.ok) throw new DataError(`${shown}: ${plan.field}: ${plan.message}${plan.hint ? ` (${plan.hint})` : ''}`);
  let party = plan.itinerary.request?.party ?? {};
  if (opts.party !== undefined) {
    const parsed = parseParty(opts.party, catalogue.riderCategories);
    if (!parsed.ok) throw new UsageError(parsed.message, parsed.hint);
    party = parsed.party;
  }
  if (Object.values(party).every((n) => !(n > 0))) {
    const fallback = catalogue.riderCategories.find((c) => c.isDefault)?.id ?? 'adult';
    ctx.out.warn(`${shown} names no party; quoting for one ${fallback} (use --party)`);
    party = { [fallback]: 1 };
  }
  const quote = quoteBundle(plan.itinerary, catalogue, party);
  if (!quote.optimal) ctx.out.warn('the search stopped before proving the cheapest bundle; walk-up prices shown');
  if (ctx.out.view === 'json') ctx.out.result(toJson(quoteJson(quote)));
  else if (ctx.out.view === 'pipe') ctx.out.result(quotePipe(quote));
  else ctx.out.result(quoteTty(quote, catalogue, ctx.out.style, ctx.out.lang));
}
