/**
 * The holder's identity document number, checked by its type before it is
 * hashed into a pass (docs/PASSES.md "ID numbers"):
 *
 * - `prc`: a PRC resident identity card number (GB 11643-1999): 17 digits and
 *   a check character (0–9 or X) computed with ISO 7064 MOD 11-2; digits 7–14
 *   are the birth date, which must exist and not be in the future.
 * - `passport`: 5–20 letters and digits. Passports differ by country (a PRC
 *   passport is E or G and 8 digits; others have other shapes and no check
 *   digit printed in the number itself), so only the shape is checked.
 * - `other` (Hong Kong/Macau/Taiwan permits, foreign residence cards, …):
 *   4–30 letters, digits and hyphens; shape only.
 *
 * Spaces are ignored and letters upper-cased first (normalizeIdNumber).
 * Pure: `today` is passed in. API: ID_TYPES, IdType, checkIdDocument.
 */
import { isIsoDate } from '../calendar/iso-date.js';
import { normalizeIdNumber } from './id-hash.js';

export const ID_TYPES = ['prc', 'passport', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** The check character (GB 11643) that the first 17 digits of a PRC resident ID number call for. */
export function prcCheckChar(first17: string): string {
  return checkChars[[...first17].reduce((sum, d, i) => sum + Number(d) * weights[i]!, 0) % 11]!;
}

/** Why the number is not one of this type, in a sentence; undefined when it is. */
export function checkIdDocument(type: IdType, idNumber: string, today: string): string | undefined {
  const n = normalizeIdNumber(idNumber);
  if (type === 'passport') return /^[A-Z0-9]{5,20}$/.test(n) ? undefined : 'a passport number is 5–20 letters and digits';
  if (type === 'other') return /^[A-Z0-9][A-Z0-9-]{2,28}[A-Z0-9]$/.test(n) ? undefined : 'a document number is 4–30 letters, digits and hyphens';
  if (n.length !== 18) return `a PRC resident ID number has 18 characters, this one ${n.length}`;
  if (!/^\d{17}[\dX]$/.test(n)) return 'a PRC resident ID number is 17 digits and a check character (a digit or X)';
  const expected = prcCheckChar(n.slice(0, 17));
  if (n[17] !== expected) return `the check character is ${n[17]} but the first 17 digits give ${expected}: a digit is mistyped`;
  const birth = `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth < '1900-01-01') return `its birth date ${birth} is not a date`;
  if (birth > today) return `its birth date ${birth} is in the future`;
  return undefined;
}
