/**
 * Reading the input files and writing the output files of the pass and keys
 * commands, with the failures people actually meet turned into messages that
 * name the file (and the flag) and the documented exit code, never a stack:
 *
 * | failure                          | exit | e.g.                                     |
 * |----------------------------------|------|------------------------------------------|
 * | no such file / folder            | 4    | `bookings file not found: b.csv`         |
 * | a directory where an input file goes | 3 | `--bookings: data/ is a directory, …` (as `plan check`, `--catalogue`) |
 * | a directory where an output file goes | 2 | `-o: out/ is a directory, …`           |
 * | permission denied, read-only     | 2    | `--trust: cannot read t.json: permission denied` |
 * | the device failed (EIO, disk full) | 74 | `-o: cannot write x.csv: no space left on the device` |
 * | binary or not UTF-8 (a GBK export) | 3  | `b.csv: not UTF-8 text (line 3); …`      |
 */
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { DataError, NotFoundError, UsageError, UserError } from '../cli/errors.js';
import { fileFailureError, fileFailureReason } from '../cli/file-errors.js';

export interface FileRole {
  /** What the file is, for messages: "bookings file", "trust file". */
  readonly what: string;
  /** The flag that named it, when one did: "--bookings". */
  readonly flag?: string;
  /** What kind of file belongs there, for the directory message: "a CSV file". */
  readonly kind?: string;
  /** How to make a good one, added to the not-UTF-8 message. */
  readonly hint?: string;
  /** The path as messages show it (displayPath); default: the path as given. */
  readonly shown?: string;
}

/** The text of an input file, checked to be UTF-8 text. */
export function readTextFile(file: string, role: FileRole): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw fileError(error, file, role, 'read');
  }
  // A byte-order mark (Notepad and Excel write one) is no part of the text: JSON.parse would refuse it.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  // NUL never occurs in text; U+FFFD is what bytes that are not UTF-8 decode to (a GBK or UTF-16 export).
  const bad = text.search(/[\u0000\uFFFD]/);
  if (bad >= 0) {
    const line = text.slice(0, bad).split('\n').length;
    throw new DataError(
      `${role.shown ?? file}: not UTF-8 text (line ${line} holds ${text[bad] === '\u0000' ? 'a NUL byte' : 'bytes that are not UTF-8'}); ` +
        `expected ${role.kind ?? 'a text file'} in UTF-8${role.hint ? ` (${role.hint})` : ''}`,
    );
  }
  return text;
}

/**
 * Writes FILE whole or not at all: into `FILE.<pid>.tmp`, renamed over FILE
 * at the end. `write` gets a function that appends text.
 */
export function writeFileAtomically(file: string, role: FileRole, write: (append: (text: string) => void) => void): void {
  const temp = openTemporary(file, role);
  try {
    write(temp.append);
  } catch (error) {
    throw temp.abort(error);
  }
  temp.commit();
}

/** writeFileAtomically for a writer that awaits (rows streamed from a database). */
export async function writeFileAtomicallyAsync(file: string, role: FileRole, write: (append: (text: string) => void) => Promise<void>): Promise<void> {
  const temp = openTemporary(file, role);
  try {
    await write(temp.append);
  } catch (error) {
    throw temp.abort(error);
  }
  temp.commit();
}

function openTemporary(file: string, role: FileRole) {
  // A FIFO, a terminal or /dev/null is written in place: renaming a file over it would replace the device itself.
  if (isSpecialFile(file)) return openWriter(file, file, role, () => undefined);
  const temp = `${file}.${process.pid}.tmp`;
  return openWriter(temp, file, role, (committed) => (committed ? renameSync(temp, file) : rmSync(temp, { force: true })));
}

/**
 * Writes to `target` (the temporary file, or `file` itself); `finish(committed)` moves the temporary
 * file into place on commit and removes it on abort. Errors name `file`, the one the user gave.
 */
function openWriter(target: string, file: string, role: FileRole, finish: (committed: boolean) => void) {
  let fd: number;
  try {
    fd = openSync(target, 'w');
  } catch (error) {
    throw fileError(error, file, role, 'write');
  }
  let open = true;
  const abort = (error: unknown): unknown => {
    if (open) closeSync(fd);
    open = false;
    finish(false);
    return fileError(error, file, role, 'write');
  };
  return {
    append: (text: string) => void writeSync(fd, text),
    abort,
    commit: () => {
      try {
        closeSync(fd);
        open = false;
        finish(true);
      } catch (error) {
        throw abort(error);
      }
    },
  };
}

function isSpecialFile(file: string): boolean {
  try {
    const stat = statSync(file);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}


/** A user-facing error for a failed read or write of `file`; anything unexpected is passed on as it was. */
export function fileError(error: unknown, file: string, role: FileRole, doing: 'read' | 'write'): UserError | unknown {
  const code = (error as { code?: string }).code;
  const flag = role.flag ? `${role.flag}: ` : '';
  const shown = role.shown ?? file;
  switch (code) {
    case 'ENOENT':
      if (doing === 'read') return new NotFoundError(`${role.what} not found: ${shown}`);
      // The folder is there but no file can be made in it (/proc, /sys): the path cannot be used, it is not missing.
      if (existsSync(path.dirname(file))) return new UsageError(`${flag}cannot write ${shown}: no new file can be made in ${path.dirname(file)}`);
      return new NotFoundError(`${flag}cannot write ${shown}: the folder ${path.dirname(file)} does not exist`);
    case 'EISDIR': {
      // An input that is a directory is bad input data (exit 3), as in `plan check` and `--catalogue`;
      // an output path that is one is a usage error (exit 2), as `-o DIR` is everywhere.
      const message = `${flag}${shown} is a directory; expected ${role.kind ?? 'a file'}`;
      return doing === 'read' ? new DataError(message) : new UsageError(message);
    }
    case 'EEXIST':
      return new UsageError(`${flag}${shown} exists and is not a folder`);
    case 'ENOTDIR':
      return new UsageError(`${flag}${shown}: a part of this path is a file, not a folder`);
    default: {
      // Permission, a read-only file system, a failing device: worded and numbered in one table.
      const known = fileFailureReason(error);
      return known ? fileFailureError(`${flag}cannot ${doing} ${shown}: ${known.reason}`, known.exitCode) : error;
    }
  }
}

/**
 * Makes sure DIR is a folder this process can write files into (creating it
 * when missing), before a command commits anything whose output goes there:
 * `pass issue --qr-dir` checks its folder before issuing, so a failure cannot
 * leave passes issued without their images (and a retry issuing duplicates).
 * `unchanged` ends the message: what was not done ("nothing was issued").
 */
export function prepareOutputDir(dir: string, role: FileRole, unchanged: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const failure = fileError(error, dir, role, 'write');
    throw failure instanceof UserError ? new UserError(`${failure.message}; ${unchanged}`, failure.exitCode, failure.hint) : failure;
  }
}
