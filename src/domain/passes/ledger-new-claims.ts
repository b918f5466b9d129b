/**
 * The signed claims of a new pass, from its product and the sale: everything
 * a gate needs to decide offline (attractions, window, entry rules, blackout).
 */
import type { IsoDate, PassProduct } from '../catalogue/model.js';
import type { PassClaims } from './token.js';

export interface NewPassSale {
  readonly passId: string;
  readonly keyId: string;
  readonly holder: string;
  readonly category: string;
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
  /** Date of issue, Asia/Shanghai. */
  readonly issuedAt: IsoDate;
  readonly booking?: string;
  /** From keyedIdHash(idNumber, idSalt, idKey); the number itself is never kept. */
  readonly idHash?: string;
  readonly idSalt?: string;
  /** The coverage reference to write instead of the attraction list (coverage.ts), when the trust file has it. */
  readonly coverage?: string;
}

export function newPassClaims(product: PassProduct, sale: NewPassSale): PassClaims {
  const v = product.validity;
  return {
    passId: sale.passId,
    keyId: sale.keyId,
    product: product.id,
    holder: sale.holder,
    category: sale.category,
    ...(sale.idHash !== undefined && sale.idSalt !== undefined ? { idHash: sale.idHash, idSalt: sale.idSalt } : {}),
    attractions: [...product.attractionIds],
    ...(sale.coverage !== undefined ? { coverage: sale.coverage } : {}),
    validFrom: sale.validFrom,
    validUntil: sale.validUntil,
    kind: v.kind,
    starts: v.starts,
    ...(v.kind !== 'attraction-count' && v.days !== undefined ? { days: v.days } : {}),
    ...(v.kind === 'attraction-count' && v.count !== undefined ? { count: v.count } : {}),
    // Offline gates apply the entry rules from the claims alone, so the window limit travels too.
    ...(v.kind !== 'consecutive-days' && v.withinDays !== undefined ? { withinDays: v.withinDays } : {}),
    entries: product.entries,
    blackout: product.blackout,
    issuedAt: sale.issuedAt,
    ...(sale.booking ? { booking: sale.booking } : {}),
  };
}

/** The product's price for a rider category; a category left out pays the default category's. */
export function priceFor(product: PassProduct, category: string, defaultCategory: string): number | undefined {
  return product.price[category] ?? product.price[defaultCategory];
}
