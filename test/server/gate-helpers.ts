/**
 * Set-up for the gate service tests: a home with passes valid today (the
 * service reads the real clock), gates added through the CLI, the service run
 * for real (`node bin/yangtze.js gate serve --port 0`; build first), requests
 * with fetch, and the ledger read back through the ledger port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { shanghaiDate } from '../../src/domain/passes/shanghai-time.js';
import type { LedgerTarget, PassEntry } from '../../src/io/ledger/ledger-port.js';
import { openLedger } from '../../src/io/ledger/open-ledger.js';
import type { LedgerPass } from '../../src/io/ledger/ledger-pass.js';
import { BASE_ENV, BIN, REPO_ROOT, runCli } from '../cli/helpers/run-cli.js';

export const PASS_CATALOGUE = path.join(REPO_ROOT, 'test', 'fixtures', 'passes', 'catalogue.yaml');

export interface GateWorld {
  readonly home: string;
  /** `--ledger URL` for PostgreSQL, nothing for SQLite. */
  readonly ledgerArgs: readonly string[];
  readonly target: LedgerTarget;
  /** Passes issued, in booking order. */
  readonly passes: readonly LedgerPass[];
}

/**
 * `count` Wuhan culture passes starting today (Asia/Shanghai), issued into a new
 * home with keys and its SQLite ledger, or into `fresh` (a contract-suite backend's
 * fresh ledger: its home already has keys).
 */
export async function aGateWorld(count: number, fresh?: LedgerTarget): Promise<GateWorld> {
  const home = fresh?.home ?? mkdtempSync(path.join(tmpdir(), 'yangtze-gate-'));
  const ledgerUrl = fresh?.ledgerUrl;
  const ledgerArgs = ledgerUrl ? ['--ledger', ledgerUrl] : [];
  const now = Date.now();
  if (!fresh) await cli(home, ledgerArgs, ['keys', 'init'], now);
  const today = shanghaiDate(now);
  const rows = Array.from({ length: count }, (_, i) => `GATE-BK${i},Holder ${i},,adult,wuhan-culture-pass,${today}`);
  const bookings = path.join(home, 'bookings.csv');
  writeFileSync(bookings, ['booking,holder,id_number,category,product,start', ...rows].join('\n') + '\n');
  await cli(home, ledgerArgs, ['pass', 'issue', '--bookings', bookings], now);
  const target: LedgerTarget = { home, ...(ledgerUrl ? { ledgerUrl } : {}) };
  const ledger = await openLedger(target);
  const passes: LedgerPass[] = [];
  try {
    for await (const p of ledger.iteratePasses()) if (p.booking?.startsWith('GATE-BK')) passes.push(p);
  } finally {
    await ledger.close();
  }
  passes.sort((a, b) => Number(a.booking!.slice(7)) - Number(b.booking!.slice(7)));
  return { home, ledgerArgs, target, passes };
}

async function cli(home: string, ledgerArgs: readonly string[], args: readonly string[], now: number): Promise<string> {
  const run = await runCli(['--home', home, '--catalogue', PASS_CATALOGUE, ...ledgerArgs, ...args], { now });
  if (run.exitCode !== 0) throw new Error(`yangtze ${args.join(' ')} failed (${run.exitCode}): ${run.stderr}`);
  return run.stdout;
}

/** `gate add` through the CLI; returns the credential it printed. */
export async function addGate(world: GateWorld, id: string, attractions: readonly string[]): Promise<string> {
  return (await cli(world.home, world.ledgerArgs, ['gate', 'add', id, '--attractions', attractions.join(',')], Date.now())).trim();
}

export async function revokeGate(world: GateWorld, id: string): Promise<void> {
  await cli(world.home, world.ledgerArgs, ['gate', 'revoke', id], Date.now());
}

/** The ledger's own record of a pass's entries. */
export async function entriesOf(world: GateWorld, passId: string): Promise<PassEntry[]> {
  const ledger = await openLedger(world.target);
  try {
    return await ledger.entriesOf(passId);
  } finally {
    await ledger.close();
  }
}

export interface RunningService {
  readonly url: string;
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Sends the signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** The JSON log lines written so far. */
  logLines(): Record<string, unknown>[];
}

/** Starts `gate serve --port 0` and waits for the URL it prints. */
export async function startService(world: GateWorld, extra: readonly string[] = []): Promise<RunningService> {
  const logFile = path.join(world.home, `gate-${Date.now()}-${Math.random().toString(36).slice(2)}.log`);
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...BASE_ENV };
  const child = spawn(process.execPath, [BIN, '--home', world.home, ...world.ledgerArgs, 'gate', 'serve', '--port', '0', '--log-file', logFile, ...extra], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    void exited.then((code) => reject(new Error(`gate serve exited (${code}) before listening: ${stderr}`)));
  });
  return {
    url,
    child,
    logFile,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    logLines: () =>
      readFileSync(logFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
}

/**
 * POSTs JSON (or the raw string given) with the gate's credential, on a new
 * connection (node:http, no agent): a request refused at the door fails at
 * once, where fetch's pool can leave a queued request waiting for minutes.
 */
export function post(url: string, route: string, body: unknown, options: { credential?: string; contentType?: string } = {}): Promise<Answer> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
  if (options.credential !== undefined) headers.authorization = `Bearer ${options.credential}`;
  return new Promise((resolve, reject) => {
    const request = http.request(url + route, { method: 'POST', headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const h = new Headers();
        for (const [k, v] of Object.entries(response.headers)) if (typeof v === 'string') h.set(k, v);
        resolve({ status: response.statusCode!, headers: h, body: text === '' ? undefined : JSON.parse(text) });
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}
