/**
 * The outer validity window of a pass sold from a booking that names its first
 * day (`pass issue --bookings`): the days the token is good for. For
 * `starts: first-use` passes the real window is activated by the ledger at the
 * first entry, inside this one.
 */
import type { IsoDate, PassProduct } from '../catalogue/model.js';
import { addDays } from '../calendar/iso-date.js';

/** A pass whose window has no limit (`within` absent) stays valid this long. */
export const OPEN_WINDOW_DAYS = 365;

/**
 * @example passWindow(fiveConsecutiveDays, '2026-05-12') // { validFrom: '2026-05-12', validUntil: '2026-05-16' }
 */
export function passWindow(product: PassProduct, start: IsoDate): { validFrom: IsoDate; validUntil: IsoDate } {
  const v = product.validity;
  const validFrom = v.starts === 'fixed-date' && v.startDate ? v.startDate : start;
  const span = v.kind === 'consecutive-days' ? Math.max(1, v.days ?? 1) : (v.withinDays ?? OPEN_WINDOW_DAYS);
  return { validFrom, validUntil: addDays(validFrom, span - 1) };
}
