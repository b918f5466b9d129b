/**
 * The interactive session after the questions: show the plan, then let the
 * agent change it (add or remove a stop, change the dates, re-plan keeping
 * the chosen stops), quote passes, issue passes for named travellers, and
 * save the files. Planning, issuing and writing are injected, so the whole
 * conversation runs in tests with a scripted Asker.
 */
import type { ChalkInstance } from 'chalk';
import type { Catalogue, Theme } from '../../domain/catalogue/model.js';
import type { Itinerary } from '../../domain/itinerary/itinerary.js';
import { quoteBundle } from '../../domain/passes/quote.js';
import { formatBasisPoints, parsePercent, type Margin } from '../../domain/quote/margin.js';
import { defaultQuoteOptions, quoteTrip } from '../../domain/quote/quote-trip.js';
import type { TripQuote } from '../../domain/quote/quote-model.js';
import type { Grade } from '../../domain/quote/rates.js';
import { EMPTY_RATES } from '../../domain/quote/rates.js';
import { renderQuoteText } from '../../export/quote-text.js';
import type { IssuedPassView } from '../../export/itinerary-html.js';
import { categoryName, placeName, type Lang } from '../../export/locale.js';
import type { Asker, Choice } from './asker.js';
import { promptMessages } from './messages.js';
import { attractionChoice, daysQuestion, mustCandidates, startQuestion, type PlanAnswers, type QuestionContext } from './plan-questions.js';
import { renderPlanSummary, renderQuoteSummary } from './plan-summary.js';

export type SaveFormat = 'json' | 'ics' | 'geojson' | 'html';
export const SAVE_FORMATS: readonly SaveFormat[] = ['json', 'html', 'ics', 'geojson'];
/** The quote document (`yangtze quote --format html|pdf`), saved as BASENAME-quote.html / .pdf. */
export type QuoteSaveFormat = 'quote-html' | 'quote-pdf';
type SaveChoice = SaveFormat | QuoteSaveFormat;

export interface Traveller {
  readonly holder: string;
  readonly category: string;
  /** Optional: the gate can then check the ID shown against the pass (stored only as a keyed hash). */
  readonly idNumber?: string;
}

/** The answers plus what the session's edits add: stops to avoid, the search seed. */
export type SessionRequest = PlanAnswers & { readonly avoid: readonly string[]; readonly seed: number };

export interface SessionDeps {
  /** Plans a request; `avoid` and `seed` come from the session's edits. */
  plan(request: SessionRequest): Promise<Itinerary>;
  /** Issues (signs and records) passes for the travellers; returns what to print on them. */
  issue(itinerary: Itinerary, travellers: readonly Traveller[]): Promise<readonly IssuedPassView[]>;
  /** Renders and writes one file; returns the path written. */
  save(itinerary: Itinerary, basename: string, format: SaveFormat, passes: readonly IssuedPassView[]): Promise<string>;
  /** Renders and writes the quote document (HTML, or PDF through Chromium); the path written, or undefined when it failed (said already). */
  saveQuote(itinerary: Itinerary, quote: TripQuote, basename: string, format: 'html' | 'pdf'): Promise<string | undefined>;
  /** Chromium is installed, so the quote can be saved as PDF too. */
  readonly canPrintPdf: boolean;
  /** The result (the plan, the quote) to stdout. */
  show(text: string): void;
  /** Notes to stderr. */
  note(text: string): void;
  readonly style: ChalkInstance;
}

export type SessionAction = 'add' | 'remove' | 'dates' | 'replan' | 'quote' | 'price' | 'issue' | 'save' | 'done';

export interface SessionResult {
  /** The last request planned (the answers after every edit), for the equivalent command line. */
  readonly request: SessionRequest;
  readonly itinerary: Itinerary;
  readonly passes: readonly IssuedPassView[];
  readonly saved: readonly string[];
}

/** Visits in plan order (the stops "the rest" means when re-planning). */
export function scheduledStops(itinerary: Itinerary): string[] {
  return itinerary.days.flatMap((d) => d.items.flatMap((i) => (i.kind === 'visit' ? [i.attraction] : [])));
}

function citiesOf(itinerary: Itinerary): string[] {
  const cities = new Set<string>([itinerary.request.from, ...(itinerary.request.to ? [itinerary.request.to] : [])]);
  for (const d of itinerary.days) {
    cities.add(d.lodging);
    for (const i of d.items) if (i.kind === 'visit') cities.add(i.city);
  }
  return [...cities];
}

export async function runPlanSession(
  asker: Asker,
  ctx: QuestionContext,
  first: PlanAnswers,
  deps: SessionDeps,
  initial: { readonly avoid?: readonly string[]; readonly seed?: number } = {},
): Promise<SessionResult> {
  const m = promptMessages(ctx.lang);
  const lang: Lang = ctx.lang;
  let request: SessionRequest = { ...first, avoid: initial.avoid ?? ([] as readonly string[]), seed: initial.seed ?? 1 };
  const replan = async () => {
    const it = await deps.plan(request);
    deps.show(renderPlanSummary(it, ctx.catalogue, lang, deps.style));
    return it;
  };
  let itinerary = await replan();
  let passes: readonly IssuedPassView[] = [];
  const saved: string[] = [];
  let pricing: Pricing = { grade: '4star', guide: 'none', margin: { kind: 'none' } };
  let priced = false;
  // The package quote with the last "Price the trip" answers (else `yangtze quote`'s defaults).
  const priceNow = () =>
    quoteTrip(itinerary, ctx.catalogue, ctx.catalogue.rates ?? EMPTY_RATES, {
      ...defaultQuoteOptions(request.party),
      grade: pricing.grade,
      ...(pricing.guide !== 'none' ? { guide: pricing.guide } : {}),
      margin: pricing.margin,
    });

  for (;;) {
    const action = await asker.select<SessionAction>({
      message: m.next,
      choices: (Object.keys(m.actions) as SessionAction[]).map((a) => ({ value: a, name: m.actions[a] })),
      default: 'save',
    });
    if (action === 'done') break;
    if (action === 'add') {
      const inPlan = new Set(scheduledStops(itinerary));
      const candidates = mustCandidates(ctx.catalogue, themesOf(request), citiesOf(itinerary)).filter((a) => !inPlan.has(a.id));
      if (candidates.length === 0) {
        deps.note(m.nothingToAdd);
        continue;
      }
      const choices = candidates.map((a) => attractionChoice(a, ctx));
      const id = await asker.search<string>({ message: m.addWhich, source: (term) => filterChoices(choices, term) });
      request = { ...request, must: unique([...scheduledStops(itinerary), id]), avoid: request.avoid.filter((x) => x !== id) };
      itinerary = await replan();
    } else if (action === 'remove') {
      const stops = scheduledStops(itinerary);
      if (stops.length === 0) continue;
      const id = await asker.select<string>({
        message: m.removeWhich,
        choices: stops.map((s, i) => ({ value: s, name: `${i + 1}. ${placeName(ctx.catalogue, s, lang)}` })),
      });
      request = { ...request, must: stops.filter((s) => s !== id), avoid: unique([...request.avoid, id]) };
      itinerary = await replan();
    } else if (action === 'dates') {
      const start = (await asker.input({ ...startQuestion(ctx, request.start), default: request.start })).trim();
      const days = Number((await asker.input({ ...daysQuestion(ctx), default: String(request.days) })).trim());
      request = { ...request, start, days, must: unique([...request.must, ...scheduledStops(itinerary)]) };
      itinerary = await replan();
    } else if (action === 'replan') {
      request = { ...request, seed: request.seed + 1 };
      itinerary = await replan();
    } else if (action === 'quote') {
      deps.show(renderQuoteSummary(quoteBundle(itinerary, ctx.catalogue, request.party), ctx.catalogue, lang, deps.style));
    } else if (action === 'price') {
      // The package price with the catalogue's reference rates; the agent picks what changes a
      // price most (grade, guide, markup) — the rest as `yangtze quote`'s defaults. Asked each
      // time, the last answers offered again.
      pricing = await askPricing(asker, ctx, pricing);
      priced = true;
      deps.show(renderQuoteText(priceNow(), deps.style, lang, (id) => categoryName(ctx.catalogue, id, lang)));
      deps.note(`${m.priceCommand}\n  ${quoteCommandLine(saved.find((f) => f.endsWith('.json')) ?? `plan-${request.from}-${request.start}.json`, pricing)}`);
    } else if (action === 'issue') {
      const travellers = await askTravellers(asker, ctx, request.party);
      passes = [...passes, ...(await deps.issue(itinerary, travellers))];
    } else if (action === 'save') {
      const basename = (
        await asker.input({
          message: m.saveAs,
          default: `plan-${request.from}-${request.start}`,
          validate: (v) => (v.trim() !== '' ? true : m.emptyName),
        })
      ).trim();
      // The quote document sits beside the itinerary; ticked once the agent has priced the trip.
      const quoteChoices: Choice<SaveChoice>[] = [
        { value: 'quote-html', name: m.quoteFile(`${basename}-quote.html`), checked: priced },
        ...(deps.canPrintPdf ? [{ value: 'quote-pdf' as const, name: m.quoteFile(`${basename}-quote.pdf`), checked: false }] : []),
      ];
      const formats = await asker.checkbox<SaveChoice>({
        message: m.saveFormats,
        choices: [...SAVE_FORMATS.map((f) => ({ value: f, name: `${basename}.${f}`, checked: f === 'json' || f === 'html' })), ...quoteChoices],
        validate: (selected) => (selected.length > 0 ? true : m.atLeastOneFormat),
      });
      if (!deps.canPrintPdf && formats.includes('quote-html')) deps.note(m.noPdf);
      for (const format of formats) {
        const file =
          format === 'quote-html' || format === 'quote-pdf'
            ? await deps.saveQuote(itinerary, priceNow(), basename, format === 'quote-pdf' ? 'pdf' : 'html')
            : await deps.save(itinerary, basename, format, passes);
        if (file === undefined) continue;
        saved.push(file);
        deps.note(m.saved(file));
      }
    }
  }
  return { request, itinerary, passes, saved };
}

function themesOf(request: { readonly themes: readonly Theme[] }): readonly Theme[] {
  return request.themes;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function filterChoices<V>(choices: readonly Choice<V>[], term: string | undefined): Choice<V>[] {
  const t = (term ?? '').trim().toLowerCase();
  return t ? choices.filter((c) => c.name.toLowerCase().includes(t) || String(c.value).includes(t)) : [...choices];
}

/** One name and rider category per traveller, suggested from the party. */
async function askTravellers(asker: Asker, ctx: QuestionContext, party: Readonly<Record<string, number>>): Promise<Traveller[]> {
  const m = promptMessages(ctx.lang);
  const expected = Object.entries(party).flatMap(([cat, n]) => Array.from({ length: n }, () => cat));
  const travellers: Traveller[] = [];
  for (let i = 0; ; i++) {
    const holder = (await asker.input({ message: m.holderName(i + 1), validate: (v) => (v.trim() !== '' ? true : m.emptyName) })).trim();
    const category = await asker.select<string>({
      message: m.holderCategory(holder),
      choices: ctx.catalogue.riderCategories.map((c) => ({ value: c.id, name: categoryName(ctx.catalogue, c.id, ctx.lang) })),
      default: expected[i] ?? ctx.catalogue.riderCategories.find((c) => c.isDefault)?.id ?? 'adult',
    });
    // Optional, as --id-number is: an empty answer issues the pass without an ID check.
    const idNumber = (await asker.input({ message: m.holderIdNumber(holder), default: '' })).trim();
    travellers.push({ holder, category, ...(idNumber ? { idNumber } : {}) });
    const more = await asker.confirm({ message: m.anotherHolder, default: i + 1 < expected.length });
    if (!more) break;
  }
  return travellers;
}

/** What the agent chose for "Price the trip": the hotel grade, a guide, the markup. */
export interface Pricing {
  readonly grade: Grade;
  readonly guide: 'none' | 'en' | 'zh';
  readonly margin: Margin;
}

async function askPricing(asker: Asker, ctx: QuestionContext, last: Pricing): Promise<Pricing> {
  const m = promptMessages(ctx.lang);
  const grade = await asker.select<Grade>({
    message: m.priceGrade,
    choices: (Object.keys(m.priceGrades) as Grade[]).map((g) => ({ value: g, name: m.priceGrades[g] })),
    default: last.grade,
  });
  const guide = await asker.select<Pricing['guide']>({
    message: m.priceGuide,
    choices: (Object.keys(m.priceGuides) as Pricing['guide'][]).map((g) => ({ value: g, name: m.priceGuides[g] })),
    default: last.guide,
  });
  const valid = (v: string) => {
    const bp = parsePercent(v);
    return bp !== undefined && bp <= 100_000;
  };
  const text = await asker.input({
    message: m.priceMarkup,
    default: last.margin.kind === 'markup' ? formatBasisPoints(last.margin.basisPoints) : '0%',
    validate: (v) => (valid(v) ? true : m.badMarkup),
  });
  const bp = parsePercent(text) ?? 0;
  return { grade, guide, margin: bp === 0 ? { kind: 'none' } : { kind: 'markup', basisPoints: bp } };
}

/** `yangtze quote` with the same choices, for the document (the session saves the plan as JSON). */
export function quoteCommandLine(planFile: string, p: Pricing): string {
  return [
    'yangtze quote', planFile,
    ...(p.grade !== '4star' ? ['--grade', p.grade] : []),
    ...(p.guide !== 'none' ? ['--guide', p.guide] : []),
    ...(p.margin.kind === 'markup' ? ['--markup', formatBasisPoints(p.margin.basisPoints)] : []),
  ].join(' ');
}
