/**
 * The itinerary document (`plan --json`, design/CLI.md). This is a public
 * contract read by scripts and by `plan check`: add optional fields only.
 */
import type { DaySunset } from '../calendar/daylight-window.js';
import type { IsoDate, Theme } from '../catalogue/model.js';

export const ITINERARY_SCHEMA_VERSION = 1;
export const ITINERARY_KIND = 'yangtze.itinerary';

export type Pace = 'relaxed' | 'standard' | 'packed';

/** Rider category id → head count. */
export type Party = Readonly<Record<string, number>>;

export interface PlanRequest {
  readonly from: string;
  readonly to?: string;
  readonly start: IsoDate;
  readonly days: number;
  readonly themes: readonly Theme[];
  readonly party: Party;
  /** "HH:MM" */
  readonly dayStart: string;
  readonly dayEnd: string;
  readonly must: readonly string[];
  readonly avoid: readonly string[];
  readonly pace: Pace;
  readonly budget?: number;
  readonly route?: string;
  readonly seed?: number;
  /** false with --no-meals; absent = lunch (and a late day's dinner) are planned. */
  readonly meals?: boolean;
  /** With --stay or --cities: the only cities the trip goes to besides `from`. */
  readonly cities?: readonly string[];
}

export interface VisitItem {
  readonly kind: 'visit';
  readonly attraction: string;
  readonly city: string;
  /** ISO 8601 with +08:00. */
  readonly start: string;
  readonly end: string;
  readonly themes: readonly Theme[];
  /** Whole party. */
  readonly cost: number;
  /** Facts behind this visit that rest on an estimate or an assumption (`price.adult`, `hours`, `closed`); absent when all are sourced. */
  readonly estimates?: readonly string[];
  /** Inside this attraction's paid area (catalogue `within`): its ticket is what admits the party. */
  readonly within?: string;
  /**
   * The part of `cost` that is the enclosing area's admission: on the first
   * visit inside an area the plan does not visit itself (the ticket is bought once).
   */
  readonly withinCost?: number;
  /**
   * The catalogue sites this product takes the party to (catalogue `includes`: the Two Dams One
   * Gorge boat to the dam and through Xiling Gorge): seen in this visit, so no other visit sells them.
   */
  readonly includes?: readonly string[];
  /**
   * The cruise product id (routes.yaml `cruises:`) when the visit is part of its programme: made
   * from the ship, inside the cruise leg's span, not from a hotel (no travel item leads to it).
   * Without `excursion` it is a passage seen from the deck.
   */
  readonly aboard?: string;
  /** A shore excursion of the programme (with `aboard`). */
  readonly excursion?: true;
  /** An optional excursion sold aboard (with `aboard` and `excursion`): its cost is the excursion's price for the party. */
  readonly optional?: true;
}

/**
 * An item of a cruise's published programme that is not a catalogue site (a shore excursion to a
 * town, a reception, disembarking): it happens aboard or ashore with the ship, so checkers read it
 * as part of the cruise leg, not as a stop. `approximate`: the programme says "about".
 */
export interface CruiseItem {
  readonly kind: 'cruise';
  /** The cruise product id: the item happens aboard it (or ashore with it), like a visit's `aboard`. */
  readonly aboard: string;
  readonly part: 'board' | 'passage' | 'shore-excursion' | 'optional-excursion' | 'meal' | 'disembark';
  readonly what: string;
  readonly start: string;
  readonly end: string;
  /** 0: in the fare (an optional excursion not chosen is shown, not charged). */
  readonly cost: number;
  readonly approximate?: true;
  /** The time as published when it is not a plain clock time. */
  readonly when?: string;
  /** `what` and `when` in Chinese, where the catalogue has them (documents and terminal in Chinese); absent in older plans. */
  readonly whatZh?: string;
  readonly whenZh?: string;
}

export interface TravelItem {
  readonly kind: 'travel';
  /** Attraction or city id. */
  readonly from: string;
  readonly to: string;
  /** 'local' within a city, else a link mode. */
  readonly mode: 'local' | 'rail' | 'road' | 'cruise' | 'ferry' | 'flight';
  readonly depart: string;
  readonly arrive: string;
  readonly cost: number;
  /** Facts behind this journey that rest on an estimate (`fare`, `fares.child`, `timetable`, `duration`; local legs: `distance`, `rates.taxi`, `rates.vehicles`); absent when all are sourced. */
  readonly estimates?: readonly string[];
  /** Local legs only: how the party makes it (docs/CLI.md); absent on links between cities and in older plans. */
  readonly transfer?: LocalTransfer;
}

/**
 * How a local leg is made: on foot between neighbouring sites, by metered
 * taxi (`taxis` cars for the party; `cost` is the meter), or by the group's
 * vehicle with driver, hired per day and city: its day rate is the `cost` of
 * the day's first leg in that city, which carries `vehicle`.
 */
export interface LocalTransfer {
  readonly by: 'walk' | 'taxi' | 'vehicle';
  /** Path or road kilometres, from the road model (an estimate). */
  readonly km: number;
  readonly taxis?: number;
  readonly vehicle?: { readonly seats: number; readonly count: number };
}

/**
 * A meal break (docs/CLI.md "Meals"): lunch in every sightseeing day, dinner
 * when the day runs late, taken where the party is (`near`: the stop or city
 * it is at). Never overlaps a visit or a travel item. `cost` is an estimate
 * for the whole party (`estimate: true`); it is not part of the budget.
 */
export interface MealItem {
  readonly kind: 'meal';
  readonly meal: 'lunch' | 'dinner';
  readonly city: string;
  /** Attraction or city id: where the party is. */
  readonly near: string;
  readonly start: string;
  readonly end: string;
  readonly cost: number;
  readonly estimate: true;
  /** Taken inside this visit (lunch at a mountain or scenic area during a long visit): lies within its span. */
  readonly within?: string;
}

export type ItineraryItem = VisitItem | TravelItem | MealItem | CruiseItem;

export interface ItineraryDay {
  readonly day: number;
  readonly date: IsoDate;
  readonly theme: Theme | null;
  readonly start: string;
  /** A city id, or 'on-board' for a night on a cruise ship. */
  readonly lodging: string;
  readonly items: readonly ItineraryItem[];
  /** Present only when the day is a public holiday. */
  readonly holiday?: DayHoliday;
  /**
   * Present only on a day with a visit to an outdoor site (catalogue `daylight: required`):
   * the sunset at the one whose sun sets first, by which its visits end (added compatibly).
   */
  readonly sunset?: DaySunset;
}

/**
 * A public holiday on a day of the plan. `provisional`: derived from the law
 * for a year whose official schedule is not yet known (no make-up workdays
 * or bridging days); `goldenWeek`: Spring Festival or National Day.
 */
export interface DayHoliday {
  readonly name: string;
  readonly nameZh?: string;
  readonly goldenWeek: boolean;
  readonly provisional: boolean;
  /** A customer note in English (crowds, book ahead; provisional or not). */
  readonly note: string;
}

/**
 * `last-entry`: reachable only after the last start its hours allow; `cruise-option`: on the programme of the
 * plan's cruise as an optional excursion not chosen, or a site some ships visit instead (both added compatibly, schemaVersion 1).
 */
export type UnscheduledReasonCode = 'closed' | 'no-time' | 'budget' | 'theme' | 'avoided' | 'unreachable' | 'last-entry' | 'cruise-option' | 'after-dark';

export interface UnscheduledEntry {
  readonly attraction: string;
  readonly reason: UnscheduledReasonCode;
  readonly detail: string;
}

/**
 * Something the reader of a plan should know about the plan as a whole
 * (`search-cut-short`: the wall-clock safety cap stopped the search, so the
 * same request may give another plan on another run; `empty-plan`; …).
 */
export interface ItineraryWarning {
  readonly code: string;
  readonly message: string;
}

export interface Itinerary {
  readonly schemaVersion: 1;
  readonly kind: 'yangtze.itinerary';
  readonly request: PlanRequest;
  readonly days: readonly ItineraryDay[];
  readonly byTheme: Readonly<Record<Theme, readonly string[]>>;
  readonly unscheduled: readonly UnscheduledEntry[];
  readonly totals: {
    readonly visits: number;
    readonly score: number;
    readonly admission: number;
    readonly transport: number;
    readonly currency: string;
  };
  /** Absent when there is nothing to warn about. */
  readonly warnings?: readonly ItineraryWarning[];
}
