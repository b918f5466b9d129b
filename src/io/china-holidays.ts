/**
 * China's public holidays and make-up working days (调休), from the
 * `chinese-days` package's published data file, with the catalogue's
 * `holidays:` entries added on top (they win, day by day).
 *
 * The package covers the years the State Council has announced. A later year
 * (up to the end of the statutory table) gets the statutory holidays of the
 * law, marked provisional, unless the catalogue's `holidays:` lists any day of
 * that year: then the catalogue carries the official notice and wins whole.
 */
import { createRequire } from 'node:module';
import type { HolidayOverride, IsoDate } from '../domain/catalogue/model.js';
import { holidayCalendar, type HolidayCalendar, type SpecialDay } from '../domain/calendar/holiday-calendar.js';
import { LAST_STATUTORY_YEAR, statutoryHolidays } from '../domain/calendar/statutory-holidays.js';

/** dist/chinese-days.json: date → "English name,中文名,days off". */
interface ChineseDaysData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

let builtIn: ReadonlyMap<IsoDate, SpecialDay> | undefined;

export function chinaHolidayCalendar(overrides: readonly HolidayOverride[]): HolidayCalendar {
  const days = new Map(builtInDays());
  for (const year of provisionalHolidayYears(overrides)) {
    for (const d of statutoryHolidays(year)) days.set(d.date, { kind: 'holiday', name: d.name, nameZh: d.nameZh, provisional: true });
  }
  return holidayCalendar(days, overrides);
}

/**
 * Years after the built-in data, up to the end of the statutory table, for
 * which the catalogue's `holidays:` lists nothing: their holidays are the
 * provisional statutory ones.
 */
export function provisionalHolidayYears(overrides: readonly HolidayOverride[]): number[] {
  const listed = yearsListed(overrides);
  const years: number[] = [];
  for (let y = builtInHolidayYears().last + 1; y <= LAST_STATUTORY_YEAR; y++) if (!listed.has(y)) years.push(y);
  return years;
}

/** Years the catalogue's `holidays:` has any day in. */
export function yearsListed(overrides: readonly HolidayOverride[]): Set<number> {
  const listed = new Set<number>();
  for (const h of overrides) {
    for (let y = Number(h.range.from.slice(0, 4)); y <= Number(h.range.to.slice(0, 4)); y++) listed.add(y);
  }
  return listed;
}

/** The first and last year the built-in data has holidays for. */
export function builtInHolidayYears(): { readonly first: number; readonly last: number } {
  const years = [...builtInDays().keys()].map((d) => Number(d.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
}

function builtInDays(): ReadonlyMap<IsoDate, SpecialDay> {
  if (builtIn) return builtIn;
  // The data file alone (37 kB of JSON) rather than the package's entry, which
  // also builds lunar and solar-term tables that we never use.
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const days = new Map<IsoDate, SpecialDay>();
  for (const [date, label] of Object.entries(data.holidays)) days.set(date, { kind: 'holiday', ...names(label) });
  for (const [date, label] of Object.entries(data.workdays)) days.set(date, { kind: 'workday', ...names(label) });
  builtIn = days;
  return days;
}

/** "Spring Festival,春节,4" → both names. */
function names(label: string): { name: string; nameZh?: string } {
  const [name, zh] = label.split(',');
  return { name: name ?? label, ...(zh ? { nameZh: zh } : {}) };
}

/**
 * Years of `dates` with no holidays at all: after the built-in data, beyond
 * the statutory table, and not in the catalogue's `holidays:`. In them,
 * holidays count as ordinary days.
 */
export function yearsWithoutHolidays(dates: readonly IsoDate[], overrides: readonly HolidayOverride[]): number[] {
  const { first, last } = builtInHolidayYears();
  const listed = yearsListed(overrides);
  return yearsOf(dates).filter((y) => (y < first || y > Math.max(last, LAST_STATUTORY_YEAR)) && !listed.has(y));
}

/** Years of `dates` whose holidays are the provisional statutory ones. */
export function provisionalYearsAmong(dates: readonly IsoDate[], overrides: readonly HolidayOverride[]): number[] {
  const provisional = new Set(provisionalHolidayYears(overrides));
  return yearsOf(dates).filter((y) => provisional.has(y));
}

function yearsOf(dates: readonly IsoDate[]): number[] {
  return [...new Set(dates.map((d) => Number(d.slice(0, 4))))];
}
