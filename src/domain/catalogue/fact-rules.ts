/**
 * Rules over sourced facts and the data rules the catalogue's facts need
 * (design/CATALOGUE.md, "Provenance"): a provenance entry names known sources
 * and a known field; a confirmed fact has a source and a checked date; a real
 * pass product is sourced; nth-weekday closures, seasonal prices and discount
 * rules name things that exist and do not overlap.
 */
import { issue, type Issue, type IssuePath } from '../issues.js';
import type { Catalogue, FactMap } from './model.js';

type Rule = (catalogue: Catalogue, issues: Issue[]) => void;

/** The first segment of a provenance key, per item kind; `timetable` covers first/last/every/departures/per_day/stations. */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  cities: ['location', 'name', 'name_zh', 'province', 'lodging'],
  attractions: [
    'location', 'name', 'name_zh', 'themes', 'rating', 'visit', 'hours', 'closed', 'closed_nth', 'holidays', 'closed_dates',
    'price', 'price_seasons', 'discounts', 'reservation', 'bird_season', 'description', 'access', 'within', 'includes',
    'daylight', 'best_time', 'departures', 'piers',
  ],
  links: ['duration', 'fare', 'fares', 'timetable', 'first', 'last', 'every', 'departures', 'per_day', 'stations', 'mode'],
  passes: ['price', 'covers', 'validity', 'entries', 'blackout', 'reservation_still_required', 'name'],
  cruises: [
    'nights', 'weekdays', 'timetable', 'board', 'sail', 'disembark', 'programme', 'optional_excursions', 'fare', 'cabins',
    'single_use', 'child_fares', 'meals_included', 'operators', 'name',
  ],
};
/** Fields whose second segment is a rider category (price.child). */
const BY_CATEGORY = new Set(['price', 'fares', 'discounts', 'fare']);

const provenanceEntries: Rule = (c, issues) => {
  const sourceIds = new Set(c.sources.map((s) => s.id));
  const categories = new Set(c.riderCategories.map((r) => r.id));
  const check = (list: string, items: readonly { provenance: FactMap }[]) =>
    items.forEach((item, i) => {
      for (const [key, fact] of Object.entries(item.provenance)) {
        if (fact.derivedFrom) continue;
        const at: IssuePath = [list, i, 'provenance', key];
        const [field, sub] = key.split('.');
        if (!FIELDS[list]!.includes(field!)) {
          issues.push(issue('unknown-fact-field', at, `"${key}" names no fact of this item; use one of ${FIELDS[list]!.join(', ')} (price.<category> for a price).`));
        } else if (sub !== undefined && BY_CATEGORY.has(field!) && !categories.has(sub)) {
          issues.push(issue('unknown-category', at, `Unknown rider category "${sub}" in "${key}".`));
        }
        fact.sources.forEach((id, j) => {
          if (!sourceIds.has(id)) {
            const path: IssuePath = fact.sources.length === 1 ? [...at, 'source'] : [...at, 'source', j];
            issues.push(issue('unknown-source', path, `Unknown source "${id}"; sources are listed under the top-level sources: key.`));
          }
        });
        if (fact.status === 'confirmed' && (fact.sources.length === 0 || fact.checked === undefined)) {
          const missing = fact.sources.length === 0 ? (fact.checked === undefined ? 'source and no checked date' : 'source') : 'checked date';
          issues.push(
            issue('unsourced-fact', at, `The confirmed fact "${key}" has no ${missing}; a confirmed fact names its source and the day it was read.`, {
              hint: 'Add source: and checked:, or mark it status: estimate.',
            }),
          );
        }
      }
    });
  check('cities', c.cities);
  check('attractions', c.attractions);
  check('links', c.links);
  check('passes', c.passes);
  check('cruises', c.cruises);
  c.discountRules.forEach((r, i) => {
    r.fact.sources.forEach((id) => {
      if (!sourceIds.has(id)) issues.push(issue('unknown-source', ['discount_rules', i, 'source'], `Unknown source "${id}"; sources are listed under the top-level sources: key.`));
    });
    if (r.fact.status === 'confirmed' && (r.fact.sources.length === 0 || r.fact.checked === undefined)) {
      issues.push(issue('unsourced-fact', ['discount_rules', i], `The confirmed discount rule for ${r.category} has no source or no checked date.`));
    }
    if (!categories.has(r.category)) issues.push(issue('unknown-category', ['discount_rules', i, 'category'], `Unknown rider category "${r.category}".`));
  });
};

const uniqueSources: Rule = (c, issues) => {
  const seen = new Map<string, number>();
  c.sources.forEach((s, i) => {
    const first = seen.get(s.id);
    if (first === undefined) seen.set(s.id, i);
    else issues.push(issue('duplicate-id', ['sources', i, 'id'], `The id "${s.id}" is already used by sources[${first}].`));
  });
};

/** A real product is a fact an agency sells on: its price must name a source. */
const realPasses: Rule = (c, issues) => {
  c.passes.forEach((p, i) => {
    const price = p.provenance.price ?? p.provenance[`price.${c.riderCategories.find((r) => r.isDefault)?.id ?? 'adult'}`];
    if (p.real && (price === undefined || price.sources.length === 0)) {
      issues.push(issue('unsourced-real-pass', ['passes', i, 'real'], `The pass ${p.id} is marked real but its price names no source; add provenance.price with a source, or mark it a sample.`));
    }
  });
};

const seasonalPrices: Rule = (c, issues) => {
  const categories = new Set(c.riderCategories.map((r) => r.id));
  c.attractions.forEach((a, i) => {
    a.priceSeasons.forEach((s, j) => {
      for (const key of Object.keys(s.price)) {
        if (!categories.has(key)) issues.push(issue('unknown-category', ['attractions', i, 'price_seasons', j, 'price', key], `Unknown rider category "${key}".`));
      }
      for (let k = 0; k < j; k++) {
        const shared = s.months.filter((m) => a.priceSeasons[k]!.months.includes(m));
        if (shared.length > 0) {
          issues.push(issue('seasons-overlap', ['attractions', i, 'price_seasons', j, 'months'], `Price seasons ${k + 1} and ${j + 1} of ${a.id} both cover month${shared.length > 1 ? 's' : ''} ${shared.join(', ')}.`));
        }
      }
    });
  });
};

const accessLinks: Rule = (c, issues) => {
  const cityIds = c.cities.map((x) => x.id);
  c.attractions.forEach((a, i) =>
    a.access.forEach((x, j) => {
      if (!cityIds.includes(x.from)) issues.push(issue('unknown-city', ['attractions', i, 'access', j, 'from'], `Unknown city "${x.from}".`));
      if (x.durationMin <= 0) issues.push(issue('non-positive-duration', ['attractions', i, 'access', j, 'duration'], `The access link from ${x.from} to ${a.id} must take longer than 0.`));
    }),
  );
};

/**
 * `within` names another attraction of the same city, itself inside no other:
 * one level of nesting, so that "the enclosing area's ticket" is one ticket.
 */
const withinAreas: Rule = (c, issues) => {
  const byId = new Map(c.attractions.map((a) => [a.id, a] as const));
  c.attractions.forEach((a, i) => {
    if (a.within === undefined) return;
    const path = ['attractions', i, 'within'] as const;
    const outer = byId.get(a.within);
    if (!outer) issues.push(issue('unknown-attraction', [...path], `Unknown attraction "${a.within}": within names the attraction whose paid area ${a.id} lies inside.`));
    else if (outer.id === a.id) issues.push(issue('within-itself', [...path], `${a.id} cannot lie within itself.`));
    else if (outer.city !== a.city) issues.push(issue('within-other-city', [...path], `${a.id} (${a.city}) cannot lie within ${outer.id}, which is in ${outer.city}.`));
    else if (outer.within !== undefined) {
      issues.push(issue('within-nested', [...path], `${a.id} lies within ${outer.id}, which itself lies within ${outer.within}: name the outermost area.`));
    }
  });
};

/**
 * `includes` names other attractions of the same city, none twice, none itself,
 * and none that is a product including others: a plan books one product or its
 * sites, so that nothing is sold twice.
 */
const includedSites: Rule = (c, issues) => {
  const byId = new Map(c.attractions.map((a) => [a.id, a] as const));
  c.attractions.forEach((a, i) => {
    (a.includes ?? []).forEach((id, k) => {
      const path = ['attractions', i, 'includes', k] as const;
      const inner = byId.get(id);
      if (!inner) issues.push(issue('unknown-attraction', [...path], `Unknown attraction "${id}": includes names the attractions ${a.id} takes the party to.`));
      else if (inner.id === a.id) issues.push(issue('includes-itself', [...path], `${a.id} cannot include itself.`));
      else if (inner.city !== a.city) issues.push(issue('includes-other-city', [...path], `${a.id} (${a.city}) cannot include ${inner.id}, which is in ${inner.city}.`));
      else if ((inner.includes ?? []).length > 0) issues.push(issue('includes-nested', [...path], `${a.id} includes ${inner.id}, which itself includes others: name the sites.`));
      else if (a.includes!.indexOf(id) !== k) issues.push(issue('includes-twice', [...path], `${a.id} names ${id} twice in includes.`));
    });
  });
};

export const FACT_RULES: readonly Rule[] = [uniqueSources, provenanceEntries, realPasses, seasonalPrices, accessLinks, withinAreas, includedSites];
