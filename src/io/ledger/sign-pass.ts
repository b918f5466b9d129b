/**
 * Makes new passes ready for the ledger: a random pass id and ID-number salt,
 * the keyed, salted hash of the ID number (the number itself goes no further;
 * id-hash.ts), the claims, and the signed token.
 *
 * `signPasses` does a whole batch with the Ed25519 signatures computed in
 * libuv's thread pool (when the signer can), so a batch issue signs on every
 * core while the main thread compresses claims and writes SQLite.
 */
import { randomBytes } from 'node:crypto';
import type { IsoDate, PassProduct } from '../../domain/catalogue/model.js';
import { encodeBase64Url } from '../../domain/passes/base64url.js';
import { keyedIdHash } from '../../domain/passes/id-hash.js';
import { newPassClaims } from '../../domain/passes/ledger-new-claims.js';
import { joinToken, tokenHead, type PassClaims, type Signer } from '../../domain/passes/token.js';
import { newPassRow, type PassRow } from './ledger-pass.js';

/** Crockford base32: no I, L, O, U, so ids read aloud and typed back survive. */
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 12 characters = 60 random bits: a collision among a million passes has odds of about 1 in 2 million. */
const passIdLength = 12;
const saltBytes = 8;
/** Random bytes one pass may need: its id and its salt. */
const randomPerPass = passIdLength + saltBytes;

export function newPassId(random: Uint8Array = randomBytes(passIdLength)): string {
  let id = 'YZ-';
  for (let i = 0; i < passIdLength; i++) id += crockford[random[i]! & 31];
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
  /** 1, 2, … among travellers of this booking with this name and product (BookingKey); default 1. */
  readonly traveller?: number;
  readonly price: number;
  /** Write this coverage reference instead of the attraction list (the trust file holds it: ensureCoverage). */
  readonly coverage?: string;
}

export interface Issued {
  /** Issue timestamp, ISO 8601 with +08:00. */
  readonly at: string;
  readonly currency: string;
}

export function signPass(pass: PassToSign, signer: Signer, issued: Issued): PassRow {
  const { claims, head } = prepare(pass, signer, issued, randomBytes(randomPerPass));
  return row(pass, claims, issued, joinToken(head, signer.sign(Buffer.from(head, 'ascii'))));
}

/** The rows of many passes, in order; same result as signPass on each. */
export async function signPasses(passes: readonly PassToSign[], signer: Signer, issued: Issued): Promise<PassRow[]> {
  // One call to the system's random source for the batch instead of one or two per pass.
  const random = randomBytes(randomPerPass * passes.length);
  const prepared = passes.map((pass, i) => prepare(pass, signer, issued, random.subarray(i * randomPerPass, (i + 1) * randomPerPass)));
  const signAsync = signer.signAsync?.bind(signer);
  const signatures = signAsync
    ? await Promise.all(prepared.map((p) => signAsync(Buffer.from(p.head, 'ascii'))))
    : prepared.map((p) => signer.sign(Buffer.from(p.head, 'ascii')));
  return prepared.map((p, i) => row(passes[i]!, p.claims, issued, joinToken(p.head, signatures[i]!)));
}

function prepare(pass: PassToSign, signer: Signer, issued: Issued, random: Uint8Array): { claims: PassClaims; head: string } {
  // The salt keeps two passes of one person from carrying the same hash (unlinkable).
  const idSalt = pass.idNumber !== undefined ? encodeBase64Url(random.subarray(passIdLength, passIdLength + saltBytes)) : undefined;
  if (pass.idNumber !== undefined && !signer.idKey) throw new Error(`signing key ${signer.keyId} has no ID key: cannot hash an ID number`);
  const claims = newPassClaims(pass.product, {
    passId: newPassId(random),
    keyId: signer.keyId,
    holder: pass.holder,
    category: pass.category,
    validFrom: pass.validFrom,
    validUntil: pass.validUntil,
    issuedAt: issued.at.slice(0, 10),
    ...(pass.booking ? { booking: pass.booking } : {}),
    ...(pass.coverage !== undefined ? { coverage: pass.coverage } : {}),
    ...(pass.idNumber !== undefined && idSalt !== undefined ? { idHash: keyedIdHash(pass.idNumber, idSalt, signer.idKey!), idSalt } : {}),
  });
  return { claims, head: tokenHead(claims) };
}

function row(pass: PassToSign, claims: PassClaims, issued: Issued, token: string): PassRow {
  return newPassRow(claims, {
    price: pass.price,
    currency: issued.currency,
    ...(pass.product.validity.withinDays !== undefined ? { withinDays: pass.product.validity.withinDays } : {}),
    issuedAt: issued.at,
    token,
    ...(pass.traveller !== undefined ? { traveller: pass.traveller } : {}),
  });
}
