// Cruise products (docs/CATALOGUE.md "cruises") from the research file's new.cruises and the
// fact records about them (catalogue/research/cruise.yaml): departures, programme, optional
// excursions, cabins, child fares, each field with the provenance of the record behind it. The
// cruise link each product sails gets its timetable and duration from the product, so the planner's
// leg and the programme agree. Nothing is filled in that the research does not state: a field with
// no record is left out, or carried over from a stated rule and marked `assumed`.
import { clean, weaker } from './sources.mjs';
import { factOf } from './research.mjs';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const CLOCK = /(\d{1,2}):(\d{2})/g;

/** "18:00-21:00 (coach …)" → { start: "18:00", end: "21:00", exact: false } ; "evening" → {} */
export function publishedTime(text) {
  const t = String(text ?? '').trim();
  const times = [...t.matchAll(CLOCK)].map((m) => `${m[1].padStart(2, '0')}:${m[2]}`);
  const range = /(\d{1,2}:\d{2})\s*(?:-|–|->)\s*(\d{1,2}:\d{2})/.exec(t);
  const pad = (x) => x.padStart(5, '0');
  const exact = /^\d{1,2}:\d{2}(?:\s*-\s*\d{1,2}:\d{2})?$/.test(t);
  if (range) return { start: pad(range[1]), end: pad(range[2]), exact };
  if (times.length) return { start: times[0], exact };
  return { exact: false };
}

const minutesOf = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
function durationText(min) {
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  return `${d ? d + 'd' : ''}${h ? h + 'h' : ''}${m ? m + 'm' : ''}` || '0m';
}

/**
 * The products, and the records they used (so they are not reported as "no catalogue item").
 * `links` are the generated links (mutated: the product's link gets its timetable).
 */
export function cruiseProducts(fresh, records, { links, attractions, defaultId }) {
  const cruises = [];
  const used = new Set();
  const skipped = [];
  const siteIds = new Set(attractions.map((a) => a.id));
  const byId = new Map(fresh.map((e) => [e.id, e]));
  const recordsOf = (id) => records.filter((r) => r.id === id);
  for (const e of fresh) {
    const rs = recordsOf(e.id);
    if (!(e.nights >= 1)) {
      skipped.push(`${e.file} new cruise ${e.id}: left out, a day cruise (no nights aboard) is an attraction of the catalogue, not a cruise product`);
      for (const r of rs) used.add(r);
      continue;
    }
    const rec = (field) => {
      const r = rs.find((x) => x.field === field);
      if (r) used.add(r);
      return r;
    };
    const prov = {};
    const cite = (field, r, extra) => {
      if (r) prov[field] = withNote(factOf(r), extra);
    };
    // Rules stated once for the operators (child fares, cabin rules) apply to the other direction as `assumed`.
    const sibling = [...byId.values()].find((x) => x !== e && x.from === e.to && x.to === e.from && x.nights >= 1);
    const siblingRec = (field) => (sibling ? recordsOf(sibling.id).find((x) => x.field === field) : undefined);
    const inherit = (field, own, why) => {
      if (own) return { record: own, fact: factOf(own) };
      const r = siblingRec(field);
      if (!r) return undefined;
      const f = factOf(r);
      return { record: r, fact: { ...f, status: weaker(f.status, 'assumed'), note: [why, f.note].filter(Boolean).join(' ') } };
    };

    const timetable = rec('timetable');
    const board = publishedTime(e.board?.time_window);
    const disembark = publishedTime(e.disembark?.time_window);
    const sail = publishedTime(timetable?.value?.sail);
    const transfer = rec('board_transfer');
    if (!board.start || !board.end || !sail.start || !disembark.start) {
      skipped.push(`${e.file} new cruise ${e.id}: left out, no boarding window, sailing time or disembarking time`);
      continue;
    }
    const disembarkDay = timetable?.value?.disembark_day ?? e.nights + 1;
    const nightsRec = rec('duration_nights');
    cite('nights', nightsRec);
    cite('timetable', timetable);
    if (timetable) for (const f of ['board', 'sail', 'disembark']) prov[f] = prov.timetable;

    const programme = [];
    for (const day of e.programme ?? []) {
      for (const it of day.items ?? []) {
        const t = publishedTime(it.time);
        const site = it.site && siteIds.has(it.site) ? it.site : undefined;
        programme.push(clean({
          day: day.day,
          kind: it.kind,
          what: it.what,
          what_zh: it.what_zh,
          start: t.start,
          end: t.end && t.end !== t.start ? t.end : undefined,
          when: t.exact ? undefined : String(it.time),
          when_zh: t.exact || !it.time_zh ? undefined : String(it.time_zh),
          approximate: t.exact ? undefined : true,
          site,
          alternatives: (it.alternatives ?? []).filter((x) => siteIds.has(x)).length ? (it.alternatives ?? []).filter((x) => siteIds.has(x)) : undefined,
          excursion: it.excursion,
        }));
      }
    }
    cite('programme', rec('programme'));

    const optRec = rec('optional_excursions');
    const optional = (e.optional ?? []).filter((o) => o.id).map((o) => clean({
      id: o.id,
      what: o.what,
      what_zh: o.what_zh,
      site: o.site && siteIds.has(o.site) ? o.site : undefined,
      price: typeof o.price_cny === 'number' ? { [defaultId]: o.price_cny } : {},
    }));
    for (const p of programme) if (p.excursion && !optional.some((o) => o.id === p.excursion)) delete p.excursion;
    if (optional.length) cite('optional_excursions', optRec);

    const link = links.find((l) => l.mode === 'cruise' && l.from === e.from && l.to === e.to);
    const fareRec = rec('fare');
    let fare;
    if (fareRec && typeof fareRec.value?.adult === 'number') {
      fare = { [defaultId]: fareRec.value.adult };
      cite('fare', fareRec, fareRec.value.class ? `Example: ${fareRec.value.class}.` : undefined);
    } else if (link) {
      // No fare of this direction: the link's (its provenance says how it was estimated).
      fare = { [defaultId]: link.fare };
      const lf = link._prov?.fare;
      if (lf) prov.fare = { ...lf, status: weaker(lf.status, 'estimate'), note: [`No ${e.direction ?? ''} fare researched: the link's estimate.`, lf.note, link.note].filter(Boolean).join(' ') };
    }
    if (!fare) {
      skipped.push(`${e.file} new cruise ${e.id}: left out, no fare`);
      continue;
    }

    const cabinSource = inherit('cabin_price_rules', rec('cabin_price_rules'), `Stated for ${sibling?.id ?? 'the other direction'}; the same operators' rules.`);
    const grades = (e.cabin_grades ?? (sibling?.cabin_grades ?? []));
    const cabins = grades.filter((g) => g.id && g.single_use === undefined).map((g) => clean({ grade: g.id, name: g.grade, pays: g.pays, plus: g.plus, on_request: g.on_request }));
    const singleUse = grades.find((g) => g.single_use !== undefined)?.single_use;
    if (cabins.length && cabinSource) {
      prov.cabins = cabinSource.fact;
      if (singleUse !== undefined) prov.single_use = cabinSource.fact;
      // The same page says what the fare includes (cabin, meals, planned excursions, guide).
      prov.meals_included = { ...cabinSource.fact, note: ['The fare includes the twin cabin, meals aboard, the planned excursions and the guide.', cabinSource.fact.note].filter(Boolean).join(' ') };
    }

    const childSource = inherit('child_fares', rec('child_fares'), `Stated for ${sibling?.id ?? 'the other direction'} ("as downstream (same operator rules)").`);
    const childFares = [];
    const v = childSource?.record.value ?? {};
    if (typeof v.age_2_11_no_bed_pct === 'number') childFares.push({ category: 'child', ages: '2-11', bed: false, pays: v.age_2_11_no_bed_pct });
    if (typeof v.age_2_11_with_bed_pct === 'number') childFares.push({ category: 'child', ages: '2-11', bed: true, pays: v.age_2_11_with_bed_pct });
    if (typeof v.from_age_12_pct === 'number') childFares.push({ category: 'child', ages: '12 and over', bed: true, pays: v.from_age_12_pct });
    if (childFares.length) prov.child_fares = { ...childSource.fact, note: [childSource.fact.note, typeof v.under_2_no_bed_pct === 'number' ? `Under 2, no bed: ${v.under_2_no_bed_pct} % (the catalogue has no infant category).` : undefined].filter(Boolean).join(' ') };

    // The leg's child fare in plans: the operators' rule for a child sharing the adults' cabin (the quote prices cabins and beds).
    const sharing = childFares.find((f) => f.ages === '2-11' && !f.bed);
    if (link && sharing && prov.child_fares) {
      link.fares = { ...(link.fares ?? {}), child: Math.round(link.fare * sharing.pays) / 100 };
      link._prov[`fares.child`] = { ...prov.child_fares, note: [`${sharing.pays} % of the adult fare: a child of 2-11 sharing the adults' cabin without a bed (with a bed: ${childFares.find((f) => f.ages === '2-11' && f.bed)?.pays ?? '?'} %; from 12: the adult fare).`, prov.child_fares.note].filter(Boolean).join(' ') };
    }

    const weekdaysRec = rec('sailing_weekdays');
    const roster = e.sailing_weekdays ?? {};
    const weekdays = WEEKDAYS.filter((d) => Array.isArray(roster[d]) && roster[d].length > 0);
    if (weekdaysRec && weekdays.length) cite('weekdays', weekdaysRec);
    else prov.weekdays = { status: 'assumed', sources: [], note: 'No weekly roster researched for this direction; ships of the same lines sail it daily in the other direction, so a departure every day is assumed.' };

    // The leg the planner takes: leave the city at the coach transfer (upstream) or when the ship sails,
    // arrive when the programme's disembarking window closes (the conservative end).
    const departs = transfer?.value?.departs ? publishedTime(transfer.value.departs).start : sail.start;
    const arriveMin = (disembarkDay - 1) * 1440 + minutesOf(disembark.end ?? disembark.start);
    const legMin = arriveMin - minutesOf(departs);
    if (link) {
      link.departures = [departs];
      link.duration = durationText(legMin);
      const tf = timetable ? factOf(timetable) : undefined;
      const xf = transfer ? factOf(transfer) : undefined;
      const status = [tf?.status, xf?.status].filter(Boolean).reduce(weaker, 'confirmed');
      const legFact = clean({
        status: timetable ? status : 'estimate',
        sources: [...(tf?.sources ?? []), ...(xf?.sources ?? [])],
        checked: [tf?.checked, xf?.checked].filter(Boolean).sort().at(-1),
        note: `From the cruise product ${e.id} (cruises:): ${transfer ? `coach from ${transfer.value.from} at ${departs}` : `sails ${departs}`}, ashore by ${disembark.end ?? disembark.start} on day ${disembarkDay}.`,
      });
      link._prov.timetable = legFact;
      link._prov.duration = legFact;
      link.note = `${e.name}: ${transfer ? `coach to the ship at ${departs}` : `board ${board.start}-${board.end}, sail ${departs}`}, ashore by ${disembark.end ?? disembark.start} on day ${disembarkDay}; day-by-day programme, excursions and cabins under cruises: ${e.id}. Fare is one example; it varies by ship, deck and season.`;
    }

    cruises.push({
      _kind: 'cruise',
      _prov: prov,
      id: e.id,
      name: e.name,
      name_zh: e.name_zh,
      from: e.from,
      to: e.to,
      link: link?.id,
      nights: e.nights,
      operators: e.operators,
      weekdays: weekdays.length ? weekdays : undefined,
      board: clean({ place: e.board.place, open: board.start, close: board.end, note: e.board.note }),
      sail: sail.start,
      disembark: clean({ place: e.disembark.place, day: disembarkDay, open: disembark.end ? disembark.start : undefined, close: disembark.end ?? disembark.start, note: e.disembark.note }),
      programme,
      optional_excursions: optional.length ? optional : undefined,
      fare,
      cabins: cabins.length ? cabins : undefined,
      single_use: singleUse,
      child_fares: childFares.length ? childFares : undefined,
      meals_included: prov.meals_included ? true : undefined,
      note: [e.operators?.length ? `Operators: ${e.operators.join(', ')}.` : '', 'Which excursions are included, and which tributary is visited, differ by ship and water level.'].filter(Boolean).join(' '),
    });
  }
  return { cruises: cruises.map(clean), used, skipped };
}

function withNote(fact, extra) {
  return extra ? { ...fact, note: [extra, fact.note].filter(Boolean).join(' ') } : fact;
}
