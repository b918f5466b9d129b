/**
 * Opening hours in the OpenStreetMap `opening_hours` syntax, for the subset
 * that describes a scenic site's regular week, turned into the catalogue's
 * own rules at load time: seasons by month and weekday, weekly and
 * nth-weekday closures, and the public-holiday rule. The planner then reads
 * pasted OSM hours exactly like hours written as seasons.
 *
 * Why not the `opening_hours` package: it answers "open at this instant?"
 * for timestamps, so getting rules back from it means sampling a reference
 * year and re-inferring them — "Tu[1,3] off" would come back as 24 dated
 * closures of one year instead of an nth-weekday rule, and a one-off date
 * would silently become part of a season. This parser accepts what the
 * catalogue can represent and rejects the rest with a message naming the part.
 *
 * Supported: `24/7`; rules separated by `;`, each `[months[:]] [weekdays]
 * (HH:MM-HH:MM | off | closed)`; months `Apr-Oct`, `Nov-Mar`, `Jan,Feb`;
 * weekdays `Mo-Fr`, `Sa,Su`, `Tu[1,3]` (nth, with `off` only), `PH off|open|HH:MM-HH:MM`.
 * A later rule replaces earlier ones on the days it names (as in OSM).
 */
import type { HolidayRule, Weekday } from '../domain/catalogue/model.js';
import type { RawSeason } from '../domain/catalogue/raw-catalogue.js';

export interface OsmHours {
  readonly hours: readonly RawSeason[];
  /** Weekdays closed in every month. */
  readonly closed: readonly Weekday[];
  readonly closedNth: readonly { readonly weekday: Weekday; readonly nth: readonly number[] }[];
  /** Set when the string has a PH rule. */
  readonly holidays?: HolidayRule;
}

export type OsmHoursResult = { readonly ok: true; readonly value: OsmHours } | { readonly ok: false; readonly message: string };

const OSM_DAYS = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'] as const;
/** Index as Date#getDay(), like the model's WEEKDAYS. */
const DAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

type Cell = { open: string; close: string } | 'off';

/**
 * @example
 * parseOsmHours('Tu-Su 09:00-17:00; Mo off')
 * // → { ok: true, value: { hours: [{ open: '09:00', close: '17:00', weekdays: [tue, …, sun] }], closed: ['mon'], closedNth: [] } }
 */
export function parseOsmHours(text: string): OsmHoursResult {
  const fail = (message: string): OsmHoursResult => ({ ok: false, message });
  // grid[month 0..11][weekday 0..6]: the day's window, 'off', or undefined (no rule says)
  const grid: (Cell | undefined)[][] = Array.from({ length: 12 }, () => Array<Cell | undefined>(7).fill(undefined));
  const nth = new Map<number, Set<number>>();
  let holidays: HolidayRule | undefined;
  const rules = text.split(';').map((r) => r.trim()).filter((r) => r !== '');
  if (rules.length === 0) return fail('Opening hours are empty.');

  for (const rule of rules) {
    if (rule === '24/7') {
      for (const row of grid) row.fill({ open: '00:00', close: '24:00' });
      continue;
    }
    let rest = rule;
    // months selector, optionally followed by a colon
    let months = [...Array(12).keys()];
    const monthMatch = /^((?:[A-Z][a-z]{2}(?:-[A-Z][a-z]{2})?)(?:,[A-Z][a-z]{2}(?:-[A-Z][a-z]{2})?)*)(?::|\s+|$)/.exec(rest);
    if (monthMatch && MONTHS.includes(monthMatch[1]!.slice(0, 3) as (typeof MONTHS)[number])) {
      const parsed = monthList(monthMatch[1]!);
      if (typeof parsed === 'string') return fail(parsed);
      months = parsed;
      rest = rest.slice(monthMatch[0].length).trim();
      if (/^\d/.test(rest)) {
        if (!TIME.test(rest.slice(0, 5))) return fail(`"${rule}": dates inside a month (like "Oct 01-Oct 07") are not supported; write them as one-off closed_dates or seasons by whole months.`);
      }
    }
    // PH rule
    if (/^PH\b/.test(rest)) {
      const what = rest.slice(2).trim();
      if (/^(off|closed)$/.test(what)) holidays = 'closed';
      else if (what === 'open' || times(what) !== undefined) holidays = 'open';
      else return fail(`"${rule}": a public-holiday rule is "PH off", "PH open" or "PH HH:MM-HH:MM".`);
      continue;
    }
    // weekdays selector
    let days = [0, 1, 2, 3, 4, 5, 6];
    let nthOf: { day: number; n: number[] } | undefined;
    const dayMatch = /^([A-Z][a-z](?:\[[-\d,]+\])?(?:-[A-Z][a-z])?(?:,[A-Z][a-z](?:\[[-\d,]+\])?(?:-[A-Z][a-z])?)*)(?:\s+|$)/.exec(rest);
    if (dayMatch && OSM_DAYS.includes(dayMatch[1]!.slice(0, 2) as (typeof OSM_DAYS)[number])) {
      const parsed = dayList(dayMatch[1]!);
      if (typeof parsed === 'string') return fail(`"${rule}": ${parsed}`);
      days = parsed.days;
      nthOf = parsed.nth;
      rest = rest.slice(dayMatch[0].length).trim();
    }
    const cell: Cell | undefined = /^(off|closed)$/.test(rest) ? 'off' : times(rest);
    if (cell === undefined) return fail(`"${rule}": expected a time range "HH:MM-HH:MM" or "off" after the days; "${rest}" is not supported.`);
    if (nthOf) {
      if (cell !== 'off') return fail(`"${rule}": an nth weekday (like Tu[1,3]) is supported only as a closure ("off").`);
      if (months.length !== 12) return fail(`"${rule}": an nth-weekday closure applies all year; drop the months.`);
      nth.set(nthOf.day, new Set([...(nth.get(nthOf.day) ?? []), ...nthOf.n]));
      continue;
    }
    for (const m of months) for (const d of days) grid[m]![d] = cell;
  }

  return { ok: true, value: toRules(grid, nth, holidays) };
}

function toRules(grid: (Cell | undefined)[][], nth: Map<number, Set<number>>, holidays: HolidayRule | undefined): OsmHours {
  const key = (c: Cell | undefined) => (c === undefined || c === 'off' ? 'off' : `${c.open}-${c.close}`);
  // weekdays closed (or never open) in every month become weekly closures
  const closed = [0, 1, 2, 3, 4, 5, 6].filter((d) => grid.every((row) => key(row[d]) === 'off'));
  // group the open cells: per window, per month, the set of weekdays; months with the same set share a season
  const seasons: RawSeason[] = [];
  const windows = [...new Set(grid.flat().map(key))].filter((k) => k !== 'off');
  for (const w of windows) {
    const byDays = new Map<string, number[]>();
    grid.forEach((row, m) => {
      const days = row.map((c, d) => (key(c) === w ? d : -1)).filter((d) => d >= 0);
      if (days.length) byDays.set(days.join(','), [...(byDays.get(days.join(',')) ?? []), m + 1]);
    });
    const [open, close] = w.split('-') as [string, string];
    for (const [daysKey, months] of byDays) {
      const days = daysKey.split(',').map(Number);
      const openDays = [0, 1, 2, 3, 4, 5, 6].filter((d) => !closed.includes(d));
      const everyOpenDay = openDays.every((d) => days.includes(d));
      seasons.push({
        ...(months.length === 12 ? {} : { months }),
        open,
        close,
        ...(everyOpenDay ? {} : { weekdays: days.map((d) => DAYS[d]!) }),
      });
    }
  }
  return {
    hours: seasons,
    closed: closed.map((d) => DAYS[d]!),
    closedNth: [...nth].map(([d, ns]) => ({ weekday: DAYS[d]!, nth: [...ns].sort((a, b) => (a === -1 ? 1 : b === -1 ? -1 : a - b)) })),
    ...(holidays ? { holidays } : {}),
  };
}

function times(text: string): Cell | undefined {
  const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(text);
  if (!m || !TIME.test(m[1]!) || !TIME.test(m[2]!) || m[1]! >= m[2]!) return undefined;
  return { open: m[1]!, close: m[2]! };
}

function monthList(text: string): number[] | string {
  const out: number[] = [];
  for (const part of text.split(',')) {
    const [a, b] = part.split('-').map((x) => MONTHS.indexOf(x as (typeof MONTHS)[number]));
    if (a === undefined || a < 0 || (b !== undefined && b < 0)) return `"${part}" is not a month or a month range like Apr-Oct.`;
    for (let m = a; ; m = (m + 1) % 12) {
      out.push(m);
      if (b === undefined || m === b) break;
    }
  }
  return out;
}

function dayList(text: string): { days: number[]; nth?: { day: number; n: number[] } } | string {
  const days: number[] = [];
  let nth: { day: number; n: number[] } | undefined;
  for (const part of text.split(/,(?![^[]*\])/)) {
    const bracket = /^([A-Z][a-z])\[([-\d,]+)\]$/.exec(part);
    if (bracket) {
      const day = OSM_DAYS.indexOf(bracket[1] as (typeof OSM_DAYS)[number]);
      const n = bracket[2]!.split(',').map(Number);
      if (day < 0 || n.some((x) => !(x === -1 || (Number.isInteger(x) && x >= 1 && x <= 5)))) return `"${part}" is not a weekday with nth 1..5 or -1.`;
      if (nth || text.split(/,(?![^[]*\])/).length > 1) return `"${text}": write an nth weekday in a rule of its own, like "Tu[1,3] off".`;
      nth = { day, n };
      continue;
    }
    const [a, b] = part.split('-').map((x) => OSM_DAYS.indexOf(x as (typeof OSM_DAYS)[number]));
    if (a === undefined || a < 0 || (b !== undefined && b < 0)) return `"${part}" is not a weekday or a range like Mo-Fr.`;
    for (let d = a; ; d = (d + 1) % 7) {
      days.push(d);
      if (b === undefined || d === b) break;
    }
  }
  return nth ? { days, nth } : { days };
}
