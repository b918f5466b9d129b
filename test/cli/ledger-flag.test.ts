/**
 * `--ledger URL` and YANGTZE_LEDGER_URL: which ledger a command uses, and the
 * errors people meet choosing one (no PostgreSQL server needed here; the
 * contract suite runs the commands against a real one).
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './helpers/run-cli.js';

const aHome = () => mkdtempSync(path.join(tmpdir(), 'yangtze-ledger-flag-'));

describe('choosing the ledger', () => {
  it('refuses a --ledger that is not a PostgreSQL URL as a usage error naming the flag', async () => {
    const home = aHome();
    const run = await runCli(['--home', home, '--ledger', 'ledger.db', 'pass', 'export']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--ledger: expected a PostgreSQL URL');
    expect(existsSync(path.join(home, 'ledger.sqlite'))).toBe(false);
  });

  it('names YANGTZE_LEDGER_URL when the URL came from there, without its password', async () => {
    const run = await runCli(['--home', aHome(), 'pass', 'export'], { env: { YANGTZE_LEDGER_URL: 'mysql://agent:hunter2@db/ledger' } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('YANGTZE_LEDGER_URL: expected a PostgreSQL URL');
    expect(run.stderr).not.toContain('hunter2');
  });

  it('says a server it cannot reach is unreachable (exit 3), hides the password, and falls back to nothing', async () => {
    const home = aHome();
    // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
    const run = await runCli(['--home', home, '--ledger', 'postgresql://agent:hunter2@127.0.0.1:1/ledger', 'pass', 'export']);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toMatch(/cannot reach the ledger postgresql:\/\/agent:\*\*\*@127\.0\.0\.1:1\/ledger .*nothing was changed/);
    expect(run.stderr).not.toContain('hunter2');
    expect(existsSync(path.join(home, 'ledger.sqlite'))).toBe(false);
  });

  it('takes the flag over the environment variable', async () => {
    const run = await runCli(['--home', aHome(), '--ledger', 'postgresql://agent@127.0.0.1:1/flag', 'pass', 'export'], {
      env: { YANGTZE_LEDGER_URL: 'postgresql://agent@127.0.0.1:1/env' },
    });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('127.0.0.1:1/flag');
  });
});
