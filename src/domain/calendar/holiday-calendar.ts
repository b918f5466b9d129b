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
  /** The holiday's Chinese name (春节), when known. */
  readonly nameZh?: string;
  /**
   * True for a statutory holiday derived from the law for a year whose
   * official schedule is not yet known (statutory-holidays.ts).
   */
  readonly provisional?: boolean;
}

export interface HolidayCalendar {
  dayKind(date: IsoDate): DayKind;
}

export interface SpecialDay {
  readonly kind: 'holiday' | 'workday';
  readonly name: string;
  readonly nameZh?: string;
  readonly provisional?: boolean;
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
  for (const o of overrides) {
    const zh = HOLIDAY_NAMES_ZH[o.name];
    for (const date of datesIn(o.range)) days.set(date, { kind: o.kind, name: o.name, ...(zh ? { nameZh: zh } : {}) });
  }
  return {
    dayKind(date) {
      const special = days.get(date);
      if (special) {
        return {
          kind: special.kind, name: special.name,
          ...(special.nameZh ? { nameZh: special.nameZh } : {}),
          ...(special.provisional ? { provisional: true } : {}),
        };
      }
      const weekday = weekdayOf(date);
      return { kind: weekday === 'sat' || weekday === 'sun' ? 'weekend' : 'weekday' };
    },
  };
}

/** Chinese names of the holidays the catalogue's `holidays:` may name in English. */
const HOLIDAY_NAMES_ZH: Readonly<Record<string, string>> = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Tomb-sweeping Day': '清明',
  'Qingming Festival': '清明',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午',
  'Mid-autumn Festival': '中秋',
  'Mid-Autumn Festival': '中秋',
  'National Day': '国庆节',
};

/**
 * Golden Weeks (黄金周): the two long holidays, when domestic travel peaks;
 * sights, trains and hotels are at their fullest.
 */
export function isGoldenWeek(name: string | undefined): boolean {
  return name === 'Spring Festival' || name === 'National Day';
}
