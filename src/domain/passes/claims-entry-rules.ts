/**
 * The entry rules of a pass read from its signed claims alone: what an
 * offline gate applies against its own log (`pass redeem --offline`), where
 * there is no ledger row to read them from.
 */
import type { EntryRules } from './ledger-entry-rule.js';
import type { PassClaims } from './token.js';

/**
 * @example claimsEntryRules(decoded.claims) // { kind: 'flex-days', days: 3, withinDays: 7, … }
 */
export function claimsEntryRules(claims: PassClaims): EntryRules {
  return {
    kind: claims.kind,
    starts: claims.starts,
    entries: claims.entries,
    validFrom: claims.validFrom,
    validUntil: claims.validUntil,
    ...(claims.days !== undefined ? { days: claims.days } : {}),
    ...(claims.withinDays !== undefined ? { withinDays: claims.withinDays } : {}),
    ...(claims.count !== undefined ? { count: claims.count } : {}),
  };
}
