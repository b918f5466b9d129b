/**
 * A home on a read-only file system (a gate's SD card mounted read-only, a
 * backup restored without write access): every command that would write says
 * so, naming the place, with exit 3 and no stack trace, and leaves the ledger
 * as it was — issue 14, item 9 (these ended in exit 70 and a stack trace).
 * The home is made read-only by a read-only bind mount, which needs root
 * (permission bits do not stop root); elsewhere the specs say they are skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LedgerError, ledgerFailure } from '../../src/io/ledger/ledger-error.js';
import { ledgerPath } from '../../src/io/ledger/sqlite-open.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { homeWithPasses, LEDGER_CATALOGUE, noonOf, passesOf, writeBookings } from './ledger-helpers.js';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
const digest = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function mountReadOnly(dir: string): boolean {
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'ignore' });
  } catch {
    return false;
  }
  try {
    execFileSync('mount', ['-o', 'remount,ro,bind', dir], { stdio: 'ignore' });
    return true;
  } catch {
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return false;
  }
}

describe('a home on a read-only file system', () => {
  let home = '';
  let token = '';
  let passId = '';
  let spareBookings = '';
  let before = '';
  let readOnly = false;

  beforeAll(async () => {
    home = await homeWithPasses(['BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12']);
    const [pass] = passesOf(home);
    token = pass!.token;
    passId = pass!.id;
    spareBookings = writeBookings(home, ['BK2,Wang Fang,,adult,wuhan-culture-pass,2026-05-12'], 'more.csv');
    before = digest(ledgerPath(home));
    readOnly = mountReadOnly(home);
    if (!readOnly) process.stderr.write('[skipped] read-only home specs: a read-only bind mount needs root (mount --bind)\n');
  });

  afterAll(() => {
    if (readOnly) execFileSync('umount', [home], { stdio: 'ignore' });
  });

  const commands: readonly (readonly [string, () => string[]])[] = [
    ['pass redeem', () => ['pass', 'redeem', token, '--at', 'east-lake', '--date', '2026-05-12']],
    ['pass export', () => ['pass', 'export', '--format', 'json']],
    ['pass issue --bookings', () => ['pass', 'issue', '--bookings', spareBookings]],
    ['pass revoke', () => ['pass', 'revoke', passId, '--reason', 'lost']],
  ];

  it.each(commands)('%s: a clear error naming the home, no stack trace, the ledger unchanged', async (_name, args) => {
    if (!readOnly) return;
    const run = await runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, ...args()], { now: noonOf('2026-05-12') });
    expect(run.exitCode).not.toBe(0);
    expect(run.exitCode).not.toBe(70);
    expect(run.stderr).toContain(home);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(digest(ledgerPath(home))).toBe(before);
  });
});

describe('SQLite refusing to write (a home this user may not write, as when run without root)', () => {
  // What better-sqlite3 reports for a ledger in a folder the user cannot write: WAL mode needs the
  // -shm file beside the ledger. These came out as exit 70 "internal error" with a stack trace.
  it.each(['SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_CANTINIT', 'SQLITE_READONLY_DBMOVED'])(
    '%s is a ledger error (exit 3) that names the file and says nothing was changed',
    (code) => {
      const failure = ledgerFailure(Object.assign(new Error('attempt to write a readonly database'), { code }), '/home/agent/ledger.sqlite');
      expect(failure).toBeInstanceOf(LedgerError);
      expect((failure as LedgerError).exitCode).toBe(3);
      expect((failure as LedgerError).message).toMatch(/\/home\/agent\/ledger\.sqlite.*nothing was changed/);
    },
  );
});
