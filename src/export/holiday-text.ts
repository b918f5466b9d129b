/**
 * A plan day's public holiday in words, for every view: "Golden Week —
 * National Day 国庆节: expect large crowds…; provisional…", in English or
 * Chinese. The itinerary JSON carries the same facts as fields.
 */
import type { DayHoliday } from '../domain/itinerary/itinerary.js';
import type { Lang } from './locale.js';

/** The holiday's title: "Golden Week · National Day 国庆节" / "黄金周 · 国庆节". */
export function holidayTitle(h: DayHoliday, lang: Lang): string {
  if (lang === 'zh') return `${h.goldenWeek ? '黄金周 · ' : '法定节假日 · '}${h.nameZh ?? h.name}`;
  return `${h.goldenWeek ? 'Golden Week · ' : 'Public holiday · '}${h.name}${h.nameZh ? ` ${h.nameZh}` : ''}`;
}

/** What the customer should know: crowds, book ahead, and whether the day is provisional. */
export function holidayAdvice(h: DayHoliday, lang: Lang): string {
  if (lang === 'zh') {
    const crowd = h.goldenWeek ? '热门景点人多，请提前预订门票、火车票和酒店' : '热门景点人较多，请提前预订门票和火车票';
    return h.provisional ? `${crowd}。暂定：按法定假日推算，官方调休安排尚未公布。` : `${crowd}。`;
  }
  const crowd = h.goldenWeek
    ? 'expect large crowds at major sights; book tickets, trains and hotels well ahead'
    : 'expect crowds at popular sights; book tickets and trains ahead';
  return h.provisional ? `${crowd}. Provisional: statutory holiday; the official schedule is not yet published.` : `${crowd}.`;
}

/** One line: title, then advice. */
export function holidayLine(h: DayHoliday, lang: Lang): string {
  return `${holidayTitle(h, lang)}${lang === 'zh' ? '：' : ': '}${holidayAdvice(h, lang)}`;
}
