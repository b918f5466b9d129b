/**
 * The gate's offline check of a pass token: nothing but the trust file and,
 * if present, a verified revocation list. Pure (the date is passed in).
 *
 * Checks, in order; the first failure is the reason:
 *   malformed → unknown-key → bad-signature → key-retired | key-compromised → revoked →
 *   not-yet-valid → expired → blackout → wrong-attraction → wrong-holder | no-id-key → ok
 *
 * For `starts: first-use` passes only the outer window (validFrom..validUntil)
 * is checked here; the ledger activates the real window at first redemption.
 * Entry limits (once, once-per-day, count) need the ledger or a gate log.
 *
 * API: verifyToken(token, trust, opts), verifyTokenAsync (same, signature
 * checked off this thread), VerifyResult, VerifyReason, VERIFY_REASONS.
 */
import { verify, type KeyObject } from 'node:crypto';
import type { IsoDate } from '../catalogue/model.js';
import { isRevoked, type RevocationList } from './revocation-list.js';
import { checkIdNumber } from './id-hash.js';
import { decodeToken, type DecodedToken, type PassClaims } from './token.js';
import { allowedPassIds, publicKeyObject, type TrustedKey, type TrustFile } from './trust-file.js';

export const VERIFY_REASONS = [
  'ok',
  'malformed',
  'unknown-key',
  'bad-signature',
  'key-retired',
  'key-compromised',
  'unknown-coverage',
  'revoked',
  'not-yet-valid',
  'expired',
  'blackout',
  'wrong-attraction',
  'wrong-holder',
  'no-id-key',
] as const;
export type VerifyReason = (typeof VERIFY_REASONS)[number];

export interface VerifyOptions {
  /** The gate's calendar date (Asia/Shanghai). */
  readonly date: IsoDate;
  /** The attraction the gate belongs to; unchecked when absent. */
  readonly at?: string;
  /** A list already checked with verifyRevocationList. */
  readonly revoked?: RevocationList;
  /** The ID number shown at the gate; unchecked when absent. */
  readonly idNumber?: string;
  /**
   * The issuer's secret ID keys by signing key id, for `idNumber` (id-hash.ts):
   * a keyed ID hash cannot be checked without the key of the pass's signing key.
   */
  readonly idKeys?: ReadonlyMap<string, Uint8Array>;
}

export interface VerifyResult {
  readonly valid: boolean;
  readonly reason: VerifyReason;
  /** One plain sentence for people. */
  readonly message: string;
  /** The claims, once the signature is known good (never for forged tokens). */
  readonly pass?: PassClaims;
}

/**
 * @example verifyToken(token, trust, { date: '2026-05-12', at: 'yellow-crane-tower' }) // { valid: true, reason: 'ok', … }
 */
export function verifyToken(token: string, trust: TrustFile, opts: VerifyOptions): VerifyResult {
  const checked = prepare(token, trust);
  if ('reason' in checked) return checked;
  if (!verify(null, checked.decoded.signed, checked.publicKey, checked.decoded.signature)) return forged;
  return judge(checked.decoded.claims, checked.key, trust, opts);
}

/**
 * Same answer as verifyToken, with the signature checked in libuv's thread
 * pool: a batch (`pass verify -`) keeps every core busy with Ed25519, the
 * cost that dominates, while this thread decodes the next tokens.
 */
export async function verifyTokenAsync(token: string, trust: TrustFile, opts: VerifyOptions): Promise<VerifyResult> {
  const checked = prepare(token, trust);
  if ('reason' in checked) return checked;
  const { signed, signature } = checked.decoded;
  const good = await new Promise<boolean>((resolve, reject) =>
    verify(null, signed, checked.publicKey, signature, (error, ok) => (error ? reject(error) : resolve(ok))),
  );
  return good ? judge(checked.decoded.claims, checked.key, trust, opts) : forged;
}

const forged: VerifyResult = { valid: false, reason: 'bad-signature', message: 'the signature does not match: the token was altered or forged' };

type Prepared = { readonly decoded: DecodedToken & { ok: true }; readonly key: TrustedKey; readonly publicKey: KeyObject } | VerifyResult;

/** Decodes the token once and finds its key: everything before the signature check. */
function prepare(token: string, trust: TrustFile): Prepared {
  const decoded = decodeToken(token);
  if (!decoded.ok) return no('malformed', `not a yangtze pass token: ${decoded.detail}`);
  const key = trustedKey(trust, decoded.claims.keyId);
  if (!key) return no('unknown-key', `signed by key ${decoded.claims.keyId}, which is not in the trust file`);
  return { decoded, key, publicKey: publicKeyObject(key) };
}

/** The checks after a good signature, in the documented order. */
function judge(signed: PassClaims, key: TrustedKey, trust: TrustFile, opts: VerifyOptions): VerifyResult {
  // A coverage reference is resolved from the trust file: the list the pass was sold with.
  const listed = signed.coverage !== undefined ? trust.coverage?.[signed.coverage] : signed.attractions;
  const claims = listed === signed.attractions || listed === undefined ? signed : { ...signed, attractions: listed };
  const refuse = (reason: VerifyReason, message: string): VerifyResult => ({ valid: false, reason, message, pass: claims });
  if (listed === undefined) {
    return refuse('unknown-coverage', `the trust file does not list the attractions of ${signed.coverage}: copy the issuer's current trust file (\`yangtze keys export\`) to this gate`);
  }
  const retired = retirement(claims, key);
  if (retired) return refuse(retired.reason, retired.message);
  if (opts.revoked && isRevoked(opts.revoked, claims.passId)) return refuse('revoked', `pass ${claims.passId} has been revoked`);
  if (opts.date < claims.validFrom) return refuse('not-yet-valid', `valid from ${claims.validFrom}`);
  if (opts.date > claims.validUntil) return refuse('expired', `expired on ${claims.validUntil}`);
  const blackout = claims.blackout.find((r) => r.from <= opts.date && opts.date <= r.to);
  if (blackout) return refuse('blackout', `not accepted ${blackout.from === blackout.to ? 'on ' + blackout.from : `${blackout.from}..${blackout.to}`}`);
  if (opts.at !== undefined && !claims.attractions.includes(opts.at)) {
    return refuse('wrong-attraction', `${claims.product} does not cover ${opts.at}`);
  }
  if (opts.idNumber !== undefined) {
    const id = checkIdNumber(claims, opts.idNumber, opts.idKeys?.get(claims.keyId));
    if (id === 'no-key') {
      return refuse('no-id-key', `cannot check the ID number: this machine does not hold the issuer's ID key for ${claims.keyId}; compare the name ${claims.holder} with the ID card`);
    }
    if (id === 'no-hash') return refuse('wrong-holder', 'the pass was issued without an ID number; compare the name with the ID card');
    if (id === 'mismatch') return refuse('wrong-holder', 'the ID number does not match the pass holder');
  }
  return { valid: true, reason: 'ok', message: `valid ${claims.validFrom}..${claims.validUntil}`, pass: claims };
}

/**
 * A retired or compromised key vouches only for the passes its trust entry
 * lists (from the issuer's ledger): the token's own `issuedAt` proves nothing,
 * since a leaked key can backdate it. Trust files from before those lists
 * (a retired key without `passIds`) fall back to comparing `issuedAt`.
 */
function retirement(claims: PassClaims, key: TrustedKey): { reason: VerifyReason; message: string } | undefined {
  if (key.retiredAt === undefined && key.compromisedAt === undefined) return undefined;
  const listed = allowedPassIds(key);
  if (listed ? listed.has(claims.passId) : claims.issuedAt <= key.retiredAt!.slice(0, 10)) return undefined;
  return key.compromisedAt !== undefined
    ? { reason: 'key-compromised', message: `signed by key ${key.keyId}, declared compromised on ${key.compromisedAt}, and not among the passes it issued before` }
    : { reason: 'key-retired', message: `signed by key ${key.keyId}, retired on ${key.retiredAt}, and not among the passes it issued` };
}

const keyIndexes = new WeakMap<TrustFile, ReadonlyMap<string, TrustedKey>>();

/** The trust file's key by id, indexed once per trust file. */
function trustedKey(trust: TrustFile, keyId: string): TrustedKey | undefined {
  let index = keyIndexes.get(trust);
  if (!index) keyIndexes.set(trust, (index = new Map(trust.keys.map((k) => [k.keyId, k]))));
  return index.get(keyId);
}

function no(reason: VerifyReason, message: string): VerifyResult {
  return { valid: false, reason, message };
}
