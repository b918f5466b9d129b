import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { signRevocationList, verifyRevocationList } from '../../src/domain/passes/revocation-list.js';
import { keyedIdHash } from '../../src/domain/passes/id-hash.js';
import { encodeToken } from '../../src/domain/passes/token.js';
import { verifyToken, verifyTokenAsync } from '../../src/domain/passes/verify-token.js';
import { aKeyPair, aTrustFile, someClaims } from './builders.js';

const issuer = aKeyPair('k20260501-aaaaaa');
const stranger = aKeyPair('k20260501-aaaaaa'); // same key id, different key: a forger
const other = aKeyPair('k20260501-bbbbbb');
const trust = aTrustFile(issuer);
const token = encodeToken(someClaims(), issuer.signer.sign);
const onDay = { date: '2026-05-13' };

describe('verifyToken', () => {
  it('accepts a good token inside its window and returns the claims', () => {
    const result = verifyToken(token, trust, { ...onDay, at: 'yellow-crane-tower' });
    expect(result).toMatchObject({ valid: true, reason: 'ok', pass: { passId: 'YZ-7K3M9Q2X4T', holder: 'Li Wei' } });
  });

  it('accepts on the first and the last day of the window', () => {
    expect(verifyToken(token, trust, { date: '2026-05-12' }).reason).toBe('ok');
    expect(verifyToken(token, trust, { date: '2026-05-16' }).reason).toBe('ok');
  });

  it('rejects any single changed character', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:';
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...alphabet), (pos, ch) => {
        fc.pre(token[pos] !== ch);
        const edited = token.slice(0, pos) + ch + token.slice(pos + 1);
        expect(verifyToken(edited, trust, onDay).valid).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects a change at every position (exhaustive, one replacement each)', () => {
    for (let pos = 0; pos < token.length; pos++) {
      const ch = token[pos] === 'A' ? 'B' : 'A';
      const edited = token.slice(0, pos) + ch + token.slice(pos + 1);
      expect([pos, verifyToken(edited, trust, onDay).valid]).toEqual([pos, false]);
    }
  });

  it('rejects a token signed by a key with a trusted id but another private key, without returning its claims', () => {
    const forged = encodeToken(someClaims(), stranger.signer.sign);
    const result = verifyToken(forged, trust, onDay);
    expect(result).toMatchObject({ valid: false, reason: 'bad-signature' });
    expect(result.pass).toBeUndefined();
  });

  it('rejects a token signed by a key the trust file does not list', () => {
    const unknown = encodeToken(someClaims({ keyId: other.signer.keyId }), other.signer.sign);
    expect(verifyToken(unknown, trust, onDay)).toMatchObject({ valid: false, reason: 'unknown-key' });
  });

  it('rejects with its own reason: expired, not yet valid, blackout, wrong attraction', () => {
    const blackoutToken = encodeToken(someClaims({ validUntil: '2026-12-31' }), issuer.signer.sign);
    expect(verifyToken(token, trust, { date: '2026-05-17' }).reason).toBe('expired');
    expect(verifyToken(token, trust, { date: '2026-05-11' }).reason).toBe('not-yet-valid');
    expect(verifyToken(blackoutToken, trust, { date: '2026-10-03' }).reason).toBe('blackout');
    expect(verifyToken(token, trust, { ...onDay, at: 'tengwang-pavilion' }).reason).toBe('wrong-attraction');
  });

  it('rejects a revoked pass when the revocation list names it', () => {
    const list = signRevocationList(['YZ-OTHER', 'YZ-7K3M9Q2X4T'], '2026-05-12T10:00:00+08:00', issuer.signer);
    expect(verifyToken(token, trust, { ...onDay, revoked: list })).toMatchObject({ valid: false, reason: 'revoked' });
    const unrelated = signRevocationList(['YZ-OTHER'], '2026-05-12T10:00:00+08:00', issuer.signer);
    expect(verifyToken(token, trust, { ...onDay, revoked: unrelated }).valid).toBe(true);
  });

  it('checks the ID number shown at the gate with the issuer\'s ID key of the signing key', () => {
    const idKey = new Uint8Array(32).fill(9);
    const idKeys = new Map([[issuer.signer.keyId, idKey]]);
    const salted = encodeToken(someClaims({ idSalt: 'pepper', idHash: keyedIdHash('420106199001011234', 'pepper', idKey) }), issuer.signer.sign);
    expect(verifyToken(salted, trust, { ...onDay, idNumber: '420106199001011234', idKeys }).reason).toBe('ok');
    expect(verifyToken(salted, trust, { ...onDay, idNumber: '420106199001019999', idKeys }).reason).toBe('wrong-holder');
    expect(verifyToken(salted, trust, onDay).reason).toBe('ok'); // no ID number shown: not checked
  });

  it('refuses to call a pass valid when asked to check an ID number it has no key for', () => {
    const salted = encodeToken(someClaims({ idSalt: 'pepper', idHash: keyedIdHash('420106199001011234', 'pepper', new Uint8Array(32)) }), issuer.signer.sign);
    const result = verifyToken(salted, trust, { ...onDay, idNumber: '420106199001011234' });
    expect(result).toMatchObject({ valid: false, reason: 'no-id-key' });
    expect(result.message).toContain('compare the name Li Wei with the ID card');
  });

  it('with a trust file from before passIds lists, falls back to the issue date for a retired key', () => {
    const retired = aTrustFile({ ...issuer, trusted: { ...issuer.trusted, retiredAt: '2026-05-11T12:00:00+08:00' } });
    expect(verifyToken(token, retired, onDay).reason).toBe('ok');
    const late = encodeToken(someClaims({ issuedAt: '2026-05-12' }), issuer.signer.sign);
    expect(verifyToken(late, retired, onDay).reason).toBe('key-retired');
  });

  it('accepts from a retired key only the passes its trust entry lists, whatever issue date a token claims', () => {
    const retired = aTrustFile({ ...issuer, trusted: { ...issuer.trusted, retiredAt: '2026-05-11T12:00:00+08:00', passIds: ['YZ-7K3M9Q2X4T'] } });
    expect(verifyToken(token, retired, onDay).reason).toBe('ok');
    const backdated = encodeToken(someClaims({ passId: 'YZ-0THER000000', issuedAt: '2026-01-01' }), issuer.signer.sign);
    expect(verifyToken(backdated, retired, onDay).reason).toBe('key-retired');
  });
});

describe('verifyTokenAsync', () => {
  it('gives the same answer as verifyToken for good, forged, unknown-key, malformed and refused tokens', async () => {
    const cases = [
      token,
      encodeToken(someClaims(), stranger.signer.sign),
      encodeToken(someClaims({ keyId: other.signer.keyId }), other.signer.sign),
      token.slice(0, 40),
      encodeToken(someClaims({ validUntil: '2026-05-12' }), issuer.signer.sign),
      token.slice(0, -2) + (token.endsWith('A') ? 'BA' : 'AA'),
    ];
    for (const t of cases) {
      for (const opts of [onDay, { ...onDay, at: 'tengwang-pavilion' }]) expect(await verifyTokenAsync(t, trust, opts)).toEqual(verifyToken(t, trust, opts));
    }
  });
});

describe('revocation lists', () => {
  const list = signRevocationList(['YZ-B', 'YZ-A', 'YZ-B'], '2026-05-12T10:00:00+08:00', issuer.signer);

  it('are sorted, deduplicated and verify against the trust file', () => {
    expect(list.passIds).toEqual(['YZ-A', 'YZ-B']);
    expect(verifyRevocationList(JSON.parse(JSON.stringify(list)), trust)).toMatchObject({ ok: true });
  });

  it('are rejected when a pass id is removed, added or the date changed', () => {
    expect(verifyRevocationList({ ...list, passIds: ['YZ-A'] }, trust)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verifyRevocationList({ ...list, passIds: ['YZ-A', 'YZ-B', 'YZ-C'] }, trust)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verifyRevocationList({ ...list, issuedAt: '2026-05-13T10:00:00+08:00' }, trust)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('are rejected when signed by a key that is not trusted', () => {
    const foreign = signRevocationList(['YZ-A'], '2026-05-12T10:00:00+08:00', other.signer);
    expect(verifyRevocationList(foreign, trust)).toMatchObject({ ok: false, reason: 'unknown-key' });
    const forged = signRevocationList(['YZ-A'], '2026-05-12T10:00:00+08:00', stranger.signer);
    expect(verifyRevocationList(forged, trust)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('are rejected when the shape is wrong', () => {
    expect(verifyRevocationList({ ...list, kind: 'yangtze.trust' }, trust)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verifyRevocationList('[]', trust)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
