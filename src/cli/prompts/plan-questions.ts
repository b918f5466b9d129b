/**
 * The planning request, asked one question at a time. A question is asked
 * only when its flag was not given (`partial` holds the flags' values), so
 * `yangtze plan --interactive --from wuhan --days 3` asks neither the start
 * city nor the length. The question builders are exported for tests that
 * drive the real prompts.
 */
import type { Attraction, Catalogue, City, IsoDate, Theme } from '../../domain/catalogue/model.js';
import { THEMES } from '../../domain/catalogue/model.js';
import { isIsoDate } from '../../domain/calendar/iso-date.js';
import type { Pace } from '../../domain/itinerary/itinerary.js';
import { categoryName, provinceName, themeName, type Lang } from '../../export/locale.js';
import type { Asker, CheckboxQuestion, Choice, InputQuestion, SearchQuestion, SelectQuestion } from './asker.js';
import { promptMessages } from './messages.js';
import { findCity } from '../../domain/catalogue/find-city.js';

/** Longest trip the prompt accepts (the flag may allow more). */
export const MAX_DAYS = 14;
const PACES: readonly Pace[] = ['relaxed', 'standard', 'packed'];

export interface PlanAnswers {
  readonly from: string;
  /** Absent: a round trip. */
  readonly to?: string;
  readonly start: IsoDate;
  readonly days: number;
  readonly themes: readonly Theme[];
  readonly party: Readonly<Record<string, number>>;
  readonly pace: Pace;
  readonly must: readonly string[];
  readonly budget?: number;
  /** The trip stays in this city (the start city) every night: `plan --stay`. */
  readonly stay?: string;
}

/** The `to` answer that keeps the trip in the start city. */
const STAY = '=stay';

export interface QuestionContext {
  readonly catalogue: Catalogue;
  readonly lang: Lang;
  /** Today in Beijing (`YYYY-MM-DD`): the earliest start date. */
  readonly today: IsoDate;
}

/** A flag's value, or undefined when the flag was not given. */
function given(partial: Readonly<Record<string, unknown>>, key: string): unknown {
  const v = partial[key];
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return undefined;
  return v;
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  return String(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `adult=2,child=1` (or an object) → { adult: 2, child: 1 }. */
function partyOf(v: unknown): Record<string, number> {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return { ...(v as Record<string, number>) };
  const party: Record<string, number> = {};
  for (const part of list(v)) {
    const [k, n] = part.split('=');
    if (k) party[k.trim()] = Number(n ?? 1);
  }
  return party;
}

export function cityLabel(city: City, lang: Lang): string {
  return lang === 'zh' ? `${city.nameZh} ${city.name}` : `${city.name} ${city.nameZh}`;
}

/** Matches the id, the English name (any case) or the Chinese name. */
export function cityMatches(city: City, term: string | undefined): boolean {
  const t = (term ?? '').trim().toLowerCase();
  if (!t) return true;
  return city.id.includes(t) || city.name.toLowerCase().includes(t) || city.nameZh.includes(t);
}

/**
 * A city, searched by name. `start`: the trip's start city, when asking where it ends — not
 * offered again among the cities (the extra choices say what ending there means: a round trip,
 * or staying), and typing its name finds those choices.
 */
export function cityQuestion(ctx: QuestionContext, message: string, extra: readonly Choice<string>[] = [], start?: string): SearchQuestion<string> {
  const startCity = ctx.catalogue.cities.find((c) => c.id === start);
  return {
    message,
    source: (term) => [
      ...(!term || (startCity && cityMatches(startCity, term)) ? extra : []),
      ...ctx.catalogue.cities
        .filter((c) => c.id !== start && cityMatches(c, term))
        .map((c) => ({ value: c.id, name: cityLabel(c, ctx.lang), description: provinceName(c.province, ctx.lang) })),
    ],
  };
}

export function startQuestion(ctx: QuestionContext, suggested: IsoDate): InputQuestion {
  const m = promptMessages(ctx.lang);
  return {
    message: m.start,
    default: suggested,
    validate: (value) => {
      const v = value.trim();
      if (!isIsoDate(v)) return m.badDate;
      if (v < ctx.today) return m.pastDate(ctx.today);
      return true;
    },
  };
}

export function daysQuestion(ctx: QuestionContext): InputQuestion {
  const m = promptMessages(ctx.lang);
  return {
    message: m.days,
    default: '3',
    validate: (value) => (/^\d+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= MAX_DAYS ? true : m.badDays(MAX_DAYS)),
  };
}

export function themesQuestion(ctx: QuestionContext): CheckboxQuestion<Theme> {
  const m = promptMessages(ctx.lang);
  return {
    message: m.themes,
    choices: THEMES.map((t) => ({ value: t, name: themeName(t, ctx.lang) })),
    validate: (selected) => (selected.length > 0 ? true : m.atLeastOneTheme),
  };
}

export function paceQuestion(ctx: QuestionContext): SelectQuestion<Pace> {
  const m = promptMessages(ctx.lang);
  return { message: m.pace, choices: PACES.map((p) => ({ value: p, name: m.paces[p] })), default: 'standard' };
}

/** Stops that have at least one chosen theme, in the start or end city; must-see ones first. */
export function mustCandidates(catalogue: Catalogue, themes: readonly Theme[], cities: readonly string[]): Attraction[] {
  return catalogue.attractions
    .filter((a) => cities.includes(a.city) && a.themes.some((t) => themes.includes(t)))
    .sort((a, b) => Number(b.mustSee) - Number(a.mustSee) || a.name.localeCompare(b.name));
}

export function attractionChoice(a: Attraction, ctx: QuestionContext): Choice<string> {
  const name = ctx.lang === 'zh' ? `${a.nameZh} ${a.name}` : `${a.name} ${a.nameZh}`;
  const city = ctx.catalogue.cities.find((c) => c.id === a.city);
  const where = city ? (ctx.lang === 'zh' ? city.nameZh : city.name) : a.city;
  return { value: a.id, name: `${a.mustSee ? '★ ' : ''}${name}`, description: `${where} · ${a.themes.map((t) => themeName(t, ctx.lang)).join(', ')}` };
}

export function budgetQuestion(ctx: QuestionContext): InputQuestion {
  const m = promptMessages(ctx.lang);
  return {
    message: m.budget,
    validate: (value) => (value.trim() === '' || (/^\d+(\.\d{1,2})?$/.test(value.trim()) && Number(value) > 0) ? true : m.badBudget),
  };
}

/** Asks for every part of the request that `partial` does not already give. */
export async function askPlanRequest(asker: Asker, ctx: QuestionContext, partial: Readonly<Record<string, unknown>>): Promise<PlanAnswers> {
  const m = promptMessages(ctx.lang);

  const fromFlag = given(partial, 'from');
  // A city typed as a flag (`--from 武汉`) is read by the one resolver the `plan` command uses; an unknown one is left for it to refuse.
  const cityId = (typed: unknown) => findCity(String(typed), ctx.catalogue.cities)?.id ?? String(typed);
  const from = fromFlag !== undefined ? cityId(fromFlag) : await asker.search(cityQuestion(ctx, m.from));

  const toFlag = given(partial, 'to');
  let to: string | undefined;
  let stay: string | undefined;
  if (toFlag !== undefined) to = cityId(toFlag);
  else if (fromFlag === undefined) {
    // With --from given and --to not, the command line already says "end anywhere", as `plan` reads it.
    // Before, the list offered the start city again below "(same as the start: a round trip)", and that
    // choice planned no round trip at all (no --to: the 3-day Wuhan trip ended in Jiujiang).
    const picked = await asker.search(cityQuestion(ctx, m.to, [
      { value: from, name: m.sameCity }, { value: STAY, name: m.stayInCity }, { value: '', name: m.anywhere },
    ], from));
    if (picked === STAY) stay = from;
    to = picked === '' || picked === STAY ? undefined : picked;
  }

  const startFlag = given(partial, 'start');
  const tomorrow = nextDay(ctx.today);
  const start = startFlag !== undefined ? String(startFlag) : (await asker.input(startQuestion(ctx, tomorrow))).trim();

  const daysFlag = given(partial, 'days');
  const days = daysFlag !== undefined ? Number(daysFlag) : Number((await asker.input(daysQuestion(ctx))).trim());

  const themesFlag = given(partial, 'themes');
  const themes = themesFlag !== undefined ? (list(themesFlag) as Theme[]) : await asker.checkbox(themesQuestion(ctx));

  const partyFlag = given(partial, 'party');
  let party: Record<string, number>;
  if (partyFlag !== undefined) party = partyOf(partyFlag);
  else {
    party = {};
    for (const c of ctx.catalogue.riderCategories) {
      const answer = await asker.input({
        message: m.partyCount(categoryName(ctx.catalogue, c.id, ctx.lang)),
        default: c.isDefault ? '2' : '0',
        validate: (v) => (/^\d+$/.test(v.trim()) ? true : m.badCount),
      });
      const n = Number(answer.trim());
      if (n > 0) party[c.id] = n;
    }
    if (Object.keys(party).length === 0) {
      const adult = ctx.catalogue.riderCategories.find((c) => c.isDefault)?.id ?? 'adult';
      party[adult] = 1;
    }
  }

  const paceFlag = given(partial, 'pace');
  const pace = paceFlag !== undefined ? (String(paceFlag) as Pace) : await asker.select(paceQuestion(ctx));

  const mustFlag = given(partial, 'must');
  let must: string[];
  if (mustFlag !== undefined) must = list(mustFlag);
  else {
    const candidates = mustCandidates(ctx.catalogue, themes, to ? [from, to] : [from]);
    must =
      candidates.length === 0
        ? []
        : await asker.checkbox({ message: m.must, choices: candidates.map((a) => attractionChoice(a, ctx)) });
  }

  const budgetFlag = given(partial, 'budget');
  let budget: number | undefined;
  if (budgetFlag !== undefined) budget = Number(budgetFlag);
  else {
    const b = (await asker.input(budgetQuestion(ctx))).trim();
    budget = b === '' ? undefined : Number(b);
  }

  return { from, ...(to ? { to } : {}), start, days, themes, party, pace, must, ...(budget !== undefined ? { budget } : {}), ...(stay ? { stay } : {}) };
}

function nextDay(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
