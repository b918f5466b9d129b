/**
 * Human formatting per language: dates (date-fns locales), times, durations,
 * money, and the names of places, themes and travel modes. English and
 * Simplified Chinese; machine outputs (ids, ICS UIDs, GeoJSON ids) never go
 * through here.
 *
 * Itinerary times are ISO strings with `+08:00`; we read the wall-clock
 * digits from the string itself, so nothing depends on the machine's TZ.
 */
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { zhCN } from 'date-fns/locale/zh-CN';
import type { Catalogue, Theme } from '../domain/catalogue/model.js';
import type { TravelItem } from '../domain/itinerary/itinerary.js';

export type Lang = 'en' | 'zh';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})/;
const wallClockPattern = /T(\d{2}):(\d{2})/;

/** A calendar date at local midnight (for date-fns, which formats in local time). */
function localDate(iso: string): Date {
  const m = isoDatePattern.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/**
 * @example formatDate('2026-05-12', 'en') // 'Tue 12 May 2026'
 * @example formatDate('2026-05-12', 'zh') // '2026年5月12日 星期二'
 */
export function formatDate(iso: string, lang: Lang): string {
  const d = localDate(iso);
  return lang === 'zh' ? format(d, "y'年'M'月'd'日' EEEE", { locale: zhCN }) : format(d, 'EEE d MMM yyyy', { locale: enGB });
}

/** @example formatShortDate('2026-05-12', 'zh') // '5月12日' */
export function formatShortDate(iso: string, lang: Lang): string {
  const d = localDate(iso);
  return lang === 'zh' ? format(d, "M'月'd'日'", { locale: zhCN }) : format(d, 'd MMM', { locale: enGB });
}

/** The `HH:MM` wall-clock time of an ISO timestamp, as written (Beijing time). */
export function wallClock(isoDateTime: string): string {
  const m = wallClockPattern.exec(isoDateTime);
  if (!m) throw new RangeError(`not an ISO date-time: ${isoDateTime}`);
  return `${m[1]}:${m[2]}`;
}

/** Minutes between two ISO timestamps (offsets honoured). */
export function minutesBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000);
}

/**
 * @example formatDuration(150, 'en') // '2 h 30 min'
 * @example formatDuration(150, 'zh') // '2小时30分钟'
 */
export function formatDuration(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === 'zh') return `${h > 0 ? `${h}小时` : ''}${m > 0 || h === 0 ? `${m}分钟` : ''}`;
  return [h > 0 ? `${h} h` : '', m > 0 || h === 0 ? `${m} min` : ''].filter(Boolean).join(' ');
}

const amountFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Money, always with two decimals: English puts the sign first, Chinese the unit last.
 *
 * @example formatMoney(1234.5, 'CNY', 'en') // '¥1,234.50'
 * @example formatMoney(1234.5, 'CNY', 'zh') // '1,234.50 元'
 */
export function formatMoney(amount: number, currency: string, lang: Lang): string {
  const digits = amountFormat.format(Math.abs(amount));
  const sign = amount < 0 ? '-' : '';
  if (currency === 'CNY') return lang === 'zh' ? `${sign}${digits} 元` : `${sign}¥${digits}`;
  return `${sign}${digits} ${currency}`;
}

const THEME_NAMES: Record<Lang, Record<Theme, string>> = {
  en: { eco: 'Eco', cultural: 'Cultural', red: 'Red heritage', water: 'Water' },
  zh: { eco: '生态', cultural: '文化', red: '红色', water: '水上' },
};

export function themeName(theme: Theme, lang: Lang): string {
  return THEME_NAMES[lang][theme];
}

const MODE_NAMES: Record<Lang, Record<TravelItem['mode'], string>> = {
  en: { local: 'Local transfer', rail: 'Train', road: 'Road', cruise: 'Cruise', ferry: 'Ferry', flight: 'Flight' },
  zh: { local: '市内交通', rail: '火车', road: '公路', cruise: '游轮', ferry: '轮渡', flight: '航班' },
};

export function modeName(mode: TravelItem['mode'], lang: Lang): string {
  return MODE_NAMES[lang][mode];
}

const TRANSFER_NAMES: Record<Lang, Record<NonNullable<TravelItem['transfer']>['by'], string>> = {
  en: { walk: 'Walk', taxi: 'Taxi', vehicle: 'Private vehicle' },
  zh: { walk: '步行', taxi: '出租车', vehicle: '包车' },
};

/** A travel item's means: the link's mode, or for a local leg how it is made and how far ("Taxi 8.7 km"). */
export function travelName(item: Pick<TravelItem, 'mode' | 'transfer'>, lang: Lang): string {
  if (item.mode !== 'local' || !item.transfer) return modeName(item.mode, lang);
  const km = lang === 'zh' ? `${item.transfer.km}公里` : `${item.transfer.km} km`;
  const taxis = item.transfer.taxis !== undefined && item.transfer.taxis > 1 ? (lang === 'zh' ? ` ×${item.transfer.taxis}辆` : ` ×${item.transfer.taxis}`) : '';
  return `${TRANSFER_NAMES[lang][item.transfer.by]}${taxis}${dayHire(item.transfer.vehicle, lang)} ${km}`;
}

/**
 * The day's hire on the leg that carries it (itinerary.ts: the day rate is that leg's cost):
 * without it, "Private vehicle 15.9 km … ¥1,200" read as the fare of one 16 km ride.
 */
function dayHire(vehicle: NonNullable<TravelItem['transfer']>['vehicle'], lang: Lang): string {
  if (vehicle === undefined) return '';
  if (lang === 'zh') return `（${vehicle.count > 1 ? `${vehicle.count}辆` : ''}${vehicle.seats}座，含司机，全天）`;
  return ` (${vehicle.count > 1 ? `${vehicle.count} × ` : ''}${vehicle.seats} seats with driver, for the day)`;
}

/** An attraction's or city's name in the language; the id itself when unknown; 'on-board' as a phrase. */
export function placeName(catalogue: Catalogue, id: string, lang: Lang): string {
  const place = catalogue.attractions.find((a) => a.id === id) ?? catalogue.cities.find((c) => c.id === id);
  if (place) return lang === 'zh' ? place.nameZh : place.name;
  if (id === 'on-board') return lang === 'zh' ? '船上' : 'On board';
  return id;
}

/** Both names, for outputs read in either language (ICS titles): `Yellow Crane Tower · 黄鹤楼`. */
export function bilingualName(catalogue: Catalogue, id: string): string {
  const en = placeName(catalogue, id, 'en');
  const zh = placeName(catalogue, id, 'zh');
  return en === zh ? en : `${en} · ${zh}`;
}

/** The corridor's provinces in Chinese (the catalogue gives `province` in English only). */
const PROVINCE_ZH: Readonly<Record<string, string>> = { Hubei: '湖北', Hunan: '湖南', Jiangxi: '江西', Chongqing: '重庆', Anhui: '安徽', Sichuan: '四川' };

/** A province's name in the language; as the catalogue gives it when there is no translation. */
export function provinceName(province: string, lang: Lang): string {
  return lang === 'zh' ? (PROVINCE_ZH[province] ?? province) : province;
}

/** Chinese labels for the usual rider categories, when the catalogue gives none. */
export const CATEGORY_ZH: Readonly<Record<string, string>> = { adult: '成人', child: '儿童', senior: '老人', student: '学生' };

/** A rider category's label (catalogue names, else the id). */
export function categoryName(catalogue: Catalogue, id: string, lang: Lang): string {
  const c = catalogue.riderCategories.find((r) => r.id === id);
  if (lang === 'zh') return c?.nameZh ?? CATEGORY_ZH[id] ?? c?.name ?? id;
  return c?.name ?? id;
}

export interface Punctuation {
  /** After a label: `: ` / `：`. */
  readonly colon: string;
  readonly open: string;
  readonly close: string;
  /** Between items of a list: `, ` / `、`. */
  readonly list: string;
}

const PUNCTUATION: Record<Lang, Punctuation> = {
  en: { colon: ': ', open: ' (', close: ')', list: ', ' },
  zh: { colon: '：', open: '（', close: '）', list: '、' },
};

/** Chinese text takes full-width punctuation. */
export function punctuation(lang: Lang): Punctuation {
  return PUNCTUATION[lang];
}
