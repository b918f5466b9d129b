/**
 * A trip quote as data: every cost line, the price per person by rider
 * category and room basis, the group total, the pax-range table, inclusions,
 * exclusions and the assumptions it rests on. Every view (terminal, pipe,
 * JSON, CSV, the agency document) renders this one value. Money is integer fen.
 */
import type { Grade, Meal } from './rates.js';
import type { Margin, Rounding } from './margin.js';
import type { Fen } from './money.js';

export const QUOTE_SCHEMA_VERSION = 1;
export const QUOTE_KIND = 'yangtze.quote';

export const SECTIONS = ['lodging', 'meals', 'admissions', 'fares', 'cruise', 'transfers', 'guide'] as const;
export type Section = (typeof SECTIONS)[number];

export type RoomPlan = 'twin' | 'single';
export type ChildBed = 'share' | 'extra-bed' | 'own-room';
export type LocalTransport = 'vehicle' | 'taxi' | 'none';
/**
 * The hotel night after the last day. `auto`: included when the trip ends with an evening
 * arrival (the party spends that night in the last city), not when it ends after a day of
 * sightseeing (the journey home leaves that day) — see lastNightRule in price-trip.ts.
 */
export type LastNight = 'auto' | 'include' | 'exclude';
export const LAST_NIGHT_CHOICES: readonly LastNight[] = ['auto', 'include', 'exclude'];

export interface QuoteOptions {
  readonly party: Readonly<Record<string, number>>;
  readonly grade: Grade;
  readonly rooms: RoomPlan;
  readonly childBed: ChildBed;
  readonly transport: LocalTransport;
  /** Language code of the guide, or undefined for no guide. */
  readonly guide?: string;
  readonly cabin: string;
  readonly margin: Margin;
  readonly rounding: Rounding;
  /** The hotel night after the last day (default auto). */
  readonly lastNight?: LastNight;
  /** Travellers per row of the pax-range table. */
  readonly paxRange: readonly number[];
}

/** Words in both languages: the dataset is the same whatever --lang is. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

/**
 * Who pays a line: a rider category and how it sleeps. `twin`: sharing a
 * twin room; `single`: a room alone; `share`: a child in the parents' room
 * without a bed; `extra-bed`; `own-room`: children in a room of their own.
 */
export interface PriceRow {
  readonly id: string;
  readonly category: string;
  readonly basis: 'twin' | 'single' | 'share' | 'extra-bed' | 'own-room';
  readonly travellers: number;
}

export interface QuoteLine {
  readonly section: Section;
  readonly day?: number;
  readonly date?: string;
  readonly label: Text;
  /** What one unit is: a room-night, a person, a vehicle-day, a guide-day, a ride. */
  readonly unit: 'room-night' | 'person' | 'vehicle-day' | 'guide-day' | 'ride' | 'bed-night';
  readonly quantity: number;
  readonly unitFen: Fen;
  /** quantity × unitFen. */
  readonly totalFen: Fen;
  /** Price rows that pay this line, split evenly per head among their travellers. */
  readonly payers: readonly string[];
  /** The figure rests on an estimate, not a published or contracted price. */
  readonly estimate: boolean;
  /** Where the price comes from (a source, a rate sheet) or the basis of the estimate. */
  readonly basis: string;
}

export interface RowPrice {
  readonly row: PriceRow;
  /** Net cost per person, rounded up to the fen when a shared cost does not divide evenly. */
  readonly netFen: Fen;
  /** After margin and rounding: the price quoted to the customer, per person. */
  readonly sellFen: Fen;
  readonly estimate: boolean;
}

export interface PaxRangeRow {
  readonly travellers: number;
  /** Per person sharing a twin room (adults of the default category). */
  readonly perPersonFen: Fen;
  readonly groupFen: Fen;
  /** Extra per person for a room alone. */
  readonly singleSupplementFen: Fen;
}

export interface DayPlan {
  readonly day: number;
  readonly date: string;
  /** City id of the hotel that night, 'on-board', or undefined after the last day. */
  readonly night?: string;
  readonly hotel?: Text;
  readonly meals: readonly { readonly meal: Meal; readonly where: 'restaurant' | 'hotel' | 'on-board' }[];
  readonly transfers: Text;
}

export interface TripQuote {
  readonly schemaVersion: 1;
  readonly kind: 'yangtze.quote';
  readonly currency: string;
  readonly trip: {
    readonly from: string;
    readonly to?: string;
    readonly start: string;
    readonly days: number;
    /** Hotel and cabin nights, the last night included when it is. */
    readonly nights: number;
    /** Whether the night after the last day is priced, and why (the rule or the option). */
    readonly lastNight: { readonly included: boolean; readonly reason: Text };
  };
  readonly options: {
    readonly party: Readonly<Record<string, number>>;
    readonly grade: Grade;
    readonly rooms: RoomPlan;
    readonly childBed: ChildBed;
    readonly transport: LocalTransport;
    readonly guide: string | null;
    readonly cabin: string;
    readonly margin: Margin;
    readonly rounding: Rounding;
    readonly lastNight: LastNight;
  };
  readonly lines: readonly QuoteLine[];
  readonly bySection: Readonly<Record<Section, Fen>>;
  readonly rows: readonly RowPrice[];
  readonly totals: {
    /** Σ lines: what the trip costs the agency. */
    readonly netFen: Fen;
    /** Σ per-person price × travellers: what the customer pays. */
    readonly sellFen: Fen;
    /** sell − net (markup or commission, plus what rounding added). */
    readonly marginFen: Fen;
    readonly travellers: number;
  };
  readonly paxRange: readonly PaxRangeRow[];
  readonly days: readonly DayPlan[];
  readonly inclusions: readonly Text[];
  readonly exclusions: readonly Text[];
  /** What the quote assumed where the plan or the rates were silent. */
  readonly assumptions: readonly Text[];
  /** Costs the rates could not price (the quote is then incomplete). */
  readonly missing: readonly Text[];
  readonly estimates: boolean;
}
