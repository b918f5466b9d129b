/**
 * China's public holidays and make-up working days (调休), from the
 * `chinese-days` package's published data file, with the catalogue's
 * `holidays:` entries added on top (they win, day by day).
 *
 * The package covers the years the State Council has announced; later years
 * have no holidays until the package is updated or the catalogue lists them.
 */
import { createRequire } from 'node:module';
import type { HolidayOverride, IsoDate } from '../domain/catalogue/model.js';
import { holidayCalendar, type HolidayCalendar, type SpecialDay } from '../domain/calendar/holiday-calendar.js';

/** dist/chinese-days.json: date → "English name,中文名,days off". */
interface ChineseDaysData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

let builtIn: ReadonlyMap<IsoDate, SpecialDay> | undefined;

export function chinaHolidayCalendar(overrides: readonly HolidayOverride[]): HolidayCalendar {
  return holidayCalendar(builtInDays(), overrides);
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
  for (const [date, label] of Object.entries(data.holidays)) days.set(date, { kind: 'holiday', name: englishName(label) });
  for (const [date, label] of Object.entries(data.workdays)) days.set(date, { kind: 'workday', name: englishName(label) });
  builtIn = days;
  return days;
}

function englishName(label: string): string {
  return label.split(',')[0] ?? label;
}
