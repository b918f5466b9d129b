/**
 * The catalogue as written in routes.yaml after its shape is checked and
 * defaults are filled in, before normalization: snake_case keys, durations,
 * times and dates still as text. The zod schema in src/io checks a document
 * into this shape (and the compiler checks that its output type fits here),
 * so the domain depends on no parsing library.
 */
import type { RawRates } from '../quote/raw-rates.js';
import type { Entries, LinkMode, Rating, ValidityKind, ValidityStart, Weekday, Theme, HolidayRule, Reservation } from './model.js';

export interface RawCatalogue {
  readonly version: 1;
  readonly name: string;
  readonly timezone: string;
  readonly currency: string;
  readonly rider_categories: readonly RawRiderCategory[];
  readonly cities: readonly RawCity[];
  readonly attractions: readonly RawAttraction[];
  readonly links: readonly RawLink[];
  readonly routes: readonly RawRoute[];
  readonly passes: readonly RawPass[];
  readonly holidays: readonly RawHoliday[];
  /** Reference rates for quotes (domain/quote). */
  readonly rates?: RawRates | undefined;
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
}

export interface RawSeason {
  /** A range such as "Apr-Oct", or month numbers. */
  readonly months?: string | readonly number[] | undefined;
  readonly open: string;
  readonly close: string;
  readonly last_entry?: string | undefined;
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
}

export interface RawHoliday {
  readonly date: string;
  readonly name: string;
  readonly kind: 'holiday' | 'workday';
}
