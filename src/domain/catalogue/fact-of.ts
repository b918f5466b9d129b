/**
 * Where a fact of an item comes from, read the same way for both forms a
 * catalogue may use: per-fact `provenance` (preferred), else the older
 * per-item `facts` block (its `unconfirmed` fields are estimates, the rest
 * rest on its sources). Views use this to mark what rests on an estimate.
 */
import type { Attraction, Fact, FactMap, Link, Provenance } from './model.js';

/** Anything with per-fact provenance and, perhaps, the older block. */
export interface HasFacts {
  readonly provenance: FactMap;
  readonly facts?: Provenance;
}

/**
 * The fact behind `field` (`price.child`, `hours`, …): its own entry, else the
 * entry of its first segment (`price`), else what the older block says.
 * Undefined when the item says nothing about it.
 */
export function factOf(item: HasFacts, field: string): Fact | undefined {
  const own = item.provenance[field] ?? item.provenance[field.split('.')[0]!];
  if (own) return own;
  const legacy = item.facts;
  if (legacy === undefined || Object.keys(item.provenance).length > 0) return undefined;
  const top = field.split('.')[0]!;
  if (legacy.unconfirmed.includes(top)) return { status: 'estimate', sources: [], ...(legacy.note ? { note: legacy.note } : {}) };
  if (legacy.sources.length > 0 || legacy.checked !== undefined) return { status: 'confirmed', sources: [], ...(legacy.checked ? { checked: legacy.checked } : {}) };
  return undefined;
}

/** The fields among `fields` that rest on an estimate or an assumption (not on a dated source). */
export function estimatesAmong(item: HasFacts, fields: readonly string[]): string[] {
  return fields.filter((f) => {
    const status = factOf(item, f)?.status;
    return status === 'estimate' || status === 'assumed';
  });
}

/**
 * What a customer is told about a visit: the price each rider category in the party pays, the hours, the closing
 * days, and for a sight at a time of day or a boat, its best time or its sailings (the visit's time rests on them).
 */
export function visitFacts(a: Attraction, categories: readonly string[]): string[] {
  return [
    ...categories.map((c) => `price.${c}`), 'hours', 'closed', ...(a.closedNth.length > 0 ? ['closed_nth'] : []),
    ...(a.bestTime ? ['best_time'] : []), ...(a.departures ? ['departures'] : []),
  ];
}

/** What a customer is told about a journey: the fare each rider category pays, the timetable, the duration. */
export function legFacts(link: Link, categories: readonly string[], defaultId: string): string[] {
  return [...categories.map((c) => (c === defaultId || !(c in link.fares) ? 'fare' : `fares.${c}`)), 'timetable', 'duration'].filter(
    (f, i, all) => all.indexOf(f) === i,
  );
}
