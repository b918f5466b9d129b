/**
 * The exact-model benchmark's requests, by a fixed rule over the catalogue
 * (not picked by hand, not picked by result). Scenario i of N:
 *
 * - from:   the catalogue's lodging cities in file order, i mod their count;
 * - days:   1, 2 or 3 in blocks: of the first BASE_SCENARIOS (24) the first third 1 day,
 *           the next 2, the last 3; scenarios beyond them (--scenarios 30) continue every
 *           cycle below and make blocks of their own, a third each 1, 2 and 3 days, so that
 *           the first 24 stay what they were and runs compare;
 * - shape:  alternating (i + block) even: `--stay from` (a trip that stays);
 *           odd: `--to` the first city the catalogue links `from` to by rail
 *           (a day crosses a timetabled train);
 * - start:  cycling Monday 2027-04-12 (Monday closures), Friday 2027-10-01
 *           (National Day, Golden Week), Wednesday 2027-06-16, Monday
 *           2027-02-08 (Spring Festival), Saturday 2027-07-24;
 * - themes: cycling none, cultural, red, eco+water, water+cultural, red+cultural+eco;
 * - pace:   cycling standard, relaxed, packed;
 * - party:  cycling adult=2; adult=2,child=1; adult=1; adult=2,senior=2;
 * - budget: when i mod 4 = 2: 150 CNY per person per day (the rail fare of a
 *           --to trip comes out of it too);
 * - must:   when i mod 5 = 3: the lowest-scoring stop (for the request's
 *           themes; ties by id) of the city the trip ends in — often an
 *           off-theme stop the planner would not choose by itself.
 *
 * Candidates are then restricted so that every skeleton's Problem has at most
 * MAX_VISITS visits: while one has more, the lowest-scoring non-must visit of
 * the largest such problem (ties: the later id) goes on `--avoid` — a flag
 * the CLI takes, so every scenario stays a real `yangtze plan` command.
 */
import type { Catalogue } from '../../src/domain/catalogue/model.js';
import type { PlanFlags } from '../../src/domain/plan/parse-request.js';
import { attractionScore } from '../../src/domain/plan/score.js';
import type { Theme } from '../../src/domain/catalogue/model.js';

export const MAX_VISITS = 15;

const DATES = ['2027-04-12', '2027-10-01', '2027-06-16', '2027-02-08', '2027-07-24'];
const THEMES: readonly (readonly Theme[])[] = [[], ['cultural'], ['red'], ['eco', 'water'], ['water', 'cultural'], ['red', 'cultural', 'eco']];
const PACES = ['standard', 'relaxed', 'packed'];
const PARTIES = [{ adult: 2 }, { adult: 2, child: 1 }, { adult: 1 }, { adult: 2, senior: 2 }] as const;
const BUDGET_PER_PERSON_DAY = 150;

export interface Scenario {
  readonly name: string;
  readonly flags: PlanFlags;
}

/** The benchmark's first scenarios, fixed whatever --scenarios asks for beyond them. */
export const BASE_SCENARIOS = 24;

/** Scenario i's block of days (0: 1 day, 1: 2 days, 2: 3 days). */
export function dayBlock(i: number, count: number): number {
  if (i < BASE_SCENARIOS) return Math.floor(i / Math.ceil(BASE_SCENARIOS / 3));
  return Math.floor((i - BASE_SCENARIOS) / Math.ceil((count - BASE_SCENARIOS) / 3));
}

export function exactScenarios(catalogue: Catalogue, count: number): Scenario[] {
  const cities = catalogue.cities.filter((c) => c.lodging).map((c) => c.id);
  const out: Scenario[] = [];
  for (let i = 0; i < count; i++) {
    const from = cities[i % cities.length]!;
    const block = dayBlock(i, Math.max(count, BASE_SCENARIOS));
    const days = 1 + block;
    const next = firstRailNeighbour(catalogue, from);
    const stay = (i + block) % 2 === 0 || next === undefined;
    const end = stay ? from : next;
    const themes = THEMES[i % THEMES.length]!;
    const party = PARTIES[i % PARTIES.length]!;
    const heads = Object.values(party).reduce((s, n) => s + n, 0);
    const flags: Record<string, string> = {
      from,
      ...(stay ? { stay: from } : { to: end }),
      start: DATES[i % DATES.length]!,
      days: String(days),
      pace: PACES[i % PACES.length]!,
      party: Object.entries(party).map(([k, n]) => `${k}=${n}`).join(','),
    };
    if (themes.length > 0) flags.themes = themes.join(',');
    if (i % 4 === 2) flags.budget = String(BUDGET_PER_PERSON_DAY * heads * days);
    if (i % 5 === 3) {
      const lowest = catalogue.attractions
        .filter((a) => a.city === end)
        .sort((a, b) => attractionScore(a, themes) - attractionScore(b, themes) || a.id.localeCompare(b.id))[0];
      if (lowest) flags.must = lowest.id;
    }
    out.push({ name: `S${String(i + 1).padStart(2, '0')}`, flags });
  }
  return out;
}

function firstRailNeighbour(catalogue: Catalogue, city: string): string | undefined {
  for (const l of catalogue.links) {
    if (l.mode !== 'rail') continue;
    if (l.from === city) return l.to;
    if (l.to === city && !l.oneway) return l.from;
  }
  return undefined;
}

/** The flags as a `yangtze plan` command line. */
export function commandLine(flags: PlanFlags): string {
  return ['yangtze plan', ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, String(v)])].join(' ');
}
