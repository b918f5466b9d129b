/** Every fixed word of the printable itinerary, in English and Simplified Chinese. */
import type { UnscheduledReasonCode } from '../../domain/itinerary/itinerary.js';
import type { Lang } from '../locale.js';

export interface HtmlLabels {
  readonly documentTitle: (route: string, days: number) => string;
  readonly days: (n: number) => string;
  readonly day: (n: number) => string;
  readonly dates: string;
  readonly party: string;
  readonly themes: string;
  readonly pace: string;
  readonly paceNames: Readonly<Record<'relaxed' | 'standard' | 'packed', string>>;
  readonly mustSee: string;
  readonly budget: string;
  readonly overview: string;
  readonly route: string;
  readonly stopsIn: (city: string) => string;
  /** Under the last day of a quoted trip whose last night is not booked. */
  readonly tripEnds: string;
  /** The map of the sights a cruise shows (from the deck, its shore excursions): not the boarding city's. */
  readonly stopsOnCruise: (from: string, to: string) => string;
  readonly timeline: string;
  readonly lodging: string;
  readonly noTheme: string;
  /** The chip of a day without a theme spent on (or boarding) a cruise: not a free day. */
  readonly cruiseDay: string;
  readonly free: string;
  readonly costs: string;
  readonly admission: string;
  readonly transport: string;
  readonly total: string;
  readonly perParty: string;
  readonly reservationRequired: string;
  readonly reservationRecommended: string;
  readonly daySubtotal: string;
  readonly unscheduled: string;
  readonly reasons: Readonly<Record<UnscheduledReasonCode, string>>;
  readonly passes: string;
  readonly passHolder: string;
  readonly passValid: string;
  readonly passId: string;
  readonly passHint: string;
  readonly footer: string;
  readonly mapAlt: string;
  readonly stopCount: (n: number) => string;
}

const EN: HtmlLabels = {
  documentTitle: (route, days) => `${route} · ${days} ${days === 1 ? 'day' : 'days'}`,
  days: (n) => `${n} ${n === 1 ? 'day' : 'days'}`,
  day: (n) => `Day ${n}`,
  dates: 'Dates',
  party: 'Travellers',
  themes: 'Themes',
  pace: 'Pace',
  paceNames: { relaxed: 'Relaxed', standard: 'Standard', packed: 'Packed' },
  mustSee: 'Must-see',
  budget: 'Budget',
  overview: 'Trip overview',
  route: 'Route map',
  stopsIn: (city) => `Stops in ${city}`,
  tripEnds: 'No hotel tonight: the trip ends this day',
  stopsOnCruise: (from, to) => `On the cruise, ${from} → ${to}`,
  timeline: 'Day by day',
  lodging: 'Overnight',
  noTheme: 'Free day',
  cruiseDay: 'Cruise',
  free: 'Free',
  costs: 'Costs',
  admission: 'Admission',
  transport: 'Transport',
  total: 'Total',
  perParty: 'for the whole party',
  reservationRequired: 'Book ahead (real-name)',
  reservationRecommended: 'Booking recommended',
  daySubtotal: 'Day total',
  unscheduled: 'Not in this plan',
  reasons: {
    closed: 'Closed',
    'no-time': 'No time left',
    budget: 'Over budget',
    theme: 'Off theme',
    avoided: 'Avoided on request',
    'cruise-option': 'Cruise option not taken',
    unreachable: 'Unreachable',
    'last-entry': 'Too late to enter',
    'after-dark': 'After dark',
  },
  passes: 'Passes',
  passHolder: 'Holder',
  passValid: 'Valid',
  passId: 'Pass no.',
  passHint: 'Show this code with the holder’s ID at the gate.',
  footer: 'Prepared with yangtze. Opening hours and prices change: check before travelling.',
  mapAlt: 'Map of the route with numbered stops',
  stopCount: (n) => `${n} ${n === 1 ? 'stop' : 'stops'}`,
};

const ZH: HtmlLabels = {
  documentTitle: (route, days) => `${route} · ${days}日行程`,
  days: (n) => `${n}天`,
  day: (n) => `第${n}天`,
  dates: '日期',
  party: '出行人',
  themes: '主题',
  pace: '节奏',
  paceNames: { relaxed: '宽松', standard: '适中', packed: '紧凑' },
  mustSee: '必游',
  budget: '预算',
  overview: '行程概览',
  route: '路线图',
  stopsIn: (city) => `${city}景点`,
  tripEnds: '当晚不含住宿：行程当天结束',
  stopsOnCruise: (from, to) => `游轮途经（${from} → ${to}）`,
  timeline: '每日安排',
  lodging: '住宿',
  noTheme: '自由活动',
  cruiseDay: '游轮',
  free: '免费',
  costs: '费用',
  admission: '门票',
  transport: '交通',
  total: '合计',
  perParty: '全体出行人',
  reservationRequired: '需提前实名预约',
  reservationRecommended: '建议提前预约',
  daySubtotal: '当日小计',
  unscheduled: '未安排的景点',
  reasons: {
    closed: '闭馆',
    'no-time': '时间不足',
    budget: '超出预算',
    theme: '主题不符',
    avoided: '按要求避开',
    'cruise-option': '游轮可选项目（未选）',
    unreachable: '无法到达',
    'last-entry': '赶不上最晚入场',
    'after-dark': '天黑之后',
  },
  passes: '通票',
  passHolder: '持票人',
  passValid: '有效期',
  passId: '票号',
  passHint: '入园时请出示此码及持票人身份证件。',
  footer: '由 yangtze 生成。开放时间和票价可能调整，出行前请核实。',
  mapAlt: '路线及编号景点地图',
  stopCount: (n) => `${n}个景点`,
};

export function htmlLabels(lang: Lang): HtmlLabels {
  return lang === 'zh' ? ZH : EN;
}
