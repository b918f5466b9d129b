/**
 * China's statutory public holidays (法定节假日) for a year the State Council
 * has not yet published its annual schedule for, derived from the law alone:
 * the Regulations on National Annual Holidays and Commemorative Days
 * (全国年节及纪念日放假办法, as amended 2024-11, in force 2025-01-01):
 *
 * - New Year's Day: 1 day (Jan 1)
 * - Spring Festival: 4 days (Chinese New Year's Eve, and the 1st–3rd of the first lunar month)
 * - Qingming: 1 day (the day of the solar term 清明)
 * - Labour Day: 2 days (May 1–2)
 * - Dragon Boat Festival: 1 day (5th day of the 5th lunar month)
 * - Mid-Autumn Festival: 1 day (15th day of the 8th lunar month)
 * - National Day: 3 days (Oct 1–3)
 *
 * These days are marked provisional: only the State Council's annual notice
 * sets the make-up working days (调休) and the bridged days that make the
 * week-long Golden Weeks, so none are guessed here.
 *
 * The lunar and solar-term dates are a table (pure, no clock, no package at
 * run time); test/calendar/statutory-holidays.test.ts recomputes every row
 * with the `chinese-days` package's lunar conversion and solar-term formula.
 */
import type { IsoDate } from '../catalogue/model.js';
import { addDays } from './iso-date.js';

export interface LunarAnchors {
  /** 1st day of the 1st lunar month (春节). */
  readonly lunarNewYear: IsoDate;
  /** The solar term 清明 (Pure Brightness). */
  readonly qingming: IsoDate;
  /** 5th day of the 5th lunar month (端午). */
  readonly dragonBoat: IsoDate;
  /** 15th day of the 8th lunar month (中秋). */
  readonly midAutumn: IsoDate;
}

/** Gregorian dates of the lunar festivals and Qingming, 2024–2030. */
export const LUNAR_ANCHORS: Readonly<Record<number, LunarAnchors>> = {
  2024: { lunarNewYear: '2024-02-10', qingming: '2024-04-04', dragonBoat: '2024-06-10', midAutumn: '2024-09-17' },
  2025: { lunarNewYear: '2025-01-29', qingming: '2025-04-04', dragonBoat: '2025-05-31', midAutumn: '2025-10-06' },
  2026: { lunarNewYear: '2026-02-17', qingming: '2026-04-05', dragonBoat: '2026-06-19', midAutumn: '2026-09-25' },
  2027: { lunarNewYear: '2027-02-06', qingming: '2027-04-05', dragonBoat: '2027-06-09', midAutumn: '2027-09-15' },
  2028: { lunarNewYear: '2028-01-26', qingming: '2028-04-04', dragonBoat: '2028-05-28', midAutumn: '2028-10-03' },
  2029: { lunarNewYear: '2029-02-13', qingming: '2029-04-04', dragonBoat: '2029-06-16', midAutumn: '2029-09-22' },
  2030: { lunarNewYear: '2030-02-03', qingming: '2030-04-05', dragonBoat: '2030-06-05', midAutumn: '2030-09-12' },
};

/** The last year LUNAR_ANCHORS covers. */
export const LAST_STATUTORY_YEAR = 2030;

export interface StatutoryDay {
  readonly date: IsoDate;
  readonly name: string;
  readonly nameZh: string;
}

/**
 * The statutory holidays of `year`, in date order; [] for a year the table
 * does not cover. Where two fall on one day (Mid-Autumn on Oct 1–3), the
 * day keeps the first name in the law's order.
 *
 * @example
 * statutoryHolidays(2027).filter((d) => d.name === 'Spring Festival').map((d) => d.date)
 *   // ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']
 */
export function statutoryHolidays(year: number): StatutoryDay[] {
  const a = LUNAR_ANCHORS[year];
  if (!a) return [];
  const y = String(year);
  const days: StatutoryDay[] = [];
  const add = (date: IsoDate, name: string, nameZh: string) => {
    if (!days.some((d) => d.date === date)) days.push({ date, name, nameZh });
  };
  add(`${y}-01-01`, "New Year's Day", '元旦');
  for (let i = -1; i <= 2; i++) add(addDays(a.lunarNewYear, i), 'Spring Festival', '春节');
  add(a.qingming, 'Tomb-sweeping Day', '清明');
  add(`${y}-05-01`, 'Labour Day', '劳动节');
  add(`${y}-05-02`, 'Labour Day', '劳动节');
  add(a.dragonBoat, 'Dragon Boat Festival', '端午');
  add(a.midAutumn, 'Mid-autumn Festival', '中秋');
  for (const d of ['01', '02', '03']) add(`${y}-10-${d}`, 'National Day', '国庆节');
  return days.sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0));
}
