/**
 * A pass as the ledger stores it (table `passes`), and the conversions from
 * signed claims and to the entry rules. The holder's ID number is never here:
 * only the salted hash that the token carries too.
 */
import type { Entries, IsoDate, ValidityKind, ValidityStart } from '../../domain/catalogue/model.js';
import type { EntryRules } from '../../domain/passes/ledger-entry-rule.js';
import type { PassClaims } from '../../domain/passes/token.js';

export const PASS_STATUSES = ['issued', 'active', 'used-up', 'revoked', 'refunded'] as const;
export type StoredStatus = (typeof PASS_STATUSES)[number];

export interface LedgerPass {
  readonly id: string;
  readonly product: string;
  readonly holder: string;
  readonly category: string;
  readonly idHash: string | null;
  readonly booking: string | null;
  /** Which traveller of this booking with this name and product: 1, 2, … (two children both called Li Wei). */
  readonly traveller: number;
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
  readonly kind: ValidityKind;
  readonly starts: ValidityStart;
  readonly entries: Entries;
  readonly days: number | null;
  readonly withinDays: number | null;
  readonly count: number | null;
  readonly attractions: readonly string[];
  readonly price: number;
  readonly currency: string;
  readonly status: StoredStatus;
  readonly activatedOn: IsoDate | null;
  /** ISO 8601 timestamp with +08:00. */
  readonly issuedAt: string;
  readonly keyId: string;
  readonly token: string;
}

/** The row as SQLite returns it (snake_case, attractions comma-joined). */
export interface PassRow {
  id: string;
  product: string;
  holder: string;
  category: string;
  id_hash: string | null;
  booking: string | null;
  traveller: number;
  valid_from: string;
  valid_until: string;
  kind: string;
  starts: string;
  entries: string;
  days: number | null;
  within_days: number | null;
  count: number | null;
  attractions: string;
  price: number;
  currency: string;
  status: string;
  activated_on: string | null;
  issued_at: string;
  key_id: string;
  token: string;
}

export const PASS_COLUMNS =
  'id, product, holder, category, id_hash, booking, traveller, valid_from, valid_until, kind, starts, entries, days, within_days, count, attractions, price, currency, status, activated_on, issued_at, key_id, token';

export function passFromRow(r: PassRow): LedgerPass {
  return {
    id: r.id,
    product: r.product,
    holder: r.holder,
    category: r.category,
    idHash: r.id_hash,
    booking: r.booking,
    traveller: r.traveller,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    kind: r.kind as ValidityKind,
    starts: r.starts as ValidityStart,
    entries: r.entries as Entries,
    days: r.days,
    withinDays: r.within_days,
    count: r.count,
    attractions: r.attractions === '' ? [] : r.attractions.split(','),
    price: r.price,
    currency: r.currency,
    status: r.status as StoredStatus,
    activatedOn: r.activated_on,
    issuedAt: r.issued_at,
    keyId: r.key_id,
    token: r.token,
  };
}

/** What `issue` stores for a freshly signed pass. */
export function newPassRow(
  claims: PassClaims,
  extra: { price: number; currency: string; withinDays?: number; issuedAt: string; token: string; traveller?: number },
): PassRow {
  return {
    id: claims.passId,
    product: claims.product,
    holder: claims.holder,
    category: claims.category,
    id_hash: claims.idHash ?? null,
    booking: claims.booking ?? null,
    traveller: extra.traveller ?? 1,
    valid_from: claims.validFrom,
    valid_until: claims.validUntil,
    kind: claims.kind,
    starts: claims.starts,
    entries: claims.entries,
    days: claims.days ?? null,
    within_days: extra.withinDays ?? null,
    count: claims.count ?? null,
    attractions: claims.attractions.join(','),
    price: extra.price,
    currency: extra.currency,
    status: 'issued',
    activated_on: null,
    issued_at: extra.issuedAt,
    key_id: claims.keyId,
    token: extra.token,
  };
}

export function entryRulesOf(p: LedgerPass): EntryRules {
  return {
    kind: p.kind,
    starts: p.starts,
    entries: p.entries,
    validFrom: p.validFrom,
    validUntil: p.validUntil,
    ...(p.days !== null ? { days: p.days } : {}),
    ...(p.withinDays !== null ? { withinDays: p.withinDays } : {}),
    ...(p.count !== null ? { count: p.count } : {}),
  };
}

/**
 * A pass of a booking: issuing the same booking again skips the (booking, holder, traveller, product)
 * already issued. `traveller` tells apart travellers of one booking who share a name: 1 for the
 * first of that name (and product), 2 for the second, in the order the bookings file or the
 * --holder flags list them.
 */
export interface BookingKey {
  readonly booking: string;
  readonly holder: string;
  readonly traveller: number;
  readonly product: string;
}

/** One string per (booking, holder, traveller, product): what issuedBookingKeys returns. */
export function bookingKey(k: BookingKey): string {
  return `${k.booking}\u0000${k.holder}\u0000${k.traveller}\u0000${k.product}`;
}
