/**
 * The verifiers' trust file (`<home>/trust.json`, `keys export`): the public
 * keys a gate accepts, and what is left of the keys that were retired or
 * compromised (docs/TOKEN.md "Key life cycle"):
 *
 *   { "schemaVersion": 1, "kind": "yangtze.trust",
 *     "keys": [ { "keyId": "k20260512-3fa9c1", "algorithm": "Ed25519",
 *                 "publicKey": "<base64url of the 32-byte raw key>",
 *                 "createdAt": "2026-05-12T09:00:00+08:00",
 *                 "retiredAt": "…", "compromisedAt": "…",
 *                 "passIds": ["YZ-…", …] } ] }
 *
 * A retired or compromised key signs nothing valid any more except the passes
 * in its `passIds` (the ones the issuer's ledger recorded for it): a token's
 * own `issuedAt` is never trusted, since whoever holds a leaked key writes it.
 * Trust files from before `passIds` fall back to `issuedAt <= retiredAt`.
 *
 * Parsing is strict: key ids unique and equal to the fingerprint of the key
 * (`k<YYYYMMDD>-<6 hex of SHA-256 of the raw key>`, as `keys init` makes them),
 * timestamps real ISO 8601 with an offset.
 *
 * API: TrustFile, TrustedKey, parseTrustFile(value), publicKeyObject(key), activeKey(trust),
 * keyIdFor(publicKey, createdAt), keyFingerprint(publicKey), allowedPassIds(key).
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { decodeBase64Url } from './base64url.js';
import { coverageRef } from './coverage.js';

export const TRUST_SCHEMA_VERSION = 1;
export const TRUST_KIND = 'yangtze.trust';

export interface TrustedKey {
  readonly keyId: string;
  readonly algorithm: 'Ed25519';
  /** base64url (no padding) of the 32-byte raw Ed25519 public key. */
  readonly publicKey: string;
  /** ISO 8601 with +08:00. */
  readonly createdAt: string;
  /** From then on it signs nothing new (`keys rotate`); its private half is destroyed. */
  readonly retiredAt?: string;
  /** Declared leaked (`keys compromise`): its revocation lists are refused too. */
  readonly compromisedAt?: string;
  /**
   * Retired or compromised keys: the passes it signed that stay valid (sorted),
   * from the issuer's ledger. Absent on trust files written before it.
   */
  readonly passIds?: readonly string[];
}

export interface TrustFile {
  readonly schemaVersion: 1;
  readonly kind: 'yangtze.trust';
  readonly keys: readonly TrustedKey[];
  /** Attraction lists by coverage reference (coverage.ts): what tokens of large products name. */
  readonly coverage?: Readonly<Record<string, readonly string[]>>;
}

export type ParsedTrustFile = { readonly ok: true; readonly trust: TrustFile } | { readonly ok: false; readonly field: string; readonly message: string };

/** Checks a parsed JSON value; names the first field that is wrong. */
export function parseTrustFile(value: unknown): ParsedTrustFile {
  const fail = (field: string, message: string) => ({ ok: false as const, field, message });
  if (!isRecord(value)) return fail('(root)', 'expected a JSON object');
  if (value.kind !== TRUST_KIND) return fail('kind', `expected "${TRUST_KIND}", got ${JSON.stringify(value.kind)}`);
  if (value.schemaVersion !== TRUST_SCHEMA_VERSION) {
    return fail('schemaVersion', `expected ${TRUST_SCHEMA_VERSION}, got ${JSON.stringify(value.schemaVersion)}`);
  }
  if (!Array.isArray(value.keys)) return fail('keys', 'expected a list of keys');
  const keys: TrustedKey[] = [];
  const seen = new Set<string>();
  for (const [i, k] of value.keys.entries()) {
    const at = `keys[${i}]`;
    if (!isRecord(k)) return fail(at, 'expected an object');
    if (typeof k.keyId !== 'string' || k.keyId === '') return fail(`${at}.keyId`, 'expected a non-empty string');
    if (seen.has(k.keyId)) return fail(`${at}.keyId`, `key id ${k.keyId} appears twice; each key must be listed once`);
    seen.add(k.keyId);
    if (k.algorithm !== 'Ed25519') return fail(`${at}.algorithm`, 'expected "Ed25519"');
    if (typeof k.publicKey !== 'string' || decodeBase64Url(k.publicKey)?.length !== 32) {
      return fail(`${at}.publicKey`, 'expected base64url of a 32-byte Ed25519 public key');
    }
    const idMatch = keyIdPattern.exec(k.keyId);
    if (!idMatch || idMatch[1] !== keyFingerprint(k.publicKey)) {
      return fail(`${at}.keyId`, `${k.keyId} is not the fingerprint of its public key (expected k<YYYYMMDD>-${keyFingerprint(k.publicKey)})`);
    }
    for (const field of ['createdAt', 'retiredAt', 'compromisedAt'] as const) {
      if ((field === 'createdAt' || k[field] !== undefined) && !isTimestamp(k[field])) {
        return fail(`${at}.${field}`, `expected a timestamp like 2026-05-12T09:00:00+08:00, got ${JSON.stringify(k[field])}`);
      }
    }
    if (k.passIds !== undefined && (!Array.isArray(k.passIds) || !k.passIds.every((id) => typeof id === 'string' && passIdPattern.test(id)))) {
      return fail(`${at}.passIds`, 'expected a list of pass ids (YZ-…)');
    }
    if (k.compromisedAt !== undefined && k.passIds === undefined) return fail(`${at}.passIds`, 'a compromised key needs the list of its genuine passes (may be empty)');
    keys.push({
      keyId: k.keyId,
      algorithm: 'Ed25519',
      publicKey: k.publicKey,
      createdAt: k.createdAt as string,
      ...(typeof k.retiredAt === 'string' ? { retiredAt: k.retiredAt } : {}),
      ...(typeof k.compromisedAt === 'string' ? { compromisedAt: k.compromisedAt } : {}),
      ...(Array.isArray(k.passIds) ? { passIds: k.passIds as string[] } : {}),
    });
  }
  let coverage: Record<string, string[]> | undefined;
  if (value.coverage !== undefined) {
    if (!isRecord(value.coverage)) return fail('coverage', 'expected an object of attraction lists by coverage reference');
    coverage = {};
    for (const [ref, list] of Object.entries(value.coverage)) {
      const product = ref.slice(0, ref.lastIndexOf('.'));
      if (!Array.isArray(list) || !list.every((a) => typeof a === 'string' && a !== '') || product === '' || coverageRef(product, list as string[]) !== ref) {
        return fail(`coverage.${ref}`, 'expected the sorted attraction ids whose hash the reference names (as `pass issue` writes them)');
      }
      coverage[ref] = list as string[];
    }
  }
  return { ok: true, trust: { schemaVersion: 1, kind: 'yangtze.trust', keys, ...(coverage ? { coverage } : {}) } };
}

/** The key new passes are signed with: the newest one neither retired nor compromised. */
export function activeKey(trust: TrustFile): TrustedKey | undefined {
  return trust.keys
    .filter((k) => k.retiredAt === undefined && k.compromisedAt === undefined)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .at(-1);
}

const keyIdPattern = /^k\d{8}-([0-9a-f]{6})$/;
const passIdPattern = /^YZ-[0-9A-Z]+$/;
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !timestampPattern.test(value)) return false;
  const ms = Date.parse(value);
  // Date.parse rolls 2026-02-30 over to March: the date must read back the same.
  return Number.isFinite(ms) && new Date(Date.parse(value.slice(0, 10) + 'T00:00:00Z')).toISOString().slice(0, 10) === value.slice(0, 10);
}

/** First 6 hex of SHA-256 of the raw 32-byte public key (base64url). */
export function keyFingerprint(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex').slice(0, 6);
}

/** `k<YYYYMMDD>-<fingerprint>`: the id `keys init` gives a key created at `createdAt`. */
export function keyIdFor(publicKey: string, createdAt: string): string {
  return `k${createdAt.slice(0, 10).replaceAll('-', '')}-${keyFingerprint(publicKey)}`;
}

const allowed = new WeakMap<TrustedKey, ReadonlySet<string>>();

/** The passes a retired or compromised key may still vouch for, as a set (made once per key). */
export function allowedPassIds(key: TrustedKey): ReadonlySet<string> | undefined {
  if (key.passIds === undefined) return undefined;
  let set = allowed.get(key);
  if (!set) allowed.set(key, (set = new Set(key.passIds)));
  return set;
}

/**
 * Keyed by the key id and the key itself, not by object: a gate that reads its
 * trust file again (or a test that builds a new one) still finds the key made
 * before. A trust file holds a handful of keys, so the map stays small.
 */
const keyObjects = new Map<string, KeyObject>();

/** node:crypto key for a trusted key, created once per key (verification runs thousands of times a second). */
export function publicKeyObject(key: TrustedKey): KeyObject {
  const id = `${key.keyId}:${key.publicKey}`;
  let object = keyObjects.get(id);
  if (!object) {
    object = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey }, format: 'jwk' });
    keyObjects.set(id, object);
  }
  return object;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
