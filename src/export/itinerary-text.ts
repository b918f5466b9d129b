/**
 * The itinerary for people (terminal) and for pipes. Terminal: a day-by-day
 * timeline with both names, the day's theme in its colour, travel legs with
 * mode and duration, costs; then stops by theme, what was left out and why,
 * and totals. Pipe: the same facts as tab-separated rows without colour, one
 * record type in the first column (day, visit, travel, meal, theme,
 * unscheduled, total), columns fixed so `cut` and `awk` keep working.
 */
import type { ChalkInstance } from 'chalk';
import type { Catalogue, Theme } from '../domain/catalogue/model.js';
import type { CruiseItem, Itinerary, ItineraryDay, ItineraryItem, MealItem, TravelItem, VisitItem } from '../domain/itinerary/itinerary.js';
import { itemSpan } from '../domain/itinerary/itinerary-time.js';
import { mealCost, mealTitle } from './meal-text.js';
import { aboardNote, cruiseItemTitle } from './cruise-text.js';
import { includesNote } from './includes-note.js';
import { displayWidth } from './display-width.js';
import { costEstimateMark, estimateFootnotes, estimateHeading, scheduleEstimateMark } from './estimate-notes.js';
import { itineraryLabels, type ItineraryLabels } from './itinerary-labels.js';
import { themeStyle } from './theme-style.js';
import { holidayLine } from './holiday-text.js';
import { sunsetLine } from './sunset-text.js';
import { unscheduledDetail } from './unscheduled-detail.js';
import { pierNote } from './pier-note.js';
import { freeTimes, freeTimeTitle } from './free-time.js';
import {
  categoryName, formatDate, punctuation, formatDuration, formatMoney, minutesBetween, travelName, placeName, themeName, wallClock, type Lang,
} from './locale.js';

export interface TextOptions {
  readonly view: 'tty' | 'pipe';
  readonly lang: Lang;
  readonly style: ChalkInstance;
}

export function renderItineraryText(itinerary: Itinerary, catalogue: Catalogue, options: TextOptions): string {
  return options.view === 'pipe' ? renderPipe(itinerary, catalogue) : renderTerminal(itinerary, catalogue, options);
}

export const themeColor = themeStyle;

function renderTerminal(it: Itinerary, catalogue: Catalogue, { lang, style }: TextOptions): string {
  const L = itineraryLabels(lang);
  const name = (id: string) => bothNames(catalogue, id, lang);
  const money = (n: number) => formatMoney(n, it.totals.currency, lang);
  const r = it.request;
  const lines: string[] = [];
  const party = Object.entries(r.party).map(([c, n]) => `${n} × ${categoryName(catalogue, c, lang)}`).join(', ');
  const route = `${placeName(catalogue, r.from, lang)} → ${r.to ? placeName(catalogue, r.to, lang) : L.anywhere}`;
  lines.push(style.bold(`${route} · ${L.days(r.days)} · ${formatDate(r.start, lang)}`));
  lines.push(style.dim(`${L.party}: ${party}${r.themes.length ? ` · ${L.themes}: ${r.themes.map((t) => themeName(t, lang)).join(', ')}` : ''} · ${L.paceNames[r.pace]}`));
  for (const day of it.days) {
    lines.push('');
    lines.push(dayHeading(day, catalogue, L, lang, style));
    if (day.holiday) lines.push(`  ${style.yellow('!')} ${style.yellow(holidayLine(day.holiday, lang))}`);
    if (day.sunset) lines.push(`  ${style.dim(`☼ ${sunsetLine(day.sunset, catalogue, lang)}`)}`);
    if (day.items.length === 0) lines.push(`  ${style.dim(L.free)}`);
    // An estimated opening time or timetable is marked beside the time, an estimated price beside the cost.
    const timeMark = (item: ItineraryItem) => {
      const mark = scheduleEstimateMark(item);
      return mark ? style.yellow(mark) : ' ';
    };
    const free = freeTimes(day);
    for (const [i, item] of day.items.entries()) {
      for (const f of free) if (f.before === i) lines.push(`  ${timeSpan(f.start, f.end, lang)}  ${style.dim('◦')} ${style.dim(freeTimeTitle(f, catalogue, lang))}`);
      const span = itemSpan(item);
      const when = timeSpan(span.start, span.end, lang);
      if (item.kind === 'meal') {
        lines.push(`  ${when}  ${style.dim('◦')} ${mealTitle(item, catalogue, lang)}  ${style.dim(mealCost(item, it.totals.currency, lang))}`);
      } else if (item.kind === 'cruise') {
        lines.push(`  ${when}  ${style.cyan('~')} ${cruiseItemTitle(item, lang)}`);
      } else if (item.kind === 'visit') {
        const theme = item.themes.find((t) => r.themes.includes(t)) ?? item.themes[0] ?? null;
        const tags = item.themes.map((t) => themeColor(style, t)(themeName(t, lang))).join(' ');
        lines.push(`  ${when}${timeMark(item)} ${themeColor(style, theme)('●')} ${style.bold(name(item.attraction))}  ${tags}${costText(item.cost, money)}${style.yellow(costEstimateMark(item))}${style.cyan(aboardNote(item, lang))}${style.dim(includesNote(item, (id) => placeName(catalogue, id, lang), lang))}${style.dim(pierNote(item, catalogue, lang))}`);
      } else {
        const minutes = minutesBetween(item.depart, item.arrive);
        const leg = `${travelName(item, lang)} ${formatDuration(minutes, lang)}`;
        lines.push(style.dim(`  ${when}`) + timeMark(item) + style.dim(` → ${placeName(catalogue, item.from, lang)} → ${placeName(catalogue, item.to, lang)} · ${leg}`) + costText(item.cost, money) + style.yellow(costEstimateMark(item)));
      }
    }
  }
  lines.push('', style.bold(L.byTheme));
  const themeRows = (Object.entries(it.byTheme) as [Theme, readonly string[]][]).filter(([, ids]) => ids.length > 0);
  const width = Math.max(0, ...themeRows.map(([t]) => displayWidth(themeName(t, lang))));
  for (const [theme, ids] of themeRows) {
    const label = themeName(theme, lang);
    lines.push(`  ${themeColor(style, theme)(label)}${' '.repeat(width - displayWidth(label))}  ${ids.map((id) => placeName(catalogue, id, lang)).join(', ')}`);
  }
  lines.push('', style.bold(L.unscheduled));
  if (it.unscheduled.length === 0) lines.push(`  ${style.dim(L.nothingLeftOut)}`);
  for (const u of it.unscheduled) lines.push(`  ${name(u.attraction)} — ${style.yellow(L.reasons[u.reason])}${punctuation(lang).colon}${unscheduledDetail(u, it, catalogue, lang)}`);
  const notes = estimateFootnotes(it, (id) => placeName(catalogue, id, lang), lang);
  if (notes.length > 0) lines.push('', style.yellow(estimateHeading(lang)), ...notes.map((n) => `  ${n}`));
  const t = it.totals;
  lines.push('', `${style.bold(L.totals)}  ${t.visits} ${L.visits} · ${L.score} ${t.score} · ${L.admission} ${money(t.admission)} · ${L.transport} ${money(t.transport)} · ${style.bold(`${L.total} ${money(t.admission + t.transport)}`)}`);
  return lines.join('\n') + '\n';
}

/** `19:00–15:00 +3d` (Chinese `+3天`) for a leg that arrives days later; `08:30–10:30` otherwise. */
export function timeSpan(startIso: string, endIso: string, lang: Lang = 'en'): string {
  const days = Math.round((Date.parse(endIso.slice(0, 10)) - Date.parse(startIso.slice(0, 10))) / 86_400_000);
  return `${wallClock(startIso)}–${wallClock(endIso)}${days > 0 ? ` +${days}${lang === 'zh' ? '天' : 'd'}` : ''}`;
}

function dayHeading(day: ItineraryDay, catalogue: Catalogue, L: ItineraryLabels, lang: Lang, style: ChalkInstance): string {
  const theme = day.theme ? themeColor(style, day.theme)(themeName(day.theme, lang)) : style.dim('—');
  const night = day.lodging === 'on-board' ? L.nightOnBoard : `${L.nightIn} ${bothNames(catalogue, day.lodging, lang)}`;
  return `${style.bold(L.day(day.day))}  ${formatDate(day.date, lang)}  ${theme}  ${style.dim(night)}`;
}

function costText(cost: number, money: (n: number) => string): string {
  return cost > 0 ? `  ${money(cost)}` : '';
}

/** "Yellow Crane Tower 黄鹤楼" (English first unless the language is Chinese). */
function bothNames(catalogue: Catalogue, id: string, lang: Lang): string {
  const en = placeName(catalogue, id, 'en');
  const zh = placeName(catalogue, id, 'zh');
  if (en === zh) return en;
  return lang === 'zh' ? `${zh} ${en}` : `${en} ${zh}`;
}

function renderPipe(it: Itinerary, catalogue: Catalogue): string {
  const rows: (string | number)[][] = [];
  for (const day of it.days) {
    rows.push(['day', day.day, day.date, day.theme ?? '', day.start, day.lodging]);
    const h = day.holiday;
    if (h) rows.push(['holiday', day.day, day.date, h.name, h.nameZh ?? '', h.goldenWeek ? 'golden-week' : 'public-holiday', h.provisional ? 'provisional' : 'official']);
    for (const item of day.items) {
      rows.push(
        item.kind === 'visit' ? visitRow(day, item, catalogue)
          : item.kind === 'meal' ? mealRow(day, item)
            : item.kind === 'cruise' ? cruiseRow(day, item)
              : travelRow(day, item),
      );
    }
  }
  for (const [theme, ids] of Object.entries(it.byTheme)) rows.push(['theme', theme, ids.join(',')]);
  for (const u of it.unscheduled) rows.push(['unscheduled', u.attraction, u.reason, u.detail]);
  const t = it.totals;
  rows.push(['total', t.visits, t.score, t.admission, t.transport, t.currency]);
  return rows.map((r) => r.map((c) => String(c).replace(/[\t\r\n]+/g, ' ')).join('\t') + '\n').join('');
}

function visitRow(day: ItineraryDay, v: VisitItem, catalogue: Catalogue): (string | number)[] {
  return ['visit', day.day, v.start, v.end, v.attraction, v.city, v.themes.join(','), v.cost, placeName(catalogue, v.attraction, 'en'), placeName(catalogue, v.attraction, 'zh')];
}

/** meal, day, start, end, lunch|dinner, near, city, estimated cost */
function mealRow(day: ItineraryDay, m: MealItem): (string | number)[] {
  return ['meal', day.day, m.start, m.end, m.meal, m.near, m.city, m.cost];
}

/** cruise, day, start, end, part, cruise id, what (as published), cost — a programme item of the cruise (docs/CLI.md). */
function cruiseRow(day: ItineraryDay, c: CruiseItem): (string | number)[] {
  return ['cruise', day.day, c.start, c.end, c.part, c.aboard, c.what, c.cost];
}

function travelRow(day: ItineraryDay, t: TravelItem): (string | number)[] {
  return ['travel', day.day, t.depart, t.arrive, t.from, t.to, t.mode, t.cost];
}
