/**
 * `yangtze plan`: flags in, itinerary out, rendered last. The planning is
 * pure (src/domain/plan/plan-trip.ts); this file reads the catalogue and
 * calendar, maps problems to exit codes, shows progress on a terminal's
 * stderr, and writes the chosen format to stdout or -o FILE.
 */
import { Chalk } from 'chalk';
import { displayPath, type CliContext } from '../cli/context.js';
import { NoAnswer, NotFoundError, UsageError } from '../cli/errors.js';
import { checkOutputPath, toJson, writeOutputFile } from '../cli/output.js';
import { nextDates } from '../domain/calendar/iso-date.js';
import { shanghaiDate } from '../domain/passes/shanghai-time.js';
import type { Catalogue, IsoDate } from '../domain/catalogue/model.js';
import type { Itinerary } from '../domain/itinerary/itinerary.js';
import type { IssuedPassView } from '../export/itinerary-html.js';
import type { PlanNotice } from '../export/plan-notice-text.js';
import { missingRequiredFlags, parseRequest, type PlanFlags, type RequestProblem } from '../domain/plan/parse-request.js';
import { planTrip } from '../domain/plan/plan-trip.js';

export const PLAN_FORMATS = ['text', 'json', 'markdown', 'csv', 'ics', 'geojson', 'html'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** The default --time-limit: plans in about a second on an agency laptop. */
export const DEFAULT_TIME_LIMIT_MS = 1000;
/**
 * Search effort granted per millisecond of --time-limit, for the whole
 * search, in core iterations × open visit-days (plan-trip.ts shares it out
 * over the skeletons and divides each share by its problem's size). The
 * effort, not the clock, decides when the search stops, so the same inputs
 * give the same plan; the clock is only a safety cap (calibrated in
 * bench/results/plan.md so that it rarely bites).
 */
export const EFFORT_PER_MS = 250;
/** No core run gets more iterations than this, however long the limit. */
export const MAX_ITERATIONS = 20_000;
/** The wall-clock cap is this many times --time-limit: slow machines still get the same plan. */
export const CAP_FACTOR = 5;
/** The skeletons raced: the domain's one default (plan-trip.ts), re-exported for the benchmarks. */
export { SKELETONS } from '../domain/plan/plan-trip.js';

export interface PlanCommandOptions extends PlanFlags {
  readonly format?: string;
  readonly json?: boolean;
  readonly output?: string;
  readonly timeLimit?: string;
  readonly interactive?: boolean;
  /** Append the package price (text) or add the price block (html): `yangtze quote` with its defaults. */
  readonly quote?: boolean;
  /** The agency profile for the quote document (with --quote --format html, or saved by --interactive). */
  readonly agency?: string;
}

/**
 * Whether a `plan` run asks its questions: --interactive, or a required flag
 * missing in a terminal. The CLI decides with this and calls the interactive
 * command itself, so this file never imports plan-interactive.ts (which
 * imports this one: no cycle).
 */
export function wantsInteractivePlan(ctx: CliContext, options: PlanCommandOptions): boolean {
  const missing = missingRequiredFlags(options);
  return Boolean(options.interactive) || (missing.length > 0 && ctx.interactive);
}

export async function planCommand(ctx: CliContext, options: PlanCommandOptions): Promise<void> {
  const target = outputTarget(ctx, options);
  if (options.quote && target.format !== 'text' && target.format !== 'html') {
    throw new UsageError(`--quote works with --format text or html; for ${target.format} save the plan and run \`yangtze quote PLAN.json --format …\``);
  }
  if (options.agency !== undefined && !(options.quote && target.format === 'html')) {
    throw new UsageError('--agency is for the quote document: give it with --quote --format html (or --interactive, which saves the quote)');
  }
  const catalogue = await ctx.catalogue();
  // A bad profile is reported before anything is planned (docs/CLI.md), not after the search.
  const agency = options.agency !== undefined ? (await import('./quote.js')).readAgency(ctx, options.agency) : undefined;
  const itinerary = await planWith(ctx, catalogue, options);
  if (options.quote) {
    const { renderQuotedPlan } = await import('./plan-quote.js');
    const toFile = target.output !== undefined;
    const planText = target.format === 'text' ? await renderPlan(ctx, catalogue, itinerary, 'text', { toFile }) : '';
    await writePlanText(ctx, target, await renderQuotedPlan(ctx, catalogue, itinerary, target.format, planText, toFile, agency));
  } else {
    await emitPlan(ctx, catalogue, itinerary, target);
  }
  // The plan is written (it says why each stop was left out), but an empty plan is not a success.
  const empty = itinerary.warnings?.find((w) => w.code === 'empty-plan');
  if (empty) {
    const { itineraryWarningText } = await import('../export/plan-notice-text.js');
    ctx.out.warn(itineraryWarningText(empty, ctx.out.lang));
    throw new NoAnswer();
  }
}

/** Where and how a plan goes: the format from --format/--json, the file from -o (`-o -` is stdout). */
export interface OutputTarget {
  readonly format: PlanFormat;
  readonly output: string | undefined;
}

/** Reads --format/--json/-o and checks the -o target, before any planning (or prompting) starts. */
export function outputTarget(ctx: CliContext, options: Pick<PlanCommandOptions, 'format' | 'json' | 'output'>): OutputTarget {
  const format = chooseFormat(options);
  const output = options.output !== undefined && options.output !== '-' ? options.output : undefined;
  if (output !== undefined) checkOutputPath('-o', output, ctx.resolve(output));
  return { format, output };
}

/** Renders the plan in the target's format and writes it to -o, or to stdout. */
export async function emitPlan(ctx: CliContext, catalogue: Catalogue, itinerary: Itinerary, target: OutputTarget): Promise<void> {
  await writePlanText(ctx, target, await renderPlan(ctx, catalogue, itinerary, target.format, { toFile: target.output !== undefined }));
}

/** Writes rendered text to -o, or to stdout. */
async function writePlanText(ctx: CliContext, target: OutputTarget, text: string): Promise<void> {
  if (target.output !== undefined) {
    const file = ctx.resolve(target.output);
    await writeOutputFile('-o', target.output, file, text);
    ctx.out.info(`wrote ${displayPath(ctx.effects.cwd, file)}`);
  } else {
    ctx.out.result(text);
  }
}

/** For the interactive session: flag-shaped options (strings or numbers) → itinerary. */
export async function planFromOptions(ctx: CliContext, options: Record<string, unknown>): Promise<Itinerary> {
  const flags: Record<string, string> = {};
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'string') flags[key] = value;
    else if (typeof value === 'number') flags[key] = String(value);
    else if (Array.isArray(value)) flags[key] = value.join(',');
  }
  return planWith(ctx, await ctx.catalogue(), flags as PlanCommandOptions);
}

/**
 * Before the interactive session asks anything: the flags given answer its questions in advance,
 * so a bad one (`--days 0`, `--party alien=2`) is refused now, not after the last question. The
 * flags it will ask for (--from, --start) may be missing.
 */
export async function checkGivenPlanFlags(ctx: CliContext, options: PlanCommandOptions): Promise<void> {
  const parsed = parseRequest(options, await ctx.catalogue());
  const asked = new Set(missingRequiredFlags(options).map((f) => `--${f}`));
  const given = parsed.ok ? [] : parsed.problems.filter((p) => !asked.has(p.flag));
  if (given.length > 0) throw requestError(given);
  parseTimeLimit(options.timeLimit);
}

/** Every problem of the request, in one error: the usage ones (exit 2) if any, else not found (exit 4). */
function requestError(all: readonly RequestProblem[]): UsageError | NotFoundError {
  const usage = all.filter((p) => p.kind === 'usage');
  const problems = usage.length > 0 ? usage : all;
  const message = problems.map((p) => p.message + (p.hint ? ` (${p.hint})` : '')).join('\n       ');
  return usage.length > 0 ? new UsageError(message) : new NotFoundError(message);
}

async function planWith(ctx: CliContext, catalogue: Catalogue, options: PlanCommandOptions): Promise<Itinerary> {
  const parsed = parseRequest(options, catalogue);
  if (!parsed.ok) throw requestError(parsed.problems);
  const timeLimitMs = parseTimeLimit(options.timeLimit);
  const { chinaHolidayCalendar, provisionalYearsAmong, yearsWithoutHolidays } = await import('../io/china-holidays.js');
  const calendar = chinaHolidayCalendar(catalogue.holidays);
  const { planNoticeText } = await import('../export/plan-notice-text.js');
  const say = (n: PlanNotice) => planNoticeText(n, ctx.out.lang);
  const tripDates = nextDates(parsed.request.start, parsed.request.days);
  warnOfYears(say, ctx, 'no-holiday-data', yearsWithoutHolidays(tripDates, catalogue.holidays));
  warnOfYears(say, ctx, 'provisional-holidays', provisionalYearsAmong(tripDates, catalogue.holidays));
  // A past start is planned (an agency may re-plan a trip for its records), but never without a word.
  const today = shanghaiDate(ctx.effects.now());
  if (parsed.request.start < today) {
    ctx.out.warn(say({ code: 'past-start', start: parsed.request.start, today }));
  }
  const progress = ctx.out.stderrIsTTY && !ctx.out.quiet;
  // The solver runs synchronously, so a static line stands in for a spinner; it is erased after.
  if (progress) ctx.out.stderr.write(ctx.out.styleErr.dim(ctx.out.lang === 'zh' ? '规划中…' : 'planning…'));
  const clock = () => ctx.effects.monotonicMs();
  const result = planTrip(catalogue, parsed.request, calendar, {
    seed: parsed.request.seed ?? 1,
    maxIterations: MAX_ITERATIONS,
    effort: effortFor(timeLimitMs),
    timeLimitMs: timeLimitMs * CAP_FACTOR,
    clock,
  });
  if (progress) ctx.out.stderr.write('\r\u001b[K');
  if (!result.ok) throw new UsageError(result.message);
  if (result.cutShort) {
    ctx.out.warn(say({ code: 'search-cut-short', capMs: timeLimitMs * CAP_FACTOR, limitMs: timeLimitMs, factor: CAP_FACTOR }));
  }
  return result.itinerary;
}

/** The interactive session plans again and again: each year is warned about once per run. */
const warnedYears = new WeakMap<CliContext, Set<string>>();

/**
 * A setup notice (silenced by -q): years with no holiday data at all, or
 * with the provisional statutory holidays only. The plan itself marks each
 * holiday day whatever -q says.
 */
function warnOfYears(
  say: (n: PlanNotice) => string,
  ctx: CliContext,
  code: 'no-holiday-data' | 'provisional-holidays',
  years: readonly number[],
): void {
  const warned = warnedYears.get(ctx) ?? new Set<string>();
  warnedYears.set(ctx, warned);
  const fresh = years.filter((y) => !warned.has(`${code}:${y}`));
  if (fresh.length === 0) return;
  for (const y of fresh) warned.add(`${code}:${y}`);
  ctx.out.notice(say({ code, years: fresh }));
}

/** Effort of the whole search for a --time-limit. */
export function effortFor(timeLimitMs: number): number {
  return timeLimitMs * EFFORT_PER_MS;
}

function chooseFormat(options: Pick<PlanCommandOptions, 'format' | 'json'>): PlanFormat {
  if (options.json) {
    if (options.format !== undefined && options.format !== 'json') throw new UsageError(`--json and --format ${options.format} disagree; give one`);
    return 'json';
  }
  const format = options.format ?? 'text';
  if (!(PLAN_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${format}: use one of ${PLAN_FORMATS.join(', ')}`);
  }
  return format as PlanFormat;
}

function parseTimeLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIME_LIMIT_MS;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < 10 || n > 600_000) throw new UsageError(`--time-limit ${value}: give milliseconds from 10 to 600000`);
  return n;
}

/**
 * One itinerary in one format, for stdout, -o and the interactive session's
 * save. `toFile`: the text view is written for people to read later: the
 * terminal layout, never colour. `passes` issued in a session go into the HTML.
 */
export async function renderPlan(
  ctx: CliContext,
  catalogue: Catalogue,
  itinerary: Itinerary,
  format: PlanFormat,
  opts: { readonly toFile: boolean; readonly passes?: readonly IssuedPassView[] },
): Promise<string> {
  const lang = ctx.out.lang;
  const toFile = opts.toFile;
  switch (format) {
    case 'json':
      return toJson(itinerary);
    case 'text': {
      const { renderItineraryText } = await import('../export/itinerary-text.js');
      if (toFile) return renderItineraryText(itinerary, catalogue, { view: 'tty', lang, style: new Chalk({ level: 0 }) });
      const view = ctx.out.view === 'tty' ? 'tty' : 'pipe';
      return renderItineraryText(itinerary, catalogue, { view, lang, style: ctx.out.style });
    }
    case 'markdown':
      return (await import('../export/itinerary-markdown.js')).renderItineraryMarkdown(itinerary, catalogue, lang);
    case 'csv':
      return (await import('../export/itinerary-csv.js')).renderItineraryCsv(itinerary, catalogue);
    case 'ics':
      return (await import('../export/itinerary-ics.js')).renderItineraryIcs(itinerary, catalogue, { lang });
    case 'geojson':
      return (await import('../export/itinerary-geojson.js')).renderItineraryGeoJson(itinerary, catalogue);
    case 'html':
      return (await import('../export/itinerary-html.js')).renderItineraryHtml(itinerary, catalogue, { lang, ...(opts.passes !== undefined ? { passes: opts.passes } : {}) });
  }
}
