// Per-fact provenance of the generated catalogue (docs/CATALOGUE.md, "Provenance"): what the
// fact sheet gives each customer-visible field, and how `_prov` is written out as `provenance:`.
import { clean } from './sources.mjs';

/**
 * The fact sheet's provenance of an item's fields. A field listed as unconfirmed is an estimate
 * (or assumed, when a general rule set it); the others are confirmed by the item's sources, read
 * when the fact sheet was compiled. A "confirmed" field with no source at all becomes an estimate.
 */
export function baseProvenance(item, { compiled }) {
  const unconfirmed = new Set(item.facts?.unconfirmed ?? []);
  const assumed = new Set(item._assumed ?? []);
  const prov = {};
  const put = (field, sources, note) => {
    let status = assumed.has(field) ? 'assumed' : unconfirmed.has(field) ? 'estimate' : 'confirmed';
    // the curated basis explains conservative picks of hours, prices, closures — not points or ratings
    const basis = field === 'location' || field === 'rating' ? undefined : item._basis;
    let why = status === 'confirmed' ? note : [note, basis].filter(Boolean).join(' ');
    if (status === 'confirmed' && sources.length === 0) {
      status = 'estimate';
      why = [note, 'No source named for this value.'].filter(Boolean).join(' ');
    }
    prov[field] = clean({ status, sources, checked: compiled, note: why || undefined });
  };
  const all = item._src?.all ?? [];
  if (item._kind === 'city') {
    put('location', item._src.location, item._notes?.location);
  } else if (item._kind === 'attraction') {
    put('location', item._src.location, item._notes?.location);
    put('rating', item._src.rating, undefined);
    put('visit', all);
    put('hours', all);
    put('closed', all, item.closed?.length ? undefined : 'No weekly closing day.');
    if (item.closed?.length) put('holidays', all);
    if (item.reservation !== undefined) put('reservation', all);
    // the price table as a whole is (un)confirmed: each stated category inherits it
    for (const category of Object.keys(item.price ?? {})) {
      put('price', all);
      prov[`price.${category}`] = prov.price;
      delete prov.price;
    }
  } else if (item._kind === 'link') {
    put('duration', all);
    put('fare', all);
    for (const category of Object.keys(item.fares ?? {})) {
      put('fare', all);
      prov[`fares.${category}`] = prov.fare;
      put('fare', all);
    }
    const timed = ['first', 'last', 'every', 'departures'];
    if (timed.some((k) => unconfirmed.has(k))) unconfirmed.add('timetable');
    put('timetable', all);
  }
  return prov;
}

/** `_prov` → `provenance:` with source ids; the working keys (`_…`) are dropped. */
export function writeProvenance(item, registry) {
  const out = {};
  const order = KEY_ORDER[item._kind] ?? [];
  const keys = Object.keys(item).sort((a, b) => rank(order, a) - rank(order, b));
  for (const key of keys) if (!key.startsWith('_')) out[key] = item[key];
  if (Array.isArray(out.closed) && out.closed.length === 0) delete out.closed;
  if (!out.closed && !out.closed_nth?.length) delete out.holidays;
  if (item._prov && Object.keys(item._prov).length) {
    const provenance = {};
    for (const [field, fact] of Object.entries(item._prov).sort(([a], [b]) => fieldOrder(a) - fieldOrder(b) || a.localeCompare(b))) {
      const ids = [...new Set(fact.sources.map((s) => registry.add(s)))];
      provenance[field] = clean({ status: fact.status, source: ids.length === 0 ? undefined : ids.length === 1 ? ids[0] : ids, checked: fact.checked, note: fact.note });
    }
    out.provenance = provenance;
    // the legacy block is superseded: each estimate's note says why its value was picked
    delete out.facts;
  }
  return clean(out);
}

const KEY_ORDER = {
  attraction: ['id', 'name', 'name_zh', 'city', 'location', 'themes', 'rating', 'visit', 'hours', 'closed', 'closed_nth', 'holidays', 'closed_dates',
    'price', 'price_seasons', 'discounts', 'reservation', 'access', 'bird_season', 'daylight', 'best_time', 'departures', 'piers', 'must_see', 'description', 'note', 'facts', 'provenance'],
  link: ['id', 'from', 'to', 'mode', 'oneway', 'duration', 'fare', 'fares', 'first', 'last', 'every', 'departures', 'per_day', 'stations', 'note', 'facts', 'provenance'],
  cruise: ['id', 'name', 'name_zh', 'from', 'to', 'link', 'nights', 'operators', 'weekdays', 'board', 'sail', 'disembark', 'programme',
    'optional_excursions', 'fare', 'cabins', 'single_use', 'child_fares', 'meals_included', 'note', 'provenance'],
  pass: ['id', 'name', 'name_zh', 'real', 'residents_only', 'url', 'note', 'covers', 'validity', 'entries', 'price', 'blackout', 'reservation_still_required', 'provenance'],
};
const rank = (order, key) => (order.includes(key) ? order.indexOf(key) : order.length);

const ORDER = ['location', 'rating', 'visit', 'hours', 'closed', 'closed_nth', 'holidays', 'price', 'price_seasons', 'discounts', 'reservation', 'duration', 'fare', 'fares', 'timetable'];
function fieldOrder(key) {
  const i = ORDER.indexOf(key.split('.')[0]);
  return i < 0 ? ORDER.length : i;
}
