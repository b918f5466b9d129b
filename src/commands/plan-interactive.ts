/**
 * `yangtze plan --interactive` (and bare `yangtze` in a terminal): asks for
 * what the flags did not give, plans, then lets the agent refine, quote,
 * issue and save. Never prompts without a terminal: `ctx.interactive` is
 * false with --no-input or when stdin/stdout are not TTYs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliContext } from '../cli/context.js';
import type { Effects, Stream } from '../cli/effects.js';
import { UsageError } from '../cli/errors.js';
import { inquirerAsker, type Asker } from '../cli/prompts/asker.js';
import { askPlanRequest, type PlanAnswers } from '../cli/prompts/plan-questions.js';
import { runPlanSession, type SaveFormat, type SessionDeps, type SessionResult, type Traveller } from '../cli/prompts/plan-session.js';
import type { Catalogue } from '../domain/catalogue/model.js';
import type { Itinerary } from '../domain/itinerary/itinerary.js';
import { shanghaiDate } from '../domain/passes/shanghai-time.js';
import type { IssuedPassView } from '../export/itinerary-html.js';

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
  const asker = overrides.asker ?? (await inquirerAsker());
  const qctx = { catalogue, lang: ctx.out.lang, today: shanghaiDate(ctx.effects.now()) };
  const answers = await askPlanRequest(asker, qctx, partial);
  const plan = overrides.plan ?? plain.planFromOptions;
  // Flags the session does not ask about (--day-start, --route, --time-limit …) pass through unchanged.
  const passThrough = Object.fromEntries(Object.entries(partial).filter(([k]) => !REQUEST_KEYS.has(k)));
  const deps: SessionDeps = {
    plan: (request) => plan(ctx, { ...passThrough, ...toPlanOptions(request) }),
    issue: (itinerary, travellers) => issueViaCli(ctx, itinerary, travellers),
    save: (itinerary, basename, format, passes) => saveFile(ctx, catalogue, itinerary, basename, format, passes),
    show: (text) => ctx.out.result(text),
    note: (text) => ctx.out.info(text),
    style: ctx.out.style,
  };
  const avoid = typeof partial.avoid === 'string' ? partial.avoid.split(',').map((s) => s.trim()).filter(Boolean) : [];
  const seed = partial.seed !== undefined && /^\d+$/.test(String(partial.seed)) ? Number(partial.seed) : 1;
  const result = await runPlanSession(asker, qctx, answers, deps, { avoid, seed });
  if (target !== undefined) await plain.emitPlan(ctx, catalogue, result.itinerary, target);
  return result;
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
export function toPlanOptions(request: PlanAnswers & { readonly avoid: readonly string[]; readonly seed: number }): Record<string, unknown> {
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
  return path.relative(ctx.effects.cwd, file) || file;
}

/**
 * Issues through `pass issue --plan … --holder … --json`, the same command an
 * agent would run, so signing, the ledger and its checks stay in one place.
 */
async function issueViaCli(ctx: CliContext, itinerary: Itinerary, travellers: readonly Traveller[]): Promise<IssuedPassView[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'yangtze-plan-'));
  const planFile = path.join(dir, 'plan.json');
  try {
    await writeFile(planFile, JSON.stringify(itinerary, null, 2) + '\n', 'utf8');
    const { runCli } = await import('../cli/program.js');
    const stdout = collector(false);
    const effects: Effects = { ...ctx.effects, stdout, stdinIsTTY: false };
    const args = [
      '--home', ctx.home,
      '--catalogue', ctx.cataloguePath(),
      '--lang', ctx.out.lang,
      'pass', 'issue', '--plan', planFile, '--json',
      ...travellers.flatMap((t) => ['--holder', t.holder, '--category', t.category]),
    ];
    const code = await runCli(args, effects);
    if (code !== 0) return [];
    const doc = JSON.parse(stdout.text()) as { passes?: IssuedPassView[] };
    const passes = (doc.passes ?? []).map(({ id, product, holder, token, validFrom, validUntil }) => ({ id, product, holder, token, validFrom, validUntil }));
    for (const p of passes) ctx.out.result(`${p.id}  ${p.holder}  ${p.product}  ${p.validFrom} – ${p.validUntil}`);
    return passes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function collector(isTTY: boolean): Stream & { text(): string } {
  const chunks: string[] = [];
  return { isTTY, write: (c: string) => chunks.push(c), text: () => chunks.join('') };
}
