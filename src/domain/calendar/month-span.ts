/** Months as people write them: `Apr-Oct`, `Nov-Mar` (wrapping the new year), `Jan, Mar`. */

export const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * Shortest wording of a set of months; runs may wrap December → January.
 *
 * @example monthSpan([11, 12, 1, 2, 3]) // 'Nov-Mar'
 * @example monthSpan([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) // 'all year'
 */
export function monthSpan(months: readonly number[]): string {
  const set = new Set(months.filter((m) => m >= 1 && m <= 12));
  if (set.size === 12) return 'all year';
  if (set.size === 0) return 'no months';
  // Start a run at a month whose predecessor is missing, so a wrapping run stays whole.
  const runs: [number, number][] = [];
  for (let m = 1; m <= 12; m++) {
    const previous = m === 1 ? 12 : m - 1;
    if (!set.has(m) || set.has(previous)) continue;
    let end = m;
    while (set.has((end % 12) + 1)) end = (end % 12) + 1;
    runs.push([m, end]);
  }
  return runs
    .map(([from, to]) => (from === to ? abbreviation(from) : `${abbreviation(from)}-${abbreviation(to)}`))
    .join(', ');
}

function abbreviation(month: number): string {
  return MONTH_ABBREVIATIONS[month - 1]!;
}
