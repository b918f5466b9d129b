/**
 * The service's operations, as data: the dispatcher (gate-service.ts) routes
 * by this table and the OpenAPI description (gate-openapi.ts) is generated
 * from it, so the two cannot drift apart; a test probes the live service with
 * every documented operation and every undocumented method.
 */
import type * as z from 'zod';
import { HealthResponse, RedeemRequest, RedeemResponse, VerifyRequest, VerifyResponse } from './gate-api-schemas.js';
import type { ErrorCode } from './http-error.js';

export type OperationId = 'health' | 'openapi' | 'verify' | 'redeem';

export interface GateRoute {
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly operationId: OperationId;
  readonly summary: string;
  /** Needs a gate credential. */
  readonly auth: boolean;
  readonly request?: z.ZodType;
  /** undefined: the OpenAPI document itself. */
  readonly response?: z.ZodType;
  /** The error codes this operation can answer with (each has its status in http-error.ts). */
  readonly errors: readonly ErrorCode[];
}

/** Every route may also answer these: unknown paths, wrong methods, timeouts, overload, shutdown. */
export const COMMON_ERRORS: readonly ErrorCode[] = ['not-found', 'method-not-allowed', 'request-timeout', 'headers-too-large', 'internal', 'shutting-down'];
const bodyErrors: readonly ErrorCode[] = ['malformed-json', 'invalid-request', 'payload-too-large', 'unsupported-media-type'];
const gateErrors: readonly ErrorCode[] = ['unauthenticated', 'wrong-scope', 'too-many-requests', 'overloaded', 'ledger-unavailable'];

export const GATE_ROUTES: readonly GateRoute[] = [
  {
    path: '/v1/health',
    method: 'GET',
    operationId: 'health',
    summary: 'Liveness: the service is up (status ok) or stopping (draining). No credential needed.',
    auth: false,
    response: HealthResponse,
    errors: [],
  },
  {
    path: '/v1/openapi.json',
    method: 'GET',
    operationId: 'openapi',
    summary: 'This description (OpenAPI 3.1).',
    auth: false,
    errors: [],
  },
  {
    path: '/v1/verify',
    method: 'POST',
    operationId: 'verify',
    summary: 'Check a pass at one of the gate\'s attractions, recording nothing.',
    auth: true,
    request: VerifyRequest,
    response: VerifyResponse,
    errors: [...bodyErrors, ...gateErrors],
  },
  {
    path: '/v1/redeem',
    method: 'POST',
    operationId: 'redeem',
    summary: 'Admit a pass at one of the gate\'s attractions: recorded in the ledger exactly once.',
    auth: true,
    request: RedeemRequest,
    response: RedeemResponse,
    errors: [...bodyErrors, ...gateErrors, 'scan-id-conflict'],
  },
];
