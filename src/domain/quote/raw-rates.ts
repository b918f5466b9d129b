/**
 * The `rates:` section (and a rate sheet) as written, after its shape is
 * checked: snake_case keys, money in yuan with at most two decimals, months as
 * text or numbers. src/io/catalogue-rates-schema.ts checks documents into this.
 */
import type { Grade, Meal } from './rates.js';

export interface RawRateOrigin {
  readonly source?: string | undefined;
  readonly checked?: string | undefined;
  readonly estimate?: string | undefined;
}

export interface RawLodgingRate extends RawRateOrigin {
  readonly city: string;
  readonly grade: Grade;
  readonly hotel?: string | undefined;
  readonly months?: string | readonly number[] | undefined;
  readonly room: number;
  readonly single?: number | undefined;
  readonly extra_bed?: number | undefined;
  readonly breakfast: boolean;
}

export interface RawMealRate extends RawRateOrigin {
  readonly grade: Grade;
  readonly meal: Meal;
  readonly city?: string | undefined;
  readonly price: Readonly<Record<string, number>>;
}

export interface RawTaxiRate extends RawRateOrigin {
  readonly city: string;
  readonly flag_fall: number;
  readonly included_km: number;
  readonly per_km: number;
}

export interface RawVehicleRate extends RawRateOrigin {
  readonly seats: number;
  readonly city?: string | undefined;
  readonly per_day: number;
}

export interface RawGuideRate extends RawRateOrigin {
  readonly language: string;
  readonly city?: string | undefined;
  readonly per_day: number;
}

export interface RawCruiseRate extends RawRateOrigin {
  readonly from: string;
  readonly to: string;
  readonly cabin: string;
  readonly months?: string | readonly number[] | undefined;
  readonly price: Readonly<Record<string, number>>;
  readonly single_supplement?: number | undefined;
}

export interface RawRates {
  readonly lodging: readonly RawLodgingRate[];
  readonly meals: readonly RawMealRate[];
  readonly taxi: readonly RawTaxiRate[];
  readonly vehicles: readonly RawVehicleRate[];
  readonly guides: readonly RawGuideRate[];
  readonly cruise: readonly RawCruiseRate[];
}
