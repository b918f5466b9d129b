/**
 * What kind of day a date is, for opening rules: a public holiday, a make-up
 * working day (调休, a weekend day worked in exchange for a longer holiday),
 * an ordinary weekend day or an ordinary weekday.
 */
import type { HolidayOverride, IsoDate } from '../catalogue/model.js';
import { datesIn, weekdayOf } from './iso-date.js';

export interface DayKind {
  /** 'workday' = a make-up working day falling on a weekend; 'holiday' = public holiday. */
  readonly kind: 'holiday' | 'workday' | 'weekend' | 'weekday';
  /** The holiday's name ("National Day"), for holidays and make-up workdays. */
  readonly name?: string;
}

export interface HolidayCalendar {
  dayKind(date: IsoDate): DayKind;
}

export interface SpecialDay {
  readonly kind: 'holiday' | 'workday';
  readonly name: string;
}

/**
 * A calendar from a table of special days plus the catalogue's overrides;
 * overrides win, day by day. Days in neither are weekends or weekdays.
 *
 * @example
 * holidayCalendar(new Map([['2026-10-01', { kind: 'holiday', name: 'National Day' }]]), [])
 *   .dayKind('2026-10-01') // { kind: 'holiday', name: 'National Day' }
 */
export function holidayCalendar(
  builtIn: ReadonlyMap<IsoDate, SpecialDay>,
  overrides: readonly HolidayOverride[],
): HolidayCalendar {
  const days = new Map(builtIn);
  for (const o of overrides) for (const date of datesIn(o.range)) days.set(date, { kind: o.kind, name: o.name });
  return {
    dayKind(date) {
      const special = days.get(date);
      if (special) return { kind: special.kind, name: special.name };
      const weekday = weekdayOf(date);
      return { kind: weekday === 'sat' || weekday === 'sun' ? 'weekend' : 'weekday' };
    },
  };
}
