// Research records (catalogue/research/*.yaml, format: catalogue/research/README.md) applied on
// top of the generated catalogue, field by field: a record's value replaces the fact sheet's, and
// its status/source/checked/note become that field's provenance.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { clean, weaker } from './sources.mjs';

// OSM opening_hours strings are checked with the loader's own parser (built into dist/ by `npm run build`).
const osmParser = await import('../../dist/src/io/osm-opening-hours.js').catch(() => undefined);

const STATUSES = new Set(['confirmed', 'estimate', 'assumed']);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Every record of every research file, with where it was written, and the new entities. */
export function loadResearch(dir) {
  const records = [];
  const fresh = { cities: [], attractions: [], links: [], passes: [], cruises: [] };
  const warnings = [];
  // Files that do not parse: the generator refuses to run, because skipping one would silently
  // drop every fact in it (a single unclosed quote once reverted all of hubei.yaml).
  const unreadable = [];
  let files = [];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return { records, fresh, warnings, files, unreadable };
  }
  for (const file of files) {
    const doc = YAML.parseDocument(readFileSync(join(dir, file), 'utf8'));
    if (doc.errors.length) {
      unreadable.push({ file, message: doc.errors[0].message.split('\n')[0] });
      continue;
    }
    const data = doc.toJS() ?? {};
    const take = (list, where) =>
      (list ?? []).forEach((r, i) => {
        const at = `${file} ${where}[${i}] (${r?.id}.${r?.field})`;
        if (!r || typeof r.id !== 'string' || typeof r.field !== 'string') return warnings.push(`${at}: no id or field, skipped`);
        let status = r.status;
        if (!STATUSES.has(status)) {
          warnings.push(`${at}: status "${status}" is not confirmed/estimate/assumed; taken as estimate`);
          status = 'estimate';
        }
        const src = r.source && typeof r.source === 'object' && (r.source.url || r.source.title) ? r.source : undefined;
        if (status === 'confirmed' && (!src || !r.checked)) {
          warnings.push(`${at}: confirmed without ${src ? 'a checked date' : 'a source'}; taken as estimate`);
          status = 'estimate';
        }
        records.push({ ...r, status, source: src, checked: r.checked ? String(r.checked) : undefined, at, file });
      });
    take(data.facts, 'facts');
    for (const kind of Object.keys(fresh)) {
      for (const entity of data.new?.[kind] ?? []) {
        fresh[kind].push({ ...entity, file });
        take(entity.facts?.map((f) => ({ id: entity.id, ...f })), `new.${kind}.${entity.id}.facts`);
      }
    }
  }
  return { records, fresh, warnings, files, unreadable };
}

/** A pass valid N days (`{ days: 7, starts: issue-date }`) → the catalogue's consecutive-days validity, else undefined. */
export function passValidity(v) {
  if (!v || typeof v !== 'object' || !Number.isInteger(v.days) || v.days < 1) return undefined;
  return { kind: 'consecutive-days', days: v.days, starts: ['first-use', 'issue-date', 'fixed-date'].includes(v.starts) ? v.starts : 'first-use' };
}

/** The fact of one record, sources as source objects (the registry names them at output). */
export function factOf(r) {
  return clean({
    status: r.status,
    sources: r.source ? [{ title: r.source.title ?? r.source.url, url: r.source.url ?? undefined, published: r.source.published, titled: !!r.source.title }] : [],
    checked: r.checked,
    note: [r.note, r.value?.note, r.value?.how].filter((x) => typeof x === 'string' && x).join(' ') || undefined,
  });
}

/** Several records behind one field (seasons of hours or prices): the weakest status, all sources, the newest check. */
function mergeFacts(facts) {
  return clean({
    status: facts.map((f) => f.status).reduce(weaker),
    sources: facts.flatMap((f) => f.sources),
    checked: facts.map((f) => f.checked).filter(Boolean).sort().at(-1),
    note: [...new Set(facts.map((f) => f.note).filter(Boolean))].join(' ') || undefined,
  });
}

/**
 * "04-01..10-31" → [4..10]. A month belongs to the season that covers its 15th, so a season
 * split mid-month ("03-16..11-14") gives the boundary months to the other season.
 */
export function seasonMonths(text) {
  const m = /^(\d{2})-(\d{2})\.\.(\d{2})-(\d{2})$/.exec(String(text ?? ''));
  if (!m) return undefined;
  const [a, b] = [Number(m[1]) * 100 + Number(m[2]), Number(m[3]) * 100 + Number(m[4])];
  const inside = (md) => (a <= b ? md >= a && md <= b : md >= a || md <= b);
  const months = [];
  for (let month = 1; month <= 12; month++) if (inside(month * 100 + 15)) months.push(month);
  return months.length ? months : undefined;
}

export function monthsText(months) {
  if (months.length === 12) return undefined;
  const sorted = [...months].sort((x, y) => x - y);
  // one contiguous (possibly wrapping) run → "Apr-Oct"; else the list
  const start = sorted.find((m) => !sorted.includes(m === 1 ? 12 : m - 1));
  if (start !== undefined) {
    let end = start;
    while (sorted.includes((end % 12) + 1) && (end % 12) + 1 !== start) end = (end % 12) + 1;
    const span = ((end - start + 12) % 12) + 1;
    if (span === sorted.length) {
      const name = (x) => MONTHS[x - 1][0].toUpperCase() + MONTHS[x - 1].slice(1);
      return start === end ? [start] : `${name(start)}-${name(end)}`;
    }
  }
  return sorted;
}

function minutesText(n) {
  const h = Math.floor(n / 60);
  const m = n % 60;
  return `${h ? h + 'h' : ''}${m ? m + 'm' : ''}` || '0m';
}
const minutesOf = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

const REASON = (r, why) => `${r.at}: ${why}`;

/**
 * The file where coordinates are tested against each other (WGS-84 references, their GCJ-02 and
 * BD-09 images, the distance to the entrance). A site's point is otherwise the last record in file
 * order, so a regional file sorted after it (hubei.yaml, hunan.yaml) would silently undo a point
 * corrected here; its coords records therefore win, and the others are logged as superseded.
 */
export const COORDS_FILE = 'coords.yaml';

function coordsFileFirst(field, rs, skipped) {
  if (field !== 'coords' || !rs.some((r) => r.file === COORDS_FILE) || rs.every((r) => r.file === COORDS_FILE)) return rs;
  for (const r of rs) if (r.file !== COORDS_FILE) skipped.push(REASON(r, `superseded by the ${COORDS_FILE} record`));
  return rs.filter((r) => r.file === COORDS_FILE);
}

/**
 * Applies the records to the generated items. Items carry `_prov` (field → fact). Returns what
 * was applied and what was not (unknown ids, fields this generator does not model), for the log.
 */
export function applyResearch(records, items, ctx) {
  const applied = [];
  const skipped = [];
  const byTarget = new Map();
  for (const r of records) {
    const id = ctx.aliases.get(r.id) ?? r.id;
    const target = items.attractions.get(id) ?? items.links.get(id) ?? items.cities.get(id) ?? items.passes.get(id);
    if (!target) {
      skipped.push(REASON(r, `no catalogue item "${r.id}"`));
      continue;
    }
    const key = `${id}\u0000${r.field}`;
    if (!byTarget.has(key)) byTarget.set(key, { target, kind: target._kind, records: [] });
    byTarget.get(key).records.push(r);
  }
  for (const entry of byTarget.values()) {
    const { target, kind } = entry;
    const field = entry.records[0].field;
    if (kind === 'attraction' && field === 'mandatory_extras') continue; // applied after the prices, below
    const rs = coordsFileFirst(field, entry.records, skipped);
    const handler = HANDLERS[kind]?.[field];
    if (!handler) {
      const noted = NOTE_FIELDS.has(field);
      for (const r of rs) {
        if (noted) appendNote(target, noteText(r));
        skipped.push(REASON(r, noted ? `field ${field} added to the note (not modelled)` : `field ${field} is not modelled for a ${kind}`));
      }
      continue;
    }
    const why = handler(target, rs, ctx);
    if (typeof why === 'string') skipped.push(...rs.map((r) => REASON(r, why)));
    else applied.push(...rs.map((r) => r.at));
  }
  // After the prices: a charge nobody can avoid (the dam's sightseeing bus) is part of what a visit costs.
  for (const { target, kind, records: rs } of byTarget.values()) {
    if (kind !== 'attraction' || rs[0].field !== 'mandatory_extras') continue;
    for (const r of rs) {
      const why = addMandatoryExtra(target, r, ctx);
      if (why) skipped.push(REASON(r, why));
      else applied.push(r.at);
    }
  }
  return { applied, skipped };
}

/**
 * Adds a mandatory extra (`adult_cny`) to every category's price — such buses and ferries give
 * no concessions — and says so in each price's provenance; its status is the weaker of the two.
 * A category the price leaves out is first priced by the catalogue's discount rule on the
 * admission alone: the loader would otherwise take its share of admission + extra (a child
 * at the Three Gorges Tribe would pay half of 210 = 105 instead of half of 150 + 60 = 135).
 */
function addMandatoryExtra(t, r, ctx) {
  const amount = r.value?.adult_cny;
  if (!(typeof amount === 'number' && amount > 0)) return 'mandatory_extras without adult_cny';
  deriveByRules(t, ctx);
  const add = (table) => Object.fromEntries(Object.entries(table).map(([c, v]) => [c, Math.round((v + amount) * 100) / 100]));
  t.price = add(t.price);
  if (t.price_seasons) t.price_seasons = t.price_seasons.map((ps) => ({ ...ps, price: add(ps.price) }));
  const extra = factOf(r);
  const what = `Includes ${amount} CNY for ${r.value.what ?? 'a mandatory extra'} (no concessions).`;
  for (const key of Object.keys(t.price).map((c) => `price.${c}`)) {
    const f = t._prov[key] ?? { status: 'estimate', sources: [], note: 'Admission itself not sourced.' };
    t._prov[key] = { ...f, status: weaker(f.status, extra.status), sources: [...f.sources, ...extra.sources], note: [f.note, what].filter(Boolean).join(' ') };
  }
  appendNote(t, `Price includes ${r.value.what ?? 'a mandatory extra'} (${amount} CNY).`);
}

const PAYS_PERCENT = { free: 0, half: 50, full: 100 };

/** Categories missing from an attraction's price, priced by the attraction discount rules (status of the rule). */
function deriveByRules(t, ctx) {
  const full = t.price?.[ctx.defaultId];
  if (typeof full !== 'number') return;
  const derive = (table) => {
    const out = { ...table };
    const admission = table[ctx.defaultId];
    if (typeof admission !== 'number') return out;
    for (const c of ctx.categories ?? []) {
      if (c in out) continue;
      const rule = (ctx.rules ?? []).find((x) => x.category === c && (x.applies_to ?? []).includes('attractions'));
      const pct = rule ? (PAYS_PERCENT[rule.pays] ?? rule.pays) : undefined;
      if (Number.isInteger(pct)) out[c] = Math.round(admission * pct) / 100;
    }
    return out;
  };
  const before = new Set(Object.keys(t.price));
  t.price = derive(t.price);
  for (const c of Object.keys(t.price)) {
    if (before.has(c)) continue;
    const rule = ctx.rules.find((x) => x.category === c && (x.applies_to ?? []).includes('attractions'));
    setProv(t, `price.${c}`, clean({
      status: rule.status ?? 'assumed',
      sources: rule.source ? [{ title: rule.source.title ?? rule.source.url, url: rule.source.url ?? undefined, published: rule.source.published, titled: !!rule.source.title }] : [],
      checked: rule.checked ? String(rule.checked) : undefined,
      note: `Admission by the discount rule (${c} pays ${rule.pays}): ${rule.rule}`,
    }));
  }
  if (t.price_seasons) t.price_seasons = t.price_seasons.map((ps) => ({ ...ps, price: derive(ps.price) }));
}

/** Fields shown to agents as a note rather than modelled: extra charges, access rules, notices. */
const NOTE_FIELDS = new Set(['access_rule', 'seasonal_hours_rule', 'night_hours', 'closed_dates']);

function noteText(r) {
  const v = r.value ?? {};
  const status = r.status === 'confirmed' ? '' : ` (${r.status})`;
  if (r.field === 'mandatory_extras') return `Extra charge${status}: ${v.what ?? 'extra'}${v.adult_cny !== undefined ? ` ${v.adult_cny} CNY` : ''}${v.note ? ` (${v.note})` : ''}.`;
  if (r.field === 'seasonal_hours_rule') return `Hours by notice${status}: ${v.rule ?? ''}${v.season ? ` (${v.season})` : ''}.`;
  if (r.field === 'night_hours') return `Night session${status}: ${v.open}-${v.close}${v.last_entry ? `, last entry ${v.last_entry}` : ''}${v.weekdays ? ` (${v.weekdays.join(', ')})` : ''}.`;
  if (r.field === 'access_rule') return `Access${status}: ${v.rule ?? ''}${v.bus_fare_cny !== undefined ? ` (bus ${v.bus_fare_cny} CNY)` : ''}.`;
  if (r.field === 'closed_dates') return `Dated notice${status}: ${v.rule ?? ''} (${Array.isArray(v.dates) ? v.dates.join(', ') : v.dates}).`;
  return '';
}

function appendNote(target, text) {
  if (!text) return;
  target.note = target.note ? `${target.note} ${text}` : text;
}

function setProv(target, field, fact) {
  target._prov[field] = fact;
}

/** Amounts per category; an exact amount in fen (`adult_fen: 16450`) wins over a rounded yuan one. */
function priceTable(value, categories) {
  const out = {};
  for (const c of categories) {
    if (Number.isInteger(value?.[`${c}_fen`])) out[c] = value[`${c}_fen`] / 100;
    else if (typeof value?.[c] === 'number') out[c] = value[c];
  }
  return out;
}

/** A `season` record ({ months: "11..03" }) as a month range on `field`. */
function setSeason(t, rs, field) {
  const r = rs.at(-1);
  const m = /^(\d{2})\.\.(\d{2})$/.exec(String(r.value?.months ?? ''));
  if (!m) return 'season months are not MM..MM';
  const months = [];
  for (let x = Number(m[1]); ; x = (x % 12) + 1) {
    months.push(x);
    if (x === Number(m[2])) break;
  }
  t[field] = monthsText(months);
  setProv(t, field, factOf(r));
}

const laterOf = (a, b) => (b !== undefined && minutesOf(b) > minutesOf(a) ? b : a);
const earlierOf = (a, b) => (b !== undefined && minutesOf(b) < minutesOf(a) ? b : a);

/**
 * Hours that the site's own notices shorten in part of the year, on dates that vary by year
 * (Orange Isle closes at 18:00 instead of 22:00 while the Xiang River stands high):
 * `{ open, close, by_notice: { open?, close, last_entry?, season: "06-01..08-31", rule, source?, status? } }`
 * on the site's only hours record. The notice season's months are planned with the window the
 * site is open in under BOTH the regular and the notice hours (the later opening, the earlier
 * close), so a visit planned inside it finds the site open whether or not a notice is in force;
 * the other months keep the regular hours. The fact rests on both statements: its status is the
 * weaker of the two, its sources both, and its note says which months are planned how and why.
 */
function hoursByNotice(t, rs) {
  if (rs.length > 1) return 'hours by notice (by_notice) must be the site\'s only hours record';
  const r = rs[0];
  const v = r.value ?? {};
  const n = v.by_notice ?? {};
  if (v.season !== undefined) return 'by_notice on a seasonal hours record (write the regular hours all year)';
  for (const x of [v.open, v.close, n.close, ...(n.open === undefined ? [] : [n.open])]) if (!HHMM.test(x ?? '')) return `hours ${x} are not HH:MM`;
  const months = seasonMonths(n.season);
  if (!months) return `by_notice season "${n.season}" is not MM-DD..MM-DD`;
  if (months.length === 12) return 'by_notice season covers the whole year (write those hours as the regular ones)';
  const others = [...Array(12).keys()].map((m) => m + 1).filter((m) => !months.includes(m));
  const regularLast = HHMM.test(v.last_entry ?? '') && v.last_entry !== v.close ? v.last_entry : undefined;
  const open = laterOf(v.open, n.open);
  const close = earlierOf(v.close, n.close);
  if (minutesOf(open) >= minutesOf(close)) return `hours by notice leave no window (${open}-${close})`;
  const noticeLast = [regularLast, HHMM.test(n.last_entry ?? '') ? n.last_entry : undefined].filter(Boolean).reduce((a, b) => earlierOf(a, b), close);
  t.hours = [
    clean({ months: monthsText(others), open: v.open, close: v.close, last_entry: regularLast }),
    clean({ months: monthsText(months), open, close, last_entry: noticeLast !== close ? noticeLast : undefined }),
  ];
  const notice = factOf({ status: STATUSES.has(n.status) ? n.status : n.status === undefined ? r.status : 'estimate', source: n.source ?? r.source, checked: n.checked ?? r.checked });
  const planned = `${monthsText(months)} planned ${open}-${close}: the window open under both the regular hours (${v.open}-${v.close}) and the hours set by notice (${n.open ?? v.open}-${n.close}${n.rule ? `: ${n.rule}` : ''}), because the notices' dates vary by year.`;
  const merged = mergeFacts([factOf(r), notice]);
  setProv(t, 'hours', { ...merged, note: [merged.note, planned].filter(Boolean).join(' ') });
}

const DEPARTURE = /^(?:[01]\d|2[0-3]):[0-5]\d(?:-(?:[01]\d|2[0-3]):[0-5]\d)?$/;

const HANDLERS = {
  attraction: {
    coords(t, rs) {
      const r = rs.at(-1);
      const v = r.value ?? {};
      if (typeof v.lat !== 'number' || typeof v.lon !== 'number') return 'coords without lat/lon';
      if (v.datum && String(v.datum).toUpperCase().replace('-', '') !== 'WGS84') return `datum ${v.datum} is not WGS-84`;
      t.location = { lat: Math.round(v.lat * 1e5) / 1e5, lon: Math.round(v.lon * 1e5) / 1e5 };
      setProv(t, 'location', { ...factOf(r), note: [v.at ? `WGS-84, at ${v.at}.` : 'WGS-84.', factOf(r).note].filter(Boolean).join(' ') });
    },
    hours(t, rs) {
      const osm = rs.find((r) => typeof r.value?.osm === 'string');
      if (osm) {
        if (!osmParser) return 'OSM hours need the built parser: run npm run build first';
        const parsed = osmParser.parseOsmHours(osm.value.osm);
        if (!parsed.ok) return `OSM hours not usable: ${parsed.message}`;
        t.hours = osm.value.osm;
        setProv(t, 'hours', factOf(osm));
        return;
      }
      if (rs.some((r) => r.value?.by_notice !== undefined)) return hoursByNotice(t, rs);
      const seasons = [];
      for (const r of rs) {
        const v = r.value ?? {};
        if (!HHMM.test(v.open ?? '') || !HHMM.test(v.close ?? '')) return `hours ${v.open}-${v.close} are not HH:MM`;
        const months = v.season === undefined ? undefined : seasonMonths(v.season);
        if (v.season !== undefined && !months) return `season "${v.season}" is not MM-DD..MM-DD`;
        const lastEntry = HHMM.test(v.last_entry ?? '') && v.last_entry !== v.close ? v.last_entry : undefined;
        seasons.push(clean({ months: months ? monthsText(months) : undefined, open: v.open, close: v.close, last_entry: lastEntry, weekdays: v.weekdays }));
      }
      if (seasons.length > 1 && seasons.some((s) => s.months === undefined)) return 'an all-year record next to seasonal ones';
      t.hours = seasons;
      setProv(t, 'hours', mergeFacts(rs.map(factOf)));
    },
    closed(t, rs) {
      const r = rs.at(-1);
      const v = r.value ?? {};
      const fact = factOf(r);
      t.closed = [...(v.weekly ?? [])];
      setProv(t, 'closed', fact);
      if (v.nth?.length) {
        t.closed_nth = v.nth.map((x) => ({ weekday: x.weekday, nth: x.n ?? x.nth }));
        setProv(t, 'closed_nth', fact);
      } else delete t.closed_nth;
      if (v.except_holidays !== undefined) {
        t.holidays = v.except_holidays ? 'open' : 'normal';
        setProv(t, 'holidays', fact);
      }
      if (v.also) appendNote(t, `Also closed: ${v.also}.`);
    },
    holiday_rule(t, rs) {
      const r = rs.at(-1);
      const v = r.value ?? {};
      if (v.open_on_holidays === true) t.holidays = 'open';
      else if (v.open_on_holidays === false) t.holidays = 'closed';
      else return 'holiday_rule without open_on_holidays';
      setProv(t, 'holidays', factOf(r));
    },
    price(t, rs, ctx) {
      const plain = rs.filter((r) => r.value?.season === undefined);
      const seasonal = rs.filter((r) => r.value?.season !== undefined);
      // Several all-year records may split the rider categories between them, so a confirmed adult
      // price and a child price read on one page only keep their own statuses; none may be stated twice.
      const plainTables = plain.map((r) => ({ r, price: priceTable(r.value, ctx.categories) }));
      const owner = {};
      for (const x of plainTables) {
        for (const c of Object.keys(x.price)) {
          if (owner[c]) return `several all-year prices state ${c}`;
          owner[c] = x.r;
        }
      }
      if (plain.length > 1 && !owner[ctx.defaultId]) return `several all-year prices and none states ${ctx.defaultId}`;
      const tables = seasonal.map((r) => ({ r, months: seasonMonths(r.value.season), price: priceTable(r.value, ctx.categories) }));
      if (tables.some((x) => !x.months)) return 'a price season that is not MM-DD..MM-DD';
      let base;
      let baseRecord;
      if (plain.length) {
        base = Object.assign({}, ...plainTables.map((x) => x.price));
        baseRecord = owner[ctx.defaultId] ?? plain[0];
      } else {
        // No all-year price: the dearest season is the base (planning stays conservative), the others are price_seasons.
        tables.sort((x, y) => (y.price[ctx.defaultId] ?? 0) - (x.price[ctx.defaultId] ?? 0));
        const top = tables.shift();
        base = top.price;
        baseRecord = top.r;
      }
      if (base[ctx.defaultId] === undefined) return `no ${ctx.defaultId} price`;
      // Categories the record leaves out keep the fact sheet's price while the full price is unchanged;
      // after a change they are stale, and the discount rules price them instead.
      const keep = t.price?.[ctx.defaultId] === base[ctx.defaultId];
      for (const key of Object.keys(t._prov)) {
        const category = key.slice('price.'.length);
        if (key.startsWith('price.') && (!keep || category in base)) delete t._prov[key];
      }
      t.price = keep ? { ...t.price, ...base } : base;
      for (const c of Object.keys(base)) setProv(t, `price.${c}`, factOf(owner[c] ?? baseRecord));
      if (tables.length) {
        t.price_seasons = tables.map((x) => ({ months: monthsText(x.months), price: x.price }));
        setProv(t, 'price_seasons', mergeFacts(tables.map((x) => factOf(x.r))));
      } else delete t.price_seasons;
    },
    discounts(t, rs) {
      const r = rs.at(-1);
      const v = r.value ?? {};
      const text = ['child', 'senior', 'student', 'other'].filter((k) => typeof v[k] === 'string').map((k) => `${k}: ${v[k]}`).join('; ');
      setProv(t, 'discounts', { ...factOf(r), note: [text, factOf(r).note].filter(Boolean).join('. ') });
    },
    reservation(t, rs) {
      const r = rs.at(-1);
      const v = r.value ?? {};
      t.reservation = v.required === true ? 'required' : /recommend/i.test(v.how ?? '') ? 'recommended' : v.required === false ? 'none' : t.reservation;
      setProv(t, 'reservation', factOf(r));
    },
    // a wetland's wintering-bird season
    season: (t, rs) => setSeason(t, rs, 'bird_season'),
    visit_minutes(t, rs) {
      const r = rs.at(-1);
      const n = r.value?.typical;
      if (!(Number.isInteger(n) && n > 0)) return 'visit_minutes without a whole typical';
      t.visit = minutesText(n);
      setProv(t, 'visit', factOf(r));
    },
    // the paid area this site lies inside (its ticket admits to it): value { attraction: lushan-national-park, rule: "…" }
    within(t, rs) {
      const r = rs.at(-1);
      const id = typeof r.value === 'string' ? r.value : r.value?.attraction;
      if (typeof id !== 'string' || id === '') return 'within without the id of the enclosing attraction';
      t.within = id;
      setProv(t, 'within', factOf(r));
    },
    // whether a visit must end by sunset: value { required: true } (an outdoor site: mountain, lake, wetland, gorge)
    // or { required: false } (a night-view site); set from the site's nature, with a note saying what it is
    daylight(t, rs) {
      const r = rs.at(-1);
      const v = r.value?.required;
      if (typeof v !== 'boolean') return 'daylight without required: true | false';
      t.daylight = v ? 'required' : 'any';
      setProv(t, 'daylight', factOf(r));
    },
    // the time of day the sight is at (a facade lit 18:00-22:00): value { from: "18:00", to: "22:00" }
    best_time(t, rs) {
      const r = rs.at(-1);
      const { from, to } = r.value ?? {};
      if (!HHMM.test(from ?? '') || !HHMM.test(to ?? '')) return 'best_time without from and to as "HH:MM"';
      t.best_time = { from, to };
      setProv(t, 'best_time', factOf(r));
    },
    // fixed sailings: value { times: ["12:30", "15:00", "19:00-20:30"] } (a span = boats leaving in turn, headway not published)
    departures(t, rs) {
      const r = rs.at(-1);
      const times = Array.isArray(r.value) ? r.value : r.value?.times;
      if (!Array.isArray(times) || times.length === 0 || !times.every((x) => typeof x === 'string' && DEPARTURE.test(x))) {
        return 'departures without times as "HH:MM" or "HH:MM-HH:MM"';
      }
      t.departures = [...times];
      setProv(t, 'departures', factOf(r));
    },
    // where a run of departures boards, when a source names a pier away from the site's point:
    // value { piers: [{ departures: "19:00-20:30", name: "Hankou Yuehan pier", name_zh: "汉口粤汉码头" }] }
    piers(t, rs) {
      const r = rs.at(-1);
      const piers = Array.isArray(r.value) ? r.value : r.value?.piers;
      if (!Array.isArray(piers) || piers.length === 0 || !piers.every((p) => typeof p?.departures === 'string' && DEPARTURE.test(p.departures) && typeof p.name === 'string' && p.name !== '')) {
        return 'piers without departures as "HH:MM" or "HH:MM-HH:MM" and a name';
      }
      t.piers = piers.map((p) => ({ departures: p.departures, name: p.name, ...(p.name_zh ? { name_zh: p.name_zh } : {}) }));
      setProv(t, 'piers', factOf(r));
    },
    // a product that takes the party to other catalogue sites (the Two Dams One Gorge boat: the dam and Xiling Gorge):
    // value { ids: [three-gorges-dam, xiling-gorge-scenic-area] }
    includes(t, rs) {
      const r = rs.at(-1);
      const ids = Array.isArray(r.value) ? r.value : r.value?.ids;
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every((x) => typeof x === 'string' && x !== '')) {
        return 'includes without the ids of the included attractions';
      }
      t.includes = [...ids];
      setProv(t, 'includes', factOf(r));
    },
  },
  link: {
    fare(t, rs, ctx) {
      const r = rs.at(-1);
      const table = priceTable(r.value, ctx.categories);
      if (!(table[ctx.defaultId] > 0)) return `no ${ctx.defaultId} fare`;
      t.fare = table[ctx.defaultId];
      delete table[ctx.defaultId];
      t.fares = Object.keys(table).length ? table : undefined;
      setProv(t, 'fare', factOf(r));
      for (const c of Object.keys(table)) setProv(t, `fares.${c}`, factOf(r));
    },
    duration_minutes(t, rs) {
      const r = rs.at(-1);
      const n = typeof r.value === 'number' ? r.value : r.value?.typical;
      if (!(Number.isInteger(n) && n > 0)) return 'duration_minutes is not a whole number';
      t.duration = minutesText(n);
      setProv(t, 'duration', factOf(r));
    },
    drive_minutes(t, rs) {
      return HANDLERS.link.duration_minutes(t, rs);
    },
    // when a link runs (a high-water boat)
    season: (t, rs) => setSeason(t, rs, 'months'),
    timetable(t, rs) {
      const r = rs.at(-1);
      const v = r.value ?? {};
      if (v.first !== undefined && !HHMM.test(v.first)) return `first ${v.first} is not HH:MM`;
      if (v.last !== undefined && !HHMM.test(v.last)) return `last ${v.last} is not HH:MM`;
      if (t.departures && (v.first || v.last)) delete t.departures;
      if (v.first) t.first = v.first;
      if (v.last) t.last = v.last;
      if (Number.isInteger(v.per_day)) {
        t.per_day = v.per_day;
        // Typical headway from the day's span and count; trains are not evenly spaced, so it is a planning figure.
        if (t.first && t.last && v.per_day > 1) t.every = minutesText(Math.max(5, Math.floor((minutesOf(t.last) - minutesOf(t.first)) / (v.per_day - 1))));
      }
      if (v.from_station || v.to_station) t.stations = clean({ from: v.from_station ?? '', to: v.to_station ?? '' });
      setProv(t, 'timetable', factOf(r));
      if (Number.isInteger(v.duration_minutes) && v.duration_minutes > 0 && !t._prov.duration) {
        t.duration = minutesText(v.duration_minutes);
        setProv(t, 'duration', factOf(r));
      }
    },
  },
  city: {
    coords(t, rs) {
      return HANDLERS.attraction.coords(t, rs);
    },
  },
  pass: {
    // how long a pass is valid: { days: 7, starts: issue-date } (a scenic area's multi-day ticket)
    validity(t, rs) {
      const r = rs.at(-1);
      const validity = passValidity(r.value);
      if (!validity) return 'validity without whole days';
      t.validity = validity;
      setProv(t, 'validity', factOf(r));
    },
    price(t, rs, ctx) {
      const r = rs.at(-1);
      const table = priceTable(r.value, ctx.categories);
      if (table[ctx.defaultId] === undefined) return `no ${ctx.defaultId} price`;
      t.price = table;
      setProv(t, 'price', factOf(r));
    },
  },
};
