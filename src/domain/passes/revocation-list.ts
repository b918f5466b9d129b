/**
 * Signed revocation lists: which passes gates must refuse although their
 * tokens verify. Written by the ledger (`pass revoke`) under
 * `<home>/revocations/`, copied to gates next to the trust file.
 *
 *   { "schemaVersion": 1, "kind": "yangtze.revocations",
 *     "issuedAt": "2026-05-12T09:00:00+08:00", "keyId": "k20260512-3fa9c1",
 *     "passIds": ["YZ-…", …], "signature": "<base64url Ed25519>" }
 *
 * The signature covers the ASCII bytes of `YZREV1:` + JSON.stringify of
 * [schemaVersion, kind, issuedAt, keyId, passIds] (passIds sorted, deduplicated).
 *
 * API: RevocationList, signRevocationList(passIds, issuedAt, signer),
 * verifyRevocationList(value, trust), isRevoked(list, passId).
 */
import { verify } from 'node:crypto';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import type { Signer } from './token.js';
import { publicKeyObject, type TrustFile } from './trust-file.js';

export const REVOCATIONS_KIND = 'yangtze.revocations';

export interface RevocationList {
  readonly schemaVersion: 1;
  readonly kind: 'yangtze.revocations';
  /** ISO 8601 with +08:00; the newest list wins. */
  readonly issuedAt: string;
  readonly keyId: string;
  /** Sorted, no duplicates. */
  readonly passIds: readonly string[];
  readonly signature: string;
}

export type VerifiedRevocationList =
  | { readonly ok: true; readonly list: RevocationList }
  | { readonly ok: false; readonly reason: 'malformed' | 'unknown-key' | 'compromised-key' | 'bad-signature'; readonly message: string };

export function signRevocationList(passIds: readonly string[], issuedAt: string, signer: Signer): RevocationList {
  const ids = [...new Set(passIds)].sort();
  const signature = signer.sign(signedBytes(issuedAt, signer.keyId, ids));
  return { schemaVersion: 1, kind: REVOCATIONS_KIND, issuedAt, keyId: signer.keyId, passIds: ids, signature: encodeBase64Url(signature) };
}

/** Checks shape and signature against the trust file; never trusts an unsigned list. */
export function verifyRevocationList(value: unknown, trust: TrustFile): VerifiedRevocationList {
  const malformed = (message: string) => ({ ok: false as const, reason: 'malformed' as const, message });
  if (typeof value !== 'object' || value === null) return malformed('expected a JSON object');
  const v = value as Record<string, unknown>;
  if (v.kind !== REVOCATIONS_KIND) return malformed(`kind: expected "${REVOCATIONS_KIND}"`);
  if (v.schemaVersion !== 1) return malformed('schemaVersion: expected 1');
  if (typeof v.issuedAt !== 'string') return malformed('issuedAt: expected a timestamp');
  if (typeof v.keyId !== 'string') return malformed('keyId: expected a string');
  if (!Array.isArray(v.passIds) || !v.passIds.every((id) => typeof id === 'string')) return malformed('passIds: expected a list of pass ids');
  const signature = typeof v.signature === 'string' ? decodeBase64Url(v.signature) : undefined;
  if (!signature || signature.length !== 64) return malformed('signature: expected 64 bytes of base64url');
  const key = trust.keys.find((k) => k.keyId === v.keyId);
  if (!key) return { ok: false, reason: 'unknown-key', message: `signed by key ${v.keyId}, which is not in the trust file` };
  // A leaked key could sign a newer, shorter list that un-revokes passes.
  if (key.compromisedAt !== undefined) return { ok: false, reason: 'compromised-key', message: `signed by key ${v.keyId}, which was declared compromised on ${key.compromisedAt}` };
  const passIds = v.passIds as string[];
  if (!verify(null, signedBytes(v.issuedAt, v.keyId, passIds), publicKeyObject(key), signature)) {
    return { ok: false, reason: 'bad-signature', message: 'the signature does not match the list: it was altered or not signed by this key' };
  }
  return { ok: true, list: { schemaVersion: 1, kind: REVOCATIONS_KIND, issuedAt: v.issuedAt, keyId: v.keyId, passIds, signature: v.signature as string } };
}

const sets = new WeakMap<RevocationList, ReadonlySet<string>>();

export function isRevoked(list: RevocationList, passId: string): boolean {
  let set = sets.get(list);
  if (!set) sets.set(list, (set = new Set(list.passIds)));
  return set.has(passId);
}

function signedBytes(issuedAt: string, keyId: string, passIds: readonly string[]): Uint8Array {
  return Buffer.from('YZREV1:' + JSON.stringify([1, REVOCATIONS_KIND, issuedAt, keyId, passIds]), 'utf8');
}
