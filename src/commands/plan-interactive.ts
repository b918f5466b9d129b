/**
 * `yangtze plan --interactive` (and bare `yangtze` in a terminal): asks for
 * what the flags did not give, plans, then lets the agent refine, quote,
 * issue and save. Never prompts without a terminal: `ctx.interactive` is
 * false with --no-input or when stdin/stdout are not TTYs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { displayPath, type CliContext } from '../cli/context.js';
import { UsageError, UserError } from '../cli/errors.js';
import { inquirerAsker, type Asker } from '../cli/prompts/asker.js';
import { askPlanRequest } from '../cli/prompts/plan-questions.js';
import { promptMessages } from '../cli/prompts/messages.js';
import { runPlanSession, scheduledStops, type SaveFormat, type SessionDeps, type SessionRequest, type SessionResult, type Traveller } from '../cli/prompts/plan-session.js';
import type { Catalogue } from '../domain/catalogue/model.js';
import type { Itinerary } from '../domain/itinerary/itinerary.js';
import type { AgencyProfile } from '../domain/quote/agency-profile.js';
import type { TripQuote } from '../domain/quote/quote-model.js';
import { shanghaiDate } from '../domain/passes/shanghai-time.js';
import type { IssuedPassView } from '../export/itinerary-html.js';
import { placeName } from '../export/locale.js';

/** Turns flag-shaped plan options into an itinerary (the `plan` command's own planner). */
export type PlanOptionsToItinerary = (ctx: CliContext, options: Record<string, unknown>) => Promise<Itinerary>;

export interface InteractiveOverrides {
  readonly asker?: Asker;
  readonly plan?: PlanOptionsToItinerary;
}

export async function runInteractivePlan(
  ctx: CliContext,
  partial: Record<string, unknown>,
  overrides: InteractiveOverrides = {},
): Promise<SessionResult> {
  if (!ctx.interactive) {
    throw new UsageError(
      '--interactive needs a terminal (stdin and stdout) and no --no-input',
      'give the plan as flags instead: --from CITY --start YYYY-MM-DD --days N --themes … --party adult=2',
    );
  }
  // The `plan` command's own planner and renderers. -o, --format or --json: the session's final
  // plan goes where a plain run would put it (the target is checked before the first question).
  const plain = await import('./plan.js');
  const target = wantsOutput(partial) ? plain.outputTarget(ctx, flagStrings(partial)) : undefined;
  const catalogue = await ctx.catalogue();
  const asker = overrides.asker ?? (await inquirerAsker({}, ctx.out.lang));
  const qctx = { catalogue, lang: ctx.out.lang, today: shanghaiDate(ctx.effects.now()) };
  const chromium = (await import('../io/print-pdf.js')).findChromium(ctx.effects.env);
  // The agency's letterhead for the saved quote: read (and checked) before the first question.
  const agency = typeof partial.agency === 'string' ? (await import('./quote.js')).readAgency(ctx, partial.agency) : undefined;
  const answers = await askPlanRequest(asker, qctx, partial);
  const plan = overrides.plan ?? plain.planFromOptions;
  // Flags the session does not ask about (--day-start, --route, --time-limit …) pass through unchanged.
  // --agency is the saved quote's, not the planner's.
  const passThrough = Object.fromEntries(Object.entries(partial).filter(([k]) => !REQUEST_KEYS.has(k) && k !== 'agency'));
  const deps: SessionDeps = {
    plan: (request) => plan(ctx, { ...passThrough, ...toPlanOptions(request) }),
    issue: (itinerary, travellers) => issuePasses(ctx, catalogue, itinerary, travellers),
    save: (itinerary, basename, format, passes) => saveFile(ctx, catalogue, itinerary, basename, format, passes),
    saveQuote: (itinerary, quote, basename, format) => saveQuoteFile(ctx, catalogue, itinerary, quote, agency, basename, format),
    canPrintPdf: chromium !== undefined,
    show: (text) => ctx.out.result(text),
    note: (text) => ctx.out.info(text),
    style: ctx.out.style,
  };
  const avoid = typeof partial.avoid === 'string' ? partial.avoid.split(',').map((s) => s.trim()).filter(Boolean) : [];
  const seed = partial.seed !== undefined && /^\d+$/.test(String(partial.seed)) ? Number(partial.seed) : 1;
  const result = await runPlanSession(asker, qctx, answers, deps, { avoid, seed });
  if (target !== undefined) await plain.emitPlan(ctx, catalogue, result.itinerary, target);
  // The closing words: what was planned, issued and saved, and the command that plans the same without questions.
  const m = promptMessages(ctx.out.lang);
  const r = result.request;
  const route = r.to && r.to !== r.from ? `${placeName(catalogue, r.from, ctx.out.lang)} → ${placeName(catalogue, r.to, ctx.out.lang)}` : placeName(catalogue, r.from, ctx.out.lang);
  ctx.out.info(
    m.summary({ route, days: r.days, start: r.start, stops: scheduledStops(result.itinerary).length, passes: result.passes.map((p) => p.id), saved: result.saved }),
  );
  ctx.out.info(`${m.sameCommand}\n  ${planCommandLine(ctx, { ...passThrough, ...toPlanOptions(r) })}`);
  return result;
}

/**
 * `yangtze plan --from wuhan …` for the options, quoted for a POSIX shell;
 * the global flags the session ran with (--catalogue, --lang) come first.
 */
export function planCommandLine(ctx: CliContext, options: Record<string, unknown>): string {
  const words = ['yangtze'];
  if (ctx.globals.catalogue) words.push('--catalogue', ctx.globals.catalogue);
  if (ctx.globals.lang) words.push('--lang', ctx.globals.lang);
  words.push('plan');
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === false || key === 'interactive') continue;
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    if (value === true) words.push(flag);
    else words.push(flag, String(value));
  }
  return words.map(shellWord).join(' ');
}

/** A word as a POSIX shell reads it back: bare when safe, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/u.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function wantsOutput(partial: Record<string, unknown>): boolean {
  return partial.output !== undefined || partial.format !== undefined || partial.json === true;
}

function flagStrings(partial: Record<string, unknown>): { format?: string; json?: boolean; output?: string } {
  return {
    ...(typeof partial.format === 'string' ? { format: partial.format } : {}),
    ...(partial.json === true ? { json: true } : {}),
    ...(typeof partial.output === 'string' ? { output: partial.output } : {}),
  };
}

/** The options the session itself owns (asked, or changed by the agent's edits). */
const REQUEST_KEYS = new Set(['from', 'to', 'start', 'days', 'themes', 'party', 'pace', 'must', 'avoid', 'budget', 'seed']);

/**
 * The answers as the `plan` command's flags would give them (strings and
 * numbers, lists comma-separated), so the planner reads them like any run.
 */
export function toPlanOptions(request: SessionRequest): Record<string, unknown> {
  return {
    from: request.from,
    ...(request.to ? { to: request.to } : {}),
    start: request.start,
    days: String(request.days),
    themes: request.themes.join(','),
    party: Object.entries(request.party)
      .map(([k, n]) => `${k}=${n}`)
      .join(','),
    pace: request.pace,
    ...(request.must.length > 0 ? { must: request.must.join(',') } : {}),
    ...(request.avoid.length > 0 ? { avoid: request.avoid.join(',') } : {}),
    ...(request.budget !== undefined ? { budget: String(request.budget) } : {}),
    ...(request.stay !== undefined ? { stay: request.stay } : {}),
    seed: String(request.seed),
  };
}

async function saveFile(
  ctx: CliContext,
  catalogue: Catalogue,
  itinerary: Itinerary,
  basename: string,
  format: SaveFormat,
  passes: readonly IssuedPassView[],
): Promise<string> {
  const file = ctx.resolve(`${basename}.${format}`);
  const { renderPlan } = await import('./plan.js');
  const text = await renderPlan(ctx, catalogue, itinerary, format, { toFile: true, passes });
  await writeFile(file, text, 'utf8');
  return displayPath(ctx.effects.cwd, file);
}

/**
 * The quote document as `yangtze quote --format html|pdf` writes it (the same renderer and
 * printer), beside the itinerary: BASENAME-quote.html or .pdf. HTML is written whole or not at all.
 */
async function saveQuoteFile(ctx: CliContext, catalogue: Catalogue, itinerary: Itinerary, quote: TripQuote, agency: AgencyProfile | undefined, basename: string, format: 'html' | 'pdf'): Promise<string | undefined> {
  try {
    return await writeQuoteFile(ctx, catalogue, itinerary, quote, agency, basename, format);
  } catch (error) {
    // A PDF Chromium could not print, a directory not writable: said as the commands say it; the session goes on.
    if (!(error instanceof UserError)) throw error;
    ctx.out.stderr.write(`${ctx.out.styleErr.red('error:')} ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
    return undefined;
  }
}

async function writeQuoteFile(ctx: CliContext, catalogue: Catalogue, itinerary: Itinerary, quote: TripQuote, agency: AgencyProfile | undefined, basename: string, format: 'html' | 'pdf'): Promise<string> {
  const file = ctx.resolve(`${basename}-quote.${format}`);
  const { quoteHtml } = await import('./quote.js');
  const html = await quoteHtml(ctx, quote, itinerary, catalogue, agency);
  if (format === 'pdf') {
    const { findChromium, printPdf } = await import('../io/print-pdf.js');
    const chromium = findChromium(ctx.effects.env);
    const printed = chromium ? printPdf(chromium, html, file) : { ok: false as const, message: 'Chromium is not installed' };
    if (!printed.ok) throw new UsageError(`${basename}-quote.pdf: ${printed.message}`);
  } else {
    const { writeFileAtomically } = await import('../io/pass-files.js');
    writeFileAtomically(file, { what: 'quote document', flag: 'save', shown: `${basename}-quote.html` }, (append) => append(html));
  }
  return displayPath(ctx.effects.cwd, file);
}

/**
 * Issues with the `pass issue` command's own code (runPassIssue), as
 * `pass issue --plan … --holder … [--id-number …] --category …` would, so
 * signing, the ledger and its checks stay in one place; then shows the
 * passes as that command does (the QR codes in a terminal).
 */
async function issuePasses(ctx: CliContext, catalogue: Catalogue, itinerary: Itinerary, travellers: readonly Traveller[]): Promise<IssuedPassView[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'yangtze-plan-'));
  const planFile = path.join(dir, 'plan.json');
  try {
    await writeFile(planFile, JSON.stringify(itinerary, null, 2) + '\n', 'utf8');
    return await issueFrom(ctx, catalogue, planFile, travellers);
  } catch (error) {
    // No keys yet, a locked ledger …: said as `pass issue` says it; the session goes on (the plan is not lost).
    if (!(error instanceof UserError)) throw error;
    ctx.out.stderr.write(`${ctx.out.styleErr.red('error:')} ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
    return [];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function issueFrom(ctx: CliContext, catalogue: Catalogue, planFile: string, travellers: readonly Traveller[]): Promise<IssuedPassView[]> {
  const { runPassIssue, renderPassIssue } = await import('./pass-issue.js');
  const { loadSigner } = await import('../io/keys.js');
  const { ledgerTargetOf } = await import('../cli/ledger-target.js');
  const result = await runPassIssue(
    {
      plan: planFile,
      shownPlan: 'the plan',
      holders: travellers.map((t) => t.holder),
      // Positional, as with the flags: an empty string stands for "no ID number" for a traveller before one who has one.
      idNumbers: travellers.some((t) => t.idNumber) ? travellers.map((t) => t.idNumber ?? '') : [],
      categories: travellers.map((t) => t.category),
      qrFormat: 'png',
    },
    {
      catalogue,
      // The ledger `pass issue` would use: --ledger, YANGTZE_LEDGER_URL, else the SQLite file under --home.
      ...(await ledgerTargetOf(ctx)),
      nowMs: ctx.effects.now(),
      signer: () => loadSigner(ctx.home),
    },
  );
  await renderPassIssue(result, ctx.out);
  return result.passes.map(({ id, product, holder, token, validFrom, validUntil }) => ({ id, product, holder, token, validFrom, validUntil }));
}
