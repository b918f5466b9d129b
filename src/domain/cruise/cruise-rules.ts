/**
 * Loader rules for the catalogue's `cruises:` (docs/CATALOGUE.md, "cruises"): the product names
 * cities, a cruise link, attractions and categories that exist; its programme fits its nights;
 * times run forwards; a cabin grade is priced one way. Paths name the file's keys and indices.
 */
import { didYouMean, suggestionText } from '../did-you-mean.js';
import { issue, type Issue, type IssuePath } from '../issues.js';
import type { Catalogue, Cruise } from '../catalogue/model.js';
import { formatTime } from '../catalogue/parse-time.js';

export function checkCruises(c: Catalogue, issues: Issue[]): void {
  const cityIds = c.cities.map((x) => x.id);
  const siteIds = c.attractions.map((x) => x.id);
  const categories = c.riderCategories.map((r) => r.id);
  const defaultId = c.riderCategories.find((r) => r.isDefault)?.id;
  const linkIds = c.links.flatMap((l) => (l.id === undefined ? [] : [l.id]));
  const firstIndex = new Map<string, number>();
  c.cruises.forEach((cruise, i) => {
    const at = (...rest: (string | number)[]): IssuePath => ['cruises', i, ...rest];
    const first = firstIndex.get(cruise.id);
    if (first === undefined) firstIndex.set(cruise.id, i);
    else issues.push(issue('duplicate-id', at('id'), `The id "${cruise.id}" is already used by cruises[${first}].`));
    for (const key of ['from', 'to'] as const) {
      if (!cityIds.includes(cruise[key])) issues.push(unknown('unknown-city', 'city', cruise[key], cityIds, at(key)));
    }
    checkLink(c, cruise, linkIds, at('link'), issues);
    if (cruise.disembark.day !== cruise.nights + 1) {
      issues.push(issue('bad-nights', at('disembark', 'day'), `${cruise.id} has ${cruise.nights} nights aboard, so one leaves the ship on day ${cruise.nights + 1}, not day ${cruise.disembark.day}.`));
    }
    if (cruise.board.closeMin < cruise.board.openMin) {
      issues.push(issue('close-before-open', at('board', 'close'), `Boarding closes at ${formatTime(cruise.board.closeMin)}, before it opens at ${formatTime(cruise.board.openMin)}.`));
    }
    const excursionIds = cruise.optionalExcursions.map((x) => x.id);
    cruise.programme.forEach((p, j) => {
      if (p.day > cruise.disembark.day) {
        issues.push(issue('day-out-of-range', at('programme', j, 'day'), `Day ${p.day} is after the sailing ends (day ${cruise.disembark.day}).`));
      }
      if (p.startMin !== undefined && p.endMin !== undefined && p.endMin < p.startMin) {
        issues.push(issue('end-before-start', at('programme', j, 'end'), `"${p.what}" ends at ${formatTime(p.endMin)}, before it starts at ${formatTime(p.startMin)}.`));
      }
      if (p.site !== undefined && !siteIds.includes(p.site)) issues.push(unknown('unknown-attraction', 'attraction', p.site, siteIds, at('programme', j, 'site')));
      p.alternatives.forEach((id, k) => {
        if (!siteIds.includes(id)) issues.push(unknown('unknown-attraction', 'attraction', id, siteIds, at('programme', j, 'alternatives', k)));
      });
      if (p.excursion !== undefined && !excursionIds.includes(p.excursion)) {
        issues.push(unknown('unknown-excursion', 'optional excursion', p.excursion, excursionIds, at('programme', j, 'excursion')));
      }
    });
    cruise.optionalExcursions.forEach((x, j) => {
      if (x.site !== undefined && !siteIds.includes(x.site)) issues.push(unknown('unknown-attraction', 'attraction', x.site, siteIds, at('optional_excursions', j, 'site')));
      for (const key of Object.keys(x.price)) {
        if (!categories.includes(key)) issues.push(unknown('unknown-category', 'rider category', key, categories, at('optional_excursions', j, 'price', key)));
      }
    });
    for (const key of Object.keys(cruise.fare)) {
      if (!categories.includes(key)) issues.push(unknown('unknown-category', 'rider category', key, categories, at('fare', key)));
    }
    if (defaultId !== undefined && !(defaultId in cruise.fare)) {
      issues.push(issue('missing-default-price', at('fare'), `Cruise "${cruise.id}" has no fare for the default rider category "${defaultId}".`));
    }
    cruise.childFares.forEach((f, j) => {
      if (!categories.includes(f.category)) issues.push(unknown('unknown-category', 'rider category', f.category, categories, at('child_fares', j, 'category')));
    });
    cruise.cabins.forEach((g, j) => {
      const ways = [g.paysPercent !== undefined, g.plus !== undefined, g.onRequest].filter(Boolean).length;
      if (ways !== 1) {
        issues.push(issue('bad-cabin', at('cabins', j), `Cabin grade "${g.grade}" needs exactly one of pays (percent of the base fare), plus (a supplement) or on_request: true.`));
      }
    });
  });
}

/** The link the product sails must be a cruise link from its boarding city to its landing city. */
function checkLink(c: Catalogue, cruise: Cruise, linkIds: readonly string[], path: IssuePath, issues: Issue[]): void {
  if (cruise.link === undefined) return;
  const link = c.links.find((l) => l.id === cruise.link);
  if (!link) {
    issues.push(unknown('unknown-link', 'link', cruise.link, linkIds, path));
    return;
  }
  const joins = (link.from === cruise.from && link.to === cruise.to) || (!link.oneway && link.from === cruise.to && link.to === cruise.from);
  if (link.mode !== 'cruise' || !joins) {
    issues.push(issue('cruise-link-mismatch', path, `The link "${cruise.link}" is a ${link.mode} link ${link.from} → ${link.to}; ${cruise.id} sails ${cruise.from} → ${cruise.to} by cruise.`));
  }
}

function unknown(code: string, noun: string, id: string, known: readonly string[], path: IssuePath): Issue {
  const suggestion = didYouMean(id, known);
  return issue(code, path, `Unknown ${noun} "${id}".`, suggestion ? { hint: suggestionText(suggestion) } : {});
}
