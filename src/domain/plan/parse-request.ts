/**
 * `plan` flags (strings, as typed) → a normalized, validated PlanRequest.
 * Every problem names its flag; an unknown id is 'not-found' (exit 4) with a
 * "did you mean", anything else is 'usage' (exit 2). All problems are
 * returned, not just the first.
 */
import { THEMES, type Catalogue, type Theme } from '../catalogue/model.js';
import { addDays, isIsoDate } from '../calendar/iso-date.js';
import { didYouMean, suggestionText } from '../did-you-mean.js';
import { findCity, unknownCityHint } from '../catalogue/find-city.js';
import type { Pace, Party, PlanRequest } from '../itinerary/itinerary.js';
import { parseHhmm } from '../itinerary/itinerary-time.js';
import { parseParty as parsePartyText } from '../passes/party.js';
import { defaultCategory } from './party-cost.js';
import { defaultDayStart } from './pace.js';

export interface PlanFlags {
  readonly from?: string;
  readonly to?: string;
  readonly start?: string;
  readonly days?: string;
  readonly themes?: string;
  readonly party?: string;
  readonly pace?: string;
  readonly dayStart?: string;
  readonly dayEnd?: string;
  readonly must?: string;
  readonly avoid?: string;
  readonly budget?: string;
  readonly route?: string;
  readonly seed?: string;
  /** 'off' (from --no-meals) plans no meal breaks. */
  readonly meals?: string;
  /** One city: every night there (--to defaults to it). */
  readonly stay?: string;
  /** The only cities the trip may go to (besides --from). */
  readonly cities?: string;
}

export interface RequestProblem {
  readonly kind: 'usage' | 'not-found';
  readonly flag: string;
  readonly message: string;
  readonly hint?: string;
}

export type ParsedRequest =
  | { readonly ok: true; readonly request: PlanRequest }
  | { readonly ok: false; readonly problems: readonly RequestProblem[] };

/** The standard and packed paces' day start; a relaxed party's is later (pace.ts defaultDayStart). */
export const DEFAULT_DAY_START = '08:00';
export const DEFAULT_DAY_END = '20:00';
export const DEFAULT_DAYS = 3;
export const DEFAULT_SEED = 1;
/** Longer trips are possible but beyond what the corridor holds. */
export const MAX_DAYS = 30;
const PACE_VALUES: readonly Pace[] = ['relaxed', 'standard', 'packed'];

/** Flags a prompt can ask for when missing (in this order). */
const REQUIRED_FLAGS = ['from', 'start'] as const;

/** The required flags not given: `--route` gives `--from` (the trip starts in the route's first city). */
export function missingRequiredFlags(flags: PlanFlags): (typeof REQUIRED_FLAGS)[number][] {
  return REQUIRED_FLAGS.filter((f) => flags[f] === undefined && !(f === 'from' && flags.route !== undefined));
}

export function parseRequest(flags: PlanFlags, catalogue: Catalogue): ParsedRequest {
  const problems: RequestProblem[] = [];
  const usage = (flag: string, message: string, hint?: string) =>
    void problems.push({ kind: 'usage', flag, message, ...(hint ? { hint } : {}) });
  const notFound = (flag: string, message: string, hint?: string) =>
    void problems.push({ kind: 'not-found', flag, message, ...(hint ? { hint } : {}) });
  const attractionIds = catalogue.attractions.map((a) => a.id);
  const suggest = (value: string, ids: readonly string[]) => {
    const close = didYouMean(value, ids);
    return close ? suggestionText(close) : undefined;
  };

  // An id, an English or a Chinese name, as `catalogue list --city` takes it; an unknown city is a usage error (exit 2) there and here.
  const city = (flag: string, value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    const found = findCity(value, catalogue.cities);
    if (found) return found.id;
    usage(flag, `${flag} ${value}: no such city in the catalogue`, unknownCityHint(value, catalogue.cities));
    return undefined;
  };
  // `plan --route R` alone starts in the route's first city (its --help example); an unknown route is reported below.
  const routeStart = flags.from === undefined ? catalogue.routes.find((r) => r.id === flags.route?.trim())?.cities[0] : undefined;
  if (flags.from === undefined && flags.route === undefined) usage('--from', 'missing --from (the city the trip starts in)');
  const from = routeStart ?? city('--from', flags.from);
  const stay = city('--stay', flags.stay);
  if (flags.stay !== undefined && flags.cities !== undefined) usage('--cities', '--stay and --cities both limit the cities; give one');
  if (stay !== undefined && flags.to !== undefined && flags.to.trim().toLowerCase() !== stay) {
    usage('--to', `--to ${flags.to} disagrees with --stay ${stay}: a trip that stays in one city ends there`);
  }
  // --stay X is --cities X --to X: the trip goes to X (if it does not start there) and stays.
  const to = stay ?? city('--to', flags.to);
  const cities = stay !== undefined ? [stay] : flags.cities !== undefined ? list(flags.cities).map((c) => city('--cities', c)).filter((c): c is string => c !== undefined) : undefined;
  if (flags.cities !== undefined && list(flags.cities).length === 0) usage('--cities', '--cities is empty; e.g. --cities wuhan,yichang');
  if (to !== undefined && cities !== undefined && to !== from && !cities.includes(to)) {
    usage('--to', `--to ${to} is not among --cities ${cities.join(',')}`);
  }
  if (to !== undefined && !catalogue.cities.find((c) => c.id === to)!.lodging) {
    usage('--to', `--to ${to}: the catalogue has no hotels there (lodging: false), so a trip cannot end there`);
  }

  let start = flags.start?.trim();
  if (start === undefined) usage('--start', 'missing --start (the first day, YYYY-MM-DD)');
  else if (!isIsoDate(start)) {
    usage('--start', `--start ${start}: not a real date; use YYYY-MM-DD, e.g. 2026-05-12`);
    start = undefined;
  }

  const days = integer('--days', flags.days ?? String(DEFAULT_DAYS), usage, 1, MAX_DAYS);
  // The calendar ends with 9999: a trip running past it has days no date can name.
  if (start !== undefined && days !== undefined && !isIsoDate(addDays(start, days - 1))) {
    usage('--start', `--start ${start} with --days ${days} runs past 9999-12-31, the last day the calendar can name`);
  }

  const themes: Theme[] = [];
  for (const t of list(flags.themes)) {
    if ((THEMES as readonly string[]).includes(t)) {
      if (!themes.includes(t as Theme)) themes.push(t as Theme);
    } else usage('--themes', `--themes: unknown theme "${t}"`, suggest(t, THEMES) ?? `themes: ${THEMES.join(', ')}`);
  }

  const party = parseParty(flags.party, catalogue, usage);

  const pace = (flags.pace ?? 'standard').trim() as Pace;
  if (!PACE_VALUES.includes(pace)) usage('--pace', `--pace ${flags.pace}: use relaxed, standard or packed`);

  const dayStart = flags.dayStart?.trim() ?? (PACE_VALUES.includes(pace) ? defaultDayStart(pace) : DEFAULT_DAY_START);
  const dayEnd = flags.dayEnd?.trim() ?? DEFAULT_DAY_END;
  const startMin = parseHhmm(dayStart);
  const endMin = parseHhmm(dayEnd);
  if (startMin === undefined) usage('--day-start', `--day-start ${dayStart}: use HH:MM, e.g. 08:00`);
  if (endMin === undefined) usage('--day-end', `--day-end ${dayEnd}: use HH:MM, e.g. 20:00`);
  if (startMin !== undefined && endMin !== undefined && endMin - startMin < 120) {
    usage('--day-end', `--day-end ${dayEnd} leaves less than two hours after --day-start ${dayStart}`);
  }

  const ids = (flag: string, value: string | undefined): string[] => {
    const out: string[] = [];
    for (const id of list(value)) {
      if (!attractionIds.includes(id)) notFound(flag, `${flag} ${id}: no such attraction in the catalogue`, suggest(id, attractionIds));
      else if (!out.includes(id)) out.push(id);
    }
    return out;
  };
  const must = ids('--must', flags.must);
  const avoid = ids('--avoid', flags.avoid);
  const both = must.filter((id) => avoid.includes(id));
  if (both.length > 0) usage('--must', `--must and --avoid both name ${both.join(', ')}; keep it in one of them`);

  let budget: number | undefined;
  if (flags.budget !== undefined) {
    budget = Number(flags.budget);
    if (flags.budget.trim() === '' || !Number.isFinite(budget) || budget < 0) {
      usage('--budget', `--budget ${flags.budget}: give an amount in ${catalogue.currency}, e.g. 3000`);
      budget = undefined;
    }
  }

  let route: string | undefined;
  if (flags.route !== undefined) {
    const routeIds = catalogue.routes.map((r) => r.id);
    route = flags.route.trim();
    if (!routeIds.includes(route)) {
      notFound('--route', `--route ${route}: no such curated route`, suggest(route, routeIds) ?? `routes: ${routeIds.join(', ')}`);
      route = undefined;
    } else {
      // A route the trip cannot follow is said, never silently dropped.
      const cities = catalogue.routes.find((r) => r.id === route)!.cities;
      for (const [flag, id] of [['--from', from], ['--to', to]] as const) {
        if (id !== undefined && !cities.includes(id)) {
          usage('--route', `--route ${route} goes ${cities.join(' → ')}; ${flag} ${id} is not on it`, `start and end in its cities (e.g. --from ${cities[0]}), or leave out --route`);
        }
      }
    }
  }

  const seed = integer('--seed', flags.seed ?? String(DEFAULT_SEED), usage, 0, 2 ** 31 - 1);

  if (problems.length > 0 || from === undefined || start === undefined || days === undefined || seed === undefined) {
    return { ok: false, problems };
  }
  const request: PlanRequest = {
    from,
    ...(to !== undefined ? { to } : {}),
    start,
    days,
    themes,
    party,
    dayStart,
    dayEnd,
    must,
    avoid,
    pace,
    ...(budget !== undefined ? { budget } : {}),
    ...(route !== undefined ? { route } : {}),
    seed,
    ...(flags.meals === 'off' ? { meals: false } : {}),
    ...(cities !== undefined ? { cities: [...new Set(cities)] } : {}),
  };
  return { ok: true, request };
}

/** `adult=2,child=1` → { adult: 2, child: 1 } in the catalogue's category order; default: one of the default category. */
function parseParty(value: string | undefined, catalogue: Catalogue, usage: (f: string, m: string, h?: string) => void): Party {
  if (value === undefined) return { [defaultCategory(catalogue)]: 1 };
  const parsed = parsePartyText(value, catalogue.riderCategories);
  if (!parsed.ok) {
    usage('--party', parsed.message, parsed.hint);
    return {};
  }
  // Keys in the catalogue's category order, so the same party always prints the same way.
  return Object.fromEntries(catalogue.riderCategories.filter((c) => (parsed.party[c.id] ?? 0) > 0).map((c) => [c.id, parsed.party[c.id]!]));
}

function integer(flag: string, value: string, usage: (f: string, m: string) => void, min: number, max: number): number | undefined {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < min || n > max) {
    usage(flag, `${flag} ${value}: give a whole number from ${min} to ${max}`);
    return undefined;
  }
  return n;
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}
