/**
 * Failures of the ledger file itself (not of the user's input): a file that is
 * not a ledger, a ledger from a newer yangtze, a ledger locked by another
 * process. Exit code 3, and the message says the file was left untouched.
 */
import { ExitCode, NotFoundError, UserError } from '../../cli/errors.js';

export class LedgerError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.data, hint);
    this.name = 'LedgerError';
  }
}

/** SQLite result codes that mean another process holds the lock. */
const busyCodes = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT']);
/** ... that mean the bytes on disk are not a (sound) SQLite database. */
const corruptCodes = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

/** Turns a better-sqlite3 error about the file into a LedgerError; anything else is returned as is. */
export function ledgerFailure(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (busyCodes.has(code)) {
    return new LedgerError(
      `the ledger ${file} is locked by another process; nothing was changed`,
      'Wait for the other yangtze command (or program holding the file) to finish, then run this again.',
    );
  }
  if (corruptCodes.has(code)) return corruptLedger(file);
  // Extended codes too: a home the user may not write gives SQLITE_READONLY_DIRECTORY (WAL needs its -shm beside the file).
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) {
    return new LedgerError(`cannot write the ledger ${file} (${code}); nothing was changed`, 'Check the permissions and free space of the --home directory.');
  }
  return error;
}

export function emptyLedger(file: string): LedgerError {
  return new LedgerError(
    `${file} is empty (0 bytes): a ledger never is, so it was truncated or never written; it was left untouched`,
    'Restore it from a backup. To start a new ledger instead, delete the file: passes issued into the old one are then unknown to the new one.',
  );
}

export function corruptLedger(file: string): LedgerError {
  return new LedgerError(
    `${file} is not a readable yangtze ledger (not an SQLite database, or damaged); it was left untouched`,
    'Restore it from a backup, or move it aside and use another --home; yangtze never overwrites it.',
  );
}

/** `addGate` with an id that is taken (revoked gates keep theirs: a log line must name one gate). */
export class GateExists extends UserError {
  constructor(readonly gateId: string) {
    super(`a gate ${gateId} exists already; choose another id (a revoked gate keeps its id)`, ExitCode.usage);
    this.name = 'GateExists';
  }
}

/** No ledger yet there (a file, or a database without the ledger's tables): reads never create one. */
export class LedgerNotFound extends NotFoundError {
  constructor(location: string) {
    super(`no ledger at ${location}`, 'Issue passes first (yangtze pass issue), or pass the --home (or --ledger) that holds the ledger.');
    this.name = 'LedgerNotFound';
  }
}

export function newerLedger(location: string, version: number, understood: number): LedgerError {
  return new LedgerError(
    `${location} has ledger schema ${version}, newer than this yangtze understands (${understood}); it was left untouched`,
    'Upgrade yangtze to use this ledger.',
  );
}
