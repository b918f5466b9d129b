/**
 * How cruise programme items read in every view (text, pipe, markdown, html, csv, ics): the
 * part of the programme ("Shore excursion", "自费岸上游览") and what the programme says, with
 * "about" when the published time is approximate; and the mark beside a visit made from the ship.
 */
import type { CruiseItem, VisitItem } from '../domain/itinerary/itinerary.js';
import type { Lang } from './locale.js';

const PARTS: Readonly<Record<Lang, Readonly<Record<CruiseItem['part'], string>>>> = {
  en: {
    board: 'Boarding',
    passage: 'From the deck',
    'shore-excursion': 'Shore excursion',
    'optional-excursion': 'Optional excursion (sold aboard)',
    meal: 'On board',
    disembark: 'Disembarking',
  },
  zh: {
    board: '登船',
    passage: '船上观景',
    'shore-excursion': '岸上游览',
    'optional-excursion': '自费项目（船上购买）',
    meal: '船上活动',
    disembark: '离船',
  },
};

export function cruisePartName(part: CruiseItem['part'], lang: Lang): string {
  return PARTS[lang][part];
}

/**
 * A programme item that is an optional excursion is one the plan did not book (a booked one is a
 * visit), so its title says so: it must not read as part of the party's day.
 */
const NOT_BOOKED: Readonly<Record<Lang, string>> = { en: 'Optional excursion, not booked (sold aboard)', zh: '自费项目（未预订，船上购买）' };

/**
 * "Shore excursion: Fengdu Ghost City … (about 08:00)"; in Chinese the catalogue's `what_zh` where it has one.
 * An optional excursion reads "not booked" (see NOT_BOOKED).
 */
export function cruiseItemTitle(item: CruiseItem, lang: Lang): string {
  const part = item.part === 'optional-excursion' ? NOT_BOOKED[lang] : cruisePartName(item.part, lang);
  if (lang === 'zh') {
    const when = item.whenZh ?? item.when;
    // The programme's own Chinese times say 约 where they need it ("约11:00-11:30", "晚上"): "时间约为：约11:00" said it twice.
    const about = !item.approximate ? '' : when === undefined ? '（时间为约数）' : `（${/^\d/.test(when) ? `约${when}` : when}）`;
    return `${part}：${item.whatZh ?? item.what}${about}`;
  }
  const about = item.approximate ? ` (${item.when ?? 'time approximate'})` : '';
  // The English programme names these two itself ("Board at Chaotianmen…", "Disembark; coach…").
  if (item.part === 'board' || item.part === 'disembark') return `${item.what}${about}`;
  return `${part}: ${item.what}${about}`;
}

/** " · on the cruise: from the deck" after a visit's name, or '' for a visit from the hotel. */
export function aboardNote(item: VisitItem, lang: Lang): string {
  if (item.aboard === undefined) return '';
  const part = item.optional ? 'optional-excursion' : item.excursion ? 'shore-excursion' : 'passage';
  return lang === 'zh' ? ` · 游轮行程：${cruisePartName(part, lang)}` : ` · cruise: ${cruisePartName(part, lang).toLowerCase()}`;
}
