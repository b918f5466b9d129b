/**
 * Refusals of the gate service as data: an HTTP status, a stable machine code
 * and one sentence. Rendered once, as `{"error": {"code", "message"}}`
 * (writeError in gate-service.ts). The codes are the contract
 * (docs/GATE-SERVICE.md, docs/gate-openapi.json); messages may be reworded.
 */
export const ERROR_STATUS = {
  'malformed-json': 400,
  'invalid-request': 400,
  unauthenticated: 401,
  'wrong-scope': 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'request-timeout': 408,
  'scan-id-conflict': 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'headers-too-large': 431,
  'too-many-requests': 429,
  internal: 500,
  'ledger-unavailable': 503,
  overloaded: 503,
  'shutting-down': 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra response headers (Allow, Retry-After, WWW-Authenticate). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = ERROR_STATUS[code];
  }
}

export function errorBody(code: ErrorCode, message: string): string {
  return JSON.stringify({ error: { code, message } });
}
