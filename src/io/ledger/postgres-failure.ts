/**
 * Turns node-postgres errors about the database itself into LedgerErrors
 * (exit 3) worded like the SQLite ones; anything else is returned as is.
 * SQLSTATE codes: https://www.postgresql.org/docs/15/errcodes-appendix.html
 */
import { LedgerError, LedgerNotFound } from './ledger-error.js';

/** Errors after which the whole transaction is simply run again. */
const retryCodes = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

export function isRetryable(error: unknown): boolean {
  return retryCodes.has(codeOf(error) ?? '');
}

export function isUniqueViolation(error: unknown): boolean {
  return codeOf(error) === '23505';
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `connected`: whether the failure came after the connection was made (a request may then have been committed). */
export function postgresFailure(error: unknown, location: string, connected: boolean): unknown {
  if (error instanceof LedgerError || error instanceof LedgerNotFound) return error;
  const code = codeOf(error);
  const detail = (error as Error | null)?.message ?? String(error);
  if (code === '55P03') {
    return new LedgerError(`the ledger ${location} is locked by another process; nothing was changed`, 'Wait for the other yangtze command to finish, then run this again.');
  }
  if (code === '3D000') return new LedgerNotFound(`${location} (no such database)`);
  if (code === '28P01' || code === '28000') return new LedgerError(`cannot log in to the ledger ${location}: ${detail}`, 'Check the user and password in --ledger or YANGTZE_LEDGER_URL.');
  if (code === '25006') return new LedgerError(`the ledger ${location} is read-only (a replica?); nothing was changed`, 'Point --ledger at the primary database.');
  if (code === '42P07' || code === '42710') {
    return new LedgerError(`${location} already has tables of another program (${detail}); the ledger was not created there`, 'Give yangtze a database of its own.');
  }
  if (code === '57014') return new LedgerError(`the ledger ${location} took too long to answer; the request was cancelled`);
  const lost =
    (code !== undefined && (code.startsWith('08') || code.startsWith('57P'))) ||
    ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOENT'].includes(code ?? '') ||
    /Connection terminated|timeout exceeded when trying to connect|connection timeout/i.test(detail);
  if (lost) {
    return connected
      ? new LedgerError(`lost the connection to the ledger ${location} (${detail})`, 'The last change may or may not have been committed: look the pass up before retrying.')
      : new LedgerError(`cannot reach the ledger ${location} (${detail}); nothing was changed`, 'Is the PostgreSQL server running, and the URL right?');
  }
  return error;
}

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
