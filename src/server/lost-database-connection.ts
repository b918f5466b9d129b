/**
 * node-postgres emits 'error' on a pooled client whose connection drops while
 * it is checked out (the database restarted or was stopped), after rejecting
 * the query under way. The PostgreSQL adapter does not listen for that event
 * yet (reported to its owner), and an event nobody hears ends the process. For
 * the gate service the rejection already did its work: the request got 503
 * ledger-unavailable and the client was dropped from the pool. So these
 * errors, and only these, are noted and survived (gate-serve.ts).
 */
const lostConnectionCodes = new Set([
  'ECONNRESET',
  'EPIPE',
  // admin_shutdown, crash_shutdown, cannot_connect_now, connection_failure
  '57P01',
  '57P02',
  '57P03',
  '08006',
]);

export function isLostDatabaseConnection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return error.message.startsWith('Connection terminated') || (typeof code === 'string' && lostConnectionCodes.has(code));
}
