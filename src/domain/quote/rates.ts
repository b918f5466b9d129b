/**
 * Reference and contracted rates (the catalogue's `rates:` section and an
 * agency's rate sheet), normalized: money in integer fen, months as numbers.
 * Every rate says where it comes from: a source, or the basis of an estimate.
 */

export const GRADES = ['budget', '3star', '4star', '5star'] as const;
export type Grade = (typeof GRADES)[number];

export const MEALS = ['breakfast', 'lunch', 'dinner'] as const;
export type Meal = (typeof MEALS)[number];

/** Where a rate comes from; `estimate` holds the basis of a figure nobody published. */
export interface RateOrigin {
  readonly source?: string;
  readonly checked?: string;
  readonly estimate?: string;
  /** 'sheet' for an agency's rate sheet (--rates), 'catalogue' for the shipped reference rates. */
  readonly origin: 'catalogue' | 'sheet';
}

export interface LodgingRate extends RateOrigin {
  readonly city: string;
  readonly grade: Grade;
  readonly hotel?: string;
  /** Months 1..12 the rate applies in; all year when absent. */
  readonly months?: readonly number[];
  /** A twin or double room per night. */
  readonly roomFen: number;
  /** The same room for one person per night; the twin price when absent. */
  readonly singleFen?: number;
  /** An extra bed (a child) per night. */
  readonly extraBedFen?: number;
  readonly breakfastIncluded: boolean;
}

export interface MealRate extends RateOrigin {
  readonly grade: Grade;
  readonly meal: Meal;
  readonly city?: string;
  /** Per rider category; others pay `adultFen`. */
  readonly fen: Readonly<Record<string, number>>;
}

export interface TaxiRate extends RateOrigin {
  readonly city: string;
  readonly flagFallFen: number;
  /** Kilometres the flag fall covers. */
  readonly includedKm: number;
  readonly perKmFen: number;
}

export interface VehicleRate extends RateOrigin {
  /** Passengers it carries (not counting driver and guide). */
  readonly seats: number;
  readonly city?: string;
  /** A vehicle with driver for a sightseeing day. */
  readonly perDayFen: number;
}

export interface GuideRate extends RateOrigin {
  readonly language: string;
  readonly city?: string;
  readonly perDayFen: number;
}

export interface CruiseRate extends RateOrigin {
  readonly from: string;
  readonly to: string;
  readonly cabin: string;
  /** Months 1..12 of the sailing date the fare applies in (a season); all year when absent. */
  readonly months?: readonly number[];
  /** Per person sharing a cabin, per rider category; others pay the default category's. */
  readonly fen: Readonly<Record<string, number>>;
  /** Extra for a person alone in a cabin. */
  readonly singleSupplementFen?: number;
}

export interface RateTable {
  readonly lodging: readonly LodgingRate[];
  readonly meals: readonly MealRate[];
  readonly taxi: readonly TaxiRate[];
  readonly vehicles: readonly VehicleRate[];
  readonly guides: readonly GuideRate[];
  readonly cruise: readonly CruiseRate[];
}

export const EMPTY_RATES: RateTable = { lodging: [], meals: [], taxi: [], vehicles: [], guides: [], cruise: [] };

/** An agency's sheet first, so its rates win every lookup; the catalogue's fill the gaps. */
export function overlayRates(sheet: RateTable, catalogue: RateTable): RateTable {
  return {
    lodging: [...sheet.lodging, ...catalogue.lodging],
    meals: [...sheet.meals, ...catalogue.meals],
    taxi: [...sheet.taxi, ...catalogue.taxi],
    vehicles: [...sheet.vehicles, ...catalogue.vehicles],
    guides: [...sheet.guides, ...catalogue.guides],
    cruise: [...sheet.cruise, ...catalogue.cruise],
  };
}
