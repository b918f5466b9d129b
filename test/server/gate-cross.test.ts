/**
 * Issue 16's target: 32 redemptions of one pass from 32 processes at once,
 * half through the CLI (`pass redeem`), half through the gate service
 * (each its own process posting to `gate serve`) → exactly one admitted, on
 * SQLite and on PostgreSQL. On CI a missing PostgreSQL fails this suite.
 */
import { afterAll, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { BASE_ENV, BIN, REPO_ROOT } from '../cli/helpers/run-cli.js';
import { describeEachBackend } from '../contract/ledger-backends.js';
import { addGate, aGateWorld, entriesOf, startService, type GateWorld, type RunningService } from './gate-helpers.js';

const processes = 32;
const running: RunningService[] = [];
afterAll(async () => {
  for (const s of running) await s.stop();
});

/** Runs a child process to its end; resolves its exit code and stdout. */
function run(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...BASE_ENV, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

/** A gate scanner as its own process: one POST /v1/redeem; exit 0 admitted, 1 refused, 2 error. */
const scanner = `
const r = await fetch(process.env.URL + '/v1/redeem', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + process.env.CREDENTIAL }, body: JSON.stringify({ token: process.env.TOKEN, attraction: 'east-lake' }) });
const body = await r.json();
console.log(JSON.stringify(body));
process.exit(r.status !== 200 ? 2 : body.admitted ? 0 : 1);
`;

async function race(world: GateWorld): Promise<void> {
  const credential = await addGate(world, 'wh-east-lake-race', ['east-lake']);
  const service = await startService(world);
  running.push(service);
  const pass = world.passes[0]!;
  const runs = await Promise.all(
    Array.from({ length: processes }, (_, i) =>
      i % 2 === 0
        ? run([BIN, '--home', world.home, ...world.ledgerArgs, 'pass', 'redeem', pass.token, '--at', 'east-lake', '--gate', `desk-${i}`])
        : run(['--input-type=module', '-e', scanner], { URL: service.url, CREDENTIAL: credential, TOKEN: pass.token }),
    ),
  );
  const codes = runs.map((r) => r.code);
  expect(codes.filter((c) => c === 0)).toHaveLength(1);
  expect(codes.filter((c) => c === 1)).toHaveLength(processes - 1);
  for (const r of runs.filter((x) => x.code === 1)) expect(r.stdout).toContain('already-used');
  expect(await entriesOf(world, pass.id)).toHaveLength(1);
  await service.stop();
}

// On both backends; on CI a missing PostgreSQL fails (test/contract/ledger-backends.ts).
describeEachBackend('32 processes redeem one pass at once, through the CLI and the service', (backend) => {
  it('admits exactly one', async () => {
    await race(await aGateWorld(1, await backend.fresh()));
  }, 120_000);
});
