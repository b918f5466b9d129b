/**
 * `yangtze gate serve`'s HTTP server (node:http): routing by the table in
 * gate-routes.ts, bounds on size, time and concurrency, JSON errors, one log
 * line per request, and a graceful shutdown that lets every admitted entry
 * reach its gate before the ledger is closed.
 *
 * Order of checks per request: draining (503) → path (404) → method (405) →
 * overload (503) → credential (401) → per-gate concurrency (429) → media type
 * (415) → size (413) → time (408) → JSON (400) → fields (400) → scope (403) →
 * ledger. Nothing is written to the ledger before every check has passed.
 */
import http, { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TrustFile } from '../domain/passes/trust-file.js';
import { gateAuthenticator } from './authenticate-gate.js';
import { healthHandler, redeemHandler, verifyHandler, type HandlerDeps, type HandlerLog } from './gate-handlers.js';
import { LedgerUnavailable } from './ledger-call.js';
import type { GateLedger, GateRecord } from './gate-ledger.js';
import { gateOpenApi } from './gate-openapi.js';
import { GATE_ROUTES, type GateRoute } from './gate-routes.js';
import { errorBody, HttpError } from './http-error.js';
import { readJsonBody } from './read-json-body.js';
import type { RequestLog } from './request-log.js';

export interface GateServiceLimits {
  /** Largest request body; a redeem request is about 700 bytes. */
  readonly bodyLimitBytes: number;
  /** Time for a client to send its request headers (slow-loris guard). */
  readonly headersTimeoutMs: number;
  /** Time for the body, after the headers. */
  readonly bodyTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long. */
  readonly keepAliveTimeoutMs: number;
  /** Requests being worked on at once before new ones get 503 overloaded. */
  readonly maxInFlight: number;
  /** Requests one gate may have under way at once before 429 (a scanner needs one or two). */
  readonly maxInFlightPerGate: number;
  /** How long a looked-up gate record is reused: the delay before a revocation bites. */
  readonly gateCacheMs: number;
  /** Shutdown waits this long for requests under way before closing connections. */
  readonly shutdownGraceMs: number;
  readonly maxConnections: number;
}

export const DEFAULT_LIMITS: GateServiceLimits = {
  bodyLimitBytes: 16_384,
  headersTimeoutMs: 5_000,
  bodyTimeoutMs: 5_000,
  keepAliveTimeoutMs: 5_000,
  maxInFlight: 512,
  maxInFlightPerGate: 16,
  gateCacheMs: 1_000,
  shutdownGraceMs: 10_000,
  maxConnections: 4_096,
};

/** Header bytes a request may carry (Node's default is 16 KiB too; stated here as part of the contract). */
const maxHeaderBytes = 16_384;

export interface GateServiceDeps {
  readonly ledger: GateLedger;
  readonly ledgerKind: 'sqlite' | 'postgresql';
  readonly trust: TrustFile;
  readonly nowMs: () => number;
  readonly monotonicMs: () => number;
  readonly log: RequestLog;
  readonly version: string;
}

export interface GateService {
  readonly server: http.Server;
  listen(port: number, host: string): Promise<{ url: string; port: number }>;
  /** Stops accepting, finishes requests under way, closes the ledger. Idempotent. */
  shutdown(reason: string): Promise<void>;
  /** Requests being worked on now. */
  inFlight(): number;
}

export function createGateService(deps: GateServiceDeps, limits: GateServiceLimits = DEFAULT_LIMITS): GateService {
  const server = http.createServer({
    headersTimeout: limits.headersTimeoutMs,
    // A backstop behind readJsonBody's own timer, which answers first with a JSON 408.
    requestTimeout: limits.headersTimeoutMs + limits.bodyTimeoutMs + 1_000,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    maxHeaderSize: maxHeaderBytes,
    // How often Node looks for requests past their time; the default (30 s) would let slow clients linger.
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
  });
  server.maxConnections = limits.maxConnections;
  const auth = gateAuthenticator(deps.ledger, limits.gateCacheMs, deps.nowMs);
  const openApiBody = JSON.stringify(gateOpenApi(), null, 2) + '\n';
  let draining = false;
  let inFlight = 0;
  let requestNo = 0;
  const perGate = new Map<string, number>();
  let idleWaiters: (() => void)[] = [];
  const handlerDeps: HandlerDeps = {
    ledger: deps.ledger,
    ledgerKind: deps.ledgerKind,
    trust: deps.trust,
    nowMs: deps.nowMs,
    startedMs: deps.nowMs(),
    version: deps.version,
    draining: () => draining,
  };

  const logLine = (level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown>) =>
    deps.log.write({ time: new Date(deps.nowMs()).toISOString(), level, msg, ...fields });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const id = ++requestNo;
    const started = deps.monotonicMs();
    const path = (req.url ?? '/').split('?', 1)[0]!;
    const fields: Record<string, unknown> & HandlerLog & { gate?: string; error?: string; cause?: string } = { id, method: req.method, path };
    res.on('close', () => {
      const status = res.writableFinished ? res.statusCode : 499;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      logLine(level, 'request', { ...fields, status, ms: Math.round((deps.monotonicMs() - started) * 10) / 10, ...(res.writableFinished ? {} : { aborted: true }) });
    });
    void handle(req, res, path, fields).catch((error: unknown) => {
      // handle() answers every failure itself; reaching here means the answer could not be written.
      logLine('error', 'response-failed', { id, cause: String(error) });
      res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, path: string, fields: HandlerLog & { gate?: string; error?: string; cause?: string }): Promise<void> {
    let counted = false;
    let gateId: string | undefined;
    try {
      if (draining) throw new HttpError('shutting-down', 'the service is stopping; retry on another instance or in a moment', { 'Retry-After': '1' });
      const route = routeOf(path, req.method ?? '');
      if (route.operationId === 'health') return send(req, res, 200, JSON.stringify(healthHandler(handlerDeps)));
      if (route.operationId === 'openapi') return send(req, res, 200, openApiBody);
      if (inFlight >= limits.maxInFlight) throw new HttpError('overloaded', `more than ${limits.maxInFlight} requests under way; retry in a moment`, { 'Retry-After': '1' });
      inFlight++;
      counted = true;
      const gate: GateRecord = await auth.authenticate(req.headers.authorization);
      fields.gate = gate.id;
      const mine = perGate.get(gate.id) ?? 0;
      if (mine >= limits.maxInFlightPerGate) {
        throw new HttpError('too-many-requests', `gate ${gate.id} already has ${mine} requests under way; wait for their answers`, { 'Retry-After': '1' });
      }
      perGate.set(gate.id, mine + 1);
      gateId = gate.id;
      const body = await readJsonBody(req, { limitBytes: limits.bodyLimitBytes, timeoutMs: limits.bodyTimeoutMs });
      const result = route.operationId === 'verify' ? await verifyHandler(gate, body, handlerDeps, fields) : await redeemHandler(gate, body, handlerDeps, fields);
      send(req, res, 200, JSON.stringify(result));
    } catch (error) {
      if (error instanceof HttpError) {
        fields.error = error.code;
        if (error instanceof LedgerUnavailable) fields.cause = describeCause(error.cause);
        send(req, res, error.status, errorBody(error.code, error.message), error.headers);
      } else {
        fields.error = 'internal';
        fields.cause = describeCause(error);
        send(req, res, 500, errorBody('internal', 'the service failed on this request (a bug); it is logged. Retry with the same scanId'));
      }
    } finally {
      if (gateId !== undefined) {
        const left = (perGate.get(gateId) ?? 1) - 1;
        if (left === 0) perGate.delete(gateId);
        else perGate.set(gateId, left);
      }
      if (counted && --inFlight === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  function send(req: IncomingMessage, res: ServerResponse, status: number, body: string, headers: Readonly<Record<string, string>> = {}): void {
    if (res.headersSent || res.destroyed) return;
    // A body not read to its end (refused early) or a service going down: the connection is not reused.
    const close = draining || !req.complete;
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      ...headers,
      ...(close ? { Connection: 'close' } : {}),
    });
    res.end(body);
  }

  // Failures before a request reaches the handler: headers too slow (408), too large (431), not HTTP (400).
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const pending = (socket as Socket & { _httpMessage?: unknown })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || pending) {
      socket.destroy();
      return;
    }
    const [status, code, message] =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ([408, 'request-timeout', `the request did not arrive within ${limits.headersTimeoutMs} ms`] as const)
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? ([431, 'headers-too-large', `request headers are larger than ${maxHeaderBytes} bytes`] as const)
          : ([400, 'invalid-request', 'not a well-formed HTTP/1.1 request'] as const);
    const body = errorBody(code, message);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    logLine('warn', 'client-error', { status, error: code, cause: error.code ?? 'unknown' });
  });

  let closing: Promise<void> | undefined;
  return {
    server,
    inFlight: () => inFlight,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          const url = `http://${shownHost}:${address.port}`;
          logLine('info', 'listening', { url, ledger: deps.ledgerKind, limits });
          resolve({ url, port: address.port });
        });
      }),
    shutdown(reason) {
      closing ??= (async () => {
        draining = true;
        logLine('info', 'shutdown', { reason, inFlight });
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const idle = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve));
        const graceOver = await Promise.race([idle.then(() => false), delay(limits.shutdownGraceMs).then(() => true)]);
        // Whatever is still open now is idle keep-alive or a client too slow to matter.
        server.closeAllConnections();
        await closed;
        await deps.ledger.close();
        logLine(graceOver ? 'warn' : 'info', 'stopped', { graceOver, inFlight });
        deps.log.flush();
      })();
      return closing;
    },
  };
}

/** The route for a path and method, or a 404 / 405 (with the methods the path allows). */
export function routeOf(path: string, method: string): GateRoute {
  const forPath = GATE_ROUTES.filter((r) => r.path === path);
  if (forPath.length === 0) throw new HttpError('not-found', `no such endpoint: ${path}; see /v1/openapi.json`);
  const route = forPath.find((r) => r.method === method);
  if (!route) {
    const allowed = forPath.map((r) => r.method).join(', ');
    throw new HttpError('method-not-allowed', `${path} accepts ${allowed}, not ${method}`, { Allow: allowed });
  }
  return route;
}

function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message}`.slice(0, 300);
  }
  return String(error).slice(0, 300);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
