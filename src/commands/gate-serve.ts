/**
 * `gate serve [--port N] [--host H]`: the online gate service in front of
 * the ledger (SQLite under --home, or --ledger postgresql://…). Runs until
 * SIGTERM or SIGINT, then stops accepting, finishes the requests under way
 * and closes the ledger; exit 0 after a clean stop.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { UsageError } from '../cli/errors.js';
import type { Output } from '../cli/output.js';
import { readTrustFile } from '../io/keys.js';
import type { LedgerTarget } from '../io/ledger/ledger-port.js';
import { openLedger } from '../io/ledger/open-ledger.js';
import { createGateService, DEFAULT_LIMITS, type GateServiceLimits } from '../server/gate-service.js';
import { gateLedgerOf } from '../server/port-gate-ledger.js';
import { bufferedLog } from '../server/request-log.js';

export interface GateServeOptions {
  readonly port: number;
  readonly host: string;
  /** The trust file (public keys) tokens are checked against. */
  readonly trust: string;
  /** Append logs here instead of stderr. */
  readonly logFile?: string;
  /** PostgreSQL: connections in the pool (a redemption holds one for its transaction). */
  readonly connections?: number;
  readonly limits?: Partial<GateServiceLimits>;
}

export interface GateServeDeps {
  readonly target: LedgerTarget;
  readonly nowMs: () => number;
  readonly monotonicMs: () => number;
  /** Where log lines go when there is no --log-file. */
  readonly stderr: (text: string) => void;
  /** Calls `stop` on SIGTERM / SIGINT (or whatever stops the service); returns a function that unhooks it. */
  readonly onStop: (stop: (reason: string) => void) => () => void;
  readonly version: string;
}

export interface GateServeStarted {
  readonly url: string;
  readonly ledger: 'sqlite' | 'postgresql';
  readonly location: string;
}

export async function runGateServe(opts: GateServeOptions, deps: GateServeDeps, started: (info: GateServeStarted) => void): Promise<void> {
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65_535) throw new UsageError(`--port: "${opts.port}" is not a port (0–65535)`);
  const trust = readTrustFile(opts.trust);
  const fd = opts.logFile === undefined ? undefined : openSync(opts.logFile, 'a');
  const log = bufferedLog(fd === undefined ? deps.stderr : (text) => void writeSync(fd, text));
  const ledger = await openLedger(deps.target, { ...(opts.connections !== undefined ? { connections: opts.connections } : {}) });
  const service = createGateService(
    { ledger: gateLedgerOf(ledger), ledgerKind: ledger.backend, trust, nowMs: deps.nowMs, monotonicMs: deps.monotonicMs, log, version: deps.version },
    { ...DEFAULT_LIMITS, ...opts.limits },
  );
  try {
    let stopped!: () => void;
    const done = new Promise<void>((resolve) => (stopped = resolve));
    const unhook = deps.onStop((reason) => void service.shutdown(reason).then(stopped));
    try {
      const { url } = await service.listen(opts.port, opts.host).catch((error: NodeJS.ErrnoException) => {
        throw listenFailure(error, opts);
      });
      started({ url, ledger: ledger.backend, location: ledger.location });
      await done;
    } finally {
      unhook();
    }
  } finally {
    await service.shutdown('stopped');
    log.flush();
    if (fd !== undefined) closeSync(fd);
  }
}

function listenFailure(error: NodeJS.ErrnoException, opts: GateServeOptions): unknown {
  if (error.code === 'EADDRINUSE') return new UsageError(`--port ${opts.port}: the port is in use on ${opts.host}`, 'Stop the other service or choose another --port.');
  if (error.code === 'EACCES') return new UsageError(`--port ${opts.port}: not allowed to listen there`, 'Ports below 1024 need privileges; use a higher --port behind a proxy.');
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') return new UsageError(`--host ${opts.host}: not an address of this machine`);
  return error;
}

export function renderGateServeStarted(info: GateServeStarted, out: Output): void {
  if (out.view === 'json') out.result(JSON.stringify({ schemaVersion: 1, kind: 'yangtze.gate-service', url: info.url, ledger: info.ledger, location: info.location }));
  else if (out.view === 'pipe') out.result(info.url);
  else out.result(`gate service on ${out.style.bold(info.url)}  ledger: ${info.ledger} ${info.location}  ${out.style.dim('(Ctrl-C stops it)')}`);
}
