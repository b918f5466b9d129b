/**
 * The catalogue's facts by status and age (`yangtze catalogue audit`): one
 * row per provenance entry of every city, attraction, link and pass, with
 * how many days ago its source was read, filtered as asked. Pure: `today`
 * comes in. A fact checked in a month counts from that month's first day, so
 * its age is never understated; a fact with no checked date is older than any.
 */
import { daysBetween } from '../calendar/iso-date.js';
import type { Catalogue, Fact, FactSource, FactStatus, IsoDate } from './model.js';

export type AuditedKind = 'city' | 'attraction' | 'link' | 'pass';

export interface AuditedFact {
  readonly kind: AuditedKind;
  /** Item id (a link without one: from-to). */
  readonly id: string;
  /** The city the item is in (a link: its origin). */
  readonly city: string;
  readonly field: string;
  readonly status: FactStatus;
  readonly checked?: string;
  /** Days since `checked`; absent when no date is recorded. */
  readonly ageDays?: number;
  readonly sources: readonly FactSource[];
  readonly note?: string;
  /** Derived by a discount rule or the item's own discounts, not written for this item. */
  readonly derived: boolean;
}

export interface AuditFilters {
  readonly statuses?: readonly FactStatus[];
  /** Only facts checked before this day (or never). */
  readonly checkedBefore?: IsoDate;
  readonly item?: string;
  readonly city?: string;
}

export interface FactAudit {
  readonly asOf: IsoDate;
  readonly filters: AuditFilters;
  /** Over the facts shown. */
  readonly byStatus: Readonly<Record<FactStatus, number>>;
  readonly facts: readonly AuditedFact[];
  /** Items with no per-fact provenance at all (a hand-written catalogue, the older `facts:` block). */
  readonly withoutProvenance: readonly string[];
}

/** First day of a `YYYY-MM` or the date of a `YYYY-MM-DD`. */
export function checkedDay(checked: string): IsoDate {
  return checked.length === 7 ? `${checked}-01` : checked;
}

export function auditFacts(catalogue: Catalogue, filters: AuditFilters, today: IsoDate): FactAudit {
  const sources = new Map(catalogue.sources.map((s) => [s.id, s]));
  const rows: AuditedFact[] = [];
  const withoutProvenance: string[] = [];
  const add = (kind: AuditedKind, id: string, city: string, provenance: Readonly<Record<string, Fact>>) => {
    const entries = Object.entries(provenance);
    if (entries.length === 0) withoutProvenance.push(`${kind} ${id}`);
    for (const [field, f] of entries) {
      rows.push({
        kind,
        id,
        city,
        field,
        status: f.status,
        ...(f.checked !== undefined ? { checked: f.checked, ageDays: Math.max(0, daysBetween(checkedDay(f.checked), today)) } : {}),
        sources: f.sources.map((s) => sources.get(s) ?? { id: s, title: s }),
        ...(f.note !== undefined ? { note: f.note } : {}),
        derived: f.derivedFrom !== undefined,
      });
    }
  };
  for (const c of catalogue.cities) add('city', c.id, c.id, c.provenance);
  for (const a of catalogue.attractions) add('attraction', a.id, a.city, a.provenance);
  for (const l of catalogue.links) add('link', l.id ?? `${l.from}-${l.to}`, l.from, l.provenance);
  for (const p of catalogue.passes) if (p.real) add('pass', p.id, '', p.provenance);

  const facts = rows.filter(
    (r) =>
      (filters.statuses === undefined || filters.statuses.includes(r.status)) &&
      (filters.checkedBefore === undefined || r.checked === undefined || checkedDay(r.checked) < filters.checkedBefore) &&
      (filters.item === undefined || r.id === filters.item) &&
      (filters.city === undefined || r.city === filters.city),
  );
  const byStatus = { confirmed: 0, estimate: 0, assumed: 0 };
  for (const f of facts) byStatus[f.status]++;
  return { asOf: today, filters, byStatus, facts, withoutProvenance };
}
