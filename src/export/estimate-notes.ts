/**
 * The estimate mark of the itinerary views: a dagger after a cost or time
 * that rests on an estimate (an item's `estimates`), and one footnote line
 * per such item saying which facts, so an agent knows what to re-check
 * before quoting it to a customer.
 */
import type { Itinerary, ItineraryItem } from '../domain/itinerary/itinerary.js';
import type { Lang } from './locale.js';

export const ESTIMATE_MARK = '†';

/** "† Yellow Crane Tower: hours, price.adult" lines, in the order of the plan; `only`: the fields to name (all by default). */
export function estimateFootnotes(it: Itinerary, name: (id: string) => string, lang: Lang, only: (field: string) => boolean = () => true): string[] {
  const lines: string[] = [];
  for (const day of it.days) {
    for (const item of day.items) {
      if (item.kind === 'meal' || item.kind === 'cruise' || !item.estimates) continue;
      const fields = item.estimates.filter(only);
      if (fields.length === 0) continue;
      const what = item.kind === 'visit' ? name(item.attraction) : `${name(item.from)} → ${name(item.to)}`;
      lines.push(`${ESTIMATE_MARK} ${what}${lang === 'zh' ? '：' : ': '}${fields.map((f) => fieldName(f, lang)).join(lang === 'zh' ? '、' : ', ')}`);
    }
  }
  return lines;
}

/**
 * Facts behind the times of a day (when a sight is open, when a train runs, how long a leg takes).
 * The agency's document shows times but not the plan's item prices — its price block marks its
 * own estimates — so there only these are marked, beside the time.
 */
export const SCHEDULE_FIELDS: ReadonlySet<string> = new Set(['hours', 'closed', 'closed_nth', 'timetable', 'duration', 'best_time', 'departures']);

/** The mark for an item's time in the agency's document, or ''. */
export function scheduleEstimateMark(item: ItineraryItem): string {
  return 'estimates' in item && item.estimates?.some((f) => SCHEDULE_FIELDS.has(f)) ? ESTIMATE_MARK : '';
}

/**
 * The mark for an item's cost in the customer's views: only when a fact behind the cost (a price, a
 * fare, a distance or tariff) is an estimate. An estimated opening time is marked beside the time
 * (scheduleEstimateMark): "Free†" under a footnote "opening hours" read as a price in doubt.
 */
export function costEstimateMark(item: ItineraryItem): string {
  return 'estimates' in item && item.estimates?.some((f) => !SCHEDULE_FIELDS.has(f)) ? ESTIMATE_MARK : '';
}

/** The footnotes' heading in the agency's document: for the customer, without the tool's commands. */
export function scheduleEstimateHeading(lang: Lang): string {
  return lang === 'zh'
    ? `${ESTIMATE_MARK} 以下时间基于估计的开放时间或班次，预订时由旅行社确认：`
    : `${ESTIMATE_MARK} These times rest on estimated opening hours or timetables; we confirm them when booking:`;
}

export function estimateHeading(lang: Lang): string {
  return lang === 'zh' ? `${ESTIMATE_MARK} 以下信息为估计，尚无注明日期的来源（出售前请核实；yangtze catalogue audit 可列出）` : `${ESTIMATE_MARK} Rests on an estimate, not a dated source (re-check before selling; yangtze catalogue audit lists them)`;
}

const NAMES_EN: Readonly<Record<string, string>> = {
  hours: 'opening hours', closed: 'closing days', closed_nth: 'monthly closing days', timetable: 'timetable', duration: 'journey time', fare: 'fare',
  distance: 'distance (road model)', 'rates.taxi': 'taxi tariff', 'rates.vehicles': 'vehicle day rate',
  best_time: 'best time of day', departures: 'sailing times',
};
const NAMES_ZH: Readonly<Record<string, string>> = {
  hours: '开放时间', closed: '闭馆日', closed_nth: '每月闭馆日', timetable: '班次时刻', duration: '行程时间', fare: '票价',
  distance: '里程（道路模型估算）', 'rates.taxi': '出租车价格', 'rates.vehicles': '包车日价',
  best_time: '最佳游览时段', departures: '开船时间',
};

/** The rider categories of the shipped catalogue in Chinese (its `name_zh`); another id is shown as written. */
const CATEGORY_ZH: Readonly<Record<string, string>> = { adult: '成人', child: '儿童', senior: '老年人', student: '学生' };

/** `price.child` → "price (child)", "票价（儿童）"; known fields by name. */
function fieldName(field: string, lang: Lang): string {
  const [head, sub] = field.split('.');
  const names = lang === 'zh' ? NAMES_ZH : NAMES_EN;
  if ((head === 'price' || head === 'fares') && sub) return lang === 'zh' ? `票价（${CATEGORY_ZH[sub] ?? sub}）` : `price (${sub})`;
  return names[field] ?? field;
}
