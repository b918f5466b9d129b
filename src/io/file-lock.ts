/**
 * An exclusive lock on a file shared by processes on one machine (or on a
 * shared disk): `FILE.lock`, created with O_EXCL, holding the owner's pid,
 * host and start time. Used by offline gates, whose read–decide–append on the
 * gate log must not interleave with another scanner's (issue 14: 16 scanners
 * on one log double-admitted without it).
 *
 * A lock left by a process that died is broken: on the same host when its pid
 * is gone, on another host when it is older than `staleMs` (a scan holds the
 * lock for milliseconds). Breaking renames the lock to a unique name first, so
 * two waiters cannot both break it and then delete each other's new lock.
 *
 * API: withFileLock(file, fn, options), FileLockOptions.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { DataError } from '../cli/errors.js';
import { fileError, type FileRole } from './pass-files.js';

export interface FileLockOptions {
  /** How long to wait for another holder; default 10 s. */
  readonly timeoutMs?: number;
  /** A lock from another host older than this is taken as left by a dead process; default 30 s. */
  readonly staleMs?: number;
  /** For messages about the lock file (what it locks, the flag). */
  readonly role: FileRole;
}

const waitCell = new Int32Array(new SharedArrayBuffer(4));

export function withFileLock<T>(file: string, fn: () => T, options: FileLockOptions): T {
  const lock = `${file}.lock`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const started = Date.now();
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileError(error, lock, options.role, 'write');
      if (isStale(lock, staleMs)) breakLock(lock, staleMs);
      else if (Date.now() - started > timeoutMs) {
        throw new DataError(`${file} is locked by another process (${lock}); nothing was appended. If no other scanner is running, delete ${lock}`);
      } else Atomics.wait(waitCell, 0, 0, 2 + Math.random() * 8); // a short, jittered sleep: scans hold the lock for milliseconds
    }
  }
  try {
    writeSync(fd, `${process.pid}\n${hostname()}\n${Date.now()}\n`);
    closeSync(fd);
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

function isStale(lock: string, staleMs: number): boolean {
  let text: string;
  let mtimeMs: number;
  try {
    text = readFileSync(lock, 'utf8');
    mtimeMs = statSync(lock).mtimeMs;
  } catch {
    return false; // gone already: the next attempt takes it
  }
  const [pid, host] = text.split('\n');
  if (host === hostname() && pid && /^\d+$/.test(pid)) return !alive(Number(pid));
  // Being written right now (no host yet), or held on another machine: only age tells.
  return Date.now() - mtimeMs > staleMs;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function breakLock(lock: string, staleMs: number): void {
  const aside = `${lock}.stale.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // another waiter broke it first
  }
  // Another waiter may have broken the stale lock and taken a new one between our check and the
  // rename: a live lock moved aside goes back (link fails if yet another lock exists meanwhile).
  if (!isStale(aside, staleMs)) {
    try {
      linkSync(aside, lock);
    } catch {
      // a newer lock is in place; ours is only a copy
    }
  }
  rmSync(aside, { force: true });
}
