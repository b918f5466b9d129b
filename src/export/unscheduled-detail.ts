/**
 * The sentence after an unscheduled stop's reason, in the reader's language.
 * The planner writes `detail` in English (it is part of the JSON contract and
 * stays the same whatever --lang says); the Chinese sentence is rebuilt here
 * from the reason code and the facts behind it (the stop's themes, city and
 * visit length, the request), so no English reaches a Chinese view.
 */
import type { Catalogue } from '../domain/catalogue/model.js';
import type { Itinerary, UnscheduledEntry } from '../domain/itinerary/itinerary.js';
import { formatMoney, placeName, themeName, type Lang } from './locale.js';
import { cruiseReaching } from '../domain/cruise/cruise-programme.js';

export function unscheduledDetail(u: UnscheduledEntry, it: Itinerary, catalogue: Catalogue, lang: Lang): string {
  if (lang === 'en') return u.detail;
  const a = catalogue.attractions.find((x) => x.id === u.attraction);
  const city = a ? placeName(catalogue, a.city, 'zh') : '';
  const r = it.request;
  switch (u.reason) {
    case 'avoided':
      return '按要求排除（--avoid）';
    case 'theme': {
      const own = (a?.themes ?? []).map((t) => themeName(t, 'zh')).join('、');
      const asked = r.themes.map((t) => themeName(t, 'zh')).join('、');
      return `其主题（${own}）不在所选主题（${asked}）之内`;
    }
    case 'cruise-option':
      return '游轮行程中的自费项目或部分航次的替代项目，本计划未选';
    case 'unreachable': {
      if (a && cruiseReaching(catalogue, a.id) && /^reached by the /.test(u.detail)) return '乘长江三峡游轮可达，本行程未乘游轮';
      const tripCities = new Set([r.from, ...it.days.map((d) => d.lodging)]);
      if (a && tripCities.has(a.city)) return `路程太远，无法在 ${r.dayStart}–${r.dayEnd} 内往返并游览`;
      return `这${r.days}天行程没有一天在${city}`;
    }
    case 'closed':
      return `行程在${city}期间不开放，或开放时间容不下这次游览`;
    case 'last-entry':
      return `最早到达时已过最晚入场（或来不及在闭馆前游完）`;
    case 'after-dark': {
      const sunset = /sets there at (\d{2}:\d{2})/.exec(u.detail)?.[1];
      return `户外景点：当天日落${sunset ? `（${sunset}）` : ''}前游不完，天黑后不安排`;
    }
    case 'budget':
      return `全团门票将超出预算（${formatMoney(r.budget ?? 0, it.totals.currency, 'zh')}）`;
    case 'no-time': {
      const hours = a ? Math.round(a.visitMin / 6) / 10 : 0;
      return `在${city}的行程时间内排不下约${hours}小时的游览`;
    }
  }
}
