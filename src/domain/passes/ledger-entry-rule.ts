/**
 * Whether a pass may enter an attraction on a day, given the entries it has
 * already made: the rule the ledger applies inside its write transaction, a
 * gate applies against its own log when offline, and `pass reconcile` applies
 * when merging gate logs. Pure: the past entries and the date are passed in.
 *
 * - The window: for `starts: first-use` it begins on the first day of use
 *   (the earliest entry, or this one); otherwise on `validFrom`. It lasts
 *   `days` (consecutive-days) or `withinDays` (flex-days, attraction-count),
 *   and never past `validUntil`.
 * - Entries per attraction: `once` ever, `once-per-day`, or `unlimited`.
 * - flex-days: at most `days` distinct days; attraction-count: `count` entries.
 *
 * The decision carries the keys the ledger's UNIQUE constraints are built on
 * (`dayKey`, `credit`, `dayNo`), so a race the code missed still fails in SQLite.
 */
import type { Entries, IsoDate, ValidityKind, ValidityStart } from '../catalogue/model.js';
import { addDays } from '../calendar/iso-date.js';

export interface EntryRules {
  readonly kind: ValidityKind;
  readonly starts: ValidityStart;
  readonly entries: Entries;
  readonly days?: number;
  readonly withinDays?: number;
  readonly count?: number;
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
}

export interface PastEntry {
  readonly attraction: string;
  readonly day: IsoDate;
}

export const ENTRY_REFUSALS = ['already-used', 'used-up', 'no-days-left', 'expired', 'not-yet-valid'] as const;
export type EntryRefusal = (typeof ENTRY_REFUSALS)[number];

export type EntryDecision =
  | {
      readonly admit: true;
      /** '' for once, the day for once-per-day, `day#n` for unlimited. */
      readonly dayKey: string;
      /** attraction-count: which credit this entry spends (1..count). */
      readonly credit?: number;
      /** flex-days: the day slot this entry opens (1..days), when it is a new day. */
      readonly dayNo?: number;
      /** First day of the activated window and its last day. */
      readonly windowStart: IsoDate;
      readonly windowUntil: IsoDate;
      /** No entry will be left after this one (the last credit). */
      readonly usedUp: boolean;
      /** Sentence for people: "entry 3 of 6", "day 2 of 3". */
      readonly note: string;
    }
  | {
      readonly admit: false;
      readonly reason: EntryRefusal;
      readonly message: string;
      /** The earlier entry this one collides with, when there is one. */
      readonly earlier?: PastEntry;
    };

/**
 * @example
 * decideEntry(rules, [{ attraction: 'yellow-crane-tower', day: '2026-05-12' }], 'yellow-crane-tower', '2026-05-13')
 * // once → { admit: false, reason: 'already-used', … }
 */
export function decideEntry(rules: EntryRules, past: readonly PastEntry[], attraction: string, date: IsoDate): EntryDecision {
  if (date < rules.validFrom) return refuse('not-yet-valid', `valid from ${rules.validFrom}`);
  const firstUse = past.reduce((min, e) => (e.day < min ? e.day : min), date);
  const windowStart = rules.starts === 'first-use' ? firstUse : rules.validFrom;
  const span = rules.kind === 'consecutive-days' ? rules.days : rules.withinDays;
  const spanEnd = span !== undefined ? addDays(windowStart, span - 1) : rules.validUntil;
  const windowUntil = spanEnd < rules.validUntil ? spanEnd : rules.validUntil;
  if (date > windowUntil) {
    return refuse('expired', span !== undefined && spanEnd <= rules.validUntil ? `its ${span}-day window from ${windowStart} ended on ${windowUntil}` : `expired on ${windowUntil}`);
  }

  const here = past.filter((e) => e.attraction === attraction);
  let dayKey: string;
  if (rules.entries === 'once') {
    const earlier = here[0];
    if (earlier) return refuse('already-used', `already used at ${attraction} on ${earlier.day}`, earlier);
    dayKey = '';
  } else if (rules.entries === 'once-per-day') {
    const earlier = here.find((e) => e.day === date);
    if (earlier) return refuse('already-used', `already used at ${attraction} today (${date})`, earlier);
    dayKey = date;
  } else {
    dayKey = `${date}#${here.filter((e) => e.day === date).length + 1}`;
  }

  let note = '';
  let credit: number | undefined;
  let dayNo: number | undefined;
  let usedUp = false;
  if (rules.kind === 'attraction-count' && rules.count !== undefined) {
    if (past.length >= rules.count) return refuse('used-up', `all ${rules.count} entries have been used`, past[past.length - 1]);
    credit = past.length + 1;
    usedUp = credit === rules.count;
    note = `entry ${credit} of ${rules.count}`;
  } else if (rules.kind === 'flex-days' && rules.days !== undefined) {
    const days = new Set(past.map((e) => e.day));
    if (!days.has(date)) {
      if (days.size >= rules.days) return refuse('no-days-left', `all ${rules.days} days have been used (${[...days].sort().join(', ')})`);
      dayNo = days.size + 1;
    }
    note = `day ${dayNo ?? [...days].sort().indexOf(date) + 1} of ${rules.days}`;
  } else {
    note = `valid ${windowStart}..${windowUntil}`;
  }
  return {
    admit: true,
    dayKey,
    ...(credit !== undefined ? { credit } : {}),
    ...(dayNo !== undefined ? { dayNo } : {}),
    windowStart,
    windowUntil,
    usedUp,
    note,
  };
}

function refuse(reason: EntryRefusal, message: string, earlier?: PastEntry): EntryDecision {
  return { admit: false, reason, message, ...(earlier ? { earlier } : {}) };
}
