/**
 * A pass that covers many attractions carries a coverage reference
 * (`~<product>.<hash of its attraction list>`) instead of the list; the trust
 * file gives gates the list. The corridor-wide Grand Pass token was 1,146
 * characters (a QR code 129 columns wide); now it is the size of a typical
 * pass. Old tokens with the full list keep verifying.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { coverageRef } from '../../src/domain/passes/coverage.js';
import { passQrText } from '../../src/export/pass-qr.js';
import { decodeToken, encodeToken } from '../../src/domain/passes/token.js';
import { parseTrustFile } from '../../src/domain/passes/trust-file.js';
import { verifyToken } from '../../src/domain/passes/verify-token.js';
import { readTrustFile, trustFilePath } from '../../src/io/keys.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { aKeyPair, aTrustFile, someClaims } from './builders.js';
import { aHome, passesOf, writeBookings } from './ledger-helpers.js';

const many = Array.from({ length: 66 }, (_, i) => `attraction-number-${String(i).padStart(2, '0')}`);

describe('coverage references', () => {
  const issuer = aKeyPair();
  const ref = coverageRef('yangtze-grand-pass', many);
  const claims = someClaims({ keyId: issuer.signer.keyId, product: 'yangtze-grand-pass', attractions: many, coverage: ref });
  const token = encodeToken(claims, issuer.signer.sign);
  const trust = { ...aTrustFile(issuer), coverage: { [ref]: many } };

  it('keep a 66-attraction token under 400 characters, and the gate reads the list from the trust file', () => {
    expect(token.length).toBeLessThan(400);
    expect(decodeToken(token)).toMatchObject({ ok: true, claims: { coverage: ref, attractions: [] } });
    const result = verifyToken(token, trust, { date: '2026-05-12', at: many[40]! });
    expect(result).toMatchObject({ valid: true, pass: { attractions: many } });
    expect(verifyToken(token, trust, { date: '2026-05-12', at: 'east-lake' }).reason).toBe('wrong-attraction');
  });

  it('are refused (unknown-coverage) by a gate whose trust file lacks the list', () => {
    expect(verifyToken(token, aTrustFile(issuer), { date: '2026-05-12' })).toMatchObject({ valid: false, reason: 'unknown-coverage' });
  });

  it('leave tokens with the full list as they were', () => {
    const full = encodeToken({ ...claims, coverage: undefined } as typeof claims, issuer.signer.sign);
    expect(full.length).toBeGreaterThan(450);
    expect(verifyToken(full, trust, { date: '2026-05-12', at: many[3]! })).toMatchObject({ valid: true });
  });

  it('must match the list they name in a trust file', () => {
    const json = JSON.parse(JSON.stringify(trust)) as { coverage: Record<string, string[]> };
    expect(parseTrustFile(json)).toMatchObject({ ok: true });
    json.coverage[ref] = many.slice(1);
    expect(parseTrustFile(json)).toMatchObject({ ok: false, field: `coverage.${ref}` });
  });
});

describe('the Grand Pass issued from the shipped catalogue', () => {
  it('is a token under 400 characters whose terminal QR code fits 80 columns, and trust.json gains its list', async () => {
    const home = aHome();
    const file = writeBookings(home, ['BK1,Li Wei,420106199001011231,adult,yangtze-grand-pass,2026-05-12']);
    const run = await runCli(['--home', home, 'pass', 'issue', '--bookings', file]);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('keys export');
    const [pass] = passesOf(home);
    expect(pass!.attractions.length).toBeGreaterThan(50);
    expect(pass!.token.length).toBeLessThan(400);
    const terminalQr = await passQrText(pass!.token);
    expect(Math.max(...terminalQr.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(QRCode.create(pass!.token, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(14);
    expect(Object.values(readTrustFile(trustFilePath(home)).coverage ?? {})).toEqual([pass!.attractions]);
    const verify = await runCli(['--home', home, 'pass', 'verify', pass!.token, '--at', 'yellow-crane-tower', '--date', '2026-05-12', '--json']);
    expect([verify.exitCode, JSON.parse(verify.stdout).pass.attractions]).toEqual([0, pass!.attractions]);
    expect(readFileSync(path.join(home, 'trust.json'), 'utf8')).not.toMatch(/PRIVATE/);
  });
});
