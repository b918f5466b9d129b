/**
 * A gate's credential for the online gate service: `<gateId>.<secret>`, sent
 * as `Authorization: Bearer <gateId>.<secret>`. The secret is 32 random bytes
 * (base64url, 43 characters) made by `gate add`; the ledger keeps only its
 * SHA-256. A 256-bit random secret needs no slow hash (scrypt guards guessable
 * passwords; nobody guesses 2^256), and SHA-256 keeps every request cheap.
 *
 * Pure: the random bytes are passed in.
 *
 * API: GATE_ID_PATTERN, isGateId, formatCredential, parseBearer,
 * hashGateSecret, secretMatches.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { encodeBase64Url } from './base64url.js';

/** Lower-case letters, digits and dashes, 1–64 characters: safe in logs, URLs and the credential's `.`. */
export const GATE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Bytes of randomness in a secret. */
export const GATE_SECRET_BYTES = 32;
const hashPrefix = 'sha256:';
/** base64url of 32 bytes, without padding. */
const secretPattern = /^[A-Za-z0-9_-]{43}$/;

export function isGateId(id: string): boolean {
  return GATE_ID_PATTERN.test(id);
}

/**
 * @example formatCredential('wh-east-lake-1', randomBytes(32)) // 'wh-east-lake-1.q3X…' (43 characters after the dot)
 */
export function formatCredential(gateId: string, secretBytes: Uint8Array): { credential: string; secretHash: string } {
  if (secretBytes.length !== GATE_SECRET_BYTES) throw new RangeError(`a gate secret is ${GATE_SECRET_BYTES} bytes, not ${secretBytes.length}`);
  const secret = encodeBase64Url(secretBytes);
  return { credential: `${gateId}.${secret}`, secretHash: hashGateSecret(secret) };
}

/**
 * The gate id and secret of an `Authorization` header, or undefined when it is
 * absent or not `Bearer <gateId>.<secret>` (the caller answers 401 either way).
 */
export function parseBearer(header: string | undefined): { gateId: string; secret: string } | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer +([^ .]+)\.(\S+) *$/i.exec(header);
  if (!match) return undefined;
  const gateId = match[1]!;
  const secret = match[2]!;
  if (!isGateId(gateId) || !secretPattern.test(secret)) return undefined;
  return { gateId, secret };
}

/** What the ledger stores: `sha256:<hex>`. */
export function hashGateSecret(secret: string): string {
  return hashPrefix + createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares in constant time, so response times say nothing about how much of a guess was right. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'utf8');
  const actual = Buffer.from(hashGateSecret(secret), 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
