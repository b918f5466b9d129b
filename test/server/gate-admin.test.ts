/**
 * `yangtze gate add|list|revoke`: credentials printed once, only hashes
 * stored, every view (terminal, pipe, --json), and usage errors that say
 * what to type instead.
 */
import { describe, expect, it } from '@jest/globals';
import { hashGateSecret } from '../../src/domain/passes/gate-credential.js';
import { openLedger } from '../../src/io/ledger/open-ledger.js';
import { runCli, stripAnsi } from '../cli/helpers/run-cli.js';
import { aGateWorld, PASS_CATALOGUE } from './gate-helpers.js';

const NOW = '2026-05-11T09:00:00+08:00';

async function world() {
  const w = await aGateWorld(1);
  const gate = (args: string[], tty = false) => runCli(['--home', w.home, '--catalogue', PASS_CATALOGUE, 'gate', ...args], { now: NOW, tty });
  return { ...w, gate };
}

describe('gate add', () => {
  it('prints the credential once (alone on a pipe) and stores only the hash of its secret', async () => {
    const w = await world();
    const run = await w.gate(['add', 'wh-east-lake-1', '--attractions', 'guiyuan-temple,east-lake']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^wh-east-lake-1\.[A-Za-z0-9_-]{43}\n$/);
    const secret = run.stdout.trim().split('.')[1]!;
    const ledger = await openLedger(w.target);
    const stored = await ledger.findGate('wh-east-lake-1');
    await ledger.close();
    expect(stored).toEqual({ id: 'wh-east-lake-1', attractions: ['east-lake', 'guiyuan-temple'], secretHash: hashGateSecret(secret), createdAt: '2026-05-11T09:00:00+08:00', revokedAt: null });
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('gives a new secret every time, as JSON with --json', async () => {
    const w = await world();
    const a = JSON.parse((await w.gate(['add', 'gate-a', '--attractions', 'east-lake', '--json'])).stdout);
    const b = JSON.parse((await w.gate(['add', 'gate-b', '--attractions', 'east-lake', '--json'])).stdout);
    expect(a).toEqual({ schemaVersion: 1, kind: 'yangtze.gate', id: 'gate-a', attractions: ['east-lake'], createdAt: '2026-05-11T09:00:00+08:00', revokedAt: null, credential: expect.stringMatching(/^gate-a\./) });
    expect(a.credential.split('.')[1]).not.toBe(b.credential.split('.')[1]);
  });

  it('in a terminal, says where the credential goes', async () => {
    const w = await world();
    const run = await w.gate(['add', 'gate-a', '--attractions', 'east-lake'], true);
    expect(stripAnsi(run.stdout)).toMatch(/^✔ gate gate-a may verify and redeem at east-lake\ncredential \(shown only now; the ledger keeps a hash\):\n {2}gate-a\.\S{43}\nScanners send it as: Authorization: Bearer <credential>\n$/);
  });

  it('refuses an unknown attraction with a suggestion, and a bad gate id, as usage errors (exit 2) adding nothing', async () => {
    const w = await world();
    const typo = await w.gate(['add', 'gate-a', '--attractions', 'east-lake,yelow-crane-tower,nowhere']);
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toContain('--attractions: unknown attractions "yelow-crane-tower", "nowhere"\n"yelow-crane-tower": Did you mean \'yellow-crane-tower\'?\n');
    const badId = await w.gate(['add', 'Gate A', '--attractions', 'east-lake']);
    expect(badId.exitCode).toBe(2);
    expect(badId.stderr).toContain('GATE_ID: "Gate A" is not a gate id');
    const none = await w.gate(['add', 'gate-a', '--attractions', ' , ']);
    expect(none.exitCode).toBe(2);
    expect((await w.gate(['list', '--json'])).stdout).toContain('"gates": []');
  });

  it('refuses an id already taken, keeping the first credential', async () => {
    const w = await world();
    const first = await w.gate(['add', 'gate-a', '--attractions', 'east-lake']);
    const again = await w.gate(['add', 'gate-a', '--attractions', 'guiyuan-temple']);
    expect(again.exitCode).not.toBe(0);
    expect(again.stderr).toContain('gate-a');
    const ledger = await openLedger(w.target);
    expect((await ledger.findGate('gate-a'))!.secretHash).toBe(hashGateSecret(first.stdout.trim().split('.')[1]!));
    await ledger.close();
  });
});

describe('gate list and gate revoke', () => {
  it('lists gates in a terminal, on a pipe and as JSON, never with their hashes; revoke is shown', async () => {
    const w = await world();
    await w.gate(['add', 'gate-b', '--attractions', 'east-lake,guiyuan-temple']);
    await w.gate(['add', 'gate-a', '--attractions', 'yellow-crane-tower']);
    const revoked = await w.gate(['revoke', 'gate-b']);
    expect([revoked.exitCode, revoked.stdout]).toEqual([0, 'gate-b\trevoked\t2026-05-11T09:00:00+08:00\n']);
    const pipe = await w.gate(['list']);
    expect(pipe.stdout).toBe(
      'gate-a\tactive\tyellow-crane-tower\t2026-05-11T09:00:00+08:00\t\n' + 'gate-b\trevoked\teast-lake,guiyuan-temple\t2026-05-11T09:00:00+08:00\t2026-05-11T09:00:00+08:00\n',
    );
    const tty = stripAnsi((await w.gate(['list'], true)).stdout).split('\n');
    expect(tty[0]).toMatch(/^GATE +STATUS +ATTRACTIONS +CREATED +REVOKED *$/);
    expect(tty[1]).toMatch(/^gate-a +active +yellow-crane-tower +2026-05-11T09:00:00\+08:00 *$/);
    const json = JSON.parse((await w.gate(['list', '--json'])).stdout);
    expect(json).toEqual({
      schemaVersion: 1,
      kind: 'yangtze.gates',
      gates: [
        { id: 'gate-a', attractions: ['yellow-crane-tower'], createdAt: '2026-05-11T09:00:00+08:00', revokedAt: null },
        { id: 'gate-b', attractions: ['east-lake', 'guiyuan-temple'], createdAt: '2026-05-11T09:00:00+08:00', revokedAt: '2026-05-11T09:00:00+08:00' },
      ],
    });
    expect(pipe.stdout + JSON.stringify(json)).not.toContain('sha256');
  });

  it('revoking twice is not an error; an unknown gate is not found (exit 4)', async () => {
    const w = await world();
    await w.gate(['add', 'gate-a', '--attractions', 'east-lake']);
    await w.gate(['revoke', 'gate-a']);
    const again = await runCli(['--home', w.home, 'gate', 'revoke', 'gate-a', '--json'], { now: '2026-05-12T10:00:00+08:00' });
    expect(JSON.parse(again.stdout)).toEqual({ schemaVersion: 1, kind: 'yangtze.gate-revocation', id: 'gate-a', revokedAt: '2026-05-11T09:00:00+08:00', changed: false });
    const unknown = await w.gate(['revoke', 'gate-z']);
    expect(unknown.exitCode).toBe(4);
    expect(unknown.stderr).toContain('no gate gate-z');
  });
});
