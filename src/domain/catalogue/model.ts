/**
 * The catalogue after loading: the normalized, validated form of routes.yaml
 * (design/CATALOGUE.md). Every consumer (planner adapter, passes, renderers)
 * reads this, never the raw YAML. Times of day are minutes after local midnight,
 * durations are minutes, money is in `currency` units.
 */
import type { RateTable } from '../quote/rates.js';

export const THEMES = ['eco', 'cultural', 'red', 'water'] as const;
export type Theme = (typeof THEMES)[number];

export const RATINGS = ['5A', '4A', '3A', 'none'] as const;
export type Rating = (typeof RATINGS)[number];

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Index matches Date#getDay(): 0 = Sunday. */
export type Weekday = (typeof WEEKDAYS)[number];

export const LINK_MODES = ['rail', 'road', 'cruise', 'ferry', 'flight'] as const;
export type LinkMode = (typeof LINK_MODES)[number];

/** `YYYY-MM-DD`, a calendar date in the catalogue's time zone. */
export type IsoDate = string;
/** Minutes after local midnight, 0..1440. */
export type MinuteOfDay = number;
export type Minutes = number;

export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate; // inclusive
}

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

export interface Provenance {
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  readonly checked?: string;
  /** Field names whose values are estimates or conservative picks. */
  readonly unconfirmed: readonly string[];
  readonly sources: readonly string[];
  readonly note?: string;
}

export const FACT_STATUSES = ['confirmed', 'estimate', 'assumed'] as const;
/** confirmed: a dated source states it; estimate: a best guess; assumed: a general rule applied. */
export type FactStatus = (typeof FACT_STATUSES)[number];

/** A public source, named by id from provenance entries. */
export interface FactSource {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly published?: string;
  readonly note?: string;
}

/** Where one fact (a field of an item) comes from. */
export interface Fact {
  readonly status: FactStatus;
  /** Ids into Catalogue.sources. */
  readonly sources: readonly string[];
  /** When the source was read: `YYYY-MM-DD` or `YYYY-MM`. */
  readonly checked?: string;
  readonly note?: string;
  /** Set on entries the loader derived (a price a discount rule produced), absent on entries written in the file. */
  readonly derivedFrom?: 'discount-rule' | 'discounts';
}

/**
 * Field path → provenance, e.g. `price.adult`, `hours`, `closed`, `location`,
 * `fare`, `timetable`. Derived prices (a discount rule applied) get the rule's entry.
 */
export type FactMap = Readonly<Record<string, Fact>>;

/** What a rider category pays: a share of the full price, in whole percent (free 0, half 50, full 100). */
export type PaysPercent = number;

export type DiscountScope = 'attractions' | LinkMode;

export interface DiscountRule {
  readonly category: string;
  readonly paysPercent: PaysPercent;
  readonly appliesTo: readonly DiscountScope[];
  readonly rule?: string;
  readonly fact: Fact;
}

/** Closed on the nth weekday of the month (1..5, or -1 for the last one). */
export interface NthWeekdayClosure {
  readonly weekday: Weekday;
  readonly nth: readonly number[];
}

export interface AccessLink {
  readonly from: string;
  readonly mode: LinkMode;
  /** One way. */
  readonly durationMin: Minutes;
  /** Adult fare one way; absent = not known. */
  readonly fare?: number;
  readonly fares: Readonly<Record<string, number>>;
  readonly firstMin?: MinuteOfDay;
  readonly lastMin?: MinuteOfDay;
  readonly stations?: { readonly from: string; readonly to: string };
  /** Months it runs; absent = all year. */
  readonly months?: readonly number[];
  readonly note?: string;
}

export interface PriceSeason {
  readonly months: readonly number[];
  /** Resolved per rider category, like Attraction.price. */
  readonly price: Readonly<Record<string, number>>;
}

export interface RiderCategory {
  readonly id: string;
  readonly name: string;
  readonly nameZh?: string;
  readonly isDefault: boolean;
}

export interface City {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string;
  readonly province: string;
  readonly location: LatLon;
  readonly lodging: boolean;
  readonly note?: string;
  readonly facts?: Provenance;
  readonly provenance: FactMap;
}

export interface Season {
  /** Months 1..12 in which this season applies. */
  readonly months: readonly number[];
  readonly openMin: MinuteOfDay;
  readonly closeMin: MinuteOfDay;
  /** Absent: the visit must end by close. */
  readonly lastEntryMin?: MinuteOfDay;
  /** Days of the week this window applies on; absent = every day (OSM hours may differ by weekday). */
  readonly weekdays?: readonly Weekday[];
}

export type HolidayRule = 'open' | 'closed' | 'normal';
export type Reservation = 'none' | 'recommended' | 'required';

export interface Attraction {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string;
  readonly city: string;
  readonly location: LatLon;
  readonly themes: readonly Theme[];
  readonly rating: Rating;
  readonly visitMin: Minutes;
  readonly hours: readonly Season[];
  readonly closedWeekdays: readonly Weekday[];
  /** E.g. closed on the 1st and 3rd Tuesday; public holidays override these like weekly closures. */
  readonly closedNth: readonly NthWeekdayClosure[];
  readonly holidays: HolidayRule;
  readonly closedDates: readonly DateRange[];
  /**
   * Per rider category, resolved: the file's own prices, then the site's
   * `discounts`, then the catalogue's `discount_rules`; a category still left
   * out pays the default category's price. Months of a `priceSeasons` entry pay that instead.
   */
  readonly price: Readonly<Record<string, number>>;
  readonly priceSeasons: readonly PriceSeason[];
  readonly reservation: Reservation;
  readonly facts: Provenance;
  readonly provenance: FactMap;
  /** Months of the wintering-bird season (wetlands). */
  readonly birdSeason?: readonly number[];
  /** Local access links from a city (a drive, bus or boat away), with real times. */
  readonly access: readonly AccessLink[];
  /** Agencies' "do not miss": weighs the stop up in plans. */
  readonly mustSee: boolean;
  /**
   * The attraction whose paid area this one lies inside (Meilu Villa inside
   * Lushan's gate): a visit needs that ticket too, bought once per trip.
   */
  readonly within?: string;
  /**
   * Other attractions this product takes the party to (the Two Dams One Gorge
   * boat: the dam's visitor area and Xiling Gorge): a plan that books it sees
   * them there, so it does not also sell them, and values it by them.
   */
  readonly includes?: readonly string[];
  /**
   * `required`: an outdoor site (a mountain, a lake shore, a wetland, a gorge) that a
   * visit must leave by sunset, whatever its gates say (calendar/daylight-window.ts);
   * `any` or absent: it may be seen after dark (a lit riverfront, a night cruise, a hall).
   */
  readonly daylight?: Daylight;
  /**
   * The time of day the sight is at (Hongyadong's lit facade, about 18:00–22:00): a
   * visit is planned wholly inside it (calendar/time-of-day.ts); absent = any time it is open.
   */
  readonly bestTime?: ClockSpan;
  /**
   * Fixed sailings (a sightseeing boat): a visit starts only at one of them. A span
   * whose from and to differ is a run of boats leaving in turn, at a headway the
   * source does not give: any start inside it. Absent = whenever it is open.
   */
  readonly departures?: readonly ClockSpan[];
  /**
   * Where a run of departures boards when a source names a pier away from the site's point (the
   * Two Rivers evening boats at Hankou Yuehan pier, the site's point in Wuchang). Not located (no
   * sourced point): the plan's transfers are timed to the site's point, and the views say so.
   */
  readonly piers?: readonly Pier[];
  readonly description?: string;
  readonly note?: string;
}

/** A span of clock time on one day, minutes after local midnight; fromMin === toMin is one instant. */
export interface ClockSpan {
  readonly fromMin: MinuteOfDay;
  readonly toMin: MinuteOfDay;
}

export const DAYLIGHT = ['required', 'any'] as const;
export type Daylight = (typeof DAYLIGHT)[number];

export interface Link {
  readonly from: string;
  readonly to: string;
  readonly mode: LinkMode;
  readonly oneway: boolean;
  readonly durationMin: Minutes;
  /** Adult fare. */
  readonly fare: number;
  /** Per rider category; absent categories pay `fare`. */
  readonly fares: Readonly<Record<string, number>>;
  /** Fixed timetable; when present, first/last/every do not apply. */
  readonly departures?: readonly MinuteOfDay[];
  readonly firstMin: MinuteOfDay;
  readonly lastMin: MinuteOfDay;
  /** Headway; absent = depart whenever wanted within first..last. */
  readonly everyMin?: Minutes;
  readonly facts?: Provenance;
  readonly note?: string;
  readonly id?: string;
  readonly stations?: { readonly from: string; readonly to: string };
  readonly perDay?: number;
  readonly provenance: FactMap;
}

export interface CuratedRoute {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string;
  readonly cities: readonly string[];
  readonly attractions: readonly string[];
  readonly themes: readonly Theme[];
  readonly days?: number;
  readonly description?: string;
  readonly note?: string;
  readonly facts?: Provenance;
}

export type ValidityKind = 'consecutive-days' | 'flex-days' | 'attraction-count';
export type ValidityStart = 'first-use' | 'issue-date' | 'fixed-date';
export type Entries = 'once' | 'once-per-day' | 'unlimited';

export interface PassProduct {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string;
  readonly note?: string;
  readonly covers: {
    readonly themes: readonly Theme[];
    readonly cities: readonly string[];
    readonly attractions: readonly string[];
    readonly exclude: readonly string[];
  };
  /** Resolved from `covers`: the attraction ids this pass admits to, sorted. */
  readonly attractionIds: readonly string[];
  readonly validity: {
    readonly kind: ValidityKind;
    readonly days?: number;
    readonly withinDays?: number;
    readonly count?: number;
    readonly starts: ValidityStart;
    /** For `starts: fixed-date`. */
    readonly startDate?: IsoDate;
  };
  readonly entries: Entries;
  readonly price: Readonly<Record<string, number>>;
  readonly blackout: readonly DateRange[];
  readonly reservationStillRequired: boolean;
  readonly facts?: Provenance;
  /** A real product on sale; false = a sample product of this project. */
  readonly real: boolean;
  readonly url?: string;
  /** Sold only to local residents: listed, never quoted to visitors. */
  readonly residentsOnly: boolean;
  readonly provenance: FactMap;
}

export const PROGRAMME_KINDS = ['board', 'sail', 'excursion', 'optional', 'meal', 'disembark'] as const;
/**
 * What a cruise programme item is: boarding, a passage seen from the deck (`sail`), a shore
 * excursion in the fare (`excursion`), one sold aboard (`optional`), a meal or reception, disembarking.
 */
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/** One item of a cruise's day-by-day programme, as the operators publish it. */
export interface ProgrammeItem {
  /** Day of the sailing, 1 = the boarding day. */
  readonly day: number;
  readonly kind: ProgrammeKind;
  readonly what: string;
  /** `what` in Chinese (place names as the sites' own Chinese names); absent: documents in Chinese show `what`. */
  readonly whatZh?: string;
  /** Clock times when published; absent when the programme says only "evening" (see `when`). */
  readonly startMin?: MinuteOfDay;
  readonly endMin?: MinuteOfDay;
  /** The time as published when it is not a clock time ("evening", "afternoon"). */
  readonly when?: string;
  /** `when` in Chinese. */
  readonly whenZh?: string;
  /** The published time is "about" this: show it as approximate. */
  readonly approximate: boolean;
  /** The catalogue attraction this item visits or passes. */
  readonly site?: string;
  /** For `optional`: the id of the optional excursion that prices it. */
  readonly excursion?: string;
  /** Attractions some ships visit instead of `site` (river conditions, the ship). */
  readonly alternatives: readonly string[];
}

/** An excursion sold aboard, with its published price per person where there is one. */
export interface OptionalExcursion {
  readonly id: string;
  readonly what: string;
  /** `what` in Chinese, for the quote's exclusions and documents in Chinese. */
  readonly whatZh?: string;
  readonly site?: string;
  /** Per rider category; empty = price not published. */
  readonly price: Readonly<Record<string, number>>;
}

/** A cabin grade, priced against the cruise's base fare: a share of it, a supplement, or on request. */
export interface CabinGrade {
  readonly grade: string;
  readonly name: string;
  /** Whole percent of the base fare. */
  readonly paysPercent?: number;
  /** Per person on top of the base fare. */
  readonly plus?: number;
  /** No published price: "on request". */
  readonly onRequest: boolean;
}

/** What a child pays, in percent of the adult fare of the same cabin. */
export interface CruiseChildFare {
  /** The rider category this rule prices. */
  readonly category: string;
  /** As published, e.g. "2-11". */
  readonly ages: string;
  /** true: the child has a bed of its own; false: shares the adults' beds. */
  readonly bed: boolean;
  readonly paysPercent: number;
}

/**
 * A multi-day cruise product (docs/CATALOGUE.md "cruises"): its sailing days, where and when one
 * boards and leaves the ship, the nights aboard (the lodging), the day-by-day programme, optional
 * excursions, cabin grades and child fares. `link` names the catalogue link the ship sails, whose
 * timetable and fare the planner uses for the leg.
 */
export interface Cruise {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string;
  readonly from: string;
  readonly to: string;
  readonly link?: string;
  readonly nights: number;
  readonly operators: readonly string[];
  /** Days of the week a ship of this product leaves. */
  readonly weekdays: readonly Weekday[];
  readonly board: { readonly place: string; readonly openMin: MinuteOfDay; readonly closeMin: MinuteOfDay; readonly note?: string };
  /** When the ship sails on the boarding day. */
  readonly sailMin: MinuteOfDay;
  readonly disembark: { readonly place: string; readonly day: number; readonly openMin?: MinuteOfDay; readonly closeMin: MinuteOfDay; readonly note?: string };
  readonly programme: readonly ProgrammeItem[];
  readonly optionalExcursions: readonly OptionalExcursion[];
  /** Base fare per person sharing a twin cabin, per rider category (the default category's is the base). */
  readonly fare: Readonly<Record<string, number>>;
  readonly cabins: readonly CabinGrade[];
  /** Single use of a twin cabin, in percent of the base fare. */
  readonly singleUsePercent?: number;
  readonly childFares: readonly CruiseChildFare[];
  /** The fare includes the meals served aboard. */
  readonly mealsIncluded: boolean;
  readonly note?: string;
  readonly provenance: FactMap;
}

export interface HolidayOverride {
  readonly range: DateRange;
  readonly name: string;
  readonly kind: 'holiday' | 'workday';
}

export interface Catalogue {
  readonly version: 1;
  readonly name: string;
  /** The region's name in Chinese (documents in Chinese); `name` when absent. */
  readonly nameZh?: string;
  readonly timezone: string;
  readonly currency: string;
  readonly riderCategories: readonly RiderCategory[];
  readonly cities: readonly City[];
  readonly attractions: readonly Attraction[];
  readonly links: readonly Link[];
  readonly routes: readonly CuratedRoute[];
  readonly passes: readonly PassProduct[];
  readonly holidays: readonly HolidayOverride[];
  readonly sources: readonly FactSource[];
  readonly discountRules: readonly DiscountRule[];
  /** Multi-day cruise products (empty when the file has none). */
  readonly cruises: readonly Cruise[];
  /** Reference rates for quotes, when the catalogue has a `rates:` section. */
  readonly rates?: RateTable;
}

/** A named pier of a run of an attraction's departures (Attraction.piers). */
export interface Pier {
  /** One of the attraction's departures. */
  readonly departures: ClockSpan;
  readonly name: string;
  readonly nameZh?: string;
}
