/**
 * The one table of what the system can say about a file, in words, with the
 * exit code docs/CLI.md gives it. Every place that reads or writes a file the
 * user named (`-o`, `--qr-dir`, `--home`, the ledger) words its failure from
 * here, so "read-only file system" is never reported as "permission denied"
 * and a device error is never a stack trace.
 *
 * - 2 (usage): the path given cannot be used that way: a directory, no
 *   permission, a read-only file system, a name too long.
 * - 4 (not found): the file or its folder does not exist.
 * - 74 (I/O error): the path is fine but the device failed: EIO (as writing
 *   /proc/version gives), a full disk, a quota.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, NotFoundError, UsageError, UserError, type ExitCodeValue } from './errors.js';

export interface FileFailureReason {
  /** What went wrong, in words: "read-only file system". */
  readonly reason: string;
  readonly exitCode: ExitCodeValue;
}

const REASONS: Readonly<Record<string, FileFailureReason>> = {
  ENOENT: { reason: 'no such file or directory', exitCode: ExitCode.notFound },
  ENOTDIR: { reason: 'a part of the path is not a directory', exitCode: ExitCode.notFound },
  EISDIR: { reason: 'it is a directory', exitCode: ExitCode.usage },
  EEXIST: { reason: 'it already exists', exitCode: ExitCode.usage },
  EACCES: { reason: 'permission denied', exitCode: ExitCode.usage },
  EPERM: { reason: 'operation not permitted', exitCode: ExitCode.usage },
  EROFS: { reason: 'read-only file system', exitCode: ExitCode.usage },
  ENAMETOOLONG: { reason: 'the name is too long', exitCode: ExitCode.usage },
  ELOOP: { reason: 'too many symbolic links', exitCode: ExitCode.usage },
  ETXTBSY: { reason: 'the file is in use', exitCode: ExitCode.usage },
  EBUSY: { reason: 'the file or device is busy', exitCode: ExitCode.io },
  EIO: { reason: 'input/output error', exitCode: ExitCode.io },
  ENOSPC: { reason: 'no space left on the device', exitCode: ExitCode.io },
  EDQUOT: { reason: 'disk quota exceeded', exitCode: ExitCode.io },
  EFBIG: { reason: 'the file is too large', exitCode: ExitCode.io },
  EMFILE: { reason: 'too many open files', exitCode: ExitCode.io },
  ENFILE: { reason: 'too many open files in the system', exitCode: ExitCode.io },
};

/** The system error code of a Node error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The words and exit code for a file-system error; undefined when it is not one this table knows. */
export function fileFailureReason(error: unknown): FileFailureReason | undefined {
  const code = errorCode(refuseMkdirHonestly(error));
  return code === undefined ? undefined : REASONS[code];
}

/**
 * Node's recursive mkdir says ENOENT when the folder it would make in is there but refuses it (a
 * read-only file system, no permission): the nearest folder that exists is asked, and its refusal
 * is the error (`--home` on a read-only mount said "no such file or directory", exit 4).
 */
function refuseMkdirHonestly(error: unknown): unknown {
  const { syscall, path: file } = (error ?? {}) as NodeJS.ErrnoException;
  if (syscall !== 'mkdir' || errorCode(error) !== 'ENOENT' || file === undefined) return error;
  let dir = path.dirname(file);
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
  } catch (refusal) {
    return refusal;
  }
  return error;
}

/** A UserError with the exit code the table gives; `message` already worded by the caller. */
export function fileFailureError(message: string, exitCode: ExitCodeValue): UserError {
  if (exitCode === ExitCode.usage) return new UsageError(message);
  if (exitCode === ExitCode.notFound) return new NotFoundError(message);
  return new UserError(message, exitCode);
}

/**
 * A failed write to a path the user gave, as one line naming the flag, the
 * path and the reason: `-o /proc/version: cannot write there (input/output
 * error)`. Anything the table does not know is passed back unchanged (a bug).
 */
export function writeFailure(error: unknown, flag: string | undefined, shown: string): UserError | unknown {
  const known = fileFailureReason(error);
  if (!known) return error;
  return fileFailureError(`${flag ? `${flag} ` : ''}${shown}: cannot write there (${known.reason})`, known.exitCode);
}
