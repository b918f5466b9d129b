/**
 * Builds normalized Catalogue objects for tests, with sensible defaults so a
 * test states only what it is about:
 *
 *   aCatalogue()
 *     .withCity({ id: 'wuhan' })
 *     .withAttraction({ id: 'yellow-crane-tower', city: 'wuhan', themes: ['cultural'] })
 *     .withLink({ from: 'wuhan', to: 'changsha', durationMin: 95 })
 *     .build();
 *
 * Cities referenced by attractions or links are added with defaults when the
 * test did not add them itself; passes get `attractionIds` resolved from
 * `covers` unless given.
 */
import type {
  Attraction,
  Catalogue,
  City,
  CuratedRoute,
  HolidayOverride,
  LatLon,
  Link,
  PassProduct,
  RiderCategory,
  Season,
} from '../../src/domain/catalogue/model.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const WUHAN: LatLon = { lat: 30.5928, lon: 114.3055 };

/** A season open every month, 08:00–17:30. */
export function aSeason(partial: Partial<Season> = {}): Season {
  return {
    months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    openMin: 8 * 60,
    closeMin: 17 * 60 + 30,
    ...partial,
  };
}

export function aCity(partial: Partial<City> & { id: string }): City {
  return {
    name: titleCase(partial.id),
    nameZh: partial.id,
    province: 'Hubei',
    location: WUHAN,
    lodging: true,
    provenance: {},
    ...partial,
  };
}

export function anAttraction(partial: Partial<Attraction> & { id: string }): Attraction {
  return {
    name: titleCase(partial.id),
    nameZh: partial.id,
    city: 'wuhan',
    location: WUHAN,
    themes: ['cultural'],
    rating: '4A',
    visitMin: 120,
    hours: [aSeason()],
    closedWeekdays: [],
    closedNth: [],
    holidays: 'normal',
    closedDates: [],
    price: { adult: 50 },
    priceSeasons: [],
    access: [],
    reservation: 'none',
    facts: { unconfirmed: [], sources: [] },
    provenance: {},
    mustSee: false,
    ...partial,
  };
}

export function aLink(partial: Partial<Link> & { from: string; to: string }): Link {
  return {
    mode: 'rail',
    oneway: false,
    durationMin: 90,
    fare: 100,
    fares: {},
    firstMin: 6 * 60,
    lastMin: 22 * 60,
    provenance: {},
    ...partial,
  };
}

export function aRoute(partial: Partial<CuratedRoute> & { id: string }): CuratedRoute {
  return {
    name: titleCase(partial.id),
    nameZh: partial.id,
    cities: [],
    attractions: [],
    themes: [],
    ...partial,
  };
}

type PassInput = Partial<Omit<PassProduct, 'covers'>> & { id: string; covers?: Partial<PassProduct['covers']> };

class CatalogueBuilder {
  private readonly catalogue: Mutable<Omit<Catalogue, 'passes'>> = {
    version: 1,
    name: 'Test catalogue',
    timezone: 'Asia/Shanghai',
    currency: 'CNY',
    riderCategories: [
      { id: 'adult', name: 'Adult', isDefault: true },
      { id: 'child', name: 'Child', isDefault: false },
      { id: 'senior', name: 'Senior', isDefault: false },
      { id: 'student', name: 'Student', isDefault: false },
    ],
    sources: [],
    discountRules: [],
    cruises: [],
    cities: [],
    attractions: [],
    links: [],
    routes: [],
    holidays: [],
  };
  private readonly passes: PassInput[] = [];

  withName(name: string): this {
    this.catalogue.name = name;
    return this;
  }

  withRiderCategories(categories: readonly RiderCategory[]): this {
    this.catalogue.riderCategories = categories;
    return this;
  }

  /** `withCity('wuhan')` or `withCity({ id: 'wuhan', lodging: false })`. */
  withCity(city: string | (Partial<City> & { id: string })): this {
    const c = aCity(typeof city === 'string' ? { id: city } : city);
    this.catalogue.cities = [...this.catalogue.cities.filter((x) => x.id !== c.id), c];
    return this;
  }

  withAttraction(attraction: Partial<Attraction> & { id: string }): this {
    this.catalogue.attractions = [...this.catalogue.attractions, anAttraction(attraction)];
    return this;
  }

  withLink(link: Partial<Link> & { from: string; to: string }): this {
    this.catalogue.links = [...this.catalogue.links, aLink(link)];
    return this;
  }

  withRoute(route: Partial<CuratedRoute> & { id: string }): this {
    this.catalogue.routes = [...this.catalogue.routes, aRoute(route)];
    return this;
  }

  withPass(pass: PassInput): this {
    this.passes.push(pass);
    return this;
  }

  withHoliday(holiday: HolidayOverride): this {
    this.catalogue.holidays = [...this.catalogue.holidays, holiday];
    return this;
  }

  build(): Catalogue {
    const cities = [...this.catalogue.cities];
    const referenced = [
      ...this.catalogue.attractions.map((a) => a.city),
      ...this.catalogue.links.flatMap((l) => [l.from, l.to]),
    ];
    for (const id of referenced) if (!cities.some((c) => c.id === id)) cities.push(aCity({ id }));
    const attractions = this.catalogue.attractions;
    const passes = this.passes.map((p) => buildPass(p, attractions));
    return { ...this.catalogue, cities, passes };
  }
}

export function aCatalogue(): CatalogueBuilder {
  return new CatalogueBuilder();
}

function buildPass(p: PassInput, attractions: readonly Attraction[]): PassProduct {
  const covers = { themes: [], cities: [], attractions: [], exclude: [], ...p.covers };
  const covered = attractions
    .filter(
      (a) =>
        covers.attractions.includes(a.id) ||
        covers.cities.includes(a.city) ||
        a.themes.some((t) => covers.themes.includes(t)),
    )
    .filter((a) => !covers.exclude.includes(a.id))
    .map((a) => a.id)
    .sort();
  return {
    name: titleCase(p.id),
    nameZh: p.id,
    attractionIds: covered,
    validity: { kind: 'consecutive-days', days: 3, starts: 'first-use' },
    entries: 'once',
    price: { adult: 200 },
    blackout: [],
    reservationStillRequired: true,
    real: false,
    residentsOnly: false,
    provenance: {},
    ...p,
    covers,
  };
}

function titleCase(id: string): string {
  return id
    .split('-')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}
