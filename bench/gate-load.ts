/**
 * Load and fault benchmark of `yangtze gate serve` (issue 16): many simulated
 * gates, each with its own credential and keep-alive connection, redeem
 * distinct passes as fast as the service answers, plus some contested
 * redemptions (several gates, one pass, one attraction). Reports throughput,
 * latency percentiles and the ledger's own counts: every admission a gate was
 * told of is in the ledger, and no pass entered an attraction twice.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/gate-load.js [options]
 *     --ledger URL        postgresql://… (default: SQLite under a fresh home)
 *     --seconds N         length of the load (default 60)
 *     --gates N           concurrent simulated gates (default 64)
 *     --passes N          passes issued beforehand (default 120000)
 *     --contested-every N every Nth scan of a gate is of a shared hot pass (default 10)
 *     --connections N     the service's PostgreSQL pool (default 16)
 *     --fault kill-service|kill-db   at --fault-at s: kill -9 the service and start it
 *                         again; or stop PostgreSQL at once (pg_ctl -m immediate) and
 *                         start it again after --db-down s (needs --pg-data DIR)
 *
 * Gates retry a scan that got no answer (connection lost, 503) with the same
 * scanId until it is answered, as scanners should; the first answer's latency
 * is the one counted. Not a test: figures go to BENCHMARKS.md.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { formatCredential } from '../src/domain/passes/gate-credential.js';
import { shanghaiDate, shanghaiTimestamp } from '../src/domain/passes/shanghai-time.js';
import type { LedgerTarget } from '../src/io/ledger/ledger-port.js';
import { openLedger } from '../src/io/ledger/open-ledger.js';
import { KeepAliveConnection } from './lib/keep-alive-client.js';

interface Options {
  ledgerUrl?: string;
  seconds: number;
  gates: number;
  passes: number;
  contestedEvery: number;
  connections: number;
  fault: 'none' | 'kill-service' | 'kill-db';
  faultAtS: number;
  dbDownS: number;
  pgData?: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin', 'yangtze.js');
const catalogue = path.join(root, 'test', 'fixtures', 'passes', 'catalogue.yaml');
const attractions = ['east-lake', 'guiyuan-temple', 'yellow-crane-tower'];
/**
 * Passes all gates scan again and again (the contested ones), from the start of the issue:
 * few enough that several gates at one attraction race for each (gates g and g + 48 share one
 * attraction and, in every round, one hot pass).
 */
const hotPasses = 16;

const opts = parseOptions(process.argv.slice(2));
/** Extra Node options for the service, e.g. GATE_LOAD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it. */
const serviceNodeArgs = (process.env.GATE_LOAD_NODE_ARGS ?? '').split(' ').filter(Boolean);

const home = mkdtempSync(path.join(tmpdir(), 'yangtze-gate-load-'));
const ledgerArgs = opts.ledgerUrl ? ['--ledger', opts.ledgerUrl] : [];
const target: LedgerTarget = { home, ...(opts.ledgerUrl ? { ledgerUrl: opts.ledgerUrl } : {}) };
const log = (text: string) => process.stderr.write(`[gate-load] ${text}\n`);

// 1. Keys, passes valid today, gates.
yangtze(['keys', 'init']);
const today = shanghaiDate(Date.now());
const bookings = path.join(home, 'bookings.csv');
const tag = randomBytes(4).toString('hex');
writeFileSync(
  bookings,
  ['booking,holder,id_number,category,product,start', ...Array.from({ length: opts.passes }, (_, i) => `L${tag}-${i},Visitor ${i},,adult,wuhan-culture-pass,${today}`)].join('\n') + '\n',
);
let t = performance.now();
yangtze(['pass', 'issue', '--bookings', bookings]);
log(`issued ${opts.passes} passes in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const ledger = await openLedger(target);
const tokens: { id: string; token: string }[] = [];
for await (const p of ledger.iteratePasses()) if (p.booking?.startsWith(`L${tag}-`)) tokens.push({ id: p.id, token: p.token });
const gates: { id: string; credential: string; attraction: string }[] = [];
for (let g = 0; g < opts.gates; g++) {
  const id = `load-${tag}-${g}`;
  const { credential, secretHash } = formatCredential(id, randomBytes(32));
  await ledger.addGate({ id, attractions: [attractions[g % attractions.length]!], secretHash, createdAt: shanghaiTimestamp(Date.now()) });
  gates.push({ id, credential, attraction: attractions[g % attractions.length]! });
}
await ledger.close();

// 2. The service.
let service = await startService(0);
const port = Number(new URL(service.url).port);
log(`service on ${service.url} (${opts.ledgerUrl ? 'postgresql' : 'sqlite'}), ${opts.gates} gates, ${opts.seconds} s`);

// 3. Load.
interface Ack {
  readonly gate: string;
  readonly scanId: string;
  readonly passId: string;
  readonly attraction: string;
  readonly replayed: boolean;
}
const latenciesMs: number[] = [];
const acks: Ack[] = [];
const reasons = new Map<string, number>();
let answered = 0;
let retries = 0;
/** Answers other than 200, 429 and 503 by status (retried like those when 5xx). */
const errors = new Map<number, number>();
let unanswered = 0;
let nextPass = 0;
const startMs = performance.now();
const endMs = startMs + opts.seconds * 1000;
/** Scans still unanswered this long after the end are given up (and counted). */
const giveUpMs = endMs + 60_000;

async function gateLoop(gate: (typeof gates)[number], g: number): Promise<void> {
  const connection = new KeepAliveConnection('127.0.0.1', port);
  const head = `POST /v1/redeem HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${gate.credential}\r\nContent-Type: application/json\r\n`;
  for (let seq = 0; performance.now() < endMs; seq++) {
    const contested = seq % opts.contestedEvery === opts.contestedEvery - 1;
    const pass = contested ? tokens[(Math.floor(seq / opts.contestedEvery) + g) % hotPasses]! : tokens[hotPasses + nextPass++];
    if (!pass) break;
    const scanId = `${seq}`;
    const body = JSON.stringify({ token: pass.token, attraction: gate.attraction, scanId });
    const sent = performance.now();
    let first = true;
    for (;;) {
      let answer: { status: number; body: string } | undefined;
      try {
        answer = await connection.request(head, body);
      } catch {
        answer = undefined;
      }
      if (answer && answer.status === 200) {
        const r = JSON.parse(answer.body) as { admitted: boolean; reason: string; replayed: boolean };
        if (first) latenciesMs.push(performance.now() - sent);
        answered++;
        reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
        if (r.admitted) acks.push({ gate: gate.id, scanId, passId: pass.id, attraction: gate.attraction, replayed: r.replayed });
        break;
      }
      if (answer && answer.status !== 503 && answer.status !== 429) {
        errors.set(answer.status, (errors.get(answer.status) ?? 0) + 1);
        if (answer.status < 500) throw new Error(`unexpected answer ${answer.status}: ${answer.body}`);
      }
      if (performance.now() > giveUpMs) {
        unanswered++;
        break;
      }
      first = false;
      retries++;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
  connection.close();
}

const faultDone = scheduleFault();
const loadStartLoad = loadavg()[0]!;
const cpuBefore = { client: process.cpuUsage(), service: processCpuMs(service.child.pid!), database: databaseCpuMs() };
await Promise.all(gates.map((gate, g) => gateLoop(gate, g)));
const elapsedS = (performance.now() - startMs) / 1000;
const clientCpu = process.cpuUsage(cpuBefore.client);
const cpuPerRedemptionMs = {
  client: round3((clientCpu.user + clientCpu.system) / 1000 / answered),
  service: opts.fault === 'none' ? round3((processCpuMs(service.child.pid!) - cpuBefore.service) / answered) : null,
  // A restarted database is a new postmaster: its time before the restart is gone from the count.
  database: cpuBefore.database === null || opts.fault === 'kill-db' ? null : round3((databaseCpuMs()! - cpuBefore.database) / answered),
};
await faultDone;
await service.stop();

// 4. The ledger's own count.
const counts = await ledgerCounts();
const ackedKeys = new Set(acks.map((a) => `${a.gate}/${a.scanId}`));
const lost = [...ackedKeys].filter((k) => !counts.scanIds.has(k)).length;
const doubleAcks = countDoubleAcks();
const sorted = Float64Array.from(latenciesMs).sort();
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const result = {
  ledger: opts.ledgerUrl ? 'postgresql' : 'sqlite',
  fault: opts.fault,
  gates: opts.gates,
  seconds: Number(elapsedS.toFixed(1)),
  answered,
  perSecond: Math.round(answered / elapsedS),
  admitted: acks.length,
  replayed: acks.filter((a) => a.replayed).length,
  reasons: Object.fromEntries(reasons),
  latencyMs: { p50: round(pct(50)), p95: round(pct(95)), p99: round(pct(99)), max: round(sorted[sorted.length - 1] ?? 0) },
  retries,
  otherErrors: Object.fromEntries(errors),
  unanswered,
  ledgerRedemptions: counts.total,
  ledgerDoubleAdmissions: counts.doubles,
  ackedButNotInLedger: lost,
  inLedgerButNotAcked: counts.ours - new Set(acks.map((a) => `${a.gate}/${a.scanId}`)).size,
  gatesToldAdmittedTwice: doubleAcks,
  cpuPerRedemptionMs,
  machine: `${cpus().length} × ${cpus()[0]?.model.trim()}`,
  loadAverage1m: { before: round(loadStartLoad), after: round(loadavg()[0]!) },
};
console.log(JSON.stringify(result, null, 2));

// ---------------------------------------------------------------------------

function yangtze(args: readonly string[]): string {
  return execFileSync(process.execPath, [bin, '--home', home, '--catalogue', catalogue, ...ledgerArgs, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
}

interface Service {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

async function startService(onPort: number): Promise<Service> {
  const child = spawn(
    process.execPath,
    [...serviceNodeArgs, bin, '--home', home, ...ledgerArgs, 'gate', 'serve', '--port', String(onPort), '--log-file', path.join(home, 'gate.log'), '--connections', String(opts.connections), '--max-in-flight', '4096'],
    // stderr to a file: a crash report is kept, and a killed bench leaves no pipe held open.
    { stdio: ['ignore', 'pipe', openSync(path.join(home, 'gate.stderr'), 'a')] },
  );
  process.once('exit', () => child.kill('SIGKILL'));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.trim()));
    void exited.then(() => reject(new Error('gate serve exited before listening')));
  });
  return {
    url,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function scheduleFault(): Promise<void> {
  if (opts.fault === 'none') return;
  await new Promise((resolve) => setTimeout(resolve, opts.faultAtS * 1000));
  if (opts.fault === 'kill-service') {
    const killedAt = performance.now();
    service.child.kill('SIGKILL');
    await new Promise((resolve) => service.child.once('exit', resolve));
    service = await startService(port);
    log(`killed the service (kill -9) at ${opts.faultAtS} s; listening again after ${Math.round(performance.now() - killedAt)} ms`);
  } else {
    if (!opts.pgData) throw new Error('--fault kill-db needs --pg-data DIR (the PostgreSQL cluster to stop and start)');
    pgCtl(['stop', '-m', 'immediate', '-w']);
    log(`stopped PostgreSQL (immediate) at ${opts.faultAtS} s`);
    // Started again whatever happens meanwhile: a bench that dies must not leave the database down.
    const restart = () => pgCtl(['start', '-w']);
    process.once('exit', restart);
    await new Promise((resolve) => setTimeout(resolve, opts.dbDownS * 1000));
    process.off('exit', restart);
    pgCtl(['start', '-w']);
    log(`PostgreSQL started again after ${opts.dbDownS} s down`);
  }
}

function pgCtl(args: readonly string[]): void {
  const data = opts.pgData!;
  // `start` needs the options of the first start (port, socket folder): PostgreSQL kept them in postmaster.opts.
  const started = readFileSync(path.join(data, 'postmaster.opts'), 'utf8').trim();
  const serverOptions = started.slice(started.indexOf(' ') + 1).replace(/"-D" "[^"]*" ?/, '');
  const ctl = [path.join(process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin', 'pg_ctl'), '-D', data, ...args, ...(args[0] === 'start' ? ['-o', serverOptions, '-l', path.join(data, '..', 'server.log')] : [])];
  // PostgreSQL refuses to run as root; the throwaway cluster (scripts/pg-throwaway.sh) then belongs to postgres.
  if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', ...ctl], { stdio: ['ignore', 2, 2] });
  else execFileSync(ctl[0]!, ctl.slice(1), { stdio: ['ignore', 2, 2] });
}

/** Redemption rows, (pass, attraction) pairs admitted more than once, and this run's scan ids. */
async function ledgerCounts(): Promise<{ total: number; doubles: number; ours: number; scanIds: Set<string> }> {
  const sql = {
    total: 'SELECT count(*) AS n FROM redemptions',
    doubles: 'SELECT count(*) AS n FROM (SELECT pass_id, attraction FROM redemptions GROUP BY pass_id, attraction HAVING count(*) > 1) AS d',
    scans: `SELECT scan_id FROM redemptions WHERE scan_id LIKE 'load-${tag}-%'`,
  };
  if (opts.ledgerUrl) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: opts.ledgerUrl });
    await client.connect();
    try {
      const total = Number((await client.query(sql.total)).rows[0].n);
      const doubles = Number((await client.query(sql.doubles)).rows[0].n);
      const scanIds = new Set<string>((await client.query(sql.scans)).rows.map((r: { scan_id: string }) => r.scan_id));
      return { total, doubles, ours: scanIds.size, scanIds };
    } finally {
      await client.end();
    }
  }
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(home, 'ledger.sqlite'), { readonly: true });
  try {
    const total = Number((db.prepare(sql.total).get() as { n: number }).n);
    const doubles = Number((db.prepare(sql.doubles).get() as { n: number }).n);
    const scanIds = new Set((db.prepare(sql.scans).all() as { scan_id: string }[]).map((r) => r.scan_id));
    return { total, doubles, ours: scanIds.size, scanIds };
  } finally {
    db.close();
  }
}

/** Gates told "admitted" for one (pass, attraction) by different scans: must be 0 (a replay of one scan is one admission). */
function countDoubleAcks(): number {
  const byEntry = new Map<string, Set<string>>();
  for (const a of acks) {
    const key = `${a.passId}/${a.attraction}`;
    const scans = byEntry.get(key) ?? new Set<string>();
    scans.add(`${a.gate}/${a.scanId}`);
    byEntry.set(key, scans);
  }
  return [...byEntry.values()].filter((s) => s.size > 1).length;
}

/** CPU time a process has used (user + system), from /proc (Linux). */
function processCpuMs(pid: number, withChildren = false): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]) + (withChildren ? Number(fields[13]) + Number(fields[14]) : 0);
  return (ticks * 1000) / 100;
}

/**
 * CPU time of this run's PostgreSQL cluster (--pg-data): the postmaster with the
 * backends it has reaped, plus those still running. null without --pg-data.
 */
function databaseCpuMs(): number | null {
  if (!opts.pgData) return null;
  const postmaster = Number(readFileSync(path.join(opts.pgData, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = processCpuMs(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster) total += processCpuMs(Number(entry));
    } catch {
      // The process ended meanwhile: its time is in the postmaster's children's total now.
    }
  }
  return total;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { seconds: 60, gates: 64, passes: 120_000, contestedEvery: 10, connections: 16, fault: 'none', faultAtS: 20, dbDownS: 3 };
  const num = (flag: string, v: string | undefined) => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--ledger') o.ledgerUrl = argv[++i];
    else if (a === '--seconds') o.seconds = num(a, argv[++i]);
    else if (a === '--gates') o.gates = num(a, argv[++i]);
    else if (a === '--passes') o.passes = num(a, argv[++i]);
    else if (a === '--contested-every') o.contestedEvery = num(a, argv[++i]);
    else if (a === '--connections') o.connections = num(a, argv[++i]);
    else if (a === '--fault-at') o.faultAtS = num(a, argv[++i]);
    else if (a === '--db-down') o.dbDownS = num(a, argv[++i]);
    else if (a === '--pg-data') o.pgData = argv[++i];
    else if (a === '--fault') {
      const f = argv[++i];
      if (f !== 'kill-service' && f !== 'kill-db' && f !== 'none') throw new Error('--fault is kill-service, kill-db or none');
      o.fault = f;
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}
