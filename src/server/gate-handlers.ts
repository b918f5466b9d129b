/**
 * The three things a gate asks: is this pass good here (verify), let it in
 * (redeem), and is the service up (health). Each takes the authenticated gate
 * and the parsed body and returns a response document; refusals of a pass are
 * answers (200, `admitted: false`), not errors. Log fields (never the token or
 * the holder's name) are set on `log`.
 */
import type * as z from 'zod';
import { shanghaiDate, shanghaiTimestamp } from '../domain/passes/shanghai-time.js';
import type { PassClaims } from '../domain/passes/token.js';
import type { TrustFile } from '../domain/passes/trust-file.js';
import { verifyToken } from '../domain/passes/verify-token.js';
import {
  describeIssues,
  RedeemRequest,
  VerifyRequest,
  type HealthResponseBody,
  type RedeemResponseBody,
  type VerifyResponseBody,
} from './gate-api-schemas.js';
import type { GateLedger, GateRecord } from './gate-ledger.js';
import { HttpError } from './http-error.js';
import { ledgerCall } from './ledger-call.js';

/** Fields of the request's log line that the handler knows. */
export interface HandlerLog {
  attraction?: string;
  passId?: string;
  outcome?: string;
  reason?: string;
  replayed?: boolean;
}

export interface HandlerDeps {
  readonly ledger: GateLedger;
  readonly ledgerKind: 'sqlite' | 'postgresql';
  readonly trust: TrustFile;
  readonly nowMs: () => number;
  readonly startedMs: number;
  readonly version: string;
  readonly draining: () => boolean;
}

export async function verifyHandler(gate: GateRecord, raw: unknown, deps: HandlerDeps, log: HandlerLog): Promise<VerifyResponseBody> {
  const body = parseBody(VerifyRequest, raw);
  inScope(gate, body.attraction, log);
  const date = shanghaiDate(deps.nowMs());
  const verified = verifyToken(body.token, deps.trust, { date, at: body.attraction });
  const answer = (valid: boolean, reason: string, message: string): VerifyResponseBody => {
    log.outcome = valid ? 'valid' : 'invalid';
    log.reason = reason;
    return { schemaVersion: 1, kind: 'yangtze.verification', valid, reason, message, attraction: body.attraction, date, pass: summary(verified.pass) };
  };
  if (verified.pass) log.passId = verified.pass.passId;
  if (!verified.valid || !verified.pass) return answer(false, verified.reason, verified.message);
  // The token is good; the ledger knows what a token cannot: revocations and refunds since issue.
  const standing = await ledgerCall(() => deps.ledger.passStanding(verified.pass!.passId));
  if (!standing) return answer(false, 'unknown-pass', `pass ${verified.pass.passId} is not in this ledger`);
  if (standing.revocation) {
    return answer(false, standing.revocation, `pass ${verified.pass.passId} has been ${standing.revocation}`);
  }
  return answer(true, 'ok', verified.message);
}

export async function redeemHandler(gate: GateRecord, raw: unknown, deps: HandlerDeps, log: HandlerLog): Promise<RedeemResponseBody> {
  const body = parseBody(RedeemRequest, raw);
  inScope(gate, body.attraction, log);
  const now = deps.nowMs();
  const date = shanghaiDate(now);
  const verified = verifyToken(body.token, deps.trust, { date, at: body.attraction });
  const claims = verified.pass;
  if (claims) log.passId = claims.passId;
  const answer = (admitted: boolean, reason: string, message: string, note: string | null = null, replayed = false): RedeemResponseBody => {
    log.outcome = admitted ? 'admitted' : 'refused';
    log.reason = reason;
    if (replayed) log.replayed = true;
    return {
      schemaVersion: 1,
      kind: 'yangtze.redemption',
      admitted,
      reason,
      message,
      passId: claims?.passId ?? null,
      holder: claims?.holder ?? null,
      product: claims?.product ?? null,
      attraction: body.attraction,
      date,
      gate: gate.id,
      note,
      mode: 'online',
      scanId: body.scanId ?? null,
      replayed,
    };
  };
  if (!verified.valid || !claims) return answer(false, verified.reason, verified.message);
  // Scan ids are per gate: one gate's retry can never collide with another gate's scan.
  const scanKey = body.scanId === undefined ? undefined : `${gate.id}/${body.scanId}`;
  const outcome = await ledgerCall(() =>
    deps.ledger.recordEntry({
      passId: claims.passId,
      attraction: body.attraction,
      date,
      at: shanghaiTimestamp(now),
      gate: gate.id,
      source: 'online',
      ...(scanKey !== undefined ? { scanId: scanKey } : {}),
    }),
  );
  if (outcome.admit) return answer(true, 'ok', 'admitted', outcome.note);
  if (scanKey !== undefined) {
    // Refused: was it this very scan, admitted by an earlier try whose answer got lost?
    const earlier = await ledgerCall(() => deps.ledger.redemptionByScan(scanKey));
    if (earlier) {
      if (earlier.passId !== claims.passId || earlier.attraction !== body.attraction) {
        throw new HttpError('scan-id-conflict', `scanId ${body.scanId} was already used by this gate for another scan; use a new id per scan`);
      }
      return answer(true, 'ok', 'admitted', `retry of scan ${body.scanId}, admitted at ${earlier.at}`, true);
    }
  }
  return answer(false, outcome.reason, outcome.message);
}

export function healthHandler(deps: HandlerDeps): HealthResponseBody {
  return {
    status: deps.draining() ? 'draining' : 'ok',
    ledger: deps.ledgerKind,
    version: deps.version,
    uptimeS: Math.round((deps.nowMs() - deps.startedMs) / 1000),
  };
}

function parseBody<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new HttpError('invalid-request', describeIssues(parsed.error));
  return parsed.data;
}

function inScope(gate: GateRecord, attraction: string, log: HandlerLog): void {
  log.attraction = attraction;
  if (!gate.attractions.includes(attraction)) {
    throw new HttpError('wrong-scope', `gate ${gate.id} is not allowed at ${attraction}; it serves ${gate.attractions.join(', ')}`);
  }
}

function summary(pass: PassClaims | undefined): VerifyResponseBody['pass'] {
  if (!pass) return null;
  const { passId, holder, category, product, validFrom, validUntil } = pass;
  return { passId, holder, category, product, validFrom, validUntil };
}
