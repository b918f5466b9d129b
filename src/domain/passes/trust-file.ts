/**
 * The verifiers' trust file (`<home>/trust.json`, `keys export`): the public
 * keys a gate accepts. Retired keys stay listed so passes signed before a
 * rotation keep verifying; passes they sign after `retiredAt` do not.
 *
 *   { "schemaVersion": 1, "kind": "yangtze.trust",
 *     "keys": [ { "keyId": "k20260512-3fa9c1", "algorithm": "Ed25519",
 *                 "publicKey": "<base64url of the 32-byte raw key>",
 *                 "createdAt": "2026-05-12T09:00:00+08:00", "retiredAt": "…" } ] }
 *
 * API: TrustFile, TrustedKey, parseTrustFile(value), publicKeyObject(key), activeKey(trust).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { decodeBase64Url } from './base64url.js';

export const TRUST_SCHEMA_VERSION = 1;
export const TRUST_KIND = 'yangtze.trust';

export interface TrustedKey {
  readonly keyId: string;
  readonly algorithm: 'Ed25519';
  /** base64url (no padding) of the 32-byte raw Ed25519 public key. */
  readonly publicKey: string;
  /** ISO 8601 with +08:00. */
  readonly createdAt: string;
  readonly retiredAt?: string;
}

export interface TrustFile {
  readonly schemaVersion: 1;
  readonly kind: 'yangtze.trust';
  readonly keys: readonly TrustedKey[];
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
  for (const [i, k] of value.keys.entries()) {
    const at = `keys[${i}]`;
    if (!isRecord(k)) return fail(at, 'expected an object');
    if (typeof k.keyId !== 'string' || k.keyId === '') return fail(`${at}.keyId`, 'expected a non-empty string');
    if (k.algorithm !== 'Ed25519') return fail(`${at}.algorithm`, 'expected "Ed25519"');
    if (typeof k.publicKey !== 'string' || decodeBase64Url(k.publicKey)?.length !== 32) {
      return fail(`${at}.publicKey`, 'expected base64url of a 32-byte Ed25519 public key');
    }
    if (typeof k.createdAt !== 'string') return fail(`${at}.createdAt`, 'expected a timestamp');
    if (k.retiredAt !== undefined && typeof k.retiredAt !== 'string') return fail(`${at}.retiredAt`, 'expected a timestamp');
    keys.push({
      keyId: k.keyId,
      algorithm: 'Ed25519',
      publicKey: k.publicKey,
      createdAt: k.createdAt,
      ...(typeof k.retiredAt === 'string' ? { retiredAt: k.retiredAt } : {}),
    });
  }
  return { ok: true, trust: { schemaVersion: 1, kind: 'yangtze.trust', keys } };
}

/** The key new passes are signed with: the newest one not retired. */
export function activeKey(trust: TrustFile): TrustedKey | undefined {
  return trust.keys.filter((k) => k.retiredAt === undefined).sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
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
