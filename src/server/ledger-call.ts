/**
 * Calls into the ledger from a request. A failure of the ledger itself
 * (database down or restarting, locked too long) becomes a 503 the gate
 * retries. Whether a redemption under way was committed is unknown to the
 * service, so the message asks for the retry to carry the same scanId.
 */
import { HttpError } from './http-error.js';

export async function ledgerCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new LedgerUnavailable(error);
  }
}

export class LedgerUnavailable extends HttpError {
  constructor(readonly cause: unknown) {
    super('ledger-unavailable', 'the ledger did not answer; retry with the same scanId (an entry is never recorded twice for one scan)', { 'Retry-After': '1' });
    this.name = 'LedgerUnavailable';
  }
}
