/**
 * The theme that dominates a day: the one carried by most visiting minutes,
 * requested themes first, ties broken by the order the themes were asked
 * for, then by the catalogue's theme order.
 */
import { THEMES, type Theme } from '../catalogue/model.js';

export interface ThemedVisit {
  readonly themes: readonly Theme[];
  readonly minutes: number;
}

export function dayTheme(visits: readonly ThemedVisit[], requested: readonly Theme[]): Theme | null {
  if (visits.length === 0) return null;
  const order = [...requested, ...THEMES.filter((t) => !requested.includes(t))];
  const minutes = new Map<Theme, number>();
  for (const v of visits) for (const t of v.themes) minutes.set(t, (minutes.get(t) ?? 0) + v.minutes);
  const pool = order.filter((t) => requested.includes(t) && (minutes.get(t) ?? 0) > 0);
  const candidates = pool.length > 0 ? pool : order;
  let best: Theme | null = null;
  for (const t of candidates) if ((minutes.get(t) ?? 0) > (best === null ? 0 : (minutes.get(best) ?? 0))) best = t;
  return best;
}

/** byTheme's key order, as in design/CLI.md. */
export const BY_THEME_ORDER: readonly Theme[] = ['cultural', 'red', 'eco', 'water'];
