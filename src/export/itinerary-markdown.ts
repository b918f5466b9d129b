/**
 * The itinerary as Markdown, to paste into an email to the client: a heading,
 * one table per day, stops by theme, what was left out, totals. A customer's
 * view: no scores, no agent's notes (customer-view.ts).
 */
import { holidayAdvice, holidayTitle } from './holiday-text.js';
import type { Catalogue, Theme } from '../domain/catalogue/model.js';
import type { Itinerary } from '../domain/itinerary/itinerary.js';
import { costEstimateMark, estimateFootnotes, estimateHeading, scheduleEstimateMark } from './estimate-notes.js';
import { itineraryLabels } from './itinerary-labels.js';
import {
  categoryName, formatDate, formatDuration, formatMoney, minutesBetween, travelName, placeName, punctuation, themeName, type Lang,
} from './locale.js';
import { timeSpan } from './itinerary-text.js';
import { customerUnscheduled, customerUnscheduledDetail } from './customer-view.js';
import { pierNote } from './pier-note.js';
import { freeTimes, freeTimeTitle } from './free-time.js';
import { mealCost, mealTitle } from './meal-text.js';
import { aboardNote, cruiseItemTitle } from './cruise-text.js';
import { includesNote } from './includes-note.js';

export function renderItineraryMarkdown(it: Itinerary, catalogue: Catalogue, lang: Lang): string {
  const L = itineraryLabels(lang);
  const money = (n: number) => formatMoney(n, it.totals.currency, lang);
  const name = (id: string) => placeName(catalogue, id, lang);
  const other = (id: string) => placeName(catalogue, id, lang === 'zh' ? 'en' : 'zh');
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const r = it.request;
  const out: string[] = [];
  out.push(`# ${name(r.from)} → ${r.to ? name(r.to) : L.anywhere} · ${L.days(r.days)}`, '');
  out.push(`${formatDate(r.start, lang)} · ${L.party}: ${Object.entries(r.party).map(([c, n]) => `${n} × ${categoryName(catalogue, c, lang)}`).join(', ')}${r.themes.length ? ` · ${L.themes}: ${r.themes.map((t) => themeName(t, lang)).join(', ')}` : ''}`, '');
  for (const day of it.days) {
    const night = day.lodging === 'on-board' ? L.nightOnBoard : `${L.nightIn} ${name(day.lodging)}`;
    out.push(`## ${L.day(day.day)} · ${formatDate(day.date, lang)}${day.theme ? ` · ${themeName(day.theme, lang)}` : ''} · ${night}`, '');
    if (day.holiday) out.push(`> **${cell(holidayTitle(day.holiday, lang))}**${lang === 'zh' ? '：' : ': '}${cell(holidayAdvice(day.holiday, lang))}`, '');
    if (day.items.length === 0) {
      out.push(`_${L.free}_`, '');
      continue;
    }
    out.push(`| ${L.time} | ${L.stop} | ${L.cost} |`, '|---|---|--:|');
    const free = freeTimes(day);
    for (const [i, item] of day.items.entries()) {
      for (const f of free) if (f.before === i) out.push(`| ${timeSpan(f.start, f.end, lang)} | _${cell(freeTimeTitle(f, catalogue, lang))}_ |  |`);
      if (item.kind === 'meal') {
        out.push(`| ${timeSpan(item.start, item.end, lang)} | _${cell(mealTitle(item, catalogue, lang))}_ | ${mealCost(item, it.totals.currency, lang)} |`);
      } else if (item.kind === 'cruise') {
        out.push(`| ${timeSpan(item.start, item.end, lang)} | _${cell(cruiseItemTitle(item, lang))}_ |  |`);
      } else if (item.kind === 'visit') {
        const alt = other(item.attraction);
        out.push(`| ${timeSpan(item.start, item.end, lang)}${scheduleEstimateMark(item)} | **${cell(name(item.attraction))}**${alt !== name(item.attraction) ? ` (${cell(alt)})` : ''} · ${item.themes.map((t) => themeName(t, lang)).join(', ')}${cell(aboardNote(item, lang))}${cell(includesNote(item, name, lang))}${cell(pierNote(item, catalogue, lang))} | ${money(item.cost)}${costEstimateMark(item)} |`);
      } else {
        out.push(`| ${timeSpan(item.depart, item.arrive, lang)}${scheduleEstimateMark(item)} | ${travelName(item, lang)}: ${cell(name(item.from))} → ${cell(name(item.to))} (${formatDuration(minutesBetween(item.depart, item.arrive), lang)}) | ${item.cost > 0 ? money(item.cost) : ''}${costEstimateMark(item)} |`);
      }
    }
    out.push('');
  }
  out.push(`## ${L.byTheme}`, '');
  for (const [theme, ids] of Object.entries(it.byTheme) as [Theme, readonly string[]][]) {
    if (ids.length > 0) out.push(`- **${themeName(theme, lang)}**: ${ids.map(name).join(', ')}`);
  }
  out.push('', `## ${L.unscheduled}`, '');
  const left = customerUnscheduled(it);
  if (left.length === 0) out.push(`- ${L.nothingLeftOut}`);
  for (const u of left) out.push(`- **${name(u.attraction)}** — ${L.reasons[u.reason]}${punctuation(lang).colon}${cell(customerUnscheduledDetail(u, it, catalogue, lang))}`);
  const notes = estimateFootnotes(it, name, lang);
  if (notes.length > 0) out.push('', `_${estimateHeading(lang)}_`, '', ...notes.map((n) => `- ${cell(n)}`));
  const t = it.totals;
  out.push('', `## ${L.totals}`, '');
  out.push(`- ${L.visits}: ${t.visits}`, `- ${L.admission}: ${money(t.admission)}`, `- ${L.transport}: ${money(t.transport)}`, `- **${L.total}: ${money(t.admission + t.transport)}**`);
  return out.join('\n') + '\n';
}
