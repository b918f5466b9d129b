/**
 * A mistyped gate id is the operator's mistake, not the customer's: `--at`
 * naming an attraction that neither the catalogue nor the pass knows is a usage
 * error (exit 2) with a suggestion, and nothing is recorded.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../cli/helpers/run-cli.js';
import { homeWithPasses, passesOf } from './ledger-helpers.js';

async function aPass() {
  const home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
  return { home, pass: passesOf(home)[0]! };
}

describe('--at with an unknown attraction id', () => {
  it('pass redeem (online and offline) and pass verify: exit 2 with "did you mean", never refused wrong-attraction', async () => {
    const { home, pass } = await aPass();
    const log = path.join(home, 'gate.ndjson');
    for (const args of [
      ['pass', 'redeem', pass.token, '--at', 'yellow-crane-towr', '--date', '2026-05-12'],
      ['pass', 'redeem', pass.token, '--at', 'yellow-crane-towr', '--date', '2026-05-12', '--offline', '--log', log],
      ['pass', 'verify', pass.token, '--at', 'yellow-crane-towr', '--date', '2026-05-12'],
    ]) {
      const run = await runCli(['--home', home, ...args], { now: '2026-05-12T10:00:00+08:00' });
      expect({ exitCode: run.exitCode, stdout: run.stdout }).toEqual({ exitCode: 2, stdout: '' });
      expect(run.stderr).toContain('--at: unknown attraction "yellow-crane-towr"');
      expect(run.stderr).toContain("Did you mean 'yellow-crane-tower'?");
    }
    expect(existsSync(log)).toBe(false);
  });

  it('still refuses a known attraction the pass does not cover as wrong-attraction (exit 1)', async () => {
    const { home, pass } = await aPass();
    const run = await runCli(['--home', home, 'pass', 'redeem', pass.token, '--at', 'hunan-museum', '--date', '2026-05-12', '--json'], { now: '2026-05-12T10:00:00+08:00' });
    expect([run.exitCode, JSON.parse(run.stdout).reason]).toEqual([1, 'wrong-attraction']);
  });
});
