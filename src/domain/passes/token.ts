/**
 * The signed pass token: the whole pass as a gate sees it (the QR payload).
 * Format (docs/TOKEN.md has the full description):
 *
 *   YZ1:<payload>.<signature>
 *
 * - `payload`: base64url (no padding) of the raw-DEFLATE of the UTF-8 JSON
 *   array of claims in a fixed field order (`claimsToArray`);
 * - `signature`: base64url of the 64-byte Ed25519 signature over the ASCII
 *   bytes of `YZ1:<payload>` (the prefix is signed, so the version cannot be
 *   swapped);
 * - both parts must be canonical base64url, so any edited character fails.
 *
 * API: PassClaims, encodeToken(claims, sign), tokenHead + joinToken (the two halves of
 * encodeToken, for signing elsewhere), decodeToken(token), TOKEN_PREFIX, Signer.
 * The ID-number hash is in id-hash.ts.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { DateRange, Entries, IsoDate, ValidityKind, ValidityStart } from '../catalogue/model.js';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import { COVERAGE_REF_PREFIX } from './coverage.js';

export const TOKEN_PREFIX = 'YZ1:';
/** Inflated payloads larger than this are refused (a token is a few hundred bytes). */
const maxPayloadBytes = 16_384;

/** Signs bytes with the current private key; `keyId` names the key in the trust file. */
export interface Signer {
  readonly keyId: string;
  sign(data: Uint8Array): Uint8Array;
  /** The same signature, computed off this thread (libuv's pool): batches sign on every core. */
  signAsync?(data: Uint8Array): Promise<Uint8Array>;
  /**
   * The issuer's secret ID key that goes with this signing key (32 bytes):
   * the key of the keyed ID-number hash (id-hash.ts). Only issuing needs it.
   */
  readonly idKey?: Uint8Array;
}

export interface PassClaims {
  /** `YZ-…`, unique per pass; revocation lists and the ledger key on it. */
  readonly passId: string;
  /** The signing key, looked up in the trust file. */
  readonly keyId: string;
  /** Pass product id from the catalogue. */
  readonly product: string;
  /** Holder's name as printed; the gate compares it with the ID card. */
  readonly holder: string;
  /** Rider category id (`adult`, `child`, …). */
  readonly category: string;
  /**
   * `keyedIdHash(idNumber, idSalt, idKey)` (`h:…`), or on passes issued before
   * the keyed hash the scrypt hash; absent when no ID number was given.
   */
  readonly idHash?: string;
  /** Per-pass random salt for `idHash` (base64url). */
  readonly idSalt?: string;
  /**
   * Attraction ids the pass admits to, sorted. Empty in a decoded token that
   * carries a `coverage` reference: verifyToken fills it in from the trust file.
   */
  readonly attractions: readonly string[];
  /**
   * A coverage reference (coverage.ts) written in claim 7 instead of the list,
   * for products covering many attractions; the trust file holds the list.
   */
  readonly coverage?: string;
  /**
   * The outer window. For `starts: first-use` passes this is the latest possible
   * window (first possible day .. last day the pass could still be used); the
   * ledger activates the real window at the first redemption.
   */
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
  readonly kind: ValidityKind;
  readonly starts: ValidityStart;
  /** consecutive-days / flex-days: N days. */
  readonly days?: number;
  /** attraction-count: N entries in total. */
  readonly count?: number;
  /**
   * flex-days / attraction-count: the days and entries must fall within this
   * many days from the first day (claim 16; absent on tokens issued before it,
   * and when the product has no limit).
   */
  readonly withinDays?: number;
  readonly entries: Entries;
  readonly blackout: readonly DateRange[];
  readonly issuedAt: IsoDate;
  /** Agency booking reference. */
  readonly booking?: string;
}

export type DecodedToken =
  | { readonly ok: true; readonly claims: PassClaims; readonly payload: Uint8Array; readonly signature: Uint8Array; readonly signed: Uint8Array }
  | { readonly ok: false; readonly reason: 'malformed'; readonly detail: string };

const kindCodes: Record<ValidityKind, string> = { 'consecutive-days': 'c', 'flex-days': 'f', 'attraction-count': 'a' };
const startCodes: Record<ValidityStart, string> = { 'first-use': 'u', 'issue-date': 'i', 'fixed-date': 'x' };
const entryCodes: Record<Entries, string> = { once: '1', 'once-per-day': 'd', unlimited: 'n' };

/**
 * @example encodeToken(claims, signer.sign) // 'YZ1:fZDBbsIwDIb…'
 */
export function encodeToken(claims: PassClaims, sign: (data: Uint8Array) => Uint8Array): string {
  const head = tokenHead(claims);
  return joinToken(head, sign(Buffer.from(head, 'ascii')));
}

/** `YZ1:<payload>`: the part of the token that is signed (its ASCII bytes). */
export function tokenHead(claims: PassClaims): string {
  const json = JSON.stringify(claimsToArray(claims));
  return TOKEN_PREFIX + encodeBase64Url(deflateRawSync(Buffer.from(json, 'utf8'), { level: 9 }));
}

/** The whole token from its head and the signature over the head. */
export function joinToken(head: string, signature: Uint8Array): string {
  return `${head}.${encodeBase64Url(signature)}`;
}

/** Parses a token without checking its signature (verifyToken does that). */
export function decodeToken(token: string): DecodedToken {
  const bad = (detail: string) => ({ ok: false as const, reason: 'malformed' as const, detail });
  const text = token.trim();
  if (!text.startsWith(TOKEN_PREFIX)) return bad(`does not start with ${TOKEN_PREFIX}`);
  const dot = text.indexOf('.');
  if (dot < 0 || dot !== text.lastIndexOf('.')) return bad('expected one "." between payload and signature');
  const payload = decodeBase64Url(text.slice(TOKEN_PREFIX.length, dot));
  const signature = decodeBase64Url(text.slice(dot + 1));
  if (!payload || payload.length === 0) return bad('payload is not canonical base64url');
  if (!signature || signature.length !== 64) return bad('signature is not 64 bytes of canonical base64url');
  let json: unknown;
  try {
    json = JSON.parse(inflateRawSync(payload, { maxOutputLength: maxPayloadBytes }).toString('utf8'));
  } catch {
    return bad('payload does not inflate to JSON');
  }
  const claims = claimsFromArray(json);
  if (!claims) return bad('payload fields are missing or of the wrong type');
  return { ok: true, claims, payload, signature, signed: Buffer.from(text.slice(0, dot), 'ascii') };
}

/** The field order is the format: append new optional fields at the end only. */
function claimsToArray(c: PassClaims): unknown[] {
  return [
    c.passId,
    c.keyId,
    c.product,
    c.holder,
    c.category,
    c.idHash ?? '',
    c.idSalt ?? '',
    c.coverage !== undefined ? COVERAGE_REF_PREFIX + c.coverage : c.attractions.join(','),
    c.validFrom,
    c.validUntil,
    kindCodes[c.kind] + startCodes[c.starts] + entryCodes[c.entries],
    c.days ?? 0,
    c.count ?? 0,
    c.blackout.map((r) => (r.from === r.to ? r.from : `${r.from}..${r.to}`)).join(','),
    c.issuedAt,
    c.booking ?? '',
    // Appended claims: written only when set, so older tokens and older gates read alike.
    ...(c.withinDays !== undefined ? [c.withinDays] : []),
  ];
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function claimsFromArray(a: unknown): PassClaims | undefined {
  if (!Array.isArray(a) || a.length < 16) return undefined;
  const s = (i: number): string | undefined => (typeof a[i] === 'string' ? (a[i] as string) : undefined);
  const n = (i: number): number | undefined => (Number.isInteger(a[i]) && (a[i] as number) >= 0 ? (a[i] as number) : undefined);
  const [passId, keyId, product, holder, category, idHash, idSalt, attractions, validFrom, validUntil, codes, blackout, issuedAt, booking] =
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15].map(s);
  const days = n(11);
  const count = n(12);
  const withinDays = a.length > 16 ? n(16) : 0;
  if (
    !passId || !keyId || !product || holder === undefined || !category || idHash === undefined || idSalt === undefined ||
    attractions === undefined || !validFrom || !validUntil || !codes || blackout === undefined || !issuedAt ||
    booking === undefined || days === undefined || count === undefined || withinDays === undefined
  ) {
    return undefined;
  }
  if (![validFrom, validUntil, issuedAt].every((d) => datePattern.test(d))) return undefined;
  const kind = kindNames.get(codes[0]!);
  const starts = startNames.get(codes[1]!);
  const entries = entryNames.get(codes[2]!);
  if (!kind || !starts || !entries || codes.length !== 3) return undefined;
  const ranges: DateRange[] = [];
  for (const part of blackout === '' ? [] : blackout.split(',')) {
    const [from = '', to = from, ...rest] = part.split('..');
    if (rest.length > 0 || !datePattern.test(from) || !datePattern.test(to)) return undefined;
    ranges.push({ from, to });
  }
  return {
    passId,
    keyId,
    product,
    holder,
    category,
    ...(idHash ? { idHash } : {}),
    ...(idSalt ? { idSalt } : {}),
    ...(attractions.startsWith(COVERAGE_REF_PREFIX)
      ? { attractions: [], coverage: attractions.slice(COVERAGE_REF_PREFIX.length) }
      : { attractions: attractions === '' ? [] : attractions.split(',') }),
    validFrom,
    validUntil,
    kind,
    starts,
    ...(days > 0 ? { days } : {}),
    ...(count > 0 ? { count } : {}),
    ...(withinDays > 0 ? { withinDays } : {}),
    entries,
    blackout: ranges,
    issuedAt,
    ...(booking ? { booking } : {}),
  };
}

/** code → name, built once per table (decoding runs thousands of times a second). */
const reverse = <K extends string>(codes: Record<K, string>) => new Map((Object.keys(codes) as K[]).map((k) => [codes[k], k]));
const kindNames = reverse(kindCodes);
const startNames = reverse(startCodes);
const entryNames = reverse(entryCodes);
