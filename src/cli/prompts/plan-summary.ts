/** The plan as the interactive session shows it: one block per day, in the chosen language. */
import type { ChalkInstance } from 'chalk';
import type { Catalogue } from '../../domain/catalogue/model.js';
import type { Itinerary } from '../../domain/itinerary/itinerary.js';
import type { Quote } from '../../domain/passes/quote.js';
import { htmlLabels } from '../../export/html/labels.js';
import { mealTitle } from '../../export/meal-text.js';
import { cruiseItemTitle } from '../../export/cruise-text.js';
import { holidayLine } from '../../export/holiday-text.js';
import { timeSpan } from '../../export/itinerary-text.js';
import {
  categoryName,
  formatDate,
  formatDuration,
  formatMoney,
  minutesBetween,
  placeName,
  punctuation,
  themeName,
  travelName,
  wallClock,
  type Lang,
} from '../../export/locale.js';
import { promptMessages } from './messages.js';

export function renderPlanSummary(itinerary: Itinerary, catalogue: Catalogue, lang: Lang, style: ChalkInstance): string {
  const L = htmlLabels(lang);
  const P = punctuation(lang);
  const name = (id: string) => placeName(catalogue, id, lang);
  const money = (n: number) => formatMoney(n, itinerary.totals.currency || catalogue.currency, lang);
  const r = itinerary.request;
  const lines: string[] = [style.bold(L.documentTitle(r.to && r.to !== r.from ? `${name(r.from)} → ${name(r.to)}` : name(r.from), r.days)), ''];
  let n = 0;
  for (const day of itinerary.days) {
    const theme = day.theme ? themeName(day.theme, lang) : L.noTheme;
    lines.push(style.bold(`${L.day(day.day)}  ${formatDate(day.date, lang)}`) + style.dim(`  ${theme}`));
    // A holiday or Golden Week day says so here too (issue 12: in every view), not only in the saved files.
    if (day.holiday) lines.push(`  ${style.yellow(`! ${holidayLine(day.holiday, lang)}`)}`);
    for (const item of day.items) {
      if (item.kind === 'visit') {
        n += 1;
        const cost = item.cost === 0 ? L.free : money(item.cost);
        lines.push(`  ${wallClock(item.start)}–${wallClock(item.end)}  ${String(n).padStart(2)}. ${name(item.attraction)}  ${style.dim(cost)}`);
      } else if (item.kind === 'meal') {
        lines.push(style.dim(`  ${wallClock(item.start)}–${wallClock(item.end)}      ${mealTitle(item, catalogue, lang)}`));
      } else if (item.kind === 'cruise') {
        lines.push(style.dim(`  ${wallClock(item.start)}–${wallClock(item.end)}      ${cruiseItemTitle(item, lang)}`));
      } else {
        // How (taxi, walk, the group's vehicle) and how far, as in every other view; a cruise's "+3d".
        const text = `${travelName(item, lang)}${P.colon}${name(item.from)} → ${name(item.to)}${P.open}${formatDuration(minutesBetween(item.depart, item.arrive), lang)}${P.close}`;
        lines.push(style.dim(`  ${timeSpan(item.depart, item.arrive, lang)}      ${text}`));
      }
    }
    lines.push(style.dim(`  ${L.lodging}${P.colon}${name(day.lodging)}`), '');
  }
  if (itinerary.unscheduled.length > 0) {
    lines.push(style.bold(L.unscheduled));
    for (const u of itinerary.unscheduled) lines.push(`  ${name(u.attraction)}${P.colon}${L.reasons[u.reason]}`);
    lines.push('');
  }
  const t = itinerary.totals;
  lines.push(`${L.admission}${P.colon}${money(t.admission)}   ${L.transport}${P.colon}${money(t.transport)}   ${style.bold(`${L.total}${P.colon}${money(t.admission + t.transport)}`)}`);
  return lines.join('\n') + '\n';
}

export function renderQuoteSummary(quote: Quote, catalogue: Catalogue, lang: Lang, style: ChalkInstance): string {
  const P = punctuation(lang);
  const money = (n: number) => formatMoney(n, quote.currency, lang);
  const lines: string[] = [];
  for (const c of quote.categories) {
    const who = lang === 'zh' ? `${categoryName(catalogue, c.category, lang)} × ${c.travellers}` : `${c.travellers} × ${categoryName(catalogue, c.category, lang)}`;
    // Each pass with its own price, then the single tickets for the visits no pass covers: the line adds up
    // to the bundle, so the pass is never shown at the price of the whole bundle.
    const parts = c.passes.map((p) => {
      const product = catalogue.passes.find((x) => x.id === p.product);
      return `${product ? (lang === 'zh' ? product.nameZh : product.name) : p.product} ${money(p.price)}`;
    });
    const paid = c.singles.filter((t) => t.price > 0);
    if (paid.length > 0) {
      const singles = paid.reduce((sum, t) => sum + t.price, 0);
      parts.push(`${promptMessages(lang).singleTickets(paid.length)} ${money(singles)}`);
    }
    const sum = parts.length > 1 ? ` = ${money(c.bundle)}` : '';
    const bundle = parts.length > 0 ? `${parts.join(' + ')}${sum}` : money(c.bundle);
    const line = lang === 'zh' ? `每人 ${bundle} ${style.dim(`（单买每人 ${money(c.walkUp)}）`)}` : `${bundle}  each ${style.dim(`(walk-up ${money(c.walkUp)} each)`)}`;
    lines.push(`  ${who}${P.colon}${line}`);
  }
  const head = lang === 'zh' ? '通票报价' : 'Pass quote';
  const total =
    lang === 'zh'
      ? `合计 ${money(quote.bundleTotal)}，节省 ${money(quote.savings)}`
      : `Total ${money(quote.bundleTotal)}, saving ${money(quote.savings)}`;
  return [style.bold(head), ...lines, style.bold(total)].join('\n') + '\n';
}
