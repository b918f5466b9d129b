/**
 * `yangtze quote PLAN.json`: options in, a TripQuote out, rendered last.
 * Reads the plan and the catalogue, overlays an agency rate sheet (--rates),
 * prices the trip in the pure domain (src/domain/quote) and writes the chosen
 * view to stdout or, whole or not at all, to -o FILE.
 */
import { existsSync } from 'node:fs';
import { Chalk } from 'chalk';
import { displayPath, type CliContext } from '../cli/context.js';
import { DataError, NotFoundError, UsageError } from '../cli/errors.js';
import { checkOutputPath, toJson } from '../cli/output.js';
import type { Catalogue } from '../domain/catalogue/model.js';
import type { Itinerary } from '../domain/itinerary/itinerary.js';
import { didYouMean, suggestionText } from '../domain/did-you-mean.js';
import { parseParty } from '../domain/passes/party.js';
import { parseMargin, parseRounding } from '../domain/quote/margin.js';
import type { ChildBed, LastNight, LocalTransport, QuoteOptions, RoomPlan, TripQuote } from '../domain/quote/quote-model.js';
import { defaultQuoteOptions, quoteTrip } from '../domain/quote/quote-trip.js';
import { EMPTY_RATES, overlayRates, type Grade, type RateTable } from '../domain/quote/rates.js';
import { quoteCsv as quoteCsvView, quoteTsv as quoteTsvView } from '../export/quote-records.js';
import { renderQuoteText as quoteTextView } from '../export/quote-text.js';
import { readTextFile, writeFileAtomically } from '../io/pass-files.js';
import { parseRateSheet } from '../io/rate-sheet.js';
import { readAgencyProfile } from '../io/agency-profile-file.js';
import type { AgencyProfile } from '../domain/quote/agency-profile.js';
import { readPlanFile } from './read-plan-file.js';
import { categoryName } from '../export/locale.js';

export const QUOTE_FORMATS = ['text', 'json', 'csv', 'html', 'pdf'] as const;
export type QuoteFormat = (typeof QUOTE_FORMATS)[number];

export interface QuoteFlags {
  readonly party?: string;
  readonly grade?: string;
  readonly rooms?: string;
  readonly childBed?: string;
  readonly transport?: string;
  readonly guide?: string;
  readonly cabin?: string;
  readonly lastNight?: string;
  readonly markup?: string;
  readonly commission?: string;
  readonly rounding?: string;
  readonly pax?: string;
  readonly rates?: string;
  readonly agency?: string;
  readonly format?: string;
  readonly json?: boolean;
  readonly csv?: boolean;
  readonly output?: string;
}

export async function quoteCommand(ctx: CliContext, planFile: string, flags: QuoteFlags): Promise<void> {
  const format = chooseFormat(flags, ctx.globals.json === true);
  const output = flags.output !== undefined && flags.output !== '-' ? flags.output : undefined;
  if (output !== undefined) checkOutputPath('-o', output, ctx.resolve(output));
  const catalogue = await ctx.catalogue();
  const itinerary = readPlan(ctx, planFile, catalogue);
  const options = quoteOptions(flags, itinerary, catalogue, (m) => ctx.out.warn(m));
  const rates = loadRates(ctx, flags.rates, catalogue);
  checkCabin(options.cabin, catalogue, rates);
  const quote = quoteTrip(itinerary, catalogue, rates, options);
  for (const m of quote.missing) ctx.out.warn(`not priced: ${m.en}`);
  const agency = flags.agency !== undefined ? readAgency(ctx, flags.agency) : undefined;
  if (format === 'pdf') {
    await writePdf(ctx, quote, itinerary, catalogue, agency, output);
    return;
  }
  const text = format === 'html' ? await quoteHtml(ctx, quote, itinerary, catalogue, agency) : renderQuote(ctx, quote, format, output !== undefined, catalogue);
  if (output !== undefined) {
    const file = ctx.resolve(output);
    writeFileAtomically(file, { what: 'output file', flag: '-o', shown: output }, (append) => append(text));
    ctx.out.info(`wrote ${displayPath(ctx.effects.cwd, file)}`);
  } else {
    ctx.out.result(text);
  }
}

/** The agency document: the itinerary HTML with the letterhead, services and price block. */
export async function quoteHtml(ctx: CliContext, quote: TripQuote, itinerary: Itinerary, catalogue: Catalogue, agency: AgencyProfile | undefined): Promise<string> {
  const { renderItineraryHtml } = await import('../export/itinerary-html.js');
  // The document's overview names the party quoted for, which --party may have changed.
  const priced = { ...itinerary, request: { ...itinerary.request, party: quote.options.party } };
  return renderItineraryHtml(priced, catalogue, { lang: ctx.out.lang, quote, ...(agency ? { agency } : {}) });
}

async function writePdf(ctx: CliContext, quote: TripQuote, itinerary: Itinerary, catalogue: Catalogue, agency: AgencyProfile | undefined, output: string | undefined): Promise<void> {
  if (output === undefined) throw new UsageError('--format pdf needs -o FILE.pdf (a PDF is not written to the terminal)');
  const { findChromium, printPdf } = await import('../io/print-pdf.js');
  const chromium = findChromium(ctx.effects.env);
  if (!chromium) {
    throw new NotFoundError(
      'PDF needs Chromium, which is not installed (looked for chromium, chromium-browser, google-chrome on PATH, and YANGTZE_CHROMIUM)',
      'install it (Debian: apt-get install chromium), or write --format html and print it from a browser',
    );
  }
  const html = await quoteHtml(ctx, quote, itinerary, catalogue, agency);
  const file = ctx.resolve(output);
  const printed = printPdf(chromium, html, file);
  if (!printed.ok) throw new UsageError(`-o ${output}: ${printed.message}`);
  ctx.out.info(`wrote ${displayPath(ctx.effects.cwd, file)}`);
}

/** `--agency FILE`: the profile, checked in full (exit 3 at file:line:col; exit 4 when missing). */
export function readAgency(ctx: CliContext, agencyFile: string): AgencyProfile {
  const file = ctx.resolve(agencyFile);
  const shown = displayPath(ctx.effects.cwd, file);
  if (!existsSync(file)) throw new NotFoundError(`--agency: agency profile not found: ${shown}`);
  const text = readTextFile(file, { what: 'agency profile', flag: '--agency', shown, kind: 'a YAML agency profile' });
  const result = readAgencyProfile(text, file, shown);
  if (!result.ok) throw new DataError(`${shown}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'} in the agency profile`, result.issues);
  return result.value;
}

/** The text views of a quote (the document views need the plan too: quoteHtml). */
export function renderQuote(ctx: CliContext, quote: TripQuote, format: 'text' | 'json' | 'csv', toFile: boolean, catalogue: Catalogue): string {
  switch (format) {
    case 'json':
      return toJson(quote);
    case 'csv':
      return quoteCsvView(quote, ctx.out.lang);
    case 'text':
      if (!toFile && ctx.out.view === 'pipe') return quoteTsvView(quote, ctx.out.lang);
      return quoteTextView(quote, toFile ? new Chalk({ level: 0 }) : ctx.out.style, ctx.out.lang, (id) => categoryName(catalogue, id, ctx.out.lang));
  }
}

function chooseFormat(flags: QuoteFlags, json: boolean): QuoteFormat {
  const asked = [flags.json || json ? 'json' : undefined, flags.csv ? 'csv' : undefined, flags.format].filter((f): f is string => f !== undefined);
  const distinct = [...new Set(asked)];
  if (distinct.length > 1) throw new UsageError(`${distinct.map((f) => `--format ${f}`).join(' and ')} disagree; give one`);
  const format = distinct[0] ?? 'text';
  if (!(QUOTE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format}: use one of ${QUOTE_FORMATS.join(', ')}`);
  return format as QuoteFormat;
}

function readPlan(ctx: CliContext, planFile: string, catalogue: Catalogue): Itinerary {
  const itinerary = readPlanFile(ctx, planFile, catalogue);
  if (!Array.isArray(itinerary.days) || itinerary.days.length === 0) {
    throw new DataError(`${displayPath(ctx.effects.cwd, ctx.resolve(planFile))}: days: the plan has no days to price`);
  }
  return itinerary;
}

/** Flags → quote options; the plan's party unless --party is given. */
export function quoteOptions(flags: QuoteFlags, itinerary: Itinerary, catalogue: Catalogue, warn: (m: string) => void): QuoteOptions {
  let party: Readonly<Record<string, number>> = itinerary.request?.party ?? {};
  if (flags.party !== undefined) {
    const parsed = parseParty(flags.party, catalogue.riderCategories);
    if (!parsed.ok) throw new UsageError(parsed.message, parsed.hint);
    party = parsed.party;
  }
  if (Object.values(party).every((n) => !(n > 0))) {
    const fallback = catalogue.riderCategories.find((c) => c.isDefault)?.id ?? 'adult';
    warn(`the plan names no party; quoting for one ${fallback} (use --party)`);
    party = { [fallback]: 1 };
  }
  const margin = parseMargin(flags.markup, flags.commission);
  if (!margin.ok) throw new UsageError(margin.message, margin.hint);
  const rounding = parseRounding(flags.rounding);
  if (!rounding.ok) throw new UsageError(rounding.message);
  if (flags.guide !== undefined && flags.guide !== 'none' && !/^[a-z]{2}$/.test(flags.guide)) throw new UsageError(`--guide ${flags.guide}: give a two-letter language code such as en or zh, or none`);
  if (flags.cabin !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(flags.cabin)) throw new UsageError(`--cabin ${flags.cabin}: give a cabin grade id such as standard, superior or suite`);
  const defaults = defaultQuoteOptions(party);
  return {
    ...defaults,
    ...(flags.grade !== undefined ? { grade: flags.grade as Grade } : {}),
    ...(flags.rooms !== undefined ? { rooms: flags.rooms as RoomPlan } : {}),
    ...(flags.childBed !== undefined ? { childBed: flags.childBed as ChildBed } : {}),
    ...(flags.transport !== undefined ? { transport: flags.transport as LocalTransport } : {}),
    ...(flags.guide !== undefined && flags.guide !== 'none' ? { guide: flags.guide } : {}),
    ...(flags.cabin !== undefined ? { cabin: flags.cabin } : {}),
    ...(flags.lastNight !== undefined ? { lastNight: flags.lastNight as LastNight } : {}),
    margin: margin.value,
    rounding: rounding.value,
    ...(flags.pax !== undefined ? { paxRange: parsePax(flags.pax) } : {}),
  };
}

/**
 * A cabin grade no cruise product and no cruise rate knows would be priced at the example fare under
 * its own name ("suit cabin"): a typo is a usage error, with the grades there are.
 */
function checkCabin(cabin: string, catalogue: Catalogue, rates: RateTable): void {
  const grades = [...new Set([...catalogue.cruises.flatMap((c) => c.cabins.map((g) => g.grade)), ...rates.cruise.map((r) => r.cabin)])];
  if (grades.length === 0 || grades.includes(cabin)) return;
  const near = didYouMean(cabin, grades);
  throw new UsageError(`--cabin ${cabin}: no cruise in the catalogue${rates === catalogue.rates ? '' : ' or the rate sheet'} has that cabin grade`, `${near ? `${suggestionText(near)} ` : ''}Grades: ${grades.join(', ')}.`);
}

function parsePax(text: string): number[] {
  const sizes = text.split(',').map((s) => s.trim());
  if (sizes.some((s) => !/^\d{1,3}$/.test(s) || Number(s) < 1)) throw new UsageError(`--pax ${text}: give group sizes from 1 to 999, comma-separated, like 2,4,6,10,16`);
  return [...new Set(sizes.map(Number))].sort((a, b) => a - b);
}

/** The catalogue's reference rates, with an agency's sheet over them. */
export function loadRates(ctx: CliContext, sheetFile: string | undefined, catalogue: Catalogue): RateTable {
  const base = catalogue.rates ?? EMPTY_RATES;
  if (sheetFile === undefined) return base;
  const file = ctx.resolve(sheetFile);
  const shown = displayPath(ctx.effects.cwd, file);
  if (!existsSync(file)) throw new NotFoundError(`--rates: rate sheet not found: ${shown}`);
  const text = readTextFile(file, { what: 'rate sheet', flag: '--rates', shown, kind: 'a YAML or CSV rate sheet' });
  return overlayRates(parseSheet(text, shown, catalogue), base);
}

function parseSheet(text: string, shown: string, catalogue: Catalogue): RateTable {
  const result = parseRateSheet(text, shown, catalogue.riderCategories.map((c) => c.id));
  if (!result.ok) throw new DataError(`${shown}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'} in the rate sheet`, result.issues);
  return result.value;
}
