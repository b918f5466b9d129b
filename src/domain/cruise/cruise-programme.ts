/**
 * A cruise product's programme laid on a trip (docs/CATALOGUE.md "cruises"): which product sails
 * a leg, which catalogue sites its programme visits (in the fare) or offers (sold aboard), and
 * each published item on the trip's minute axis. Items without a clock time ("evening") are not
 * placed: the catalogue keeps them, the itinerary shows only what has a time.
 */
import type { Catalogue, Cruise, Link, OptionalExcursion, ProgrammeItem } from '../catalogue/model.js';

const MINUTES_PER_DAY = 1440;

/** The product that sails this link in this direction, if the catalogue has one. */
export function cruiseForLink(catalogue: Pick<Catalogue, 'cruises'>, leg: { readonly from: string; readonly to: string; readonly link: Link }): Cruise | undefined {
  const cruises = catalogue.cruises ?? [];
  return (
    cruises.find((c) => c.link !== undefined && c.link === leg.link.id && c.from === leg.from && c.to === leg.to) ??
    cruises.find((c) => c.link === undefined && leg.link.mode === 'cruise' && c.from === leg.from && c.to === leg.to)
  );
}

/** How the programme reaches a site: in the fare (a passage or shore excursion), sold aboard, or on some ships instead of another. */
export type SiteOnProgramme =
  | { readonly how: 'included'; readonly item: ProgrammeItem }
  | { readonly how: 'optional'; readonly item?: ProgrammeItem; readonly excursion?: OptionalExcursion }
  | { readonly how: 'alternative'; readonly item: ProgrammeItem; readonly insteadOf: string };

/** How this cruise reaches `site`, or undefined when it does not. */
export function siteOnProgramme(cruise: Cruise, site: string): SiteOnProgramme | undefined {
  const included = cruise.programme.find((p) => p.site === site && (p.kind === 'sail' || p.kind === 'excursion'));
  if (included) return { how: 'included', item: included };
  const optionalItem = cruise.programme.find((p) => p.site === site && p.kind === 'optional');
  const excursion = cruise.optionalExcursions.find((x) => x.site === site || (optionalItem?.excursion !== undefined && x.id === optionalItem.excursion));
  if (optionalItem || excursion) return { how: 'optional', ...(optionalItem ? { item: optionalItem } : {}), ...(excursion ? { excursion } : {}) };
  const alternative = cruise.programme.find((p) => p.alternatives.includes(site) && p.site !== undefined);
  if (alternative) return { how: 'alternative', item: alternative, insteadOf: alternative.site! };
  return undefined;
}

/** The first product whose programme reaches `site` (any way), for reasons and checks. */
export function cruiseReaching(catalogue: Pick<Catalogue, 'cruises'>, site: string): Cruise | undefined {
  return (catalogue.cruises ?? []).find((c) => siteOnProgramme(c, site) !== undefined);
}

/**
 * The sites a party on this cruise visits: every included passage or excursion with a site, and
 * the optional ones it asks for (`chosen`), minus those it avoids.
 */
export function visitedSites(cruise: Cruise, chosen: ReadonlySet<string>, avoided: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const p of cruise.programme) {
    if (p.site === undefined || avoided.has(p.site)) continue;
    if (p.kind === 'sail' || p.kind === 'excursion' || (p.kind === 'optional' && chosen.has(p.site))) out.add(p.site);
  }
  return out;
}

/** One programme item at its place on the trip's minute axis (00:00 of trip day 1 = 0). */
export interface ProgrammeSlot {
  readonly item: ProgrammeItem;
  /** Trip day index (0-based). */
  readonly tripDay: number;
  readonly startMin: number;
  readonly endMin: number;
}

/**
 * The programme's timed items for a sailing whose day 1 is trip day `boardTripDay`, in time order
 * (ties: programme order). An item with a start but no end is a moment (start = end).
 */
export function programmeOnTrip(cruise: Cruise, boardTripDay: number): ProgrammeSlot[] {
  return cruise.programme
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.startMin !== undefined)
    .map(({ item, index }) => {
      const tripDay = boardTripDay + item.day - 1;
      const base = tripDay * MINUTES_PER_DAY;
      const startMin = base + item.startMin!;
      return { slot: { item, tripDay, startMin, endMin: Math.max(startMin, base + (item.endMin ?? item.startMin!)) }, index };
    })
    .sort((a, b) => a.slot.startMin - b.slot.startMin || a.index - b.index)
    .map(({ slot }) => slot);
}

/** What an optional excursion costs the party: its published price per category, the default category's for the others. */
export function optionalExcursionCost(excursion: OptionalExcursion | undefined, party: Readonly<Record<string, number>>, defaultId: string): number | undefined {
  if (!excursion) return undefined;
  const base = excursion.price[defaultId];
  if (base === undefined) return undefined;
  const total = Object.entries(party).reduce((sum, [category, n]) => sum + n * (excursion.price[category] ?? base), 0);
  return Math.round(total * 100) / 100;
}

/** How an itinerary names what a programme item is (docs/CLI.md "Cruise programme"). */
export type ProgrammePart = 'board' | 'passage' | 'shore-excursion' | 'optional-excursion' | 'meal' | 'disembark';

export const PART_OF_KIND: Readonly<Record<ProgrammeItem['kind'], ProgrammePart>> = {
  board: 'board',
  sail: 'passage',
  excursion: 'shore-excursion',
  optional: 'optional-excursion',
  meal: 'meal',
  disembark: 'disembark',
};

/** A programme item as the party lives it: a visit to a catalogue site, or an item of the ship's day. */
export type ProgrammeEvent =
  | { readonly kind: 'visit'; readonly site: string; readonly part: ProgrammePart; readonly slot: ProgrammeSlot; readonly cost: number }
  | { readonly kind: 'item'; readonly part: ProgrammePart; readonly slot: ProgrammeSlot };

/**
 * The events of one sailing, from boarding to landing (the boarding window of day 1 is an item,
 * shown before the leg; the sailing itself is the leg's travel item): included sites become visits at the fare's cost (0), optional ones the
 * party asked for (`chosen`) visits at the excursion's price, the rest items of the ship's day.
 * An optional excursion not chosen is not a scheduled event when it goes to a catalogue site: the
 * plan's `unscheduled` names it (`cruise-option`, with its price and the --must that books it);
 * shown in the day, it read as booked and overlapped the passage after it (White Emperor City
 * 07:30–10:00 under a Wu Gorge morning). One to a place the catalogue does not list (a show,
 * Shibaozhai) has nowhere else to be said, so it stays an `optional-excursion` item, which every
 * view reads as "not booked" (export/cruise-text.ts).
 * `seenBefore`, shared by a trip's sailings, holds the sites an earlier sailing visited: sailed
 * back the other way, the ship passes them again, an item of its day, not a second visit (a plan
 * up the gorges and back down listed Wu Gorge twice, which `plan check` refused).
 */
export function sailingEvents(
  cruise: Cruise,
  boardTripDay: number,
  options: {
    readonly chosen: ReadonlySet<string>; readonly avoided: ReadonlySet<string>; readonly party: Readonly<Record<string, number>>; readonly defaultId: string;
    readonly seenBefore?: Set<string>;
  },
): ProgrammeEvent[] {
  const out: ProgrammeEvent[] = [];
  const seen = options.seenBefore ?? new Set<string>();
  for (const slot of programmeOnTrip(cruise, boardTripDay)) {
    const { item } = slot;
    if (item.day === 1 && item.kind === 'sail') continue;
    const part = PART_OF_KIND[item.kind];
    const site = item.site;
    const takes = site !== undefined && !seen.has(site) && !options.avoided.has(site) && (item.kind !== 'optional' || options.chosen.has(site));
    if (item.kind === 'optional' && site !== undefined && !takes) continue;
    if (site !== undefined && takes && item.kind !== 'meal' && item.kind !== 'board' && item.kind !== 'disembark') {
      seen.add(site);
      const excursion = item.kind === 'optional' ? siteOnProgramme(cruise, site) : undefined;
      const cost = excursion?.how === 'optional' ? (optionalExcursionCost(excursion.excursion, options.party, options.defaultId) ?? 0) : 0;
      out.push({ kind: 'visit', site, part, slot, cost });
    } else {
      out.push({ kind: 'item', part, slot });
    }
  }
  return out;
}
