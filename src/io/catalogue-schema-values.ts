/**
 * The value formats of routes.yaml (design/CATALOGUE.md, "Shared value
 * formats") as zod shapes, shared by the catalogue schema and its sections.
 * Each string pattern registers its issue code and wording in PATTERN_CODES.
 */
import * as z from 'zod';
import { ID_PATTERN } from '../domain/catalogue/id-pattern.js';
import { THEMES } from '../domain/catalogue/model.js';
import { DATE_OR_RANGE_PATTERN, DATE_PATTERN, parseDateRange } from '../domain/catalogue/parse-date-range.js';
import { DURATION_PATTERN } from '../domain/catalogue/parse-duration.js';
import { MONTH_RANGE_PATTERN } from '../domain/catalogue/parse-months.js';
import { TIME_PATTERN } from '../domain/catalogue/parse-time.js';

/** Issue code and wording for each string pattern, looked up when a value does not match. */
export const PATTERN_CODES = new Map<string, { readonly code: string; readonly expected: string }>();

export function patterned(pattern: RegExp, code: string, expected: string, description: string) {
  PATTERN_CODES.set(String(pattern), { code, expected });
  return z.string().regex(pattern).meta({ description });
}

export const id = patterned(ID_PATTERN, 'bad-id', 'a lowercase kebab-case id like "yellow-crane-tower"', 'Lowercase kebab-case id.');
export const time = patterned(TIME_PATTERN, 'bad-time', 'a time of day "HH:MM" on a 24-hour clock, like "08:30"', 'Local time of day, "HH:MM".');
export const duration = patterned(
  DURATION_PATTERN,
  'bad-duration',
  'a duration with units d, h, m, like 90m, 1h30m or 3d12h',
  'Duration: number + unit (d, h, m), combinable: 90m, 1h30m, 3d12h.',
).refine((s) => s !== '', { params: { code: 'bad-duration' }, message: 'A duration cannot be empty; write one like 90m or 1h30m.' });

/** A non-matching string is left to the pattern's issue, so each mistake is reported once. */
const realCalendarDays = (s: string) => !DATE_OR_RANGE_PATTERN.test(s) || parseDateRange(s) !== undefined;
const badCalendarDay = { params: { code: 'bad-date' }, error: (i: { input: unknown }) => `${String(i.input)} names a day that is not on the calendar.` };

export const date = patterned(DATE_PATTERN, 'bad-date', 'a date "YYYY-MM-DD"', 'ISO date YYYY-MM-DD.').refine(realCalendarDays, badCalendarDay);
export const dateOrRange = patterned(
  DATE_OR_RANGE_PATTERN,
  'bad-date',
  'a date "YYYY-MM-DD" or a range "START..END"',
  'ISO date YYYY-MM-DD, or an inclusive range START..END.',
).refine(realCalendarDays, badCalendarDay);

export const months = z
  .union([
    patterned(MONTH_RANGE_PATTERN, 'bad-months', 'a month range like Apr-Oct', 'Month range such as Apr-Oct (wraps: Nov-Mar).'),
    z.array(z.number().int().min(1).max(12)).min(1),
  ])
  .meta({ description: 'Months in which this applies: a range such as Apr-Oct (wraps: Nov-Mar), or a list [1, 2, 12].' });

export const money = z.number().min(0).multipleOf(0.01).meta({ description: 'Amount in `currency`, at most 2 decimals.' });
export const prices = z.record(z.string(), money).meta({ description: 'Per rider category id.' });
export const theme = z.enum(THEMES);
export const location = z
  .strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
  .meta({ description: 'WGS84 decimal degrees (not GCJ-02).' });
