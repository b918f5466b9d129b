/**
 * `pass revoke` checks everything it needs to finish (the signing key, the
 * folder of revocation lists) before it commits the revocation: a half-done
 * revocation (in the ledger, but no list for offline gates) is what it avoids.
 */
import { describe, expect, it } from '@jest/globals';
import { chmodSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSigner } from '../../src/io/keys.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { homeWithPasses, passesOf } from './ledger-helpers.js';

const onlyPass = (home: string) => passesOf(home)[0]!;

describe('pass revoke with something in the way', () => {
  it('refuses a signing key readable by others (exit 3) before revoking anything', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const pass = onlyPass(home);
    const keyFile = path.join(home, 'keys', `${loadSigner(home).keyId}.key`);
    chmodSync(keyFile, 0o644);
    const run = await runCli(['--home', home, 'pass', 'revoke', pass.id, '--reason', 'stolen']);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain(`${keyFile} is readable by others`);
    expect(run.stderr).not.toContain('no signing key on this machine');
    expect(onlyPass(home).status).toBe('issued');
  });

  it('refuses a `revocations` that is a file (exit 3, naming it) before revoking anything', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const pass = onlyPass(home);
    rmSync(path.join(home, 'revocations'), { recursive: true, force: true });
    writeFileSync(path.join(home, 'revocations'), '');
    const run = await runCli(['--home', home, 'pass', 'revoke', pass.id, '--reason', 'stolen']);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain(path.join(home, 'revocations'));
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(onlyPass(home).status).toBe('issued');
  });

  it('still revokes, with a warning, on a machine that has no signing key at all', async () => {
    const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const pass = onlyPass(home);
    rmSync(path.join(home, 'keys'), { recursive: true });
    const run = await runCli(['--home', home, 'pass', 'revoke', pass.id, '--reason', 'stolen']);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('no signing key on this machine');
    expect(onlyPass(home).status).toBe('revoked');
    expect(readdirSync(home)).not.toContain('revocations');
  });
});
