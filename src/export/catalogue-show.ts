/**
 * One attraction (or city) in three views. Terminal: labelled facts, the next
 * seven days, and provenance with unconfirmed fields flagged as estimates.
 * Pipe: `field<TAB>value` lines, and `day<TAB>date<TAB>open|closed<TAB>…`.
 * JSON: a versioned document whose keys never depend on --lang.
 */
import { estimatesAmong } from '../domain/catalogue/fact-of.js';
import { toJson, type Output } from '../cli/output.js';
import type { DayOpening, ShowResult } from '../domain/catalogue/catalogue-views.js';
import { monthSpan } from '../domain/calendar/month-span.js';
import type { OpeningInterval } from '../domain/calendar/opening-on.js';
import type { Attraction, Catalogue, City, DateRange, Provenance, Season } from '../domain/catalogue/model.js';
import { colorThemes, formatClock, formatDurationMin, formatMoney } from './catalogue-format.js';
import { catalogueLabels, type CatalogueLabels } from './catalogue-labels.js';
import { defaultCategory } from './catalogue-list.js';
import { displayName } from './names.js';
import { provinceName } from './locale.js';

type ShowOutput = Pick<Output, 'view' | 'style' | 'lang'>;

const WEEKDAY_NAMES = { sun: 'Sun', mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat' } as const;
const WEEKDAY_NAMES_ZH = { sun: '周日', mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六' } as const;

export function renderShow(result: ShowResult, catalogue: Catalogue, out: ShowOutput): string {
  if (out.view === 'json') return toJson(showJson(result, catalogue));
  if (result.kind === 'city') return out.view === 'pipe' ? cityPipe(result.city, result.attractions) : cityTty(result.city, result.attractions, out);
  return out.view === 'pipe'
    ? attractionPipe(result.attraction, result.days, catalogue)
    : attractionTty(result.attraction, result.city, result.days, catalogue, out);
}

// ── terminal ────────────────────────────────────────────────────────────────

function attractionTty(a: Attraction, city: City | undefined, days: readonly DayOpening[], catalogue: Catalogue, out: ShowOutput): string {
  const { style, lang } = out;
  const l = catalogueLabels(lang);
  const estimate = (field: string, text: string) =>
    estimatesAmong(a, shownFields(a, field)).length > 0 ? `${text} ${style.yellow(lang === 'zh' ? '(估计)' : '(estimate)')}` : text;
  const rows: [string, string][] = [
    [l.city, city ? `${displayName(city, lang, 'tty')} ${style.dim(`(${city.id})`)}` : a.city],
    [l.themes, colorThemes(a.themes, style)],
    [l.rating, a.rating],
    [l.visit, estimate('visit', formatDurationMin(a.visitMin))],
    [l.price, estimate('price', priceText(a, catalogue, l))],
    [l.reservation, estimate('reservation', a.reservation)],
    [l.hours, estimate('hours', a.hours.map(seasonText).join('; ') || '–')],
    [l.closed, estimate('closed', closedText(a, l))],
    [l.location, `${a.location.lat}, ${a.location.lon}`],
  ];
  if (a.closedDates.length > 0) rows.push([l.closedDates, a.closedDates.map(rangeText).join(', ')]);
  for (const ps of a.priceSeasons) rows.push([`${l.price} ${monthSpan(ps.months)}`, estimate('price_seasons', formatMoney(ps.price[defaultCategory(catalogue)] ?? 0))]);
  a.access.forEach((x, i) =>
    rows.push([
      i === 0 ? (lang === 'zh' ? '交通' : 'Access') : '',
      estimate(`access.${i}`, `${x.from} → ${x.mode}, ${formatDurationMin(x.durationMin)}${x.fare !== undefined ? `, ${formatMoney(x.fare)}` : ''}${x.stations ? ` (${x.stations.from} → ${x.stations.to})` : ''}`),
    ]),
  );
  if (a.birdSeason) rows.push([lang === 'zh' ? '观鸟季' : 'Bird season', monthSpan(a.birdSeason)]);
  if (a.mustSee) rows.push([l.mustSee, l.yes]);
  if (a.description) rows.push([l.description, a.description]);
  if (a.note) rows.push([l.note, a.note]);

  const dayLines = days.map((d) => dayLineTty(d, out, l));
  return [
    `${style.bold(displayName(a, lang, 'tty'))}  ${style.dim(a.id)}`,
    ...labelled(rows, style.bold),
    '',
    style.bold(l.nextDays),
    ...dayLines.map((line) => '  ' + line),
    '',
    style.bold(l.facts),
    ...labelled(Object.keys(a.provenance).length > 0 ? factRows(a, catalogue, l, out) : provenanceRows(a.facts, l, out), style.bold),
  ].join('\n') + '\n';
}

/** The facts one row of the view shows: every price category, weekly and monthly closures. */
function shownFields(a: Attraction, field: string): string[] {
  if (field === 'price') return Object.keys(a.price).map((c) => `price.${c}`);
  if (field === 'closed') return ['closed', 'closed_nth', 'holidays'];
  return [field];
}

/** One row per fact: field, status (estimates in yellow), when checked, and its sources. */
function factRows(a: Attraction, catalogue: Catalogue, l: CatalogueLabels, out: ShowOutput): [string, string][] {
  const titles = new Map(catalogue.sources.map((s) => [s.id, s.url ? `${s.title} <${s.url}>` : s.title]));
  const rows: [string, string][] = [];
  for (const [field, fact] of Object.entries(a.provenance)) {
    const status = fact.status === 'confirmed' ? out.style.green(fact.status) : out.style.yellow(fact.status);
    rows.push([field, [status, fact.checked ? `${l.checked.toLowerCase()} ${fact.checked}` : '', fact.note ?? ''].filter(Boolean).join(' · ')]);
    for (const id of fact.sources) rows.push(['', out.style.dim(titles.get(id) ?? id)]);
  }
  return rows;
}

function dayLineTty(d: DayOpening, out: ShowOutput, l: CatalogueLabels): string {
  const weekday = (out.lang === 'zh' ? WEEKDAY_NAMES_ZH : WEEKDAY_NAMES)[d.weekday];
  const special =
    d.day.kind === 'holiday' ? out.style.cyan(`${l.holiday}${d.day.name ? ` (${d.day.name}${d.day.provisional ? `, ${l.provisional}` : ''})` : ''}`)
    : d.day.kind === 'workday' ? out.style.cyan(l.workday)
    : '';
  const hours = d.opening.open
    ? out.style.green(d.opening.intervals.map((i) => intervalText(i, l)).join(', '))
    : out.style.red(d.opening.detail);
  return [`${weekday} ${d.date}`, hours, special].filter(Boolean).join('  ');
}

function cityTty(city: City, attractions: readonly Attraction[], out: ShowOutput): string {
  const l = catalogueLabels(out.lang);
  const rows: [string, string][] = [
    [l.province, provinceName(city.province, out.lang)],
    [l.location, `${city.location.lat}, ${city.location.lon}`],
    [l.lodging, city.lodging ? l.yes : l.never],
    [l.attractions, attractions.map((a) => displayName(a, out.lang, 'tty')).join(', ') || '–'],
  ];
  if (city.note) rows.push([l.note, city.note]);
  return [`${out.style.bold(displayName(city, out.lang, 'tty'))}  ${out.style.dim(city.id)}`, ...labelled(rows, out.style.bold)].join('\n') + '\n';
}

function provenanceRows(facts: Provenance, l: CatalogueLabels, out: ShowOutput): [string, string][] {
  const rows: [string, string][] = [
    [l.checked, facts.checked ?? l.notRecorded],
    [l.estimates, facts.unconfirmed.length > 0 ? out.style.yellow(facts.unconfirmed.join(', ')) : l.never],
  ];
  facts.sources.forEach((s, i) => rows.push([i === 0 ? l.sources : '', s]));
  if (facts.sources.length === 0) rows.push([l.sources, l.notRecorded]);
  if (facts.note) rows.push([l.note, facts.note]);
  return rows;
}

/** "  Label   value" lines with the labels padded to one width. */
function labelled(rows: readonly [string, string][], bold: (s: string) => string): string[] {
  const width = Math.max(...rows.map(([label]) => cellWidth(label)));
  return rows.map(([label, value]) => `  ${bold(label)}${' '.repeat(width - cellWidth(label) + 2)}${value}`);
}

function cellWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

// ── pipe ────────────────────────────────────────────────────────────────────

function attractionPipe(a: Attraction, days: readonly DayOpening[], catalogue: Catalogue): string {
  const lines: string[][] = [
    ['id', a.id],
    ['name', a.name],
    ['name_zh', a.nameZh],
    ['city', a.city],
    ['themes', a.themes.join(',')],
    ['rating', a.rating],
    ['visit_min', String(a.visitMin)],
    ['reservation', a.reservation],
    ['must_see', String(a.mustSee)],
    ['lat', String(a.location.lat)],
    ['lon', String(a.location.lon)],
    ...catalogue.riderCategories.map((c) => ['price', c.id, formatMoney(a.price[c.id] ?? a.price[defaultCategory(catalogue)] ?? 0)]),
    ...a.hours.map((s) => ['hours', monthSpan(s.months), formatClock(s.openMin), formatClock(s.closeMin), s.lastEntryMin !== undefined ? formatClock(s.lastEntryMin) : '']),
    ['closed', a.closedWeekdays.join(',')],
    ...a.closedNth.map((c) => ['closed_nth', c.weekday, c.nth.join(',')]),
    ['holidays', a.holidays],
    ...a.closedDates.map((r) => ['closed_date', r.from, r.to]),
    ...a.priceSeasons.flatMap((ps) => catalogue.riderCategories.map((c) => ['price_season', monthSpan(ps.months), c.id, formatMoney(ps.price[c.id] ?? ps.price[defaultCategory(catalogue)] ?? 0)])),
    ...days.map((d) =>
      d.opening.open
        ? ['day', d.date, 'open', d.opening.intervals.map((i) => `${formatClock(i.openMin)}-${formatClock(i.closeMin)}`).join(','), d.day.kind]
        : ['day', d.date, 'closed', d.opening.reason, d.day.kind],
    ),
    ['checked', a.facts.checked ?? ''],
    ['unconfirmed', [...new Set([...a.facts.unconfirmed, ...estimatesAmong(a, Object.keys(a.provenance)).map((f) => f.split('.')[0]!)])].join(',')],
    ...Object.entries(a.provenance).map(([field, f]) => ['fact', field, f.status, f.checked ?? '', f.sources.join(',')]),
    ...a.facts.sources.map((s) => ['source', s]),
  ];
  return lines.map((cells) => cells.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t') + '\n').join('');
}

function cityPipe(city: City, attractions: readonly Attraction[]): string {
  const lines: string[][] = [
    ['id', city.id],
    ['name', city.name],
    ['name_zh', city.nameZh],
    ['province', city.province],
    ['lat', String(city.location.lat)],
    ['lon', String(city.location.lon)],
    ['lodging', String(city.lodging)],
    ...attractions.map((a) => ['attraction', a.id]),
  ];
  return lines.map((cells) => cells.join('\t') + '\n').join('');
}

// ── JSON ────────────────────────────────────────────────────────────────────

export function showJson(result: ShowResult, catalogue: Catalogue): unknown {
  if (result.kind === 'city') {
    const c = result.city;
    return {
      schemaVersion: 1,
      kind: 'yangtze.city',
      city: {
        id: c.id,
        name: c.name,
        nameZh: c.nameZh,
        province: c.province,
        location: { lat: c.location.lat, lon: c.location.lon },
        lodging: c.lodging,
        attractions: result.attractions.map((a) => a.id),
        ...(c.note !== undefined ? { note: c.note } : {}),
      },
    };
  }
  const a = result.attraction;
  return {
    schemaVersion: 1,
    kind: 'yangtze.attraction',
    currency: catalogue.currency,
    attraction: {
      id: a.id,
      name: a.name,
      nameZh: a.nameZh,
      city: a.city,
      location: { lat: a.location.lat, lon: a.location.lon },
      themes: a.themes,
      rating: a.rating,
      visitMin: a.visitMin,
      hours: a.hours.map((s) => ({
        months: s.months,
        open: formatClock(s.openMin),
        close: formatClock(s.closeMin),
        lastEntry: s.lastEntryMin !== undefined ? formatClock(s.lastEntryMin) : null,
      })),
      closed: a.closedWeekdays,
      holidays: a.holidays,
      closedDates: a.closedDates.map((r) => ({ from: r.from, to: r.to })),
      price: a.price,
      reservation: a.reservation,
      mustSee: a.mustSee,
      description: a.description ?? null,
      note: a.note ?? null,
      // added with per-fact provenance (issue 13): after the original keys
      closedNth: a.closedNth,
      priceSeasons: a.priceSeasons.map((ps) => ({ months: ps.months, price: ps.price })),
      access: a.access,
      birdSeason: a.birdSeason ?? null,
    },
    days: result.days.map((d) => ({
      date: d.date,
      weekday: d.weekday,
      dayKind: d.day.kind,
      holiday: d.day.name ?? null,
      ...(d.day.provisional ? { holidayProvisional: true } : {}),
      open: d.opening.open,
      intervals: d.opening.open
        ? d.opening.intervals.map((i) => ({
            open: formatClock(i.openMin),
            close: formatClock(i.closeMin),
            lastEntry: i.lastEntryMin !== undefined ? formatClock(i.lastEntryMin) : null,
          }))
        : [],
      reason: d.opening.open ? null : d.opening.reason,
      detail: d.opening.open ? null : d.opening.detail,
    })),
    facts: {
      checked: a.facts.checked ?? null,
      // the older per-item block, plus the fields whose per-fact provenance is an estimate or an assumption
      unconfirmed: [...new Set([...a.facts.unconfirmed, ...estimatesAmong(a, Object.keys(a.provenance)).map((f) => f.split('.')[0]!)])],
      sources: a.facts.sources,
      note: a.facts.note ?? null,
    },
    provenance: Object.entries(a.provenance).map(([field, f]) => ({
      field,
      status: f.status,
      checked: f.checked ?? null,
      note: f.note ?? null,
      sources: f.sources.map((id) => {
        const src = catalogue.sources.find((x) => x.id === id);
        return { id, title: src?.title ?? null, url: src?.url ?? null, published: src?.published ?? null };
      }),
    })),
  };
}

// ── wording ─────────────────────────────────────────────────────────────────

function seasonText(s: Season): string {
  const last = s.lastEntryMin !== undefined ? ` (last entry ${formatClock(s.lastEntryMin)})` : '';
  return `${monthSpan(s.months)} ${formatClock(s.openMin)}–${formatClock(s.closeMin)}${last}`;
}

function intervalText(i: OpeningInterval, l: CatalogueLabels): string {
  const last = i.lastEntryMin !== undefined ? `, ${l.lastEntry} ${formatClock(i.lastEntryMin)}` : '';
  return `${formatClock(i.openMin)}–${formatClock(i.closeMin)}${last}`;
}

function closedText(a: Attraction, l: CatalogueLabels): string {
  const parts: string[] = [];
  if (a.closedWeekdays.length > 0) {
    parts.push(a.closedWeekdays.join(', ') + (a.holidays === 'open' ? ` (${l.exceptHolidays})` : ''));
  }
  for (const c of a.closedNth) parts.push(`${c.weekday} #${c.nth.map((n) => (n === -1 ? 'last' : String(n))).join(',')}` + (a.holidays === 'open' ? ` (${l.exceptHolidays})` : ''));
  if (a.holidays === 'closed') parts.push(l.onHolidays);
  return parts.join('; ') || l.never;
}

function rangeText(r: DateRange): string {
  return r.from === r.to ? r.from : `${r.from}..${r.to}`;
}

function priceText(a: Attraction, catalogue: Catalogue, l: CatalogueLabels): string {
  const base = defaultCategory(catalogue);
  const parts = catalogue.riderCategories.map((c) => {
    const amount = a.price[c.id] ?? a.price[base] ?? 0;
    return `${c.id} ${amount === 0 ? l.free : formatMoney(amount)}`;
  });
  return `${parts.join(' · ')} ${catalogue.currency}`;
}
