/**
 * The gate service as a gate sees it: `yangtze gate serve` run for real on an
 * ephemeral port, requests over HTTP, the ledger read back afterwards.
 * Every refused request is checked to have written nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import net from 'node:net';
import { RedeemResponse, VerifyResponse } from '../../src/server/gate-api-schemas.js';
import { addGate, aGateWorld, entriesOf, post, revokeGate, startService, type GateWorld, type RunningService } from './gate-helpers.js';

let world: GateWorld;
let service: RunningService;
let eastLake: string;
let museumOnly: string;

beforeAll(async () => {
  world = await aGateWorld(12);
  eastLake = await addGate(world, 'wh-east-lake-1', ['east-lake', 'guiyuan-temple']);
  museumOnly = await addGate(world, 'wh-yellow-crane-1', ['yellow-crane-tower']);
  service = await startService(world, ['--request-timeout-ms', '400']);
});

afterAll(async () => {
  await service?.stop();
});

const token = (i: number) => world.passes[i]!.token;
const passId = (i: number) => world.passes[i]!.id;

describe('redeem and verify', () => {
  it('admits a pass once at an attraction; the second scan is refused as already used (an answer, 200)', async () => {
    const first = await post(service.url, '/v1/redeem', { token: token(0), attraction: 'east-lake' }, { credential: eastLake });
    expect(first.status).toBe(200);
    expect(RedeemResponse.parse(first.body)).toMatchObject({ admitted: true, reason: 'ok', passId: passId(0), gate: 'wh-east-lake-1', replayed: false });
    const second = await post(service.url, '/v1/redeem', { token: token(0), attraction: 'east-lake' }, { credential: eastLake });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ admitted: false, reason: 'already-used' });
    expect(await entriesOf(world, passId(0))).toEqual([expect.objectContaining({ attraction: 'east-lake', gate: 'wh-east-lake-1' })]);
  });

  it('verifies without recording anything; redeem then records one entry', async () => {
    for (let i = 0; i < 3; i++) {
      const v = await post(service.url, '/v1/verify', { token: token(1), attraction: 'guiyuan-temple' }, { credential: eastLake });
      expect(v.status).toBe(200);
      expect(VerifyResponse.parse(v.body)).toMatchObject({ valid: true, reason: 'ok', pass: { passId: passId(1), holder: 'Holder 1' } });
    }
    expect(await entriesOf(world, passId(1))).toEqual([]);
    const r = await post(service.url, '/v1/redeem', { token: token(1), attraction: 'guiyuan-temple' }, { credential: eastLake });
    expect(r.body).toMatchObject({ admitted: true });
    expect(await entriesOf(world, passId(1))).toHaveLength(1);
  });

  it('answers a retry with the same scanId with the first admission (replayed), recording one entry', async () => {
    const scan = { token: token(2), attraction: 'east-lake', scanId: '5f0c2a1e-retry' };
    const first = await post(service.url, '/v1/redeem', scan, { credential: eastLake });
    const retry = await post(service.url, '/v1/redeem', scan, { credential: eastLake });
    expect(first.body).toMatchObject({ admitted: true, replayed: false, scanId: '5f0c2a1e-retry' });
    expect(retry.body).toMatchObject({ admitted: true, replayed: true, passId: passId(2) });
    const another = await post(service.url, '/v1/redeem', { ...scan, scanId: 'another-scan' }, { credential: eastLake });
    expect(another.body).toMatchObject({ admitted: false, reason: 'already-used' });
    const reused = await post(service.url, '/v1/redeem', { token: token(3), attraction: 'east-lake', scanId: '5f0c2a1e-retry' }, { credential: eastLake });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('scan-id-conflict');
    expect(await entriesOf(world, passId(2))).toHaveLength(1);
  });

  it('refuses a forged token without touching the ledger', async () => {
    const forged = token(4).slice(0, -4) + (token(4).endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const r = await post(service.url, '/v1/redeem', { token: forged, attraction: 'east-lake' }, { credential: eastLake });
    expect(r.body).toMatchObject({ admitted: false, passId: null });
    expect(await entriesOf(world, passId(4))).toEqual([]);
  });
});

describe('refused requests write nothing', () => {
  const body = () => ({ token: token(5), attraction: 'east-lake' });
  afterAll(async () => {
    expect(await entriesOf(world, passId(5))).toEqual([]);
  });

  it.each([
    ['no credential', undefined],
    ['a wrong secret', `wh-east-lake-1.${'A'.repeat(43)}`],
    ['an unknown gate', `wh-nowhere.${'A'.repeat(43)}`],
    ['not a gate credential', 'hunter2'],
  ])('401 for %s, with WWW-Authenticate', async (_what, credential) => {
    const r = await post(service.url, '/v1/redeem', body(), credential === undefined ? {} : { credential });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthenticated');
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="yangtze-gate"');
  });

  it('401 for a revoked gate', async () => {
    const credential = await addGate(world, 'wh-retired', ['east-lake']);
    await revokeGate(world, 'wh-retired');
    const r = await post(service.url, '/v1/redeem', body(), { credential });
    expect(r.status).toBe(401);
  });

  it('a gate revoked while in use is refused within the gate cache time (1 s)', async () => {
    const credential = await addGate(world, 'wh-lost-scanner', ['east-lake']);
    expect((await post(service.url, '/v1/verify', body(), { credential })).status).toBe(200);
    await revokeGate(world, 'wh-lost-scanner');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await post(service.url, '/v1/redeem', body(), { credential })).status).toBe(401);
  });

  it('403 at an attraction outside the gate\'s scope', async () => {
    const r = await post(service.url, '/v1/redeem', body(), { credential: museumOnly });
    expect(r.status).toBe(403);
    expect(r.body.error).toEqual({ code: 'wrong-scope', message: expect.stringContaining('yellow-crane-tower') });
  });

  it('400 for malformed JSON, and for fields that are missing, unknown or of the wrong shape', async () => {
    const malformed = await post(service.url, '/v1/redeem', '{"token": ', { credential: eastLake });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'malformed-json']);
    const missing = await post(service.url, '/v1/redeem', { token: token(5) }, { credential: eastLake });
    expect([missing.status, missing.body.error.code]).toEqual([400, 'invalid-request']);
    expect(missing.body.error.message).toContain('attraction');
    const unknown = await post(service.url, '/v1/redeem', { ...body(), gate: 'other' }, { credential: eastLake });
    expect(unknown.body.error.message).toContain('unknown field "gate"');
    const array = await post(service.url, '/v1/redeem', [body()], { credential: eastLake });
    expect(array.status).toBe(400);
  });

  it('413 for a body over 16 KiB, announced or streamed', async () => {
    const big = await post(service.url, '/v1/redeem', { ...body(), token: 'Y'.repeat(20_000) }, { credential: eastLake });
    expect([big.status, big.body.error.code]).toEqual([413, 'payload-too-large']);
    const chunked = await rawRequest(
      `POST /v1/redeem HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${eastLake}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n` +
        `4e20\r\n${'Y'.repeat(20_000)}\r\n0\r\n\r\n`,
    );
    expect(chunked).toMatch(/^HTTP\/1.1 413 /);
  });

  it('415 for a body that is not declared as JSON', async () => {
    const r = await post(service.url, '/v1/redeem', JSON.stringify(body()), { credential: eastLake, contentType: 'text/plain' });
    expect([r.status, r.body.error.code]).toEqual([415, 'unsupported-media-type']);
    const latin1 = await post(service.url, '/v1/redeem', JSON.stringify(body()), { credential: eastLake, contentType: 'application/json; charset=latin1' });
    expect(latin1.status).toBe(415);
  });

  it('408 for headers that trickle in (slow loris) and for a body that never arrives', async () => {
    const slowHeaders = await rawRequest('POST /v1/redeem HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    expect(slowHeaders).toMatch(/^HTTP\/1.1 408 /);
    expect(slowHeaders).toContain('"code":"request-timeout"');
    const slowBody = await rawRequest(
      `POST /v1/redeem HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${eastLake}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"token": "`,
    );
    expect(slowBody).toMatch(/^HTTP\/1.1 408 /);
  });

  it('404 for an unknown path and 405 (with Allow) for a wrong method', async () => {
    const missing = await fetch(`${service.url}/v1/admit`, { method: 'POST' });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not-found');
    const wrong = await fetch(`${service.url}/v1/redeem`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });
});

describe('logs', () => {
  it('writes one JSON line per request, never the token or the secret', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = service.logLines();
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThan(10);
    for (const l of requests) expect(l).toEqual(expect.objectContaining({ time: expect.any(String), level: expect.any(String), method: expect.any(String), path: expect.any(String), status: expect.any(Number), ms: expect.any(Number) }));
    expect(requests.find((l) => l.outcome === 'admitted')).toMatchObject({ gate: 'wh-east-lake-1', attraction: 'east-lake', reason: 'ok' });
    const text = lines.map((l) => JSON.stringify(l)).join('\n');
    for (const secret of [eastLake.split('.')[1]!, museumOnly.split('.')[1]!, ...world.passes.map((p) => p.token.slice(4, 40))]) expect(text).not.toContain(secret);
    expect(text).not.toContain('Holder ');
  });
});

/** Writes raw bytes, then waits (without sending more) for the service to answer and close. */
function rawRequest(bytes: string): Promise<string> {
  const { port, hostname } = new URL(service.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let got = '';
    socket.on('data', (d: Buffer) => (got += d.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(got));
    socket.write(bytes);
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
}

describe('graceful shutdown (SIGTERM) with requests in flight', () => {
  it('answers every request it accepted, records exactly the admissions it announced, and exits 0', async () => {
    const own = await aGateWorld(40);
    const credential = await addGate(own, 'wh-east-lake-9', ['east-lake']);
    const running = await startService(own);
    const answers = own.passes.map((p) =>
      post(running.url, '/v1/redeem', { token: p.token, attraction: 'east-lake' }, { credential }).then(
        (a) => a,
        () => undefined, // refused at the door: connection closed or refused
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    const code = await running.stop('SIGTERM');
    const settled = await Promise.all(answers);
    expect(code).toBe(0);
    for (const [i, a] of settled.entries()) {
      const entries = await entriesOf(own, own.passes[i]!.id);
      if (a?.status === 200) expect([i, a.body.admitted, entries.length]).toEqual([i, true, 1]);
      else expect([i, a?.status ?? 'no answer', entries.length]).toEqual([i, a?.status ?? 'no answer', 0]);
    }
    const lines = running.logLines();
    expect(lines.find((l) => l.msg === 'shutdown')).toMatchObject({ reason: 'SIGTERM' });
    expect(lines[lines.length - 1]).toMatchObject({ msg: 'stopped', graceOver: false, inFlight: 0 });
  });
});
