/**
 * The revocation lists a gate reads from `<home>/revocations/`: the newest list
 * wins, and a list that cannot be read stops the gate loudly instead of letting
 * an older list (without the latest revocations) decide.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { signRevocationList } from '../../src/domain/passes/revocation-list.js';
import { encodeToken } from '../../src/domain/passes/token.js';
import { loadSigner } from '../../src/io/keys.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { someClaims } from './builders.js';
import { aHome } from './ledger-helpers.js';

function homeWithLists(newest: string): { home: string; token: string } {
  const home = aHome();
  const signer = loadSigner(home);
  const dir = path.join(home, 'revocations');
  mkdirSync(dir);
  writeFileSync(path.join(dir, '2026-05-10T090000+0800.json'), JSON.stringify(signRevocationList([], '2026-05-10T09:00:00+08:00', signer)));
  writeFileSync(path.join(dir, '2026-05-11T090000+0800.json'), newest);
  return { home, token: encodeToken(someClaims({ keyId: signer.keyId }), signer.sign) };
}

describe('a damaged revocation list under the home', () => {
  for (const [what, content] of [['empty', ''], ['truncated', '{"schemaVersion":1,"kind":"yangtze.revo']] as const) {
    it(`refuses to verify or redeem when the newest list is ${what} (exit 3, naming the file), never falling back to the older one`, async () => {
      const { home, token } = homeWithLists(content);
      const named = path.join(home, 'revocations', '2026-05-11T090000+0800.json');
      for (const args of [
        ['pass', 'verify', token, '--date', '2026-05-13'],
        ['pass', 'redeem', token, '--at', 'east-lake', '--date', '2026-05-11', '--offline', '--log', path.join(home, 'gate.ndjson')],
      ]) {
        const run = await runCli(['--home', home, ...args]);
        expect({ exitCode: run.exitCode, stdout: run.stdout }).toEqual({ exitCode: 3, stdout: '' });
        expect(run.stderr).toContain(named);
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
    });
  }

  it('uses the newest good list when every list reads', async () => {
    const home = aHome();
    const signer = loadSigner(home);
    const token = encodeToken(someClaims({ keyId: signer.keyId }), signer.sign);
    const dir = path.join(home, 'revocations');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(signRevocationList(['YZ-7K3M9Q2X4T'], '2026-05-11T09:00:00+08:00', signer)));
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify(signRevocationList([], '2026-05-10T09:00:00+08:00', signer)));
    const run = await runCli(['--home', home, 'pass', 'verify', token, '--date', '2026-05-13', '--json']);
    expect([run.exitCode, JSON.parse(run.stdout).reason]).toEqual([1, 'revoked']);
  });

  it('names a `revocations` that is a file (exit 3) instead of failing with a stack trace', async () => {
    const home = aHome();
    const signer = loadSigner(home);
    rmSync(path.join(home, 'revocations'), { recursive: true, force: true });
    writeFileSync(path.join(home, 'revocations'), 'not a folder');
    const run = await runCli(['--home', home, 'pass', 'verify', encodeToken(someClaims({ keyId: signer.keyId }), signer.sign), '--date', '2026-05-13']);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain(path.join(home, 'revocations'));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
