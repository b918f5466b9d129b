/**
 * The gate's offline check of a pass token: nothing but the trust file and,
 * if present, a verified revocation list. Pure (the date is passed in).
 *
 * Checks, in order; the first failure is the reason:
 *   malformed → unknown-key → bad-signature → key-retired → revoked →
 *   not-yet-valid → expired → blackout → wrong-attraction → wrong-holder → ok
 *
 * For `starts: first-use` passes only the outer window (validFrom..validUntil)
 * is checked here; the ledger activates the real window at first redemption.
 * Entry limits (once, once-per-day, count) need the ledger or a gate log.
 *
 * API: verifyToken(token, trust, opts), VerifyResult, VerifyReason, VERIFY_REASONS.
 */
import { verify } from 'node:crypto';
import type { IsoDate } from '../catalogue/model.js';
import { isRevoked, type RevocationList } from './revocation-list.js';
import { decodeToken, matchesIdNumber, type PassClaims } from './token.js';
import { publicKeyObject, type TrustFile } from './trust-file.js';

export const VERIFY_REASONS = [
  'ok',
  'malformed',
  'unknown-key',
  'bad-signature',
  'key-retired',
  'revoked',
  'not-yet-valid',
  'expired',
  'blackout',
  'wrong-attraction',
  'wrong-holder',
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
  const decoded = decodeToken(token);
  if (!decoded.ok) return no('malformed', `not a yangtze pass token: ${decoded.detail}`);
  const { claims } = decoded;
  const key = trust.keys.find((k) => k.keyId === claims.keyId);
  if (!key) return no('unknown-key', `signed by key ${claims.keyId}, which is not in the trust file`);
  if (!verify(null, decoded.signed, publicKeyObject(key), decoded.signature)) {
    return no('bad-signature', 'the signature does not match: the token was altered or forged');
  }
  const refuse = (reason: VerifyReason, message: string): VerifyResult => ({ valid: false, reason, message, pass: claims });
  if (key.retiredAt !== undefined && claims.issuedAt > key.retiredAt.slice(0, 10)) {
    return refuse('key-retired', `issued ${claims.issuedAt}, after key ${key.keyId} was retired`);
  }
  if (opts.revoked && isRevoked(opts.revoked, claims.passId)) return refuse('revoked', `pass ${claims.passId} has been revoked`);
  if (opts.date < claims.validFrom) return refuse('not-yet-valid', `valid from ${claims.validFrom}`);
  if (opts.date > claims.validUntil) return refuse('expired', `expired on ${claims.validUntil}`);
  const blackout = claims.blackout.find((r) => r.from <= opts.date && opts.date <= r.to);
  if (blackout) return refuse('blackout', `not accepted ${blackout.from === blackout.to ? 'on ' + blackout.from : `${blackout.from}..${blackout.to}`}`);
  if (opts.at !== undefined && !claims.attractions.includes(opts.at)) {
    return refuse('wrong-attraction', `${claims.product} does not cover ${opts.at}`);
  }
  if (opts.idNumber !== undefined && !matchesIdNumber(claims, opts.idNumber)) {
    return refuse('wrong-holder', 'the ID number does not match the pass holder');
  }
  return { valid: true, reason: 'ok', message: `valid ${claims.validFrom}..${claims.validUntil}`, pass: claims };
}

function no(reason: VerifyReason, message: string): VerifyResult {
  return { valid: false, reason, message };
}
