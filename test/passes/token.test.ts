import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decodeToken, encodeToken, hashIdNumber, matchesIdNumber, TOKEN_PREFIX } from '../../src/domain/passes/token.js';
import { aKeyPair, someClaims } from './builders.js';

const key = aKeyPair();

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

  it('stays under 500 characters for a pass covering twelve attractions', () => {
    const attractions = Array.from({ length: 12 }, (_, i) => `scenic-spot-number-${i}`);
    expect(encodeToken(someClaims({ attractions }), key.signer.sign).length).toBeLessThan(500);
  });

  it('never carries the ID number, only its salted hash', () => {
    const idNumber = '420106199001011234';
    const claims = someClaims({ idSalt: 'abcDEF123_-', idHash: hashIdNumber(idNumber, 'abcDEF123_-') });
    const token = encodeToken(claims, key.signer.sign);
    const decoded = decodeToken(token);
    expect(JSON.stringify(decoded)).not.toContain(idNumber);
    expect(decoded.ok && matchesIdNumber(decoded.claims, '4201 0619 9001 0112 34')).toBe(true);
    expect(decoded.ok && matchesIdNumber(decoded.claims, '420106199001011235')).toBe(false);
  });

  it('hashes the same ID number differently under different salts', () => {
    expect(hashIdNumber('42010619900101123X', 'salt-a')).not.toBe(hashIdNumber('42010619900101123X', 'salt-b'));
    expect(hashIdNumber('42010619900101123x', 'salt-a')).toBe(hashIdNumber('42010619900101123X', 'salt-a'));
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
