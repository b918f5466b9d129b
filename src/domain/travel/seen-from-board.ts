/**
 * Which attractions a multi-day cruise lets the party "visit" from the deck: on a leg sailed by a
 * cruise product (routes.yaml `cruises:`), the sites its programme reaches; otherwise
 * free (`price.adult: 0`, the fare covers them, as design/CATALOGUE.md asks
 * for gorges), carrying the `water` theme, more than 20 km from either end
 * of the leg, and lying along it — the detour through the site is at most
 * 30 % longer than the straight line between the two ends.
 */
import type { Attraction, Catalogue, City } from '../catalogue/model.js';
import type { DirectedLink } from './city-links.js';
import { haversineKm } from './travel-model.js';
import { cruiseForLink, siteOnProgramme } from '../cruise/cruise-programme.js';

const MIN_KM_FROM_ENDS = 20;
const ALONG_FACTOR = 1.3;

export function seenFromBoard(attraction: Attraction, link: DirectedLink, catalogue: Pick<Catalogue, 'cities' | 'cruises'>): boolean {
  // A cruise product's programme says where its ship takes the party (passages and shore excursions).
  const cruise = cruiseForLink(catalogue, link);
  if (cruise) return siteOnProgramme(cruise, attraction.id) !== undefined;
  if (link.link.mode !== 'cruise' || !attraction.themes.includes('water')) return false;
  if ((attraction.price.adult ?? 0) !== 0) return false;
  const from = cityById(catalogue, link.from);
  const to = cityById(catalogue, link.to);
  if (!from || !to) return false;
  const a = haversineKm(from.location, attraction.location);
  const b = haversineKm(attraction.location, to.location);
  if (a < MIN_KM_FROM_ENDS || b < MIN_KM_FROM_ENDS) return false;
  return a + b <= ALONG_FACTOR * haversineKm(from.location, to.location);
}

/** The attractions seen from a leg, in the order the ship passes them. */
export function sightsAlong(link: DirectedLink, catalogue: Catalogue): Attraction[] {
  const from = cityById(catalogue, link.from);
  if (!from) return [];
  return catalogue.attractions
    .filter((a) => seenFromBoard(a, link, catalogue))
    .map((a) => ({ a, km: haversineKm(from.location, a.location) }))
    .sort((x, y) => x.km - y.km || x.a.id.localeCompare(y.a.id))
    .map((x) => x.a);
}

function cityById(catalogue: Pick<Catalogue, 'cities'>, id: string): City | undefined {
  return catalogue.cities.find((c) => c.id === id);
}
