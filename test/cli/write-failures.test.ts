/**
 * Writing a file the user named fails the way the system says, in one line
 * naming the flag, the path and the reason, with the exit code docs/CLI.md
 * gives (file-errors.ts is the one table): a read-only file system is never
 * "permission denied", a device error (EIO, a full disk) is exit 74, not a
 * bug. Real failures where Linux offers them (/proc), the rest from the
 * error codes Node gives.
 */
import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ExitCode, UserError } from '../../src/cli/errors.js';
import { writeFailure } from '../../src/cli/file-errors.js';
import { fileError } from '../../src/io/pass-files.js';
import { homeWithPasses } from '../passes/ledger-helpers.js';
import { BASE_ENV, BIN, REPO_ROOT, runCli, type CliRun } from './helpers/run-cli.js';

const GOOD_ROW = 'BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12';

/** A Node file-system error as fs gives it. */
function systemError(code: string, syscall = 'open', file = '/media/cd/plan.json'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} '${file}'`), { code, syscall, path: file });
}

/** The error is one line (a planner warning on a loaded machine may come before it). */
function expectOneLine(run: CliRun, exitCode: number, line: string): void {
  const stderr = run.stderr.replace(/^warning: .*\n/gm, '');
  expect({ exitCode: run.exitCode, stdout: run.stdout, stderr }).toEqual({ exitCode, stdout: '', stderr: `error: ${line}\n` });
}

describe('the one table of write failures', () => {
  it.each([
    ['EROFS', 'read-only file system', ExitCode.usage],
    ['EACCES', 'permission denied', ExitCode.usage],
    ['EPERM', 'operation not permitted', ExitCode.usage],
    ['EISDIR', 'it is a directory', ExitCode.usage],
    ['ENOENT', 'no such file or directory', ExitCode.notFound],
    ['ENOSPC', 'no space left on the device', ExitCode.io],
    ['EDQUOT', 'disk quota exceeded', ExitCode.io],
    ['EIO', 'input/output error', ExitCode.io],
  ])('-o: %s reads "%s", exit %i', (code, reason, exitCode) => {
    const error = writeFailure(systemError(code), '-o', 'out/plan.json') as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect([error.message, error.exitCode]).toEqual([`-o out/plan.json: cannot write there (${reason})`, exitCode]);
  });

  it.each([
    ['EROFS', 'read-only file system', ExitCode.usage],
    ['EACCES', 'permission denied', ExitCode.usage],
    ['ENOSPC', 'no space left on the device', ExitCode.io],
    ['EIO', 'input/output error', ExitCode.io],
  ])('pass export -o and the ledger files: %s reads "%s", exit %i', (code, reason, exitCode) => {
    const error = fileError(systemError(code), '/media/cd/passes.csv', { what: 'export file', flag: '-o' }, 'write') as UserError;
    expect([error.message, error.exitCode]).toEqual([`-o: cannot write /media/cd/passes.csv: ${reason}`, exitCode]);
  });

  it('passes an error it does not know back unchanged (that one is a bug, reported as such)', () => {
    const odd = systemError('EWEIRD');
    expect(writeFailure(odd, '-o', 'x')).toBe(odd);
  });
});

(existsSync('/proc/version') ? describe : describe.skip)('real failures on Linux', () => {
  it('plan -o /proc/version: the device refuses the write (EIO): exit 74, one line, no stack', async () => {
    const run = await runCli(['plan', '--from', 'wuhan', '--start', '2026-05-12', '--days', '1', '-o', '/proc/version']);
    expectOneLine(run, ExitCode.io, '-o /proc/version: cannot write there (input/output error)');
  });

  it('pass export -o /proc/version: no file can be made beside it, which is not "the folder does not exist"', async () => {
    const home = await homeWithPasses([GOOD_ROW]);
    const run = await runCli(['--home', home, 'pass', 'export', '-o', '/proc/version']);
    expectOneLine(run, ExitCode.usage, '-o: cannot write /proc/version: no new file can be made in /proc');
  });

  it('pass export -o FIFO writes into the pipe and leaves it a pipe (never renames a file over it)', async () => {
    const mkfifo = spawnSync('mkfifo', ['--help']);
    if (mkfifo.error) return; // no mkfifo on this system: nothing to check
    const home = await homeWithPasses([GOOD_ROW]);
    const fifo = path.join(mkdtempSync(path.join(tmpdir(), 'yangtze-fifo-')), 'passes.pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Killed after 10 s: with nothing written into the pipe the reader would wait for ever.
    const reader = spawn('cat', [fifo], { timeout: 10_000 });
    const read: Buffer[] = [];
    reader.stdout.on('data', (b: Buffer) => read.push(b));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const run = spawnSync(process.execPath, [BIN, '--home', home, 'pass', 'export', '--format', 'ndjson', '-o', fifo], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, ...BASE_ENV },
      encoding: 'utf8',
    });
    await closed;
    expect(run.status).toBe(0);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(Buffer.concat(read).toString('utf8')).toContain('"holder":"Li Wei"');
    expect(readFileSync('/proc/version', 'utf8')).not.toBe(''); // the system is left as it was
  });
});

describe('a read-only mount (where this machine lets a test make one: root with mount rights)', () => {
  it('--home on it: "read-only file system", exit 2, though Node\'s recursive mkdir says ENOENT there', async () => {
    const mountPoint = mkdtempSync(path.join(tmpdir(), 'yangtze-ro-'));
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', mountPoint]).status !== 0) {
      process.stderr.write('[skipped] read-only mount: this machine does not let the test mount a tmpfs\n');
      return;
    }
    try {
      const run = await runCli(['--home', path.join(mountPoint, 'home'), 'keys', 'init']);
      expectOneLine(run, ExitCode.usage, `cannot mkdir ${path.join(mountPoint, 'home', 'keys')}: read-only file system`);
    } finally {
      spawnSync('umount', [mountPoint]);
    }
  });
});
