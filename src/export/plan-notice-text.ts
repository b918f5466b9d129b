/**
 * What `yangtze plan` tells the agent on stderr, as data (a code and its
 * parameters) turned into a sentence in the reader's language only here.
 * The itinerary's own `warnings` keep their English `message` in the JSON
 * (the contract is the same whatever --lang says); their Chinese is keyed
 * by `code`.
 */
import type { ItineraryWarning } from '../domain/itinerary/itinerary.js';
import type { Lang } from './locale.js';

export type PlanNotice =
  | { readonly code: 'past-start'; readonly start: string; readonly today: string }
  | { readonly code: 'no-holiday-data'; readonly years: readonly number[] }
  | { readonly code: 'provisional-holidays'; readonly years: readonly number[] }
  | { readonly code: 'search-cut-short'; readonly capMs: number; readonly limitMs: number; readonly factor: number };

export function planNoticeText(n: PlanNotice, lang: Lang): string {
  switch (n.code) {
    case 'past-start':
      return lang === 'zh'
        ? `--start ${n.start} 已是过去的日期（上海时间今天是 ${n.today}）：按当天的开放时间和节假日安排`
        : `--start ${n.start} is in the past (today is ${n.today} in Asia/Shanghai): the plan uses that day's opening hours and holidays`;
    case 'no-holiday-data':
      return lang === 'zh'
        ? `没有 ${n.years.join('、')} 年的法定节假日数据：未考虑节假日；可在目录的 \`holidays:\` 中补充`
        : `no public-holiday data for ${n.years.join(', ')}: holidays are not taken into account; add them under \`holidays:\` in the catalogue`;
    case 'provisional-holidays':
      return lang === 'zh'
        ? `${n.years.join('、')} 年的官方放假安排尚未公布：行程按法定节假日标注为暂定（无调休、无连休）；公布后可在目录的 \`holidays:\` 中补充`
        : `no official holiday schedule for ${n.years.join(', ')} yet: the plan uses the statutory public holidays of the law, marked provisional (no make-up workdays or bridging days); add the State Council's notice under \`holidays:\` in the catalogue`;
    case 'search-cut-short':
      return lang === 'zh'
        ? `搜索在 ${n.capMs} 毫秒（--time-limit ${n.limitMs} 毫秒 × ${n.factor}）时被中止，尚未用完搜索量；在这台机器上每次运行的结果可能不同`
        : `the search was cut short at ${n.capMs} ms (--time-limit ${n.limitMs} ms × ${n.factor}) before its effort was spent; on this machine the plan may differ from run to run`;
  }
}

const WARNINGS_ZH: Readonly<Record<string, string>> = {
  'empty-plan': '没有任何景点符合此要求：行程中没有游览（原因见“未安排”）',
  'search-cut-short': '搜索在安全时限内被中止（机器较慢或繁忙）：同一要求再次运行可能得到不同的行程',
};

/** An itinerary warning for people: its English message, or the Chinese for its code. */
export function itineraryWarningText(w: ItineraryWarning, lang: Lang): string {
  return lang === 'zh' ? (WARNINGS_ZH[w.code] ?? w.message) : w.message;
}
