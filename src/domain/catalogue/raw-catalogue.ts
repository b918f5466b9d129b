/**
 * The catalogue as written in routes.yaml after its shape is checked and
 * defaults are filled in, before normalization: snake_case keys, durations,
 * times and dates still as text. The zod schema in src/io checks a document
 * into this shape (and the compiler checks that its output type fits here),
 * so the domain depends on no parsing library.
 */
import type { RawRates } from '../quote/raw-rates.js';
import type { Entries, FactStatus, LinkMode, ProgrammeKind, Rating, ValidityKind, ValidityStart, Weekday, Theme, HolidayRule, Reservation } from './model.js';

export interface RawCatalogue {
  readonly version: 1;
  readonly name: string;
  readonly name_zh?: string | undefined;
  readonly timezone: string;
  readonly currency: string;
  readonly rider_categories: readonly RawRiderCategory[];
  readonly cities: readonly RawCity[];
  readonly attractions: readonly RawAttraction[];
  readonly links: readonly RawLink[];
  readonly routes: readonly RawRoute[];
  readonly passes: readonly RawPass[];
  readonly holidays: readonly RawHoliday[];
  readonly sources: readonly RawSource[];
  readonly discount_rules: readonly RawDiscountRule[];
  /** Reference rates for quotes (domain/quote). */
  readonly rates?: RawRates | undefined;
  readonly cruises: readonly RawCruise[];
}

export interface RawCruise {
  readonly id: string;
  readonly name: string;
  readonly name_zh: string;
  readonly from: string;
  readonly to: string;
  readonly link?: string | undefined;
  readonly nights: number;
  readonly operators: readonly string[];
  readonly weekdays: readonly Weekday[];
  readonly board: { readonly place: string; readonly open: string; readonly close: string; readonly note?: string | undefined };
  readonly sail: string;
  readonly disembark: { readonly place: string; readonly day: number; readonly open?: string | undefined; readonly close: string; readonly note?: string | undefined };
  readonly programme: readonly {
    readonly day: number;
    readonly kind: ProgrammeKind;
    readonly what: string;
    readonly what_zh?: string | undefined;
    readonly start?: string | undefined;
    readonly end?: string | undefined;
    readonly when?: string | undefined;
    readonly when_zh?: string | undefined;
    readonly approximate: boolean;
    readonly site?: string | undefined;
    readonly excursion?: string | undefined;
    readonly alternatives: readonly string[];
  }[];
  readonly optional_excursions: readonly { readonly id: string; readonly what: string; readonly what_zh?: string | undefined; readonly site?: string | undefined; readonly price: Readonly<Record<string, number>> }[];
  readonly fare: Readonly<Record<string, number>>;
  readonly cabins: readonly { readonly grade: string; readonly name: string; readonly pays?: number | undefined; readonly plus?: number | undefined; readonly on_request: boolean }[];
  readonly single_use?: number | undefined;
  readonly child_fares: readonly { readonly category: string; readonly ages: string; readonly bed: boolean; readonly pays: number }[];
  readonly meals_included: boolean;
  readonly note?: string | undefined;
  readonly provenance: RawFactMap;
}

export interface RawSource {
  readonly id: string;
  readonly title: string;
  readonly url?: string | undefined;
  /** A YAML year may arrive as a number. */
  readonly published?: string | number | undefined;
  readonly note?: string | undefined;
}

export interface RawFact {
  readonly status: FactStatus;
  readonly source?: string | readonly string[] | undefined;
  readonly checked?: string | undefined;
  readonly note?: string | undefined;
}

export type RawFactMap = Readonly<Record<string, RawFact>>;

/** free | half | full | whole percent. */
export type RawPays = 'free' | 'half' | 'full' | number;

export interface RawDiscountRule extends RawFact {
  readonly category: string;
  readonly pays: RawPays;
  readonly applies_to: readonly ('attractions' | LinkMode)[];
  readonly rule?: string | undefined;
}

export interface RawFacts {
  readonly checked?: string | undefined;
  readonly unconfirmed: readonly string[];
  readonly sources: readonly string[];
  readonly note?: string | undefined;
}

export interface RawRiderCategory {
  readonly id: string;
  readonly name: string;
  readonly name_zh?: string | undefined;
  readonly default: boolean;
}

export interface RawCity {
  readonly id: string;
  readonly name: string;
  readonly name_zh: string;
  readonly province: string;
  readonly location: { readonly lat: number; readonly lon: number };
  readonly lodging: boolean;
  readonly note?: string | undefined;
  readonly facts?: RawFacts | undefined;
  readonly provenance: RawFactMap;
}

export interface RawSeason {
  /** A range such as "Apr-Oct", or month numbers. */
  readonly months?: string | readonly number[] | undefined;
  readonly open: string;
  readonly close: string;
  readonly last_entry?: string | undefined;
  readonly weekdays?: readonly Weekday[] | undefined;
}

export interface RawAttraction {
  readonly id: string;
  readonly name: string;
  readonly name_zh: string;
  readonly city: string;
  readonly location: { readonly lat: number; readonly lon: number };
  readonly themes: readonly Theme[];
  readonly rating: Rating;
  readonly visit: string;
  readonly hours: readonly RawSeason[];
  readonly closed: readonly Weekday[];
  readonly holidays: HolidayRule;
  readonly closed_dates: readonly string[];
  readonly price: Readonly<Record<string, number>>;
  readonly reservation: Reservation;
  readonly must_see: boolean;
  readonly description?: string | undefined;
  readonly note?: string | undefined;
  readonly facts?: RawFacts | undefined;
  readonly provenance: RawFactMap;
  readonly closed_nth: readonly { readonly weekday: Weekday; readonly nth: readonly number[] }[];
  readonly price_seasons: readonly { readonly months: string | readonly number[]; readonly price: Readonly<Record<string, number>> }[];
  readonly discounts: Readonly<Record<string, RawPays>>;
  readonly bird_season?: string | readonly number[] | undefined;
  readonly access: readonly RawAccess[];
  readonly within?: string | undefined;
  readonly daylight?: 'required' | 'any' | undefined;
  readonly best_time?: { readonly from: string; readonly to: string } | undefined;
  readonly departures?: readonly string[] | undefined;
  readonly piers?: readonly { readonly departures: string; readonly name: string; readonly name_zh?: string | undefined }[] | undefined;
  readonly includes?: readonly string[] | undefined;
}

export interface RawAccess {
  readonly from: string;
  readonly mode: LinkMode;
  readonly duration: string;
  readonly fare?: number | undefined;
  readonly fares: Readonly<Record<string, number>>;
  readonly first?: string | undefined;
  readonly last?: string | undefined;
  readonly stations?: { readonly from: string; readonly to: string } | undefined;
  readonly months?: string | readonly number[] | undefined;
  readonly note?: string | undefined;
}

export interface RawLink {
  readonly from: string;
  readonly to: string;
  readonly mode: LinkMode;
  readonly oneway: boolean;
  readonly duration: string;
  readonly fare: number;
  readonly fares: Readonly<Record<string, number>>;
  readonly first: string;
  readonly last: string;
  readonly every?: string | undefined;
  readonly departures?: readonly string[] | undefined;
  readonly note?: string | undefined;
  readonly facts?: RawFacts | undefined;
  readonly provenance: RawFactMap;
  readonly id?: string | undefined;
  readonly stations?: { readonly from: string; readonly to: string } | undefined;
  readonly per_day?: number | undefined;
}

export interface RawRoute {
  readonly id: string;
  readonly name: string;
  readonly name_zh: string;
  readonly cities: readonly string[];
  readonly attractions: readonly string[];
  readonly themes: readonly Theme[];
  readonly days?: number | undefined;
  readonly description?: string | undefined;
  readonly note?: string | undefined;
  readonly facts?: RawFacts | undefined;
}

export interface RawPass {
  readonly id: string;
  readonly name: string;
  readonly name_zh: string;
  readonly covers: {
    readonly themes: readonly Theme[];
    readonly cities: readonly string[];
    readonly attractions: readonly string[];
    readonly exclude: readonly string[];
  };
  readonly validity: {
    readonly kind: ValidityKind;
    readonly days?: number | undefined;
    /** Whole days, e.g. "30d". */
    readonly within?: string | undefined;
    readonly count?: number | undefined;
    readonly starts: ValidityStart;
    readonly start_date?: string | undefined;
  };
  readonly entries: Entries;
  readonly price: Readonly<Record<string, number>>;
  readonly blackout: readonly string[];
  readonly reservation_still_required: boolean;
  readonly note?: string | undefined;
  readonly facts?: RawFacts | undefined;
  readonly provenance: RawFactMap;
  readonly real: boolean;
  readonly url?: string | undefined;
  readonly residents_only: boolean;
}

export interface RawHoliday {
  readonly date: string;
  readonly name: string;
  readonly kind: 'holiday' | 'workday';
}
