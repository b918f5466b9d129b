/**
 * `plan --format html`: a printable, self-contained itinerary (inline CSS and
 * SVG, no network): the trip at a glance, a route map of the corridor with
 * close-ups of each city's numbered stops, the day-by-day timeline in theme
 * colours, costs, and — when passes were issued — one card per pass with its
 * QR code. Every word is in the chosen language.
 */
import QRCode from 'qrcode';
import { holidayAdvice, holidayTitle } from './holiday-text.js';
import { sunsetLine } from './sunset-text.js';
import type { Catalogue, LatLon, Theme } from '../domain/catalogue/model.js';
import type { CruiseItem, Itinerary, ItineraryDay, ItineraryItem, MealItem, TravelItem, VisitItem } from '../domain/itinerary/itinerary.js';
import type { AgencyProfile } from '../domain/quote/agency-profile.js';
import type { TripQuote } from '../domain/quote/quote-model.js';
import { customerUnscheduled, customerUnscheduledDetail } from './customer-view.js';
import { pierNote } from './pier-note.js';
import { freeTimes, freeTimeTitle, type FreeTime } from './free-time.js';
import { estimateFootnotes, estimateHeading, costEstimateMark, scheduleEstimateHeading, scheduleEstimateMark, SCHEDULE_FIELDS } from './estimate-notes.js';
import { mealCost, mealTitle } from './meal-text.js';
import { cruiseItemTitle } from './cruise-text.js';
import { includesNote } from './includes-note.js';
import { escapeHtml } from './html/escape.js';
import { QUOTE_CSS, renderLetterhead, renderPriceBlock, renderServices } from './html/quote-sections.js';
import { htmlLabels, type HtmlLabels } from './html/labels.js';
import { ITINERARY_CSS } from './html/styles.js';
import { renderSvgMap, type MapPlace } from './html/svg-map.js';
import { NEUTRAL_COLOUR, themeColour } from './html/theme-colours.js';
import {
  categoryName,
  formatDate,
  formatDuration,
  formatMoney,
  formatShortDate,
  minutesBetween,
  travelName,
  placeName,
  themeName,
  wallClock,
  punctuation,
  type Lang,
} from './locale.js';

export interface IssuedPassView {
  readonly id: string;
  readonly product: string;
  readonly holder: string;
  readonly token: string;
  readonly validFrom: string;
  readonly validUntil: string;
}

export interface HtmlOptions {
  readonly lang: Lang;
  readonly passes?: readonly IssuedPassView[];
  /** The agency's document (`quote --format html`): its letterhead, services day by day and the price block. */
  readonly quote?: TripQuote;
  readonly agency?: AgencyProfile;
}

const CORRIDOR_MAP = { width: 720, height: 300, minSpanDeg: 1 };
const CITY_MAP = { width: 340, height: 220, minSpanDeg: 0.03 };

export async function renderItineraryHtml(itinerary: Itinerary, catalogue: Catalogue, options: HtmlOptions): Promise<string> {
  const lang = options.lang;
  const L = htmlLabels(lang);
  const r = itinerary.request;
  const name = (id: string) => placeName(catalogue, id, lang);
  const P = punctuation(lang);
  const route = r.to && r.to !== r.from ? `${name(r.from)} → ${name(r.to)}` : name(r.from);
  const title = L.documentTitle(route, r.days);
  const numbers = visitNumbers(itinerary);
  const lastDate = itinerary.days.at(-1)?.date ?? r.start;
  const currency = itinerary.totals.currency || catalogue.currency;
  const money = (n: number) => formatMoney(n, currency, lang);

  const party = Object.entries(r.party)
    .filter(([, n]) => n > 0)
    .map(([cat, n]) => (lang === 'zh' ? `${categoryName(catalogue, cat, lang)} ${n} 人` : `${n} × ${categoryName(catalogue, cat, lang)}`))
    .join(P.list);
  const facts: [string, string][] = [
    [L.dates, escapeHtml(`${formatDate(r.start, lang)} – ${formatDate(lastDate, lang)}${P.open}${L.days(r.days)}${P.close}`)],
    [L.party, escapeHtml(party)],
    [L.themes, r.themes.map((t) => chip(t, lang)).join(' ') || '—'],
    [L.pace, escapeHtml(L.paceNames[r.pace])],
  ];
  if (r.must.length > 0) facts.push([L.mustSee, escapeHtml(r.must.map(name).join(P.list))]);
  if (r.budget !== undefined) facts.push([L.budget, escapeHtml(money(r.budget))]);

  const q = options.quote;
  const body = [
    renderLetterhead(options.agency, lang),
    `<header><h1>${escapeHtml(title)}</h1><p class="subtitle">${escapeHtml(L.stopCount(numbers.size))} · ${escapeHtml(lang === 'zh' ? (catalogue.nameZh ?? catalogue.name) : catalogue.name)}</p></header>`,
    `<section class="overview"><h2>${escapeHtml(L.overview)}</h2><dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl></section>`,
    renderMaps(itinerary, catalogue, lang, L, numbers),
    `<section class="timeline"><h2>${escapeHtml(L.timeline)}</h2>${itinerary.days.map((d) => renderDay(d, catalogue, lang, L, numbers, money, q)).join('')}</section>`,
    q ? renderServices(q, lang) : '',
    q ? renderPriceBlock(q, lang, options.agency, (id) => categoryName(catalogue, id, lang)) : renderCosts(itinerary, L, lang, money),
    renderEstimates(itinerary, catalogue, lang, q !== undefined),
    q ? '' : renderUnscheduled(itinerary, catalogue, lang, L),
    options.passes && options.passes.length > 0 ? await renderPasses(options.passes, catalogue, lang, L) : '',
    `<footer class="doc">${escapeHtml(L.footer)}</footer>`,
  ].join('\n');

  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="yangtze">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${ITINERARY_CSS}${q ? QUOTE_CSS : ''}</style>`,
    '</head>',
    `<body><main>\n${body}\n</main></body>`,
    '</html>',
    '',
  ].join('\n');
}

/** Visits numbered 1..N in trip order, keyed by "day:itemIndex". */
function visitNumbers(itinerary: Itinerary): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const day of itinerary.days) {
    day.items.forEach((item, i) => {
      if (item.kind === 'visit') numbers.set(`${day.day}:${i}`, numbers.size + 1);
    });
  }
  return numbers;
}

function chip(theme: Theme, lang: Lang): string {
  return `<span class="chip theme-${theme}">${escapeHtml(themeName(theme, lang))}</span>`;
}

function locate(catalogue: Catalogue, id: string): LatLon | undefined {
  return (catalogue.attractions.find((a) => a.id === id) ?? catalogue.cities.find((c) => c.id === id))?.location;
}

/** The city a place id belongs to (an attraction's city, or the city itself). */
function cityOf(catalogue: Catalogue, id: string): string | undefined {
  const a = catalogue.attractions.find((x) => x.id === id);
  if (a) return a.city;
  return catalogue.cities.some((c) => c.id === id) ? id : undefined;
}

function renderMaps(itinerary: Itinerary, catalogue: Catalogue, lang: Lang, L: HtmlLabels, numbers: Map<string, number>): string {
  // The cities in the order the trip passes through them.
  const cityPath: string[] = [];
  const pass = (city: string | undefined) => {
    if (city && cityPath.at(-1) !== city) cityPath.push(city);
  };
  pass(itinerary.request.from);
  // Stops by city, and the sights a cruise shows by its leg ("cruise:from:to"): the gorges seen from
  // the deck belong to the days aboard, not to the map of the boarding city (they were "Stops in
  // Chongqing", and the route drawn went back to Chongqing after Yichang).
  const stopsByCity = new Map<string, { n: number; visit: VisitItem }[]>();
  let sailing: string | undefined;
  for (const day of itinerary.days) {
    day.items.forEach((item, i) => {
      if (item.kind === 'visit') {
        const key = item.aboard !== undefined && sailing !== undefined ? sailing : item.city;
        if (item.aboard === undefined) pass(item.city);
        const list = stopsByCity.get(key) ?? [];
        list.push({ n: numbers.get(`${day.day}:${i}`)!, visit: item });
        stopsByCity.set(key, list);
      } else if (item.kind === 'travel') {
        if (item.mode === 'cruise') sailing = `cruise:${cityOf(catalogue, item.from) ?? item.from}:${cityOf(catalogue, item.to) ?? item.to}`;
        pass(cityOf(catalogue, item.from));
        pass(cityOf(catalogue, item.to));
      }
    });
  }
  const onRoute = new Set(cityPath);
  const rangeLabel = (city: string) => {
    const ns = (stopsByCity.get(city) ?? []).map((s) => s.n);
    if (ns.length === 0) return '';
    const lo = Math.min(...ns);
    const hi = Math.max(...ns);
    return lo === hi ? ` · ${lo}` : ` · ${lo}–${hi}`;
  };
  const corridorPlaces: MapPlace[] = catalogue.cities.map((c) => ({
    at: c.location,
    label: (lang === 'zh' ? c.nameZh : c.name) + (onRoute.has(c.id) ? rangeLabel(c.id) : ''),
    colour: NEUTRAL_COLOUR,
    emphasis: onRoute.has(c.id),
  }));
  const corridor = renderSvgMap({
    ...CORRIDOR_MAP,
    places: corridorPlaces,
    path: cityPath.map((id) => locate(catalogue, id)).filter((p): p is LatLon => p !== undefined),
    title: L.mapAlt,
  });

  const mapTitle = (key: string): string => {
    const [kind, from, to] = key.split(':');
    return kind === 'cruise' && from !== undefined && to !== undefined
      ? L.stopsOnCruise(placeName(catalogue, from, lang), placeName(catalogue, to, lang))
      : L.stopsIn(placeName(catalogue, key, lang));
  };
  const details = [...stopsByCity.entries()].map(([city, stops]) => {
    const placed = stops
      .map((s) => ({ s, at: locate(catalogue, s.visit.attraction) }))
      .filter((x): x is { s: (typeof stops)[number]; at: LatLon } => x.at !== undefined);
    const svg = renderSvgMap({
      ...CITY_MAP,
      places: placed.map(({ s, at }) => ({
        at,
        label: placeName(catalogue, s.visit.attraction, lang),
        number: s.n,
        colour: themeColour(s.visit.themes[0]),
      })),
      path: placed.map((x) => x.at),
      title: mapTitle(city),
    });
    const legend = placed.map(({ s }) => `${s.n}. ${placeName(catalogue, s.visit.attraction, lang)}`).join(lang === 'zh' ? '；' : '; ');
    return `<figure>${svg}<figcaption><strong>${escapeHtml(mapTitle(city))}</strong> — ${escapeHtml(legend)}</figcaption></figure>`;
  });

  return `<section class="maps-section"><h2>${escapeHtml(L.route)}</h2><div class="maps"><figure>${corridor}</figure><div class="detail">${details.join('')}</div></div></section>`;
}

function renderDay(
  day: ItineraryDay,
  catalogue: Catalogue,
  lang: Lang,
  L: HtmlLabels,
  numbers: Map<string, number>,
  money: (n: number) => string,
  quote?: TripQuote,
): string {
  const themeClass = day.theme ? `theme-${day.theme}` : '';
  // The agency's document hides item prices (its price block replaces them), so an estimate is
  // marked beside the time it moves; local legs read as the quote makes them (its vehicle, not a taxi).
  const mark = (item: ItineraryItem) => scheduleEstimateMark(item);
  const free = freeTimes(day);
  const items = day.items
    .map((item, i) =>
      free.filter((f) => f.before === i).map((f) => renderFreeTime(f, catalogue, lang)).join('') +
      (item.kind === 'visit'
        ? renderVisit(item, numbers.get(`${day.day}:${i}`)!, catalogue, lang, L, money, mark(item))
        : item.kind === 'meal'
          ? renderMeal(item, catalogue, lang)
          : item.kind === 'cruise'
            ? renderCruiseItem(item, lang)
            : renderTravel(quote ? asQuoted(item, quote) : item, catalogue, lang, money, mark(item))),
    )
    .join('');
  // Meal prices are estimates, shown beside the meal but not added to the day's fares and tickets.
  const subtotal = day.items.reduce((sum, item) => sum + (item.kind === 'meal' ? 0 : item.cost), 0);
  const P = punctuation(lang);
  // The agency's document for a trip whose last night the quote leaves out (a daytime arrival, the
  // journey home that day) says so under the last day too: "Overnight: Nanchang" there contradicted
  // the services table's "No hotel: the trip ends this day".
  const endsHere = quote !== undefined && !quote.trip.lastNight.included && day.day === quote.trip.days;
  const lodging = escapeHtml(endsHere ? L.tripEnds : `${L.lodging}${P.colon}${placeName(catalogue, day.lodging, lang)}`);
  return (
    `<section class="day ${themeClass}" style="--theme:${themeColour(day.theme)}" data-day="${day.day}">` +
    `<header><h3>${escapeHtml(L.day(day.day))} <span class="date">${escapeHtml(formatDate(day.date, lang))}</span></h3>` +
    `<span>${day.theme ? chip(day.theme, lang) : `<span class="chip">${escapeHtml(onCruise(day) ? L.cruiseDay : L.noTheme)}</span>`}</span></header>` +
    (day.holiday
      ? `<p class="holiday${day.holiday.goldenWeek ? ' golden-week' : ''}"><strong>${escapeHtml(holidayTitle(day.holiday, lang))}</strong>${escapeHtml(P.colon)}${escapeHtml(holidayAdvice(day.holiday, lang))}</p>`
      : '') +
    (day.sunset ? `<p class="sunset">${escapeHtml(sunsetLine(day.sunset, catalogue, lang))}</p>` : '') +
    `<ol class="items">${items}</ol>` +
    `<div class="day-foot"><span>${lodging}</span><span>${escapeHtml(`${L.daySubtotal}${P.colon}${money(subtotal)}`)}</span></div>` +
    `</section>`
  );
}

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/** A local leg the plan makes by taxi is made by the quote's vehicle with driver when the quote books one. */
function asQuoted(item: TravelItem, quote: TripQuote): TravelItem {
  if (quote.options.transport !== 'vehicle' || item.mode !== 'local' || item.transfer?.by !== 'taxi') return item;
  return { ...item, transfer: { by: 'vehicle', km: item.transfer.km } };
}

function timeMark(mark: string): string {
  return mark ? `<sup class="estimate"><a href="#estimates">${mark}</a></sup>` : '';
}

function renderVisit(item: VisitItem, n: number, catalogue: Catalogue, lang: Lang, L: HtmlLabels, money: (n: number) => string, mark = ''): string {
  const a = catalogue.attractions.find((x) => x.id === item.attraction);
  const note =
    a?.reservation === 'required' ? L.reservationRequired : a?.reservation === 'recommended' ? L.reservationRecommended : '';
  const colour = themeColour(item.themes[0]);
  const pier = pierNote(item, catalogue, lang);
  return (
    `<li class="visit" data-attraction="${escapeHtml(item.attraction)}" style="--theme:${colour}">` +
    `<span class="time">${wallClock(item.start)}–${wallClock(item.end)}${timeMark(mark)}</span>` +
    `<span class="num">${n}</span>` +
    `<span><span class="name">${escapeHtml(placeName(catalogue, item.attraction, lang))}</span> ${item.themes.map((t) => chip(t, lang)).join('')}` +
    `${note ? `<span class="note">${escapeHtml(note)}</span>` : ''}` +
    `${item.includes ? `<span class="note">${escapeHtml(includesNote(item, (id) => placeName(catalogue, id, lang), lang).replace(/^ · /, ''))}</span>` : ''}` +
    `${pier ? `<span class="note">${escapeHtml(pier.replace(/^ · /, ''))}</span>` : ''}</span>` +
    `<span class="cost">${escapeHtml(item.cost === 0 ? L.free : money(item.cost))}${estimateSup(item)}</span>` +
    `</li>`
  );
}

/** A cruise programme item: laid out like a meal (no number, no cost: it is in the fare). */
function renderCruiseItem(item: CruiseItem, lang: Lang): string {
  return (
    `<li class="cruise" data-part="${item.part}">` +
    `<span class="time">${wallClock(item.start)}–${wallClock(item.end)}</span><span></span>` +
    `<span>${escapeHtml(cruiseItemTitle(item, lang))}</span><span class="cost"></span>` +
    `</li>`
  );
}

/** Free time between items ashore (free-time.ts): laid out like a meal, with no cost. */
function renderFreeTime(f: FreeTime, catalogue: Catalogue, lang: Lang): string {
  return (
    `<li class="free-time">` +
    `<span class="time">${wallClock(f.start)}–${wallClock(f.end)}</span><span></span>` +
    `<span>${escapeHtml(freeTimeTitle(f, catalogue, lang))}</span><span class="cost"></span>` +
    `</li>`
  );
}

function renderMeal(item: MealItem, catalogue: Catalogue, lang: Lang): string {
  return (
    `<li class="meal" data-meal="${item.meal}">` +
    `<span class="time">${wallClock(item.start)}–${wallClock(item.end)}</span><span></span>` +
    `<span>${escapeHtml(mealTitle(item, catalogue, lang))}</span>` +
    `<span class="cost">${escapeHtml(mealCost(item, catalogue.currency, lang))}</span>` +
    `</li>`
  );
}

function renderTravel(item: TravelItem, catalogue: Catalogue, lang: Lang, money: (n: number) => string, mark = ''): string {
  const minutes = minutesBetween(item.depart, item.arrive);
  const P = punctuation(lang);
  // A leg that arrives on a later day (the cruise: 21:00 on day 1, 13:30 three days later) says
  // the nights and the arrival, not "21:00–13:30 (64 h 30 min)".
  const nights = daysBetween(item.depart.slice(0, 10), item.arrive.slice(0, 10));
  const how = nights > 0
    ? lang === 'zh'
      ? `${nights}晚，${formatShortDate(item.arrive.slice(0, 10), lang)} ${wallClock(item.arrive)}抵达`
      : `${nights} ${nights === 1 ? 'night' : 'nights'}, arriving ${formatShortDate(item.arrive.slice(0, 10), lang)} at ${wallClock(item.arrive)}`
    : formatDuration(minutes, lang);
  const text = `${travelName(item, lang)}${P.colon}${placeName(catalogue, item.from, lang)} → ${placeName(catalogue, item.to, lang)}${P.open}${how}${P.close}`;
  return (
    `<li class="travel" data-mode="${item.mode}">` +
    `<span class="time">${wallClock(item.depart)}–${nights > 0 ? '' : wallClock(item.arrive)}${timeMark(mark)}</span><span></span>` +
    `<span>${escapeHtml(text)}</span>` +
    `<span class="cost">${item.cost > 0 ? escapeHtml(money(item.cost)) : ''}${estimateSup(item)}</span>` +
    `</li>`
  );
}

/** The estimate mark after a cost, linked to the footnotes. */
function estimateSup(item: ItineraryItem): string {
  const mark = costEstimateMark(item);
  return mark ? `<sup class="estimate"><a href="#estimates">${mark}</a></sup>` : '';
}

/** `quoted`: the agency's document, whose footnotes name only the estimates behind its times. */
function renderEstimates(itinerary: Itinerary, catalogue: Catalogue, lang: Lang, quoted: boolean): string {
  const notes = estimateFootnotes(itinerary, (id) => placeName(catalogue, id, lang), lang, quoted ? (f) => SCHEDULE_FIELDS.has(f) : undefined);
  if (notes.length === 0) return '';
  return (
    `<section class="estimates" id="estimates"><p>${escapeHtml(quoted ? scheduleEstimateHeading(lang) : estimateHeading(lang))}</p><ul>` +
    notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('') +
    `</ul></section>`
  );
}

function renderCosts(itinerary: Itinerary, L: HtmlLabels, lang: Lang, money: (n: number) => string): string {
  const t = itinerary.totals;
  const P = punctuation(lang);
  const rows = [
    [L.admission, money(t.admission)],
    [L.transport, money(t.transport)],
  ];
  return (
    `<section class="costs"><h2>${escapeHtml(L.costs)}</h2><table class="costs"><tbody>` +
    rows.map(([k, v]) => `<tr><td>${escapeHtml(k!)}</td><td class="amount">${escapeHtml(v!)}</td></tr>`).join('') +
    `<tr class="total"><td>${escapeHtml(`${L.total}${P.open}${L.perParty}${P.close}`)}</td><td class="amount">${escapeHtml(money(t.admission + t.transport))}</td></tr>` +
    `</tbody></table></section>`
  );
}

function renderUnscheduled(itinerary: Itinerary, catalogue: Catalogue, lang: Lang, L: HtmlLabels): string {
  const left = customerUnscheduled(itinerary);
  if (left.length === 0) return '';
  const items = left.map((u) => {
    const text = customerUnscheduledDetail(u, itinerary, catalogue, lang);
    const detail = text ? ` — ${escapeHtml(text)}` : '';
    return `<li><strong>${escapeHtml(placeName(catalogue, u.attraction, lang))}</strong>${escapeHtml(punctuation(lang).colon + L.reasons[u.reason])}${detail}</li>`;
  });
  return `<section class="unscheduled"><h2>${escapeHtml(L.unscheduled)}</h2><ul class="unscheduled">${items.join('')}</ul></section>`;
}

async function renderPasses(passes: readonly IssuedPassView[], catalogue: Catalogue, lang: Lang, L: HtmlLabels): Promise<string> {
  const cards = await Promise.all(
    passes.map(async (p) => {
      const product = catalogue.passes.find((x) => x.id === p.product);
      const productName = product ? (lang === 'zh' ? product.nameZh : product.name) : p.product;
      const qr = await QRCode.toString(p.token, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      const P = punctuation(lang);
      const validity =
        p.validFrom === p.validUntil
          ? formatDate(p.validFrom, lang)
          : `${formatShortDate(p.validFrom, lang)} – ${formatDate(p.validUntil, lang)}`;
      return (
        `<article class="pass" data-pass="${escapeHtml(p.id)}">` +
        `<div><div class="product">${escapeHtml(productName)}</div>` +
        `<div class="holder">${escapeHtml(L.passHolder + P.colon + p.holder)}</div>` +
        `<div>${escapeHtml(L.passValid + P.colon + validity)}</div>` +
        `<div class="id">${escapeHtml(L.passId + P.colon + p.id)}</div>` +
        `<p class="hint">${escapeHtml(L.passHint)}</p></div>` +
        `<div class="qr">${qr}</div>` +
        `</article>`
      );
    }),
  );
  return `<section class="passes-page"><h2>${escapeHtml(L.passes)}</h2><div class="passes">${cards.join('')}</div></section>`;
}

/** A day spent aboard, or boarding or leaving a ship: its programme fills it, so it is not a "free day". */
function onCruise(day: ItineraryDay): boolean {
  return day.lodging === 'on-board' || day.items.some((i) => i.kind === 'cruise' || (i.kind === 'travel' && i.mode === 'cruise') || (i.kind === 'visit' && i.aboard !== undefined));
}
