/**
 * Keys on disk (`keys init|rotate|export`, loadSigner) and `pass verify` as a
 * gate runs it: trust file, revocation list, stdin, exit codes.
 */
import { describe, expect, it } from '@jest/globals';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NotFoundError, UsageError } from '../../src/cli/errors.js';
import { signRevocationList } from '../../src/domain/passes/revocation-list.js';
import { encodeToken } from '../../src/domain/passes/token.js';
import { verifyToken } from '../../src/domain/passes/verify-token.js';
import { idKeyPath, initKeys, loadSigner, readIdKeys, readTrustFile, rotateKeys, trustFilePath, unwritableHomeError } from '../../src/io/keys.js';
import { homeSource } from '../../src/cli/context.js';
import { keyedIdHash } from '../../src/domain/passes/id-hash.js';
import { fakeEffects, runCli } from '../cli/helpers/run-cli.js';
import { passIdsByKey } from '../../src/commands/ledger-pass-ids.js';
import { someClaims } from './builders.js';
import { homeWithPasses, passesOf } from './ledger-helpers.js';

const may10 = Date.parse('2026-05-10T09:00:00+08:00');
const freshHome = () => mkdtempSync(path.join(tmpdir(), 'yangtze-keys-'));

describe('keys on disk', () => {
  it('keeps the private key in a 0600 file inside a 0700 directory, and only public keys in the trust file', () => {
    const home = freshHome();
    const r = initKeys(home, may10);
    expect(r.keyId).toMatch(/^k20260510-[0-9a-f]{6}$/);
    expect(statSync(r.keyPath).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(r.keyPath)).mode & 0o777).toBe(0o700);
    const trustText = readFileSync(trustFilePath(home), 'utf8');
    expect(trustText).not.toContain('PRIVATE');
    expect(readTrustFile(trustFilePath(home)).keys).toEqual([expect.objectContaining({ keyId: r.keyId, createdAt: '2026-05-10T09:00:00+08:00' })]);
  });

  it('refuses to overwrite existing keys unless forced', () => {
    const home = freshHome();
    initKeys(home, may10);
    expect(() => initKeys(home, may10)).toThrow(UsageError);
    const again = initKeys(home, may10 + 1000, { force: true });
    expect(readTrustFile(trustFilePath(home)).keys.map((k) => k.keyId)).toEqual([again.keyId]);
  });

  it('signs with the new key after a rotation and keeps verifying the passes the old one issued', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const first = loadSigner(home);
    const [issued] = passesOf(home);
    const second = rotateKeys(home, Date.parse('2026-05-11T09:00:00+08:00'), { signed: await passIdsByKey({ home }) });
    expect(second.retired).toEqual([first.keyId]);
    const signer = loadSigner(home);
    expect(signer.keyId).toBe(second.keyId);
    const trust = readTrustFile(trustFilePath(home));
    expect(trust.keys.find((k) => k.keyId === first.keyId)?.retiredAt).toBe('2026-05-11T09:00:00+08:00');
    expect(verifyToken(issued!.token, trust, { date: '2026-05-13' }).reason).toBe('ok');
    const newToken = encodeToken(someClaims({ keyId: signer.keyId, issuedAt: '2026-05-11' }), signer.sign);
    expect(verifyToken(newToken, trust, { date: '2026-05-13' }).reason).toBe('ok');
  });

  it('keeps the ID key of each signing key beside it, 0600, and makes it for a home that predates ID keys', () => {
    const home = freshHome();
    const r = initKeys(home, may10);
    const idPath = idKeyPath(home, r.keyId);
    expect(statSync(idPath).mode & 0o777).toBe(0o600);
    expect(loadSigner(home).idKey).toHaveLength(32);
    rmSync(idPath);
    expect(loadSigner(home).idKey).toHaveLength(32);
    expect(statSync(idPath).mode & 0o777).toBe(0o600);
    expect(readIdKeys(home).get(r.keyId)).toEqual(loadSigner(home).idKey);
  });

  it('refuses an ID key readable by others, as it does the private key', () => {
    const home = freshHome();
    const r = initKeys(home, may10);
    chmodSync(idKeyPath(home, r.keyId), 0o644);
    expect(() => loadSigner(home)).toThrow(/ID key .* is readable by others/);
  });

  it('says how to create a key when there is none', () => {
    expect(() => loadSigner(freshHome())).toThrow(NotFoundError);
    expect(() => loadSigner(freshHome())).toThrow(/no signing key: run `yangtze keys init`/);
  });
});

describe('yangtze keys and pass verify', () => {
  const home = freshHome();
  const cli = (args: string[], stdin?: string) => runCli(['--home', home, ...args], stdin === undefined ? {} : { stdin });
  let token = '';
  let trustJson = '';

  it('creates a key and exports the trust file without any private key', async () => {
    const init = await cli(['keys', 'init', '--json']);
    expect(init.exitCode).toBe(0);
    const { keyId } = JSON.parse(init.stdout) as { keyId: string };
    const exported = await cli(['keys', 'export']);
    expect(exported.exitCode).toBe(0);
    expect(exported.stdout).not.toMatch(/PRIVATE|BEGIN/);
    expect(JSON.parse(exported.stdout)).toMatchObject({ schemaVersion: 1, kind: 'yangtze.trust', keys: [{ keyId }] });
    trustJson = exported.stdout;
    token = encodeToken(someClaims({ keyId }), loadSigner(home).sign);
    expect(readdirSync(path.join(home, 'keys')).sort()).toEqual([`${keyId}.idkey`, `${keyId}.key`]);
  });

  it('prints valid with the pass and exits 0', async () => {
    const run = await cli(['pass', 'verify', token, '--date', '2026-05-13', '--at', 'east-lake', '--json']);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ schemaVersion: 1, valid: true, reason: 'ok', pass: { passId: 'YZ-7K3M9Q2X4T' } });
  });

  it('uses today in Asia/Shanghai when --date is absent', async () => {
    // The test clock is 2026-05-11 09:00 +08:00, the day before the window opens.
    const run = await cli(['pass', 'verify', token, '--json']);
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: false, reason: 'not-yet-valid' });
  });

  it('reads one token per line from stdin and answers one line per token', async () => {
    const run = await cli(['pass', 'verify', '-', '--date', '2026-05-13', '--json'], `${token}\n\nYZ1:nonsense\n`);
    expect(run.exitCode).toBe(1);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { reason: string });
    expect(lines.map((l) => l.reason)).toEqual(['ok', 'malformed']);
    expect(run.stderr).toContain('1 of 2 tokens are not valid');
  });

  it('answers a long stdin batch line by line in input order', async () => {
    const signer = loadSigner(home);
    const batch = Array.from({ length: 300 }, (_, i) =>
      i % 3 === 2 ? `YZ1:broken${i}` : encodeToken(someClaims({ passId: `YZ-BATCH${String(i).padStart(4, '0')}`, keyId: signer.keyId }), signer.sign),
    );
    const run = await cli(['pass', 'verify', '-', '--date', '2026-05-13', '--json'], batch.join('\n'));
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { reason: string; pass?: { passId: string } });
    expect(lines).toHaveLength(300);
    lines.forEach((l, i) => expect([i, l.reason, l.pass?.passId]).toEqual(i % 3 === 2 ? [i, 'malformed', undefined] : [i, 'ok', `YZ-BATCH${String(i).padStart(4, '0')}`]));
    expect(run.stderr).toContain('100 of 300 tokens are not valid');
  });

  it('prints TSV in a pipe', async () => {
    const run = await cli(['pass', 'verify', token, '--date', '2026-05-20']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout.split('\t').slice(0, 8)).toEqual(['invalid', 'expired', 'YZ-7K3M9Q2X4T', 'Li Wei', 'adult', 'wuhan-culture-pass', '2026-05-12', '2026-05-16']);
  });

  it('refuses a revoked pass using the latest revocation list under the home directory', async () => {
    mkdirSync(path.join(home, 'revocations'), { recursive: true });
    const signer = loadSigner(home);
    const older = signRevocationList([], '2026-05-12T08:00:00+08:00', signer);
    const newer = signRevocationList(['YZ-7K3M9Q2X4T'], '2026-05-12T10:00:00+08:00', signer);
    writeFileSync(path.join(home, 'revocations', 'b.json'), JSON.stringify(older));
    writeFileSync(path.join(home, 'revocations', 'a.json'), JSON.stringify(newer));
    const run = await cli(['pass', 'verify', token, '--date', '2026-05-13', '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: false, reason: 'revoked' });
    expect(run.exitCode).toBe(1);
  });

  it('exits 3 when the revocation list was tampered with', async () => {
    const list = signRevocationList(['YZ-7K3M9Q2X4T'], '2026-05-12T10:00:00+08:00', loadSigner(home));
    const file = path.join(freshHome(), 'revoked.json');
    writeFileSync(file, JSON.stringify({ ...list, passIds: [] }));
    const run = await cli(['pass', 'verify', token, '--date', '2026-05-13', '--revoked', file]);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('revocation list rejected (bad-signature)');
  });

  it('verifies with only a copied trust file at a gate that has no keys', async () => {
    const gate = freshHome();
    writeFileSync(path.join(gate, 'gate-trust.json'), trustJson);
    const run = await runCli(['--home', gate, 'pass', 'verify', token, '--trust', path.join(gate, 'gate-trust.json'), '--date', '2026-05-14']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.startsWith('valid\tok\t')).toBe(true);
  });

  it('checks --id-number with the ID key under the home, and says so at a gate that lacks it', async () => {
    const signer = loadSigner(home);
    const withId = encodeToken(someClaims({ passId: 'YZ-IDCHECK0001', keyId: signer.keyId, idSalt: 'pepper', idHash: keyedIdHash('420106199001011234', 'pepper', signer.idKey!) }), signer.sign);
    const ok = await cli(['pass', 'verify', withId, '--date', '2026-05-13', '--id-number', '4201 0619 9001 0112 34', '--json']);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, reason: 'ok' });
    const wrong = await cli(['pass', 'verify', withId, '--date', '2026-05-13', '--id-number', '420106199001019999', '--json']);
    expect([wrong.exitCode, JSON.parse(wrong.stdout).reason]).toEqual([1, 'wrong-holder']);
    const gate = freshHome();
    writeFileSync(path.join(gate, 'trust.json'), trustJson);
    const keyless = await runCli(['--home', gate, 'pass', 'verify', withId, '--date', '2026-05-13', '--id-number', '420106199001011234', '--json']);
    expect([keyless.exitCode, JSON.parse(keyless.stdout).reason]).toEqual([1, 'no-id-key']);
    // Given a copy of the ID key, that gate can check ID numbers too.
    mkdirSync(path.join(gate, 'keys'), { mode: 0o700 });
    copyFileSync(idKeyPath(home, signer.keyId), idKeyPath(gate, signer.keyId));
    const copied = await runCli(['--home', gate, 'pass', 'verify', withId, '--date', '2026-05-13', '--id-number', '420106199001011234']);
    expect(copied.exitCode).toBe(0);
  });

  it('exits 4 when there is no trust file, and 2 on a bad --date', async () => {
    expect((await runCli(['--home', freshHome(), 'pass', 'verify', token])).exitCode).toBe(4);
    expect((await cli(['pass', 'verify', token, '--date', '2026-02-30'])).exitCode).toBe(2);
  });

  it('refuses a second keys init with exit 2, and rotates with keys rotate', async () => {
    expect((await cli(['keys', 'init'])).exitCode).toBe(2);
    const rotated = await cli(['keys', 'rotate', '--json']);
    expect(rotated.exitCode).toBe(0);
    expect(JSON.parse(rotated.stdout)).toMatchObject({ action: 'rotated', retired: [expect.stringMatching(/^k2026/)] });
    // this token was signed outside the ledger (no `pass issue`): after the rotation no gate accepts it,
    // whatever issue date it claims (key-lifecycle.test.ts has the passes that stay valid)
    const after = await cli(['pass', 'verify', token, '--date', '2026-05-13', '--revoked', path.join(home, 'revocations', 'b.json'), '--json']);
    expect([after.exitCode, JSON.parse(after.stdout).reason]).toEqual([1, 'key-retired']);
  });
});

describe('a home the keys cannot be written to (EACCES, EPERM, EROFS)', () => {
  // Tests run as root, where no mode bits refuse a write: the system's error is made here, as mkdir throws it.
  const refused = (code: string, file: string) => Object.assign(new Error(`${code}: mkdir '${file}'`), { code, path: file, syscall: 'mkdir' });

  it('is a usage error naming --home, or YANGTZE_HOME when the home came from the environment', () => {
    const fromFlag = unwritableHomeError(refused('EROFS', '/media/cd/yz/keys'), '/media/cd/yz', homeSource('/media/cd/yz', fakeEffects().effects));
    expect(fromFlag).toBeInstanceOf(UsageError);
    expect((fromFlag as UsageError).message).toBe('--home /media/cd/yz: cannot write the signing keys there (read-only file system: /media/cd/yz/keys)');
    expect((fromFlag as UsageError).hint).toMatch(/--home DIR or YANGTZE_HOME/);
    const fromEnv = unwritableHomeError(refused('EACCES', '/srv/yz'), '/srv/yz', homeSource(undefined, fakeEffects({ env: { YANGTZE_HOME: '/srv/yz' } }).effects));
    expect((fromEnv as UsageError).message).toBe('YANGTZE_HOME=/srv/yz: cannot write the signing keys there (permission denied)');
    expect((unwritableHomeError(refused('EPERM', '/srv/yz'), '/srv/yz') as UsageError).message).toBe('/srv/yz: cannot write the signing keys there (operation not permitted)');
  });

  it('passes any other failure on as it was', () => {
    const full = refused('ENOSPC', '/srv/yz/keys');
    expect(unwritableHomeError(full, '/srv/yz', '--home /srv/yz')).toBe(full);
  });
});
