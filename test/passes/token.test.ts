import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { checkIdNumber, keyedIdHash, scryptIdHash } from '../../src/domain/passes/id-hash.js';
import { decodeToken, encodeToken, TOKEN_PREFIX } from '../../src/domain/passes/token.js';
import { aKeyPair, someClaims } from './builders.js';

const key = aKeyPair();
const idKey = new Uint8Array(32).fill(7);

describe('pass tokens', () => {
  it('round-trips every claim through encode and decode', () => {
    const claims = someClaims();
    const decoded = decodeToken(encodeToken(claims, key.signer.sign));
    expect(decoded.ok && decoded.claims).toEqual(claims);
  });

  it('round-trips optional fields left out', () => {
    const { idHash: _h, idSalt: _s, booking: _b, days: _d, ...rest } = someClaims({ kind: 'attraction-count', count: 6, starts: 'fixed-date', entries: 'unlimited', blackout: [] });
    const decoded = decodeToken(encodeToken(rest, key.signer.sign));
    expect(decoded.ok && decoded.claims).toEqual(rest);
  });

  it('starts with the versioned prefix and stays well under 500 characters for a typical pass', () => {
    const token = encodeToken(someClaims(), key.signer.sign);
    expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(token.length).toBeLessThan(500);
  });

  it('stays under 500 characters for a pass covering twelve attractions, with ID hash and within window', () => {
    const attractions = Array.from({ length: 12 }, (_, i) => `scenic-spot-number-${i}`);
    const claims = someClaims({ attractions, idHash: keyedIdHash('420106199001011234', 'c2FsdHNhbHQ', idKey), withinDays: 365 });
    expect(encodeToken(claims, key.signer.sign).length).toBeLessThan(500);
  });

  it('never carries the ID number, only its keyed, salted hash', () => {
    const idNumber = '420106199001011234';
    const claims = someClaims({ idSalt: 'abcDEF123_-', idHash: keyedIdHash(idNumber, 'abcDEF123_-', idKey) });
    const decoded = decodeToken(encodeToken(claims, key.signer.sign));
    expect(JSON.stringify(decoded)).not.toContain(idNumber);
    expect(decoded.ok && checkIdNumber(decoded.claims, '4201 0619 9001 0112 34', idKey)).toBe('match');
    expect(decoded.ok && checkIdNumber(decoded.claims, '420106199001011235', idKey)).toBe('mismatch');
  });

  it('round-trips the within-days window of flex-days and attraction-count passes', () => {
    const claims = someClaims({ kind: 'flex-days', days: 3, withinDays: 7, entries: 'once-per-day' });
    const decoded = decodeToken(encodeToken(claims, key.signer.sign));
    expect(decoded.ok && decoded.claims.withinDays).toBe(7);
    expect(decoded.ok && decoded.claims).toEqual(claims);
  });

  it('reads tokens written before the within claim (16 fields), and ignores fields appended after it', () => {
    const { withinDays: _w, ...old } = someClaims({ withinDays: 7 });
    const decoded = decodeToken(encodeToken(old, key.signer.sign));
    expect(decoded.ok && decoded.claims.withinDays).toBeUndefined();
    const payload = (token: string) => Buffer.from(token.slice(TOKEN_PREFIX.length, token.indexOf('.')), 'base64url');
    const fields = JSON.parse(inflateRawSync(payload(encodeToken(someClaims({ withinDays: 7 }), key.signer.sign))).toString());
    expect(fields).toHaveLength(17);
    const later = deflateRawSync(Buffer.from(JSON.stringify([...fields, 'a-future-claim', 42])));
    const head = TOKEN_PREFIX + later.toString('base64url');
    const token = `${head}.${Buffer.from(key.signer.sign(Buffer.from(head))).toString('base64url')}`;
    expect(decodeToken(token)).toMatchObject({ ok: true, claims: { withinDays: 7 } });
  });

  it.each([
    ['no prefix', 'eyJ.abc'],
    ['wrong version', 'YZ2:abc.def'],
    ['no signature', 'YZ1:abcdef'],
    ['two dots', 'YZ1:ab.cd.ef'],
    ['garbage payload', `YZ1:!!!!.${'A'.repeat(86)}`],
    ['short signature', 'YZ1:q1YKzkgsKUotTlGyUlAqzs8ryc9PUdJRKkktLgEA.AAAA'],
  ])('reports %s as malformed', (_, token) => {
    expect(decodeToken(token)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('decodes any string without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = decodeToken(TOKEN_PREFIX + s);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});
