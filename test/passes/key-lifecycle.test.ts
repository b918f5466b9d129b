/**
 * The life of a signing key: retired by `keys rotate` (its private half
 * destroyed, its genuine passes still valid), declared compromised by `keys
 * compromise` (every token it signs is refused except the passes the ledger
 * knows), and the trust file that carries all this to gates checked strictly.
 * No check trusts the `issuedAt` a token claims: a leaked key can write any.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseTrustFile } from '../../src/domain/passes/trust-file.js';
import { encodeToken } from '../../src/domain/passes/token.js';
import { verifyToken } from '../../src/domain/passes/verify-token.js';
import { signRevocationList } from '../../src/domain/passes/revocation-list.js';
import { initKeys, loadSigner, readTrustFile, rotateKeys, trustFilePath } from '../../src/io/keys.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { passIdsByKey } from '../../src/commands/ledger-pass-ids.js';
import { someClaims } from './builders.js';
import { homeWithPasses, passesOf } from './ledger-helpers.js';

const may12 = Date.parse('2026-05-12T09:00:00+08:00');
const onDay = { date: '2026-05-13' };

describe('keys rotate: retire and destroy', () => {
  it('deletes the retired private key, keeps its ID key, and lists the passes it signed in the trust file', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12', 'BK2,Wang Fang,,adult,wuhan-culture-pass,2026-05-12']);
    const old = loadSigner(home);
    const rotated = rotateKeys(home, may12, { signed: await passIdsByKey({ home }) });
    expect(existsSync(path.join(home, 'keys', `${old.keyId}.key`))).toBe(false);
    expect(existsSync(path.join(home, 'keys', `${old.keyId}.idkey`))).toBe(true);
    const trust = readTrustFile(trustFilePath(home));
    const retired = trust.keys.find((k) => k.keyId === old.keyId)!;
    expect(retired.passIds).toEqual(passesOf(home).map((p) => p.id).sort());
    expect(rotated.retired).toEqual([old.keyId]);
    for (const p of passesOf(home)) expect(verifyToken(p.token, trust, onDay).reason).toBe('ok');
  });

  it('refuses tokens a leaked retired key signs afterwards, even backdated to before the retirement', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const leaked = loadSigner(home); // a copy taken before the rotation
    rotateKeys(home, may12, { signed: await passIdsByKey({ home }) });
    const trust = readTrustFile(trustFilePath(home));
    for (const issuedAt of ['2026-05-01', '2026-05-11', '2026-05-20']) {
      const forged = encodeToken(someClaims({ passId: 'YZ-FORGED000001', keyId: leaked.keyId, issuedAt }), leaked.sign);
      expect(verifyToken(forged, trust, onDay)).toMatchObject({ valid: false, reason: 'key-retired' });
    }
  });
});

describe('keys compromise', () => {
  it('refuses every token of the key except the passes in the ledger, makes a new active key, and says so', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const leaked = loadSigner(home);
    const [genuine] = passesOf(home);
    const run = await runCli(['--home', home, 'keys', 'compromise', leaked.keyId, '--json']);
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(run.stdout) as { action: string; keyId: string; compromised: string; grandfathered: number };
    expect(report).toMatchObject({ action: 'compromised', compromised: leaked.keyId, grandfathered: 1 });
    expect(existsSync(path.join(home, 'keys', `${leaked.keyId}.key`))).toBe(false);
    expect(loadSigner(home).keyId).toBe(report.keyId);
    const trust = readTrustFile(trustFilePath(home));
    expect(verifyToken(genuine!.token, trust, onDay).reason).toBe('ok');
    const forged = encodeToken(someClaims({ passId: 'YZ-FORGED000002', keyId: leaked.keyId, issuedAt: '2026-05-01' }), leaked.sign);
    expect(verifyToken(forged, trust, onDay)).toMatchObject({ valid: false, reason: 'key-compromised' });
    // A revocation list signed with the leaked key (say, an empty one that un-revokes) is refused.
    const list = path.join(home, 'forged-list.json');
    writeFileSync(list, JSON.stringify(signRevocationList([], '2026-12-31T00:00:00+08:00', leaked)));
    const verify = await runCli(['--home', home, 'pass', 'verify', genuine!.token, '--date', '2026-05-13', '--revoked', list]);
    expect(verify.exitCode).toBe(3);
    expect(verify.stderr).toContain('compromised');
  });

  it('with --since, grandfathers only the passes the ledger recorded before that time', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const [genuine] = passesOf(home);
    const keyId = loadSigner(home).keyId;
    const run = await runCli(['--home', home, 'keys', 'compromise', keyId, '--since', '2026-05-01T00:00:00+08:00', '--json']);
    expect([run.exitCode, JSON.parse(run.stdout).grandfathered]).toEqual([0, 0]);
    expect(verifyToken(genuine!.token, readTrustFile(trustFilePath(home)), onDay).reason).toBe('key-compromised');
  });

  it('exits 4 for a key id the trust file does not have, with a suggestion', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'yangtze-keys-'));
    const { keyId } = initKeys(home, may12);
    const run = await runCli(['--home', home, 'keys', 'compromise', keyId.slice(0, -1) + (keyId.endsWith('0') ? '1' : '0')]);
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toContain(`Did you mean '${keyId}'?`);
  });
});

describe('the trust file is checked strictly', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'yangtze-keys-'));
  initKeys(home, may12);
  const good = JSON.parse(readFileSync(trustFilePath(home), 'utf8')) as { keys: Record<string, unknown>[] };
  const key = good.keys[0]!;
  const withKeys = (...keys: Record<string, unknown>[]) => ({ ...good, keys });

  it('accepts what keys init writes', () => {
    expect(parseTrustFile(good)).toMatchObject({ ok: true });
  });

  it('refuses a key id twice', () => {
    expect(parseTrustFile(withKeys(key, { ...key, retiredAt: '2026-05-13T09:00:00+08:00' }))).toMatchObject({ ok: false, field: 'keys[1].keyId', message: expect.stringContaining('twice') });
  });

  it('refuses a malformed retiredAt instead of reading it as never retired', () => {
    for (const retiredAt of ['yesterday', '2026-13-01T00:00:00+08:00', 20260512]) {
      expect(parseTrustFile(withKeys({ ...key, retiredAt }))).toMatchObject({ ok: false, field: 'keys[0].retiredAt' });
    }
  });

  it('refuses a key id that is not the fingerprint of its public key', () => {
    const id = key.keyId as string;
    const other = id.slice(0, -6) + (id.endsWith('aaaaaa') ? 'bbbbbb' : 'aaaaaa');
    expect(parseTrustFile(withKeys({ ...key, keyId: other }))).toMatchObject({ ok: false, field: 'keys[0].keyId', message: expect.stringContaining('fingerprint') });
  });

  it('exits 3 naming the file and the field at a gate', async () => {
    const gate = mkdtempSync(path.join(tmpdir(), 'yangtze-gate-'));
    writeFileSync(path.join(gate, 'trust.json'), JSON.stringify(withKeys(key, key)));
    const run = await runCli(['--home', gate, 'pass', 'verify', 'YZ1:x.y']);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain(`${path.join(gate, 'trust.json')}: keys[1].keyId`);
  });
});
