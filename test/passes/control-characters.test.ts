/**
 * Holder names come from customers' bookings. Escape sequences and bidi
 * overrides in them must never act on the gate's terminal: they are refused
 * when issuing (with line:col), and shown as visible escapes wherever a name
 * from an older or forged-elsewhere token reaches the screen.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { firstControlCharacter, neutraliseControls } from '../../src/domain/control-characters.js';
import { encodeToken } from '../../src/domain/passes/token.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { aKeyPair, aTrustFile, someClaims } from './builders.js';
import { aHome, LEDGER_CATALOGUE, writeBookings } from './ledger-helpers.js';

const clearScreen = 'Li\u001b[2J\u001b[HWei';
const reversed = 'Li Wei\u202e\u2066gnaW';
/** What may remain of ESC in terminal output: chalk's own colour codes. */
const withoutColours = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('neutraliseControls', () => {
  it('leaves no character that acts on a terminal, and keeps ordinary text (Chinese too) as it was', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(firstControlCharacter(neutraliseControls(text))).toBe(-1);
      }),
    );
    expect(neutraliseControls('李伟 Li Wei-O\'Neil')).toBe('李伟 Li Wei-O\'Neil');
    expect(neutraliseControls(clearScreen)).toBe('Li\\x1b[2J\\x1b[HWei');
    expect(neutraliseControls(reversed)).toBe('Li Wei\\u202e\\u2066gnaW');
  });
});

describe('a holder name with control characters', () => {
  it('is refused in a bookings file, naming line and column (exit 3), and the other rows are issued', async () => {
    const home = aHome();
    const file = writeBookings(home, [`BK1,"${clearScreen}",,adult,wuhan-culture-pass,2026-05-12`, 'BK2,Wang Fang,,adult,wuhan-culture-pass,2026-05-12']);
    const run = await runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--bookings', file]);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('bookings.csv:2:8');
    expect(run.stderr).toContain('control character \\x1b');
    expect(run.stdout).toContain('issued\t1');
    expect(withoutColours(run.stderr)).not.toMatch(/[\u001b\u202e]/);
  });

  it('is refused as --holder (exit 2)', async () => {
    const home = aHome();
    const plan = path.join(home, 'plan.json');
    writeFileSync(plan, '{}');
    const run = await runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--plan', plan, '--holder', reversed]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--holder');
    expect(withoutColours(run.stderr)).not.toMatch(/[\u001b\u202e\u2066]/);
  });

  it('reaches verify and redeem output only as visible escapes, in a terminal and in a pipe', async () => {
    const gate = mkdtempSync(path.join(tmpdir(), 'yangtze-gate-'));
    const issuer = aKeyPair();
    writeFileSync(path.join(gate, 'trust.json'), JSON.stringify(aTrustFile(issuer)));
    for (const holder of [clearScreen, reversed]) {
      const token = encodeToken(someClaims({ keyId: issuer.signer.keyId, holder, passId: `YZ-${holder.length}CTRL` }), issuer.signer.sign);
      for (const tty of [true, false]) {
        const runs = [
          await runCli(['--home', gate, 'pass', 'verify', token, '--date', '2026-05-12'], { tty }),
          await runCli(['--home', gate, 'pass', 'verify', token, '--date', '2026-05-12', '--id-number', '420106199001011234'], { tty }),
          await runCli(['--home', gate, 'pass', 'redeem', token, '--at', 'east-lake', '--date', '2026-05-12', '--offline', '--log', path.join(gate, 'g.ndjson')], { tty, now: '2026-05-12T10:00:00+08:00' }),
          await runCli(['--home', gate, 'pass', 'redeem', token, '--at', 'east-lake', '--date', '2026-05-12', '--offline', '--log', path.join(gate, 'g.ndjson')], { tty, now: '2026-05-12T10:00:00+08:00' }),
        ];
        for (const run of runs) expect(withoutColours(run.stdout + run.stderr)).not.toMatch(/[\u001b\u202e\u2066]/);
        // Redeem's pipe columns carry no holder; every other view shows the name, escaped.
        for (const run of tty ? runs : runs.slice(0, 2)) expect(run.stdout + run.stderr).toContain(neutraliseControls(holder));
      }
    }
  });
});
