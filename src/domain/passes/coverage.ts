/**
 * Coverage references: a pass whose product covers many attractions names
 * its list by reference in the token (`~<product>.<8 hex>` in claim 7) and
 * the trust file carries the list under that reference. The hash is of the
 * sorted list, so a product whose coverage changes gets a new reference and
 * passes sold before keep the list they were sold with. docs/TOKEN.md.
 *
 * Pure. API: coverageRef(product, attractions), usesCoverageRef(attractions),
 * COVERAGE_REF_PREFIX, COVERAGE_REF_THRESHOLD.
 */
import { createHash } from 'node:crypto';

/** Claim 7 starting with this is a reference; attraction ids never start with it. */
export const COVERAGE_REF_PREFIX = '~';
/** Up to this many attractions the token lists them (≤ ~400 characters); more go by reference (~330 with an ID hash). */
export const COVERAGE_REF_THRESHOLD = 6;

/** `<product>.<first 8 hex of SHA-256 of the sorted ids joined with ",">` */
export function coverageRef(product: string, attractions: readonly string[]): string {
  const hash = createHash('sha256').update([...attractions].sort().join(','), 'utf8').digest('hex').slice(0, 8);
  return `${product}.${hash}`;
}

export function usesCoverageRef(attractions: readonly string[]): boolean {
  return attractions.length > COVERAGE_REF_THRESHOLD;
}
