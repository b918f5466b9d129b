/**
 * Who is calling: the gate named by the bearer credential, if its secret
 * matches the stored hash and it is not revoked. Gate records are cached for
 * `cacheMs` so a busy gate costs the ledger no extra query per scan; a
 * revocation therefore takes effect within that time (docs/GATE-SERVICE.md).
 * Every failure is the same 401, so a caller learns nothing about which ids exist.
 */
import { parseBearer, secretMatches } from '../domain/passes/gate-credential.js';
import type { GateLedger, GateRecord } from './gate-ledger.js';
import { HttpError } from './http-error.js';
import { ledgerCall } from './ledger-call.js';

export const WWW_AUTHENTICATE = { 'WWW-Authenticate': 'Bearer realm="yangtze-gate"' };
/** A cache never grows past this many gates (the cost of a lookup is one indexed read). */
const maxCachedGates = 10_000;

export interface GateAuthenticator {
  authenticate(authorization: string | undefined): Promise<GateRecord>;
}

export function gateAuthenticator(ledger: Pick<GateLedger, 'findGate'>, cacheMs: number, nowMs: () => number): GateAuthenticator {
  const cache = new Map<string, { record: GateRecord | null; until: number }>();
  const lookup = async (id: string): Promise<GateRecord | null> => {
    const hit = cache.get(id);
    const now = nowMs();
    if (hit && hit.until > now) return hit.record;
    const record = await ledgerCall(() => ledger.findGate(id));
    if (cacheMs > 0 && record) {
      if (cache.size >= maxCachedGates) cache.clear();
      cache.set(id, { record, until: now + cacheMs });
    }
    return record;
  };
  return {
    async authenticate(authorization) {
      const credential = parseBearer(authorization);
      if (!credential) throw unauthenticated(authorization === undefined ? 'no Authorization header: send Authorization: Bearer <gate-id>.<secret>' : 'the Authorization header is not Bearer <gate-id>.<secret>');
      const gate = await lookup(credential.gateId);
      // The hash is compared even for unknown gates' ids, against a dummy, so both take the same time.
      const matches = secretMatches(credential.secret, gate?.secretHash ?? dummyHash);
      if (!gate || !matches || gate.revokedAt !== null) throw unauthenticated('the gate credential is not valid (unknown, wrong secret or revoked)');
      return gate;
    },
  };
}

const dummyHash = 'sha256:' + '0'.repeat(64);

function unauthenticated(message: string): HttpError {
  return new HttpError('unauthenticated', message, WWW_AUTHENTICATE);
}
