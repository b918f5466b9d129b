/**
 * `plan --format ics`: the itinerary as an RFC 5545 calendar. One VEVENT per
 * visit, meal and travel leg, times in Asia/Shanghai (with its VTIMEZONE), CRLF
 * line ends, lines folded at 75 octets without splitting a UTF-8 character.
 *
 * The output is byte-stable: UIDs come from the trip (from, to, start date),
 * the day and the stop, so re-importing an edited plan updates the same
 * events; DTSTAMP is the trip's start date, never the clock.
 */
import { createHash } from 'node:crypto';
import type { Catalogue, LatLon } from '../domain/catalogue/model.js';
import type { Itinerary, ItineraryItem, MealItem, TravelItem, VisitItem } from '../domain/itinerary/itinerary.js';
import { itemSpan } from '../domain/itinerary/itinerary-time.js';
import { mealCost, mealTitle } from './meal-text.js';
import { holidayLine } from './holiday-text.js';
import { bilingualName, formatDuration, formatMoney, minutesBetween, travelName, placeName, punctuation, themeName, type Lang } from './locale.js';

const CRLF = '\r\n';
/** RFC 5545 §3.1: lines longer than 75 octets SHOULD be folded. */
const MAX_LINE_OCTETS = 75;
const TZID = 'Asia/Shanghai';
/** China Standard Time has been UTC+8 without DST since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export interface IcsOptions {
  /**
   * Language of titles and descriptions. Absent: both names (`Yellow Crane
   * Tower · 黄鹤楼`), labels in English. UIDs never depend on it.
   */
  readonly lang?: Lang;
}

export function renderItineraryIcs(itinerary: Itinerary, catalogue: Catalogue, options: IcsOptions = {}): string {
  const r = itinerary.request;
  const trip = tripKey(itinerary);
  const dtstamp = `${r.start.replace(/-/g, '')}T000000Z`;
  const name = (id: string) => (options.lang ? placeName(catalogue, id, options.lang) : bilingualName(catalogue, id));
  const lang: Lang = options.lang ?? 'en';
  const calName =
    lang === 'zh'
      ? `${placeName(catalogue, r.from, 'zh')}${r.to ? `—${placeName(catalogue, r.to, 'zh')}` : ''} ${r.days}日行程`
      : `${placeName(catalogue, r.from, 'en')}${r.to ? ` to ${placeName(catalogue, r.to, 'en')}` : ''}, ${r.days} days`;

  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//yangtze//itinerary//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calName)}`,
    `X-WR-TIMEZONE:${TZID}`,
    ...vtimezone(),
  ];
  for (const day of itinerary.days) {
    const seen = new Map<string, number>();
    day.items.forEach((item, index) => {
      const base = itemKey(item);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const uid = `${trip}-d${day.day}-${base}${n > 1 ? `-${n}` : ''}@yangtze`;
      const plain =
        item.kind === 'visit'
          ? visitEvent(item, catalogue, name, lang)
          : item.kind === 'meal'
            ? mealEvent(item, catalogue, lang)
            : travelEvent(item, catalogue, name, lang);
      // A holiday (crowds, book ahead) belongs with each event of the day: calendars show events, not days.
      const event = day.holiday ? { ...plain, description: `${plain.description}\n${holidayLine(day.holiday, lang)}` } : plain;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        `DTSTAMP:${dtstamp}`,
        `DTSTART;TZID=${TZID}:${localStamp(itemSpan(item).start)}`,
        `DTEND;TZID=${TZID}:${localStamp(itemSpan(item).end)}`,
        `SEQUENCE:0`,
        `SUMMARY:${escapeText(event.summary)}`,
        ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
        ...(event.geo ? [`GEO:${event.geo.lat.toFixed(6)};${event.geo.lon.toFixed(6)}`] : []),
        `DESCRIPTION:${escapeText(event.description)}`,
        ...(event.categories.length > 0 ? [`CATEGORIES:${event.categories.map(escapeText).join(',')}`] : []),
        `X-YANGTZE-DAY:${day.day}`,
        `X-YANGTZE-ITEM:${index + 1}`,
        'TRANSP:OPAQUE',
        'END:VEVENT',
      );
    });
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

interface EventText {
  readonly summary: string;
  readonly location?: string;
  readonly geo?: LatLon;
  readonly description: string;
  readonly categories: readonly string[];
}

function visitEvent(item: VisitItem, catalogue: Catalogue, name: (id: string) => string, lang: Lang): EventText {
  const a = catalogue.attractions.find((x) => x.id === item.attraction);
  const cost = formatMoney(item.cost, catalogue.currency, lang);
  const themes = item.themes.map((t) => themeName(t, lang)).join(', ');
  const reservation =
    a?.reservation === 'required'
      ? lang === 'zh' ? '需提前实名预约。' : 'Reservation required.'
      : a?.reservation === 'recommended'
        ? lang === 'zh' ? '建议提前预约。' : 'Reservation recommended.'
        : '';
  const description =
    lang === 'zh'
      ? [`主题：${themes}`, `费用（全体）：${cost}`, reservation].filter(Boolean).join('\n')
      : [`Themes: ${themes}`, `Cost (whole party): ${cost}`, reservation].filter(Boolean).join('\n');
  return {
    summary: name(item.attraction),
    location: `${name(item.attraction)}, ${name(item.city)}`,
    ...(a ? { geo: a.location } : {}),
    description,
    categories: item.themes.map((t) => t.toUpperCase()),
  };
}

function mealEvent(item: MealItem, catalogue: Catalogue, lang: Lang): EventText {
  const geo = locate(catalogue, item.near);
  const cost = mealCost(item, catalogue.currency, lang);
  const description = lang === 'zh' ? `费用（全体，估计）：${cost}` : `Cost (whole party, estimate): ${cost}`;
  return { summary: mealTitle(item, catalogue, lang), location: placeName(catalogue, item.near, lang), ...(geo ? { geo } : {}), description, categories: ['MEAL'] };
}

function travelEvent(item: TravelItem, catalogue: Catalogue, name: (id: string) => string, lang: Lang): EventText {
  const geo = locate(catalogue, item.from);
  const duration = formatDuration(minutesBetween(item.depart, item.arrive), lang);
  const cost = formatMoney(item.cost, catalogue.currency, lang);
  const summary = `${travelName(item, lang)}${punctuation(lang).colon}${name(item.from)} → ${name(item.to)}`;
  const description =
    lang === 'zh' ? `时长：${duration}\n费用（全体）：${cost}` : `Duration: ${duration}\nCost (whole party): ${cost}`;
  return { summary, location: name(item.from), ...(geo ? { geo } : {}), description, categories: ['TRAVEL'] };
}

/** The identity of a trip for UIDs: where it starts and ends, and when. */
function tripKey(itinerary: Itinerary): string {
  const r = itinerary.request;
  return createHash('sha256').update(`${r.from}|${r.to ?? ''}|${r.start}`).digest('hex').slice(0, 12);
}

function itemKey(item: ItineraryItem): string {
  if (item.kind === 'meal') return `${item.meal}`;
  return item.kind === 'visit' ? `visit-${item.attraction}` : `${item.mode}-${item.from}-${item.to}`;
}

function locate(catalogue: Catalogue, id: string): LatLon | undefined {
  return (catalogue.attractions.find((a) => a.id === id) ?? catalogue.cities.find((c) => c.id === id))?.location;
}

/** `2026-05-12T08:30:00+08:00` → `20260512T083000` in Beijing time, whatever offset was written. */
export function localStamp(isoDateTime: string): string {
  const ms = Date.parse(isoDateTime);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date-time: ${isoDateTime}`);
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}T${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

function vtimezone(): string[] {
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${TZID}`,
    `X-LIC-LOCATION:${TZID}`,
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'DTSTART:19700101T000000',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

/** RFC 5545 §3.3.11 TEXT escaping. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (§3.1): continuation lines start with a
 * space, which counts towards their 75. A multi-byte character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}
