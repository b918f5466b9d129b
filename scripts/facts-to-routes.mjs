#!/usr/bin/env node
// Generates routes.yaml (the shipped catalogue, design/CATALOGUE.md) from
//   catalogue/facts.yaml             the base fact sheet with sources (copied from the shared notes)
//   catalogue/research/*.yaml        sourced per-field fact records, applied on top (they win)
//   scripts/curated.yaml             conservative picks, routes and SAMPLE passes
// (catalogue/MAINTAINING.md says how these are kept.)
// and checks the result.
//
//   node scripts/facts-to-routes.mjs            regenerate routes.yaml, then check it
//   node scripts/facts-to-routes.mjs --check    only check the existing routes.yaml
//   options: --facts FILE  --curated FILE  --out FILE
//
// Plain ESM, no build step; uses the `yaml` package of the project.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { applyResearch, loadResearch, passValidity } from './catalogue/research.mjs';
import { cruiseProducts } from './catalogue/cruises.mjs';
import { baseProvenance, writeProvenance } from './catalogue/provenance.mjs';
import { SourceRegistry } from './catalogue/sources.mjs';
import { ratesSection } from './rates-section.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const factsFile = resolve(opt('--facts', resolve(root, 'catalogue/facts.yaml')));
const curatedFile = resolve(opt('--curated', resolve(root, 'scripts/curated.yaml')));
const researchDir = resolve(opt('--research', resolve(root, 'catalogue/research')));
const outFile = resolve(opt('--out', resolve(root, 'routes.yaml')));
const checkOnly = args.includes('--check');

// ---------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutes = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function durationText(hours) {
  const total = Math.round(hours * 60);
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  return `${d ? d + 'd' : ''}${h ? h + 'h' : ''}${m ? m + 'm' : ''}` || '0m';
}
function parseDuration(s) {
  const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/.exec(String(s));
  if (!m || String(s) === '') return NaN;
  return (Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0);
}
function parseMonths(v) {
  if (v === undefined) return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  if (Array.isArray(v)) return v.map(Number);
  const m = /^([A-Za-z]{3})-([A-Za-z]{3})$/.exec(v);
  if (!m) return null;
  const a = MONTHS.indexOf(m[1].toLowerCase()) + 1;
  const b = MONTHS.indexOf(m[2].toLowerCase()) + 1;
  if (!a || !b) return null;
  const out = [];
  for (let x = a; ; x = (x % 12) + 1) {
    out.push(x);
    if (x === b) break;
  }
  return out;
}
const leadingTime = (s) => {
  const m = /^(\d{2}:\d{2})/.exec(String(s ?? ''));
  return m ? m[1] : undefined;
};
const kebab = (s) => s.replace(/_/g, '-').toLowerCase();
const uniq = (xs) => [...new Set(xs)];
// First sentence of a facts note; abbreviations like "c." "d." "i.e." do not end a sentence.
const firstSentence = (s) => {
  if (!s) return undefined;
  const text = s.replace(/\s+/g, ' ').trim();
  const parts = text.split(/(?<!\b(?:c|d|i\.e|e\.g|No|St|incl))\.\s+(?=[A-Z'])/);
  const first = parts[0].trim();
  return /[.!?]$/.test(first) ? first : first + '.';
};
const yearMonth = (d) => (d ? String(d).slice(0, 7) : undefined);
const hostOf = (url) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return String(url);
  }
};

// facts.yaml `unconfirmed` names -> catalogue field names
const FIELD_MAP = {
  coordinates: 'location', exact_coordinates: 'location',
  ticket: 'price', ticket_current: 'price', current_price: 'price', gate_prices_current: 'price',
  through_ticket_price: 'price', ticket_structure: 'price', ticket_explicit: 'price',
  free_entry_explicit: 'price', combined_ticket: 'price', scenic_ticket_current: 'price',
  bus_inclusion: 'price', concessions: 'price', concessions_current: 'price', child_policy: 'price',
  senior_age_threshold: 'price',
  hours: 'hours', hours_current: 'hours', current_hours: 'hours', exact_current_schedule: 'hours',
  seasonal_hours: 'hours', evening_hours: 'hours', schedule: 'hours',
  closed_weekly: 'closed', exact_closure_rule: 'closed',
  reservation: 'reservation', rating: 'rating',
};
// facts.yaml `unconfirmed` names that are about no catalogue field (mentioned in notes only)
const NOT_A_FIELD = new Set(['last_entry', 'last_entry_current', 'foreign_visitor_policy', 'transfer_bus_fare',
  'visitor_facilities', 'cherry_garden_price', 'addon_tickets', 'land_access_ticket']);

// ---------------------------------------------------------------------------------------
// Generate
// ---------------------------------------------------------------------------------------
function generate() {
  const facts = YAML.parse(readFileSync(factsFile, 'utf8'));
  const cur = YAML.parse(readFileSync(curatedFile, 'utf8'));
  const problems = [];
  const fail = (msg) => problems.push(msg);

  // The fact sheet as a whole was compiled when its newest dated source was read.
  const allDates = JSON.stringify(facts).match(/"date":"(\d{4}-\d{2})/g)?.map((s) => s.slice(-7)) ?? [];
  const compiled = allDates.sort().at(-1);

  const stripPrefix = (id) => {
    for (const p of cur.id_prefixes ?? []) if (id.startsWith(p)) return kebab(id.slice(p.length));
    return kebab(id);
  };
  const idMap = new Map(facts.attractions.map((a) => [a.id, stripPrefix(a.id)]));
  const attrId = (factsId) => {
    if (idMap.has(factsId)) return idMap.get(factsId);
    if ([...idMap.values()].includes(factsId)) return factsId;
    fail(`curated.yaml names unknown attraction ${factsId}`);
    return factsId;
  };
  const regionHub = new Map(facts.regions.map((r) => [r.id, r.hubs]));
  const coordsPool = facts.meta.main_sources.coords_pool;
  const coordsPoolTitle = `GitHub ${coordsPool.repo} ${coordsPool.path} (${coordsPool.as_of}): ${coordsPool.title}`;
  const coordsPoolSource = { title: coordsPoolTitle, url: `https://github.com/${coordsPool.repo}/blob/HEAD/${coordsPool.path}`, published: coordsPool.as_of, titled: true };
  const pageSource = (s) => ({ title: s.note ? `${hostOf(s.url)}: ${s.note}` : s.url, url: s.url, published: s.date ? String(s.date) : undefined });

  // ---- cities
  const cities = facts.cities.map((c) => {
    const unconfirmed = c.coord_quality === 'sourced' ? [] : ['location'];
    const sources = [];
    if (c.coord_quality === 'sourced') sources.push(coordsPoolTitle);
    else if (c.province === 'Jiangxi') sources.push(facts.meta.main_sources.jiangxi_city_coords.title);
    return {
      id: kebab(c.id),
      name: c.name_en,
      name_zh: c.name_zh,
      province: String(c.province).replace(/\s*\(.*\)$/, ''),
      location: { lat: c.lat, lon: c.lon },
      lodging: true,
      note: c.role,
      facts: clean({ checked: compiled, unconfirmed, sources, note: `Coordinates (${c.coord_quality.replace('_', ' ')}): ${c.coord_note}` }),
      _kind: 'city',
      _src: { location: c.coord_quality === 'sourced' ? [coordsPoolSource] : c.province === 'Jiangxi' ? [{ title: facts.meta.main_sources.jiangxi_city_coords.title }] : [] },
      _notes: { location: `Coordinates (${c.coord_quality.replace('_', ' ')}): ${c.coord_note}` },
    };
  });
  const cityIds = new Set(cities.map((c) => c.id));

  // ---- attractions
  const attractions = facts.attractions.map((a) => {
    const o = cur.attractions?.[a.id] ?? {};
    const unconfirmed = [];
    // fields set by a general rule (open-access daylight hours, the usual Monday closure)
    const assumed = [];
    const notes = [];
    const id = idMap.get(a.id);

    // city
    let city = cur.city_overrides?.[a.id]?.city;
    if (!city) {
      const hubs = regionHub.get(a.region) ?? [];
      if (hubs.length !== 1) fail(`${a.id}: region ${a.region} has ${hubs.length} hubs; add a city_overrides entry`);
      city = kebab(hubs[0] ?? '?');
    }
    if (!cityIds.has(city)) fail(`${a.id}: city ${city} is not a hub city`);

    // location
    if (a.coord_quality !== 'sourced' || (a.unconfirmed ?? []).some((u) => /coordinates/.test(u))) unconfirmed.push('location');

    // rating
    let rating = o.rating ?? (/^[543]A\b/.test(String(a.rating ?? '')) ? String(a.rating).slice(0, 2) : 'none');
    if (a.rating && !/^[543]A\b/.test(String(a.rating)) && !o.rating) unconfirmed.push('rating');

    // visit
    const visit = o.visit ?? durationText(a.visit_hours);
    if (/estimate/i.test(a.visit_hours_basis ?? '')) unconfirmed.push('visit');

    // hours
    let hours;
    const all = (a.hours ?? []);
    const allUnknown = all.every((h) => !leadingTime(h.open) && !leadingTime(h.close));
    if (o.hours === 'open-access') {
      hours = [{ ...cur.open_access_hours }];
      unconfirmed.push('hours');
      assumed.push('hours');
      notes.push('Open-access area: the hours are the daylight window assumed for planning.');
    } else if (o.hours) {
      hours = o.hours.map((h) => ({ ...h }));
    } else if (allUnknown) {
      hours = [{ ...cur.unknown_hours }];
      unconfirmed.push('hours');
    } else if (all.length === 1 && HHMM.test(all[0].open) && HHMM.test(all[0].close)) {
      const le = leadingTime(all[0].last_entry);
      hours = [clean({ open: all[0].open, close: all[0].close, last_entry: le && le !== all[0].close ? le : undefined })];
    } else {
      fail(`${a.id}: irregular hours in facts.yaml; add hours to curated.yaml`);
      hours = [{ ...cur.unknown_hours }];
    }
    if (allUnknown && o.hours && o.hours !== 'open-access') unconfirmed.push('hours');

    // weekly closing and holidays
    let closed = o.closed;
    let holidays = o.holidays;
    const cw = a.closed_weekly == null ? '' : String(a.closed_weekly);
    if (!closed) {
      if (!cw || /^no full closure/i.test(cw)) closed = [];
      else if (/^unconfirmed/i.test(cw)) {
        closed = [...cur.unknown_closed];
        unconfirmed.push('closed', 'holidays');
        assumed.push('closed', 'holidays');
        holidays ??= 'normal';
      } else if (/^(?:[\w ]+: )?Monday/i.test(cw)) closed = ['mon'];
      else fail(`${a.id}: weekly closing "${cw}" not understood; add closed to curated.yaml`);
    }
    if (!holidays) {
      if (/except (national |statutory )?(public )?holidays|open on statutory holidays|except national holidays|except statutory holidays/i.test(cw)) holidays = 'open';
      else holidays = 'normal';
    }
    if (closed.length === 0) holidays = 'normal';

    // price
    let price;
    if (o.price) price = { ...o.price };
    else if (typeof a.ticket_adult_cny === 'number') price = { adult: a.ticket_adult_cny };
    else fail(`${a.id}: no adult price in facts.yaml; add price to curated.yaml`);
    if (a.ticket_adult_cny == null) unconfirmed.push('price');
    const priceLike = (a.concessions ?? []).filter((x) => /free|half|price|CNY|reduced|%|unconfirmed/i.test(x));
    if (priceLike.length && !o.price) notes.push(`Concessions not modelled (these riders pay adult here): ${priceLike.join('; ')}.`);

    // reservation
    let reservation = o.reservation;
    if (!reservation) {
      const r = a.reservation == null ? '' : String(a.reservation);
      if (!r) reservation = 'none';
      else if (/^unconfirmed \((real-name|likely real-name)/i.test(r)) { reservation = 'required'; unconfirmed.push('reservation'); }
      else if (/^unconfirmed/i.test(r)) { reservation = 'recommended'; unconfirmed.push('reservation'); }
      else if (/^(required|reservation|real-name reservation|museum: required|museum: reservation)/i.test(r)) reservation = 'required';
      else if (/recommended|online booking/i.test(r)) reservation = 'recommended';
      else fail(`${a.id}: reservation "${r}" not understood`);
    }

    // provenance
    for (const u of a.unconfirmed ?? []) {
      if (FIELD_MAP[u]) unconfirmed.push(FIELD_MAP[u]);
      else if (!NOT_A_FIELD.has(u)) fail(`${a.id}: facts unconfirmed "${u}" has no field mapping`);
    }
    unconfirmed.push(...(o.unconfirmed ?? []));
    // a last entry the facts leave unconfirmed is left out: the visit must end by close.
    const sources = (a.sources ?? []).map((s) => s.url);
    if (/^coords pool/.test(a.coord_source ?? '') && !sources.some((s) => s.includes(coordsPool.repo))) sources.push(coordsPoolTitle);
    if (/fourthsteep-atlas/.test(a.coord_source ?? '')) sources.push(facts.meta.main_sources.junshan_point.title);
    const newest = (a.sources ?? []).map((s) => yearMonth(s.date)).filter(Boolean).sort().at(-1);
    const factsNote = [
      `facts.yaml id ${a.id}.`,
      o.basis,
      a.ticket_note && !/price|ticket|free|CNY|\b\d{2,3}\b/i.test(o.basis ?? '') ? `Price: ${a.ticket_note}` : undefined,
      newest ? `Newest dated source: ${newest}.` : 'No source gives a date.',
    ].filter(Boolean).join(' ');

    const note = [o.note, cur.city_overrides?.[a.id] ? `Listed under ${city}: ${cur.city_overrides[a.id].basis}.` : undefined, ...notes]
      .filter(Boolean).join(' ');

    return clean({
      id,
      name: a.name_en,
      name_zh: a.name_zh,
      city,
      location: { lat: a.lat, lon: a.lon },
      themes: a.themes,
      rating,
      visit,
      hours,
      closed: closed.length ? closed : undefined,
      holidays: closed.length ? holidays : undefined,
      closed_dates: o.closed_dates?.length ? o.closed_dates.map(String) : undefined,
      price,
      reservation,
      must_see: (cur.must_see ?? []).includes(a.id) ? true : undefined,
      description: o.description ?? firstSentence(a.notes),
      note: note || undefined,
      facts: clean({ checked: compiled, unconfirmed: uniq(unconfirmed), sources: uniq(sources), note: factsNote }),
      _kind: 'attraction',
      _factsId: a.id,
      _assumed: assumed,
      _basis: o.basis,
      _src: {
        all: (a.sources ?? []).map(pageSource),
        location: /^coords pool/.test(a.coord_source ?? '') ? [coordsPoolSource]
          : /fourthsteep-atlas/.test(a.coord_source ?? '') ? [{ title: facts.meta.main_sources.junshan_point.title }]
          : (a.sources ?? []).map(pageSource),
        rating: [coordsPoolSource],
      },
      _notes: { location: `Coordinates (${String(a.coord_quality).replace('_', ' ')}): ${a.coord_source ?? 'no source named'}.` },
    });
  });

  // ---- links
  const transport = new Map(facts.transport.map((t) => [t.id, t]));
  const links = (cur.links ?? []).map((l) => {
    const t = transport.get(l.transport);
    if (!t) fail(`link ${l.from}-${l.to}: unknown transport ${l.transport}`);
    const sources = (t?.sources ?? []).map((s) => s.url);
    return clean({
      from: l.from,
      to: l.to,
      mode: l.mode,
      oneway: l.oneway ? true : undefined,
      duration: l.duration,
      fare: l.fare,
      fares: l.fares,
      first: l.departures ? undefined : l.first,
      last: l.departures ? undefined : l.last,
      every: l.departures ? undefined : l.every,
      departures: l.departures,
      note: l.note,
      _kind: 'link',
      _transport: l.transport,
      _src: { all: (t?.sources ?? []).map(pageSource) },
      facts: clean({
        checked: compiled,
        unconfirmed: l.unconfirmed ?? [],
        sources,
        note: `facts.yaml transport ${l.transport}: ${t?.route ?? ''}. Time: ${t?.typical_time ?? '?'} (${t?.time_basis ?? '?'}). Fare: ${t?.typical_fare_cny ?? '?'} (${t?.fare_basis ?? '?'}).${/estimate/.test(String(t?.fare_basis)) ? ` Estimate rule: ${facts.fare_estimate_rule}` : ''}`,
      }),
    });
  });

  // ---- routes and passes (curated; attraction ids may be facts ids)
  const routes = (cur.routes ?? []).map((r) => clean({ ...r, attractions: r.attractions?.map(attrId) }));
  const passes = (cur.passes ?? []).map((p) => {
    const covers = {};
    for (const k of ['themes', 'cities', 'attractions', 'exclude']) {
      const v = p.covers?.[k] ?? [];
      covers[k] = k === 'attractions' || k === 'exclude' ? v.map(attrId) : v;
    }
    const validity = clean({ ...p.validity, start_date: p.validity.start_date ? String(p.validity.start_date) : undefined });
    return clean({ ...p, covers, validity, blackout: (p.blackout ?? []).map(String), _kind: 'pass' });
  });
  const holidays = (cur.holidays ?? []).map((h) => ({ ...h, date: String(h.date) }));

  // ---- provenance per fact, then the research records on top
  const categories = cur.rider_categories.map((r) => r.id);
  const defaultId = cur.rider_categories.find((r) => r.default)?.id ?? 'adult';
  for (const x of [...cities, ...attractions, ...links]) x._prov = baseProvenance(x, { compiled });
  for (const x of passes) x._prov = {};
  nameLinks(links);
  const research = loadResearch(researchDir);
  for (const u of research.unreadable) fail(`research file ${u.file} is not valid YAML (${u.message}); fix it - nothing is generated while a research file cannot be read`);
  const added = addNewEntities(research.fresh, { cities, attractions, links, passes, categories });
  const aliases = new Map([...idMap].map(([factsId, id]) => [factsId, id]));
  for (const l of links) if (l._transport && links.filter((m) => m._transport === l._transport).length === 1) aliases.set(l._transport, l.id);
  const byId = (list) => new Map(list.map((x) => [x.id, x]));
  const ruleRecords = research.records.filter((r) => r.field === 'fare_rule');
  const cruiseIds = new Set(research.fresh.cruises.map((e) => e.id));
  const report = applyResearch(research.records.filter((r) => r.field !== 'fare_rule' && !cruiseIds.has(r.id)), { cities: byId(cities), attractions: byId(attractions), links: byId(links), passes: byId(passes) }, { categories, defaultId, aliases, rules: cur.discount_rules ?? [] });
  const fareRules = ruleRecords.flatMap((r) => fareRuleOf(r, report));
  const complete = finishNewEntities(added, { cities, attractions, links, passes }, fail);
  report.skipped.push(...complete.skipped);
  for (const x of attractions) if (!x.closed?.length && !x.closed_nth?.length) delete x.holidays;
  const cruiseRecords = research.records.filter((r) => cruiseIds.has(r.id));
  const products = cruiseProducts(research.fresh.cruises, cruiseRecords, { links, attractions, defaultId });
  report.applied.push(...[...products.used].map((r) => r.at));
  report.skipped.push(...cruiseRecords.filter((r) => !products.used.has(r)).map((r) => `${r.at}: field ${r.field} is not modelled for a cruise`), ...products.skipped);

  if (problems.length) {
    for (const p of problems) console.error(`generate: ${p}`);
    process.exit(1);
  }
  const registry = new SourceRegistry();
  const written = (list) => list.map((x) => writeProvenance(x, registry));
  const out = { cities: written(cities), attractions: written(attractions), links: written(links), passes: written(passes), cruises: written(products.cruises) };
  return {
    research: { ...report, warnings: research.warnings, files: research.files },
    catalogue: {
      version: 1,
      name: cur.name,
      ...(cur.name_zh ? { name_zh: cur.name_zh } : {}),
      timezone: cur.timezone,
      currency: cur.currency,
      rider_categories: cur.rider_categories,
      discount_rules: [...(cur.discount_rules ?? []), ...fareRules].map((r) => writeRule(r, registry)),
      cities: out.cities,
      attractions: out.attractions,
      links: out.links,
      routes,
      passes: out.passes,
      holidays,
      cruises: out.cruises,
      sources: registry.list(),
      rates: ratesSection(root),
    },
    compiled,
  };
}

/** Link ids: from-to, with the mode when two links join the same cities in the same direction. */
function nameLinks(links) {
  const pair = (l) => `${l.from}-${l.to}`;
  for (const l of links) {
    if (l.id) continue;
    const same = links.filter((m) => pair(m) === pair(l));
    l.id = same.length > 1 ? `${pair(l)}-${l.mode}` : pair(l);
  }
  // put id first, as in the other lists
  for (let i = 0; i < links.length; i++) {
    const { id, ...rest } = links[i];
    links[i] = { id, ...rest };
  }
}

const NEW_KEYS = {
  cities: ['id', 'name', 'name_zh', 'province', 'location', 'lodging', 'note'],
  attractions: ['id', 'name', 'name_zh', 'city', 'location', 'themes', 'rating', 'visit', 'hours', 'closed', 'holidays', 'price', 'reservation', 'must_see', 'description', 'note', 'bird_season', 'daylight', 'best_time', 'departures', 'piers'],
  links: ['id', 'from', 'to', 'mode', 'oneway', 'duration', 'fare', 'fares', 'first', 'last', 'every', 'departures', 'stations', 'per_day', 'note'],
  passes: ['id', 'name', 'name_zh', 'note', 'covers', 'validity', 'entries', 'price', 'blackout', 'reservation_still_required', 'url'],
};
const KIND = { cities: 'city', attractions: 'attraction', links: 'link', passes: 'pass' };
/** Research link modes → catalogue modes (a cableway or a walk is not a link the planner takes). */
const MODES = { bus: 'road', road: 'road', taxi: 'road', car: 'road', 'rail+bus': 'rail', rail: 'rail', hsr: 'rail', ferry: 'ferry', boat: 'ferry', cruise: 'cruise', flight: 'flight' };

const ENTRIES = new Set(['once', 'once-per-day', 'unlimited']);

/** A real pass of the research files in the catalogue's pass shape; what does not fit goes to its note. */
function passOf(e) {
  const text = (x) => (typeof x === 'string' ? x : x === undefined ? '' : JSON.stringify(x));
  // A scenic-area ticket valid N days ({ days: 7, starts: issue-date, text: "…" }) or a year card ("1 year, …").
  const days = passValidity(e.validity);
  const validityText = days ? (e.validity.text ?? `${days.days} days from the ${days.starts}`) : text(e.validity);
  const validity = days ?? (/1 year|one year|365/i.test(validityText) ? { kind: 'consecutive-days', days: 365, starts: 'first-use' } : undefined);
  const note = [
    'Real product (sourced), not a sample.',
    e.issuer && `Issuer: ${e.issuer}.`,
    validityText && `Validity: ${validityText}.`,
    e.eligibility && `Eligibility: ${e.eligibility}.`,
    e.coverage?.text && `Covers: ${e.coverage.text}.`,
    e.blackout && `Blackout: ${text(e.blackout)}.`,
    e.status_note && `Status: ${e.status_note}.`,
  ].filter(Boolean).join(' ');
  return clean({
    id: e.id,
    name: e.name,
    name_zh: e.name_zh,
    note,
    real: true,
    residents_only: /resident|household|local/i.test(text(e.eligibility)) ? true : undefined,
    covers: e.coverage?.attractions?.length ? { themes: [], cities: [], attractions: e.coverage.attractions, exclude: [] } : undefined,
    validity,
    entries: ENTRIES.has(e.entries) ? e.entries : /unlimited|multiple/i.test(validityText) ? 'unlimited' : 'once',
    blackout: [],
    reservation_still_required: true,
  });
}

/** New cities, attractions, links and passes of the research files, before their facts are applied. */
function addNewEntities(fresh, lists) {
  const added = [];
  for (const [list, entities] of Object.entries(fresh)) {
    if (!lists[list]) continue; // cruises: built by scripts/catalogue/cruises.mjs
    for (const e of entities) {
      if (lists[list].some((x) => x.id === e.id)) continue; // already in the catalogue: its records apply
      const item = { _kind: KIND[list], _prov: {}, _new: list, _file: e.file };
      if (list === 'passes') Object.assign(item, passOf(e));
      else for (const k of NEW_KEYS[list]) if (e[k] !== undefined) item[k] = e[k];
      if (list === 'links') {
        if (!MODES[e.mode]) {
          added.push({ ...item, _dropped: `mode ${e.mode} is not a link the planner takes` });
          continue;
        }
        item.mode = MODES[e.mode];
        // a link to a site is that site's access link from the city
        const site = lists.attractions.find((a) => a.id === e.to);
        if (site) Object.assign(item, { _kind: 'link', _access: site });
      }
      if (list === 'cities') item.lodging ??= true;
      if (list === 'attractions' && e.location) item._prov.location = { status: 'estimate', sources: [], note: 'Given with the new site; no coordinate record.' };
      lists[list].push(item);
      added.push(item);
    }
  }
  return added;
}

/** A new item lacking a fact the planner needs is left out (never filled with a guess) and reported. */
function finishNewEntities(added, lists, fail) {
  const skipped = [];
  const NEEDS = {
    city: ['name', 'name_zh', 'province', 'location'],
    attraction: ['name', 'name_zh', 'city', 'location', 'themes', 'visit', 'hours', 'price'],
    link: ['from', 'to', 'mode', 'duration', 'fare'],
    pass: ['name', 'covers', 'validity', 'price'],
  };
  const drop = (item) => {
    const list = lists[item._new];
    list.splice(list.indexOf(item), 1);
  };
  for (const item of added) {
    if (item._dropped) {
      skipped.push(`${item._file} new ${item._new} ${item.id}: left out, ${item._dropped}`);
      continue;
    }
    const missing = (item._access ? ['from', 'mode', 'duration'] : NEEDS[item._kind]).filter((k) => item[k] === undefined);
    if (item._kind === 'pass' && !item._prov.price) missing.push('sourced price');
    if (missing.length) {
      skipped.push(`${item._file} new ${item._new} ${item.id}: left out, no ${missing.join(', ')} yet`);
      drop(item);
    }
  }
  const cityIds = new Set(lists.cities.map((c) => c.id));
  // A new site in a city that was left out goes too — before the passes count the sites they cover.
  for (const item of added) {
    if (item._kind === 'attraction' && lists.attractions.includes(item) && !cityIds.has(item.city)) {
      skipped.push(`${item._file} new attraction ${item.id}: left out, city ${item.city} is not in the catalogue`);
      drop(item);
    }
  }
  const siteIds = new Set(lists.attractions.map((a) => a.id));
  for (const item of added) {
    if (item._kind === 'pass' && lists.passes.includes(item)) {
      const unknown = item.covers.attractions.filter((id) => !siteIds.has(id));
      item.covers.attractions = item.covers.attractions.filter((id) => siteIds.has(id));
      if (unknown.length) item.note += ` Also covers ${unknown.join(', ')} (not in this catalogue yet).`;
      if (!item.covers.attractions.length) {
        skipped.push(`${item._file} new pass ${item.id}: left out, it covers no attraction of the catalogue`);
        drop(item);
      }
      continue;
    }
    if (item._access && lists.links.includes(item)) {
      drop(item);
      if (!cityIds.has(item.from)) {
        skipped.push(`${item._file} access link ${item.id}: left out, ${item.from} is not a city of the catalogue`);
        continue;
      }
      const site = item._access;
      site.access ??= [];
      const index = site.access.length;
      site.access.push(clean({ from: item.from, mode: item.mode, duration: item.duration, fare: item.fare, fares: item.fares, first: item.first, last: item.last, stations: item.stations, months: item.months, note: [item.id + ':', item.note].join(' ') }));
      const facts = Object.values(item._prov);
      site._prov[`access.${index}`] = {
        status: facts.map((f) => f.status).reduce((a, b) => (['estimate', 'assumed', 'confirmed'].indexOf(a) <= ['estimate', 'assumed', 'confirmed'].indexOf(b) ? a : b), 'confirmed'),
        sources: facts.flatMap((f) => f.sources),
        checked: facts.map((f) => f.checked).filter(Boolean).sort().at(-1),
        note: facts.map((f) => f.note).filter(Boolean).join(' ') || undefined,
      };
      continue;
    }
    if (item._kind === 'link' && lists.links.includes(item) && (!cityIds.has(item.from) || !cityIds.has(item.to))) {
      skipped.push(`${item._file} new link ${item.id}: left out, ${item.from} or ${item.to} is not a city of the catalogue`);
      drop(item);
    }
    if (item._kind === 'attraction' && lists.attractions.includes(item)) {
      item.reservation ??= 'none';
      item.rating ??= 'none';
      if (!item._prov.reservation) item._prov.reservation = { status: 'estimate', sources: [], note: 'Not researched: no booking rule found.' };
    }
  }
  void fail;
  return { skipped };
}

/**
 * A research `fare_rule` of a link mode (id rail, road, ferry, cruise) as a discount rule: the
 * child share it states. Other categories keep paying the full fare unless a rule says otherwise.
 */
function fareRuleOf(r, report) {
  const mode = MODES[r.id];
  const pct = r.value?.child_pct;
  if (!mode || !Number.isInteger(pct)) {
    report.skipped.push(`${r.at}: a fare_rule needs a link mode as id and value.child_pct`);
    return [];
  }
  report.applied.push(r.at);
  return [{ category: 'child', pays: pct, applies_to: [mode], rule: r.value.rule, status: r.status, source: r.source ? { title: r.source.title ?? r.source.url, url: r.source.url ?? undefined, published: r.source.published } : undefined, checked: r.checked, note: r.note }];
}

/** A discount rule of curated.yaml: its source object becomes a source id. */
function writeRule(r, registry) {
  const ids = (Array.isArray(r.source) ? r.source : r.source ? [r.source] : []).map((s) => registry.add({ ...s, titled: true }));
  return clean({ category: r.category, pays: r.pays, applies_to: r.applies_to, rule: r.rule, status: r.status, source: ids.length > 1 ? ids : ids[0], checked: r.checked ? String(r.checked) : undefined, note: r.note });
}

function clean(obj) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out;
}

// ---------------------------------------------------------------------------------------
// Write YAML: block style for structure, flow style for small values, quoted times
// ---------------------------------------------------------------------------------------
const FLOW_KEYS = new Set(['location', 'themes', 'closed', 'closed_dates', 'unconfirmed', 'price', 'fares', 'cities',
  'attractions', 'departures', 'blackout', 'exclude', 'months', 'validity', 'stations', 'nth', 'applies_to', 'weekdays', 'source', 'discounts', 'includes', 'best_time']);
const TIME_KEYS = new Set(['open', 'close', 'last_entry', 'first', 'last', 'sail', 'start', 'end']);

function toYaml(catalogue, compiled) {
  const doc = new YAML.Document(catalogue, { version: '1.2' });
  YAML.visit(doc, {
    Pair(_, pair, path) {
      const key = pair.key?.value;
      const parent = path.at(-2);
      const inHours = false;
      void parent; void inHours;
      if (YAML.isCollection(pair.value) && FLOW_KEYS.has(key)) {
        // keep the `cities` / `attractions` of covers and routes flow, but not the top-level lists
        if (path.length > 2) pair.value.flow = true;
      }
      if (YAML.isScalar(pair.value) && TIME_KEYS.has(key)) pair.value.type = 'QUOTE_DOUBLE';
      if (key === 'departures' && YAML.isSeq(pair.value)) for (const it of pair.value.items) it.type = 'QUOTE_DOUBLE';
      if (key === 'departures' && YAML.isScalar(pair.value)) pair.value.type = 'QUOTE_DOUBLE'; // a pier's run of sailings
      // best_time: { from: "18:00", to: "22:00" } (from/to elsewhere are ids and station names)
      const owner = path.at(-2);
      if ((key === 'from' || key === 'to') && YAML.isScalar(pair.value) && YAML.isPair(owner) && owner.key?.value === 'best_time') pair.value.type = 'QUOTE_DOUBLE';
    },
    Map(_, map, path) {
      // one hours season, a holiday override, a rider category per line
      const parentPair = path.at(-2);
      const k = YAML.isPair(parentPair) ? parentPair.key?.value : undefined;
      if (k === 'hours' || k === 'holidays' || k === 'rider_categories' || k === 'closed_nth' || k === 'price_seasons') map.flow = true;
      // a cruise's programme item, excursion, cabin, child fare, boarding and landing: one per line
      if (['programme', 'optional_excursions', 'cabins', 'child_fares', 'board', 'disembark'].includes(k)) map.flow = true;
      // one fact per line: `price.adult: { status: confirmed, source: …, checked: … }`
      const grand = path.at(-3);
      if (YAML.isPair(grand) && grand.key?.value === 'provenance') map.flow = true;
      if (k === 'covers' || k === 'facts' || k === 'provenance') map.flow = false;
    },
  });
  // blank line + comment before each top-level section
  const sectionComments = {
    rider_categories: ' Who pays what. A category left out of a price pays the adult price.',
    cities: ' Hub cities: a day may end in any of them (hotel night).',
    attractions: ` Attractions, one per facts.yaml entry. Conservative picks are listed in facts.unconfirmed\n and explained in facts.note.`,
    links: ' Transport between hub cities (bidirectional unless oneway). Fares: adult, 2nd class for rail.',
    routes: ' Curated tourism routes.',
    passes: ' SAMPLE one-ticket pass products of this project - not real offers.',
    holidays: ' Overrides on top of the built-in China holiday calendar (chinese-days package).',
    discount_rules: ' National discount rules by rider category: a price that leaves a category out gives it this share.',
    sources: ' The public sources that provenance entries name by id.',
    cruises: ' Multi-day cruise products (catalogue/research/cruise.yaml): programme, optional excursions, cabins, child fares.',
    rates: ' Reference rates for quotes (scripts/rates.yaml): each with a source or the basis of its estimate.',
  };
  for (const pair of doc.contents.items) {
    const c = sectionComments[pair.key.value];
    if (c) {
      pair.key.commentBefore = c;
      pair.key.spaceBefore = true;
    }
  }
  const header = [
    ' routes.yaml - the yangtze catalogue (shape: design/CATALOGUE.md).',
    '',
    ' GENERATED from catalogue/facts.yaml + catalogue/research/*.yaml (facts with sources) and scripts/curated.yaml',
    ' (conservative picks, routes, passes) by:   node scripts/facts-to-routes.mjs',
    ' Agencies may edit this file by hand; to regenerate, edit facts.yaml / curated.yaml instead.',
    '',
    ` Facts were compiled from archived public web pages (newest source ${compiled}); prices and hours`,
    ' change often - re-verify before selling. Every customer-visible fact carries its own',
    ' provenance (`provenance:` field -> status, source ids from `sources:`, checked date, note):',
    ' `confirmed` = a source read on the checked date states it; `estimate` = a best guess or a',
    ' CONSERVATIVE PICK (shorter hours, higher price, longer visit) among missing or conflicting',
    ' data; `assumed` = a general rule applied. `facts.note` says why a pick was made.',
    ' `yangtze catalogue audit` lists the facts by status and age (catalogue/MAINTAINING.md).',
    ' Attraction ids are the facts.yaml ids without their region prefix (wh-yellow-crane-tower ->',
    ' yellow-crane-tower).',
    '',
    ' The pass products below are SAMPLE products of this project, NOT real offers.',
  ].join('\n');
  doc.commentBefore = header;
  // `[a, b]` for flow lists, `{ a: 1 }` for flow maps, as in design/CATALOGUE.md
  return doc
    .toString({ lineWidth: 0, flowCollectionPadding: true })
    .split('\n')
    .map((line) => line.replace(/^(\s*(?:- )?[\w]+: )\[ (.*) \]$/, '$1[$2]').replace(/\[ (\S[^\[\]]*) \](?=[,} ])/g, '[$1]'))
    .join('\n');
}

// ---------------------------------------------------------------------------------------
// Check (a throwaway stand-in for the real loader)
// ---------------------------------------------------------------------------------------
function check(file) {
  const text = readFileSync(file, 'utf8');
  const doc = YAML.parseDocument(text);
  const errors = [];
  const warnings = [];
  if (doc.errors.length) {
    for (const e of doc.errors) errors.push(`YAML: ${e.message}`);
  }
  const c = doc.toJS();
  const E = (m) => errors.push(m);
  const THEMES = ['eco', 'cultural', 'red', 'water'];
  const RATINGS = ['5A', '4A', '3A', 'none'];
  const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  const dateOk = (d) => DATE.test(d) && !Number.isNaN(Date.parse(d + 'T00:00:00Z'));
  const rangeOk = (r) => {
    const [a, b] = String(r).split('..');
    return dateOk(a) && (b === undefined || (dateOk(b) && a <= b));
  };
  const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const top = ['version', 'name', 'name_zh', 'timezone', 'currency', 'rider_categories', 'cities', 'attractions', 'links', 'routes', 'passes', 'holidays', 'rates', 'sources', 'discount_rules', 'cruises'];
  for (const k of Object.keys(c)) if (!top.includes(k)) E(`unknown top-level key ${k}`);
  if (c.version !== 1) E('version must be 1');
  if (c.timezone !== 'Asia/Shanghai') E('timezone');
  if (c.currency !== 'CNY') E('currency');

  const uniqueIds = (list, what) => {
    const seen = new Set();
    for (const x of list ?? []) {
      if (!ID.test(x.id ?? '')) E(`${what}: bad id ${x.id}`);
      if (seen.has(x.id)) E(`${what}: duplicate id ${x.id}`);
      seen.add(x.id);
    }
    return seen;
  };
  const cats = uniqueIds(c.rider_categories, 'rider_categories');
  if ((c.rider_categories ?? []).filter((r) => r.default).length !== 1) E('exactly one default rider category');
  const cities = uniqueIds(c.cities, 'cities');
  const attrs = uniqueIds(c.attractions, 'attractions');
  uniqueIds(c.routes, 'routes');
  uniqueIds(c.passes, 'passes');
  const money = (v) => typeof v === 'number' && v >= 0 && Math.round(v * 100) === v * 100;
  const checkPrice = (p, where) => {
    if (!p || typeof p !== 'object') return E(`${where}: price missing`);
    if (p.adult === undefined) E(`${where}: no adult price`);
    for (const [k, v] of Object.entries(p)) {
      if (!cats.has(k)) E(`${where}: unknown rider category ${k}`);
      if (!money(v)) E(`${where}: bad money ${v}`);
    }
  };
  const checkFacts = (f, where, fields) => {
    if (!f) return;
    for (const k of Object.keys(f)) if (!['checked', 'unconfirmed', 'sources', 'note'].includes(k)) E(`${where}: facts.${k} unknown`);
    if (f.checked !== undefined && !/^\d{4}-\d{2}(-\d{2})?$/.test(String(f.checked))) E(`${where}: facts.checked ${f.checked}`);
    for (const u of f.unconfirmed ?? []) if (!fields.includes(u)) E(`${where}: facts.unconfirmed names unknown field ${u}`);
    if (f.sources !== undefined && !Array.isArray(f.sources)) E(`${where}: facts.sources must be a list`);
  };

  for (const ci of c.cities ?? []) {
    for (const k of ['name', 'name_zh', 'province', 'location']) if (ci[k] === undefined) E(`city ${ci.id}: ${k} missing`);
    checkFacts(ci.facts, `city ${ci.id}`, ['location', 'province', 'name', 'name_zh']);
  }

  const ATTR_KEYS = ['id', 'name', 'name_zh', 'city', 'location', 'themes', 'rating', 'visit', 'hours', 'closed', 'holidays', 'closed_dates', 'price', 'reservation', 'facts', 'must_see', 'description', 'note',
    'provenance', 'closed_nth', 'price_seasons', 'discounts', 'bird_season', 'access', 'within', 'includes', 'daylight', 'best_time', 'departures', 'piers'];
  const byTheme = Object.fromEntries(THEMES.map((t) => [t, 0]));
  const byCity = {};
  for (const a of c.attractions ?? []) {
    const w = `attraction ${a.id}`;
    for (const k of Object.keys(a)) if (!ATTR_KEYS.includes(k)) E(`${w}: unknown key ${k}`);
    for (const k of ['name', 'name_zh', 'city', 'location', 'themes', 'rating', 'visit', 'hours', 'price', 'reservation']) if (a[k] === undefined) E(`${w}: ${k} missing`);
    if (!cities.has(a.city)) E(`${w}: unknown city ${a.city}`);
    byCity[a.city] = (byCity[a.city] ?? 0) + 1;
    const { lat, lon } = a.location ?? {};
    if (typeof lat !== 'number' || typeof lon !== 'number') E(`${w}: bad location`);
    else if (lat < 26 || lat > 32 || lon < 105 || lon > 119) warnings.push(`${w}: outside the region box`);
    if (!a.themes?.length) E(`${w}: no themes`);
    for (const t of a.themes ?? []) THEMES.includes(t) ? byTheme[t]++ : E(`${w}: theme ${t}`);
    if (!RATINGS.includes(a.rating)) E(`${w}: rating ${a.rating}`);
    const visit = parseDuration(a.visit);
    if (!(visit > 0)) E(`${w}: visit ${a.visit}`);
    const seen = new Set();
    for (const h of Array.isArray(a.hours) ? a.hours : []) {
      const months = parseMonths(h.months);
      if (!months) { E(`${w}: months ${h.months}`); continue; }
      for (const m of months) {
        if (m < 1 || m > 12) E(`${w}: month ${m}`);
        if (seen.has(m)) E(`${w}: seasons overlap in month ${m}`);
        seen.add(m);
      }
      for (const k of ['open', 'close', 'last_entry']) if (h[k] !== undefined && !(typeof h[k] === 'string' && HHMM.test(h[k]))) E(`${w}: ${k} ${h[k]} is not "HH:MM"`);
      if (HHMM.test(h.open) && HHMM.test(h.close)) {
        if (minutes(h.close) <= minutes(h.open)) E(`${w}: close not after open`);
        if (h.last_entry !== undefined && (minutes(h.last_entry) < minutes(h.open) || minutes(h.last_entry) > minutes(h.close))) E(`${w}: last_entry outside open..close`);
        const latestStart = h.last_entry ? minutes(h.last_entry) : minutes(h.close) - visit;
        if (latestStart < minutes(h.open)) warnings.push(`${w}: visit ${a.visit} does not fit the hours ${h.open}-${h.close}`);
      }
    }
    for (const d of a.closed ?? []) if (!WEEKDAYS.includes(d)) E(`${w}: weekday ${d}`);
    if (a.holidays !== undefined && !['open', 'closed', 'normal'].includes(a.holidays)) E(`${w}: holidays ${a.holidays}`);
    for (const d of a.closed_dates ?? []) if (!rangeOk(d)) E(`${w}: closed date ${d}`);
    checkPrice(a.price, w);
    if (!['none', 'recommended', 'required'].includes(a.reservation)) E(`${w}: reservation ${a.reservation}`);
    if (!a.facts && !a.provenance) E(`${w}: no provenance`);
    checkFacts(a.facts, w, ['location', 'themes', 'rating', 'visit', 'hours', 'closed', 'holidays', 'closed_dates', 'price', 'reservation', 'name', 'name_zh', 'city']);
  }

  // links and connectivity
  const LINK_KEYS = ['from', 'to', 'mode', 'oneway', 'duration', 'fare', 'fares', 'first', 'last', 'every', 'departures', 'note', 'facts', 'id', 'stations', 'per_day', 'provenance'];
  const adj = new Map([...cities].map((x) => [x, new Set()]));
  for (const l of c.links ?? []) {
    const w = `link ${l.from}->${l.to} (${l.mode})`;
    for (const k of Object.keys(l)) if (!LINK_KEYS.includes(k)) E(`${w}: unknown key ${k}`);
    if (!cities.has(l.from) || !cities.has(l.to)) { E(`${w}: unknown city`); continue; }
    if (!['rail', 'road', 'cruise', 'ferry', 'flight'].includes(l.mode)) E(`${w}: mode`);
    if (!(parseDuration(l.duration) > 0)) E(`${w}: duration ${l.duration}`);
    if (!(typeof l.fare === 'number' && l.fare > 0 && money(l.fare))) E(`${w}: fare ${l.fare}`);
    if (l.fares) checkPrice({ adult: l.fare, ...l.fares }, w);
    for (const k of ['first', 'last']) if (l[k] !== undefined && !HHMM.test(l[k])) E(`${w}: ${k}`);
    if (l.first && l.last && minutes(l.last) < minutes(l.first)) E(`${w}: last before first`);
    if (l.every !== undefined && !(parseDuration(l.every) > 0)) E(`${w}: every`);
    for (const d of l.departures ?? []) if (!HHMM.test(d)) E(`${w}: departure ${d}`);
    checkFacts(l.facts, w, ['duration', 'fare', 'fares', 'first', 'last', 'every', 'departures']);
    adj.get(l.from).add(l.to);
    if (!l.oneway) adj.get(l.to).add(l.from);
  }
  const reach = (from) => {
    const seen = new Set([from]);
    const todo = [from];
    while (todo.length) for (const n of adj.get(todo.pop()) ?? []) if (!seen.has(n)) { seen.add(n); todo.push(n); }
    return seen;
  };
  for (const ci of cities) {
    if (![...adj.values()].some((s) => s.has(ci)) && adj.get(ci).size === 0) E(`city ${ci}: no link`);
    if (reach(ci).size !== cities.size) E(`city ${ci}: cannot reach every other city`);
  }

  for (const r of c.routes ?? []) {
    const w = `route ${r.id}`;
    for (const k of Object.keys(r)) if (!['id', 'name', 'name_zh', 'cities', 'attractions', 'themes', 'days', 'description', 'note'].includes(k)) E(`${w}: unknown key ${k}`);
    r.cities.forEach((ci, i) => {
      if (!cities.has(ci)) E(`${w}: unknown city ${ci}`);
      else if (i > 0 && !adj.get(r.cities[i - 1])?.has(ci)) E(`${w}: no direct link ${r.cities[i - 1]} -> ${ci}`);
    });
    for (const a of r.attractions ?? []) {
      if (!attrs.has(a)) E(`${w}: unknown attraction ${a}`);
      else if (!r.cities.includes(c.attractions.find((x) => x.id === a).city)) warnings.push(`${w}: attraction ${a} is not in one of the route's cities`);
    }
    for (const t of r.themes ?? []) if (!THEMES.includes(t)) E(`${w}: theme ${t}`);
  }

  const kinds = new Set();
  const starts = new Set();
  const entries = new Set();
  const passThemes = new Set();
  const passInfo = [];
  for (const p of c.passes ?? []) {
    const w = `pass ${p.id}`;
    for (const k of Object.keys(p)) if (!['id', 'name', 'name_zh', 'note', 'covers', 'validity', 'entries', 'price', 'blackout', 'reservation_still_required', 'real', 'url', 'provenance', 'residents_only'].includes(k)) E(`${w}: unknown key ${k}`);
    const cov = p.covers ?? {};
    for (const t of cov.themes ?? []) if (!THEMES.includes(t)) E(`${w}: theme ${t}`);
    for (const ci of cov.cities ?? []) if (!cities.has(ci)) E(`${w}: unknown city ${ci}`);
    for (const a of [...(cov.attractions ?? []), ...(cov.exclude ?? [])]) if (!attrs.has(a)) E(`${w}: unknown attraction ${a}`);
    const covered = c.attractions.filter((a) =>
      !(cov.exclude ?? []).includes(a.id) &&
      ((cov.themes ?? []).some((t) => a.themes.includes(t)) || (cov.cities ?? []).includes(a.city) || (cov.attractions ?? []).includes(a.id)));
    if (!covered.length) E(`${w}: covers no attraction`);
    const paid = covered.filter((a) => a.price.adult > 0);
    if (!paid.length) E(`${w}: covers no paid attraction`);
    for (const a of covered) for (const t of a.themes) passThemes.add(t);
    const v = p.validity ?? {};
    kinds.add(v.kind); starts.add(v.starts); entries.add(p.entries);
    if (!['consecutive-days', 'flex-days', 'attraction-count'].includes(v.kind)) E(`${w}: validity.kind`);
    if (!['first-use', 'issue-date', 'fixed-date'].includes(v.starts)) E(`${w}: validity.starts`);
    if (!['once', 'once-per-day', 'unlimited'].includes(p.entries)) E(`${w}: entries`);
    if (v.kind !== 'attraction-count' && !(v.days > 0)) E(`${w}: validity.days`);
    if (v.kind === 'attraction-count' && !(v.count > 0)) E(`${w}: validity.count`);
    if (v.kind !== 'consecutive-days' && !(parseDuration(v.within) > 0)) E(`${w}: validity.within`);
    if (v.starts === 'fixed-date' && !dateOk(String(v.start_date))) E(`${w}: validity.start_date`);
    checkPrice(p.price, w);
    for (const d of p.blackout ?? []) if (!rangeOk(d)) E(`${w}: blackout ${d}`);
    if (typeof p.reservation_still_required !== 'boolean') E(`${w}: reservation_still_required`);
    if (!p.real && !/sample/i.test(`${p.name} ${p.note}`)) E(`${w}: not marked as a sample product`);
    const maxSite = Math.max(...covered.map((a) => a.price.adult));
    if (!p.real && !(p.price.adult > maxSite)) E(`${w}: price ${p.price.adult} not above the dearest covered site (${maxSite})`);
    for (const [cat, pp] of Object.entries(p.price)) if (cat !== 'adult' && pp > p.price.adult) E(`${w}: ${cat} price above adult`);
    passInfo.push(`${p.id}: ${v.kind}/${v.starts}/${p.entries}, ${covered.length} sites (${paid.length} paid, dearest ${maxSite}, sum ${paid.reduce((s, a) => s + a.price.adult, 0)}), adult ${p.price.adult}`);
  }
  for (const k of ['consecutive-days', 'flex-days', 'attraction-count']) if (!kinds.has(k)) E(`no pass uses validity kind ${k}`);
  for (const k of ['first-use', 'issue-date', 'fixed-date']) if (!starts.has(k)) E(`no pass starts ${k}`);
  for (const k of ['once', 'once-per-day', 'unlimited']) if (!entries.has(k)) E(`no pass has entries ${k}`);
  for (const t of THEMES) if (!passThemes.has(t)) E(`no pass covers theme ${t}`);
  for (const h of c.holidays ?? []) {
    if (!rangeOk(h.date)) E(`holiday ${h.date}`);
    if (!['holiday', 'workday'].includes(h.kind)) E(`holiday kind ${h.kind}`);
  }

  const shown = relative(process.cwd(), file) || file;
  console.log(`${shown}: ${c.attractions.length} attractions, ${c.cities.length} cities, ${c.links.length} links, ${c.routes.length} routes, ${c.passes.length} passes, ${c.holidays?.length ?? 0} holiday overrides`);
  console.log(`  per theme: ${THEMES.map((t) => `${t} ${byTheme[t]}`).join(', ')}`);
  console.log(`  per city:  ${[...cities].map((ci) => `${ci} ${byCity[ci] ?? 0}`).join(', ')}`);
  const byStatus = {};
  for (const x of [...c.cities, ...c.attractions, ...c.links]) for (const f of Object.values(x.provenance ?? {})) byStatus[f.status] = (byStatus[f.status] ?? 0) + 1;
  console.log(`  facts by status: ${Object.entries(byStatus).map(([k, v]) => `${k} ${v}`).join(', ')}; ${c.sources?.length ?? 0} sources`);
  for (const s of passInfo) console.log(`  pass ${s}`);
  for (const wmsg of warnings) console.log(`  warning: ${wmsg}`);
  for (const e of errors) console.error(`  ERROR: ${e}`);
  if (errors.length) {
    console.error(`${errors.length} error(s)`);
    process.exit(1);
  }
  console.log('  check ok');
}

if (!checkOnly) {
  const { catalogue, compiled, research } = generate();
  writeFileSync(outFile, toYaml(catalogue, compiled));
  console.log(`wrote ${relative(process.cwd(), outFile) || outFile}`);
  console.log(`research: ${research.files.length} file(s), ${research.applied.length} record(s) applied, ${research.skipped.length} not applied`);
  for (const w of research.warnings) console.log(`  research warning: ${w}`);
  if (args.includes('--verbose')) for (const w of research.skipped) console.log(`  not applied: ${w}`);
  else if (research.skipped.length) console.log('  (--verbose lists the records not applied)');
}
check(outFile);
