const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** `Apr-Oct`, `Nov-Mar` (wraps over the new year) or a single `Jul`; `apr-oct` too. No regex flags: JSON Schema patterns have none. */
export const MONTH_RANGE_PATTERN =
  /^(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec)(?:-(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec))?$/;

/**
 * Turns a month range or a list of month numbers into sorted month numbers 1..12;
 * undefined if it does not parse.
 *
 * @example
 * parseMonths('Apr-Oct')   // [4, 5, 6, 7, 8, 9, 10]
 * parseMonths('Nov-Mar')   // [1, 2, 3, 11, 12]
 * parseMonths([12, 1, 2])  // [1, 2, 12]
 */
export function parseMonths(value: string | readonly number[]): number[] | undefined {
  if (typeof value !== 'string') {
    if (value.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) return undefined;
    return [...new Set(value)].sort((a, b) => a - b);
  }
  const [fromName, toName = fromName] = value.toLowerCase().split('-');
  const from = MONTH_NAMES.indexOf(fromName as (typeof MONTH_NAMES)[number]) + 1;
  const to = MONTH_NAMES.indexOf(toName as (typeof MONTH_NAMES)[number]) + 1;
  if (from === 0 || to === 0 || value.split('-').length > 2) return undefined;
  const months: number[] = [];
  // Walk forward from `from`, wrapping December → January, until `to`.
  for (let m = from; ; m = (m % 12) + 1) {
    months.push(m);
    if (m === to) break;
  }
  return months.sort((a, b) => a - b);
}
