/**
 * Makes a new pass ready for the ledger: a random pass id and ID-number salt,
 * the salted hash of the ID number (the number itself goes no further), the
 * claims, and the signed token.
 */
import { randomBytes } from 'node:crypto';
import type { IsoDate, PassProduct } from '../../domain/catalogue/model.js';
import { encodeBase64Url } from '../../domain/passes/base64url.js';
import { newPassClaims } from '../../domain/passes/ledger-new-claims.js';
import { encodeToken, hashIdNumber, type Signer } from '../../domain/passes/token.js';
import { newPassRow, type PassRow } from './ledger-pass.js';

/** Crockford base32: no I, L, O, U, so ids read aloud and typed back survive. */
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 12 characters = 60 random bits: a collision among a million passes has odds of about 1 in 2 million. */
const passIdLength = 12;

export function newPassId(): string {
  const bytes = randomBytes(passIdLength);
  let id = 'YZ-';
  for (const b of bytes) id += crockford[b & 31];
  return id;
}

export interface PassToSign {
  readonly product: PassProduct;
  readonly holder: string;
  readonly category: string;
  readonly idNumber?: string;
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
  readonly booking?: string;
  readonly price: number;
}

export function signPass(pass: PassToSign, signer: Signer, issued: { at: string; currency: string }): PassRow {
  const idSalt = pass.idNumber !== undefined ? encodeBase64Url(randomBytes(8)) : undefined;
  const claims = newPassClaims(pass.product, {
    passId: newPassId(),
    keyId: signer.keyId,
    holder: pass.holder,
    category: pass.category,
    validFrom: pass.validFrom,
    validUntil: pass.validUntil,
    issuedAt: issued.at.slice(0, 10),
    ...(pass.booking ? { booking: pass.booking } : {}),
    ...(pass.idNumber !== undefined && idSalt !== undefined ? { idHash: hashIdNumber(pass.idNumber, idSalt), idSalt } : {}),
  });
  const token = encodeToken(claims, (data) => signer.sign(data));
  return newPassRow(claims, {
    price: pass.price,
    currency: issued.currency,
    ...(pass.product.validity.withinDays !== undefined ? { withinDays: pass.product.validity.withinDays } : {}),
    issuedAt: issued.at,
    token,
  });
}
