/**
 * The holder's ID number as the token and the ledger carry it: never the
 * number, only a hash with a per-pass salt. docs/TOKEN.md ("The ID hash")
 * explains the choice; in short:
 *
 * - A Chinese ID number has only ~10^10–10^11 plausible values (region,
 *   birth date, sequence; the check digit is computed), so any fast *unkeyed*
 *   hash falls to a search, and a slow one (scrypt N=4096, ~8–24 ms here) made
 *   a 100,000-pass batch take 15–40 minutes while only slowing that search.
 * - So new passes use a **keyed** hash, `h:` + HMAC-SHA256(idKey, …) cut to
 *   16 bytes, where idKey is a 32-byte issuer secret kept next to the signing
 *   key. Without idKey no search is possible; it costs ~2 µs per pass.
 *   The price: only holders of idKey (the issuer's tools, and gates it
 *   chooses to give the key) can check an ID number; other gates compare the
 *   printed name with the ID card.
 * - Passes issued before carry the scrypt hash (no `h:`); they still check.
 *
 * Pure: the key and the salt are passed in.
 * API: keyedIdHash, scryptIdHash, checkIdNumber, normalizeIdNumber, KEYED_ID_HASH_PREFIX.
 */
import { createHmac, scryptSync } from 'node:crypto';
import { encodeBase64Url } from './base64url.js';
import type { PassClaims } from './token.js';

/** Marks a keyed hash; scrypt hashes are plain base64url, which has no `:`. */
export const KEYED_ID_HASH_PREFIX = 'h:';
/** 128 bits: a match by chance is out of the question, and the token stays short. */
const hashBytes = 16;

/** Spaces dropped, the check letter `x` upper-cased: how people type the same number. */
export function normalizeIdNumber(idNumber: string): string {
  return idNumber.replace(/\s+/g, '').toUpperCase();
}

/**
 * @example keyedIdHash('42010619900101123x', 'q3Yb0mI2Lx8', idKey) // 'h:' + 22 base64url characters
 */
export function keyedIdHash(idNumber: string, salt: string, idKey: Uint8Array): string {
  const mac = createHmac('sha256', idKey).update(`yangtze-id-v2\u0000${salt}\u0000${normalizeIdNumber(idNumber)}`, 'utf8').digest();
  return KEYED_ID_HASH_PREFIX + encodeBase64Url(mac.subarray(0, hashBytes));
}

/** The hash of passes issued before the keyed hash (scrypt N=4096, r=8, p=1): kept to check them. */
export function scryptIdHash(idNumber: string, salt: string): string {
  return encodeBase64Url(scryptSync(normalizeIdNumber(idNumber), `yangtze-id-v1:${salt}`, hashBytes, { N: 4096, r: 8, p: 1 }));
}

export type IdCheck = 'match' | 'mismatch' | 'no-hash' | 'no-key';

/**
 * Does the ID number shown at the gate match the pass? `no-hash`: the pass
 * was issued without one; `no-key`: it has a keyed hash and `idKey` (the key
 * of the pass's signing key) is not at hand.
 */
export function checkIdNumber(claims: PassClaims, idNumber: string, idKey: Uint8Array | undefined): IdCheck {
  const { idHash, idSalt } = claims;
  if (idHash === undefined || idSalt === undefined) return 'no-hash';
  if (idHash.startsWith(KEYED_ID_HASH_PREFIX)) {
    if (!idKey) return 'no-key';
    return keyedIdHash(idNumber, idSalt, idKey) === idHash ? 'match' : 'mismatch';
  }
  return scryptIdHash(idNumber, idSalt) === idHash ? 'match' : 'mismatch';
}
