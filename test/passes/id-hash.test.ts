import { describe, expect, it } from '@jest/globals';
import { checkIdNumber, keyedIdHash, KEYED_ID_HASH_PREFIX, scryptIdHash } from '../../src/domain/passes/id-hash.js';
import { someClaims } from './builders.js';

const idKey = new Uint8Array(32).fill(1);
const otherKey = new Uint8Array(32).fill(2);
const id = '42010619900101123X';

describe('the keyed ID-number hash', () => {
  it('is marked h: and 22 base64url characters (16 bytes)', () => {
    expect(keyedIdHash(id, 'salt', idKey)).toMatch(/^h:[A-Za-z0-9_-]{22}$/);
  });

  it('ignores spaces and the case of the check letter', () => {
    expect(keyedIdHash('4201 0619 9001 0112 3x', 'salt', idKey)).toBe(keyedIdHash(id, 'salt', idKey));
  });

  it('differs per salt (two passes of one person cannot be linked) and per key (no key, no search)', () => {
    expect(keyedIdHash(id, 'salt-a', idKey)).not.toBe(keyedIdHash(id, 'salt-b', idKey));
    expect(keyedIdHash(id, 'salt-a', idKey)).not.toBe(keyedIdHash(id, 'salt-a', otherKey));
  });
});

describe('checkIdNumber', () => {
  const keyed = someClaims({ idSalt: 'pepper', idHash: keyedIdHash(id, 'pepper', idKey) });

  it('matches the right number and refuses another with the key', () => {
    expect(checkIdNumber(keyed, id, idKey)).toBe('match');
    expect(checkIdNumber(keyed, '420106199001019999', idKey)).toBe('mismatch');
    expect(checkIdNumber(keyed, id, otherKey)).toBe('mismatch');
  });

  it('says it cannot check a keyed hash without the key', () => {
    expect(checkIdNumber(keyed, id, undefined)).toBe('no-key');
  });

  it('says when the pass carries no ID hash', () => {
    const { idHash: _h, idSalt: _s, ...bare } = keyed;
    expect(checkIdNumber(bare, id, idKey)).toBe('no-hash');
  });

  it('still checks the scrypt hash of passes issued before the keyed hash, without a key', () => {
    const legacy = someClaims({ idSalt: 'pepper', idHash: scryptIdHash(id, 'pepper') });
    expect(legacy.idHash!.startsWith(KEYED_ID_HASH_PREFIX)).toBe(false);
    expect(checkIdNumber(legacy, id, undefined)).toBe('match');
    expect(checkIdNumber(legacy, '420106199001019999', undefined)).toBe('mismatch');
  });
});
