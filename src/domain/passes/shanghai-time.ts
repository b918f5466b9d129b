/**
 * Wall-clock readings in the catalogue's zone, Asia/Shanghai (UTC+08:00 all
 * year: China has no daylight saving time). The clock itself is passed in as
 * milliseconds since the epoch, so these are pure.
 */
import type { IsoDate } from '../catalogue/model.js';

const offsetMs = 8 * 3_600_000;

/**
 * @example shanghaiDate(Date.UTC(2026, 4, 11, 17, 0)) // '2026-05-12'
 */
export function shanghaiDate(epochMs: number): IsoDate {
  return new Date(epochMs + offsetMs).toISOString().slice(0, 10);
}

/**
 * @example shanghaiTimestamp(Date.UTC(2026, 4, 12, 0, 30)) // '2026-05-12T08:30:00+08:00'
 */
export function shanghaiTimestamp(epochMs: number): string {
  return new Date(epochMs + offsetMs).toISOString().slice(0, 19) + '+08:00';
}
