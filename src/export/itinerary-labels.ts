/** Words the itinerary renderers (text, markdown, csv) print, in English and Chinese. */
import type { PlanRequest, UnscheduledReasonCode } from '../domain/itinerary/itinerary.js';
import type { Lang } from './locale.js';

export interface ItineraryLabels {
  readonly day: (n: number) => string;
  readonly days: (n: number) => string;
  readonly nightIn: string;
  readonly nightOnBoard: string;
  readonly free: string;
  readonly byTheme: string;
  readonly unscheduled: string;
  readonly nothingLeftOut: string;
  readonly totals: string;
  readonly visits: string;
  readonly score: string;
  readonly admission: string;
  readonly transport: string;
  readonly total: string;
  readonly time: string;
  readonly stop: string;
  readonly cost: string;
  readonly themes: string;
  readonly party: string;
  readonly anywhere: string;
  readonly reasons: Readonly<Record<UnscheduledReasonCode, string>>;
  readonly paceNames: Readonly<Record<PlanRequest['pace'], string>>;
}

const EN: ItineraryLabels = {
  day: (n) => `Day ${n}`,
  days: (n) => `${n} day${n === 1 ? '' : 's'}`,
  nightIn: 'night in',
  nightOnBoard: 'night on board',
  free: 'free time',
  byTheme: 'By theme',
  unscheduled: 'Not scheduled',
  nothingLeftOut: 'nothing left out',
  totals: 'Totals',
  visits: 'visits',
  score: 'score',
  admission: 'admission',
  transport: 'transport',
  total: 'total',
  time: 'Time',
  stop: 'Stop',
  cost: 'Cost',
  themes: 'themes',
  party: 'party',
  anywhere: 'anywhere',
  reasons: { closed: 'closed', 'no-time': 'no time', budget: 'over budget', theme: 'other theme', avoided: 'avoided', unreachable: 'out of reach', 'last-entry': 'after last entry', 'cruise-option': 'cruise option not taken', 'after-dark': 'after dark' },
  paceNames: { relaxed: 'relaxed', standard: 'standard', packed: 'packed' },
};

const ZH: ItineraryLabels = {
  day: (n) => `第${n}天`,
  days: (n) => `${n}天`,
  nightIn: '住宿',
  nightOnBoard: '船上过夜',
  free: '自由活动',
  byTheme: '按主题',
  unscheduled: '未安排',
  nothingLeftOut: '无',
  totals: '合计',
  visits: '景点',
  score: '评分',
  admission: '门票',
  transport: '交通',
  total: '总计',
  time: '时间',
  stop: '行程',
  cost: '费用',
  themes: '主题',
  party: '人数',
  anywhere: '不限',
  reasons: { closed: '闭馆', 'no-time': '时间不够', budget: '超出预算', theme: '主题不符', avoided: '已排除', unreachable: '无法到达', 'last-entry': '赶不上最晚入场', 'cruise-option': '游轮可选项目未选', 'after-dark': '天黑之后' },
  // The same words as the HTML view (html/labels.ts).
  paceNames: { relaxed: '宽松', standard: '适中', packed: '紧凑' },
};

export function itineraryLabels(lang: Lang): ItineraryLabels {
  return lang === 'zh' ? ZH : EN;
}
