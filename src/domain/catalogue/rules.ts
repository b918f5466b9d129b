/**
 * Cross-reference rules over a normalized catalogue (design/CATALOGUE.md,
 * "Rules the loader enforces"). Each rule reads the catalogue and pushes
 * issues; paths name the file's keys (snake_case) and list indices, which
 * normalization keeps, so the loader can point at the offending line.
 */
import { didYouMean, suggestionText } from '../did-you-mean.js';
import { issue, type Issue, type IssuePath } from '../issues.js';
import type { Catalogue, DateRange } from './model.js';
import { FACT_RULES } from './fact-rules.js';
import { checkCruises } from '../cruise/cruise-rules.js';
import { formatTime } from './parse-time.js';

type Rule = (catalogue: Catalogue, issues: Issue[]) => void;

/** The corridor's bounding box; sites outside it are allowed but flagged. */
const REGION = { minLat: 26, maxLat: 32, minLon: 105, maxLon: 119 } as const;

/**
 * Runs every rule and returns all problems found (errors and warnings).
 *
 * @example
 * checkCatalogueRules(catalogue).filter((i) => i.severity === 'error') // [] for a sound file
 */
export function checkCatalogueRules(catalogue: Catalogue): Issue[] {
  const issues: Issue[] = [];
  for (const rule of RULES) rule(catalogue, issues);
  return issues;
}

const uniqueIds: Rule = (c, issues) => {
  const lists: [string, readonly { id: string }[]][] = [
    ['rider_categories', c.riderCategories],
    ['cities', c.cities],
    ['attractions', c.attractions],
    ['routes', c.routes],
    ['passes', c.passes],
  ];
  for (const [key, items] of lists) {
    const firstIndex = new Map<string, number>();
    items.forEach((item, i) => {
      const first = firstIndex.get(item.id);
      if (first === undefined) firstIndex.set(item.id, i);
      else issues.push(issue('duplicate-id', [key, i, 'id'], `The id "${item.id}" is already used by ${key}[${first}].`));
    });
  }
};

const oneDefaultCategory: Rule = (c, issues) => {
  const defaults = c.riderCategories.filter((r) => r.isDefault);
  if (defaults.length === 1) return;
  const found = defaults.length === 0 ? 'none has it' : `${defaults.map((d) => d.id).join(', ')} have it`;
  issues.push(issue('default-category', ['rider_categories'], `Exactly one rider category must have default: true; ${found}.`));
};

const knownCities: Rule = (c, issues) => {
  const ids = c.cities.map((x) => x.id);
  const check = (id: string, path: IssuePath) => {
    if (!ids.includes(id)) issues.push(unknown('unknown-city', 'city', id, ids, path));
  };
  c.attractions.forEach((a, i) => check(a.city, ['attractions', i, 'city']));
  c.links.forEach((l, i) => {
    check(l.from, ['links', i, 'from']);
    check(l.to, ['links', i, 'to']);
  });
  c.routes.forEach((r, i) => r.cities.forEach((id, j) => check(id, ['routes', i, 'cities', j])));
  c.passes.forEach((p, i) => p.covers.cities.forEach((id, j) => check(id, ['passes', i, 'covers', 'cities', j])));
};

const knownAttractions: Rule = (c, issues) => {
  const ids = c.attractions.map((x) => x.id);
  const check = (id: string, path: IssuePath) => {
    if (!ids.includes(id)) issues.push(unknown('unknown-attraction', 'attraction', id, ids, path));
  };
  c.routes.forEach((r, i) => r.attractions.forEach((id, j) => check(id, ['routes', i, 'attractions', j])));
  c.passes.forEach((p, i) => {
    p.covers.attractions.forEach((id, j) => check(id, ['passes', i, 'covers', 'attractions', j]));
    p.covers.exclude.forEach((id, j) => check(id, ['passes', i, 'covers', 'exclude', j]));
  });
};

/** Price and fare tables are keyed by rider category, and must price the default one. */
const knownCategories: Rule = (c, issues) => {
  const ids = c.riderCategories.map((r) => r.id);
  const defaultId = c.riderCategories.find((r) => r.isDefault)?.id;
  const checkKeys = (table: Readonly<Record<string, number>>, path: IssuePath) => {
    for (const key of Object.keys(table)) {
      if (!ids.includes(key)) issues.push(unknown('unknown-category', 'rider category', key, ids, [...path, key]));
    }
  };
  const checkDefault = (table: Readonly<Record<string, number>>, path: IssuePath, what: string) => {
    if (defaultId !== undefined && !(defaultId in table)) {
      issues.push(issue('missing-default-price', path, `${what} has no price for the default rider category "${defaultId}".`));
    }
  };
  c.attractions.forEach((a, i) => {
    checkKeys(a.price, ['attractions', i, 'price']);
    checkDefault(a.price, ['attractions', i, 'price'], `Attraction "${a.id}"`);
  });
  c.links.forEach((l, i) => checkKeys(l.fares, ['links', i, 'fares']));
  c.passes.forEach((p, i) => {
    checkKeys(p.price, ['passes', i, 'price']);
    checkDefault(p.price, ['passes', i, 'price'], `Pass "${p.id}"`);
  });
};

const openingHours: Rule = (c, issues) => {
  c.attractions.forEach((a, i) => {
    a.hours.forEach((s, j) => {
      const at = (key: string): IssuePath => ['attractions', i, 'hours', j, key];
      if (s.closeMin <= s.openMin) {
        issues.push(issue('close-before-open', at('close'), `${a.id} closes at ${formatTime(s.closeMin)}, not after it opens at ${formatTime(s.openMin)}.`));
      }
      if (s.lastEntryMin !== undefined && (s.lastEntryMin < s.openMin || s.lastEntryMin > s.closeMin)) {
        issues.push(
          issue('last-entry-outside', at('last_entry'), `Last entry ${formatTime(s.lastEntryMin)} is outside opening hours ${formatTime(s.openMin)}–${formatTime(s.closeMin)}.`),
        );
      }
      for (let k = 0; k < j; k++) {
        const other = a.hours[k]!;
        const sameDays = s.weekdays === undefined || other.weekdays === undefined || s.weekdays.some((d) => other.weekdays!.includes(d));
        const shared = sameDays ? s.months.filter((m) => other.months.includes(m)) : [];
        if (shared.length > 0) {
          issues.push(
            issue('seasons-overlap', at('months'), `Seasons ${k + 1} and ${j + 1} of ${a.id} both cover month${shared.length > 1 ? 's' : ''} ${shared.join(', ')}.`),
          );
        }
      }
    });
  });
};

/**
 * A best time of day must be a span that holds the visit, and a run of
 * sailings must end after it starts: either way the site could never be planned.
 */
const timesOfDay: Rule = (c, issues) => {
  c.attractions.forEach((a, i) => {
    const b = a.bestTime;
    if (b !== undefined && b.toMin - b.fromMin < a.visitMin) {
      const what = b.toMin <= b.fromMin ? `ends at ${formatTime(b.toMin)}, not after it starts at ${formatTime(b.fromMin)}` : `(${formatTime(b.fromMin)}–${formatTime(b.toMin)}) is shorter than its ${a.visitMin} min visit`;
      issues.push(issue('best-time-too-short', ['attractions', i, 'best_time', 'to'], `The best time of ${a.id} ${what}.`));
    }
    (a.departures ?? []).forEach((d, j) => {
      if (d.toMin < d.fromMin) {
        issues.push(issue('last-before-first', ['attractions', i, 'departures', j], `The sailings of ${a.id} end at ${formatTime(d.toMin)}, before they start at ${formatTime(d.fromMin)}.`));
      }
    });
    // A pier names the sailings it serves: one of the site's departures, or the plan could never say it.
    (a.piers ?? []).forEach((p, j) => {
      if (!(a.departures ?? []).some((d) => d.fromMin === p.departures.fromMin && d.toMin === p.departures.toMin)) {
        issues.push(issue('pier-not-a-departure', ['attractions', i, 'piers', j, 'departures'], `The pier ${p.name} of ${a.id} serves ${formatTime(p.departures.fromMin)}${p.departures.toMin !== p.departures.fromMin ? `-${formatTime(p.departures.toMin)}` : ''}, which is not one of its departures.`));
      }
    });
  });
};

const positiveDurations: Rule = (c, issues) => {
  c.attractions.forEach((a, i) => {
    if (a.visitMin <= 0) issues.push(issue('non-positive-duration', ['attractions', i, 'visit'], `The visit length of ${a.id} must be longer than 0.`));
  });
  c.links.forEach((l, i) => {
    const name = `${l.from} → ${l.to}`;
    if (l.durationMin <= 0) issues.push(issue('non-positive-duration', ['links', i, 'duration'], `The link ${name} must take longer than 0.`));
    if (l.everyMin !== undefined && l.everyMin <= 0) {
      issues.push(issue('non-positive-duration', ['links', i, 'every'], `The headway of ${name} must be longer than 0.`));
    }
    if (l.fare <= 0) issues.push(issue('non-positive-fare', ['links', i, 'fare'], `The fare of ${name} must be more than 0.`));
    if (l.departures === undefined && l.lastMin < l.firstMin) {
      issues.push(issue('last-before-first', ['links', i, 'last'], `The last departure of ${name} is before the first.`));
    }
    if (l.from === l.to) issues.push(issue('link-to-itself', ['links', i, 'to'], `The link from ${l.from} leads back to ${l.to}.`));
  });
};

/** A warning only: agencies may add sites beyond the corridor. */
const insideRegion: Rule = (c, issues) => {
  const check = (loc: { lat: number; lon: number }, path: IssuePath, id: string) => {
    const inside = loc.lat >= REGION.minLat && loc.lat <= REGION.maxLat && loc.lon >= REGION.minLon && loc.lon <= REGION.maxLon;
    if (!inside) {
      issues.push(
        issue('out-of-region', path, `${id} at ${loc.lat}, ${loc.lon} is outside the middle Yangtze region (lat 26–32, lon 105–119).`, {
          severity: 'warning',
          hint: 'Check that lat and lon are not swapped and are WGS84.',
        }),
      );
    }
  };
  c.cities.forEach((x, i) => check(x.location, ['cities', i, 'location'], x.id));
  c.attractions.forEach((x, i) => check(x.location, ['attractions', i, 'location'], x.id));
};

const passValidity: Rule = (c, issues) => {
  c.passes.forEach((p, i) => {
    const at = (...rest: string[]): IssuePath => ['passes', i, ...rest];
    if (p.attractionIds.length === 0) issues.push(issue('pass-covers-nothing', at('covers'), `The pass ${p.id} covers no attraction.`));
    const v = p.validity;
    const need = (key: 'days' | 'within' | 'count', present: boolean) => {
      if (!present) issues.push(issue('missing-key', at('validity', key), `A ${v.kind} pass needs validity.${key}.`));
    };
    if (v.kind === 'consecutive-days') need('days', v.days !== undefined);
    if (v.kind === 'flex-days') {
      need('days', v.days !== undefined);
      need('within', v.withinDays !== undefined);
    }
    if (v.kind === 'attraction-count') need('count', v.count !== undefined);
    if (v.starts === 'fixed-date' && v.startDate === undefined) {
      issues.push(issue('missing-start-date', at('validity', 'starts'), `The pass ${p.id} starts on a fixed date but has no validity.start_date.`));
    }
  });
};

const orderedDateRanges: Rule = (c, issues) => {
  const check = (r: DateRange, path: IssuePath) => {
    if (r.to < r.from) issues.push(issue('end-before-start', path, `The range ${r.from}..${r.to} ends before it starts.`));
  };
  c.attractions.forEach((a, i) => a.closedDates.forEach((r, j) => check(r, ['attractions', i, 'closed_dates', j])));
  c.passes.forEach((p, i) => p.blackout.forEach((r, j) => check(r, ['passes', i, 'blackout', j])));
  c.holidays.forEach((h, i) => check(h.range, ['holidays', i, 'date']));
};

const RULES: readonly Rule[] = [
  uniqueIds,
  oneDefaultCategory,
  knownCities,
  knownAttractions,
  knownCategories,
  openingHours,
  timesOfDay,
  positiveDurations,
  insideRegion,
  passValidity,
  orderedDateRanges,
  checkCruises,
  ...FACT_RULES,
];

function unknown(code: string, noun: string, id: string, known: readonly string[], path: IssuePath): Issue {
  const suggestion = didYouMean(id, known);
  return issue(code, path, `Unknown ${noun} "${id}".`, suggestion ? { hint: suggestionText(suggestion) } : {});
}
