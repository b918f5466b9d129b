/**
 * What the catalogue commands hand their views: the listing, the looked-up
 * attraction or city with its next days, the counts. Here, in the domain, so
 * the commands (which build them) and the views in src/export (which render
 * them) both import them and neither imports the other's module back.
 */
import type { DayKind } from '../calendar/holiday-calendar.js';
import type { Opening } from '../calendar/opening-on.js';
import type { Attraction, Catalogue, City, IsoDate, Rating, Theme, Weekday } from './model.js';

/** `catalogue list`: the filters applied and what matched. */
export interface AttractionListing {
  readonly filters: { readonly themes: readonly Theme[]; readonly city?: string; readonly rating?: Rating };
  /** In catalogue order. */
  readonly attractions: readonly Attraction[];
}

/** One day of `catalogue show`: what kind of day it is and the opening. */
export interface DayOpening {
  readonly date: IsoDate;
  readonly weekday: Weekday;
  readonly day: DayKind;
  readonly opening: Opening;
}

/** `catalogue show ID`: an attraction with its next days, or a city with its attractions. */
export type ShowResult =
  | {
      readonly kind: 'attraction';
      readonly attraction: Attraction;
      readonly city: City | undefined;
      /** Today in the catalogue's time zone, then the six days after. */
      readonly days: readonly DayOpening[];
      /** Years among `days` for which no holiday data is known (built in or in the catalogue). */
      readonly yearsWithoutHolidays: readonly number[];
    }
  | { readonly kind: 'city'; readonly city: City; readonly attractions: readonly Attraction[] };

/** `catalogue validate`: how much a sound catalogue holds. */
export interface CatalogueCounts {
  readonly cities: number;
  readonly attractions: number;
  readonly links: number;
  readonly routes: number;
  readonly passes: number;
  readonly holidays: number;
}

export function countCatalogue(catalogue: Catalogue): CatalogueCounts {
  return {
    cities: catalogue.cities.length,
    attractions: catalogue.attractions.length,
    links: catalogue.links.length,
    routes: catalogue.routes.length,
    passes: catalogue.passes.length,
    holidays: catalogue.holidays.length,
  };
}
