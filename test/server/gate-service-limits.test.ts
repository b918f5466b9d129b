/**
 * Overload and shutdown, in-process so the test can hold redemptions inside
 * the ledger: a real ledger (SQLite) whose recordEntry waits at a gate the
 * test opens. Checks 429 per gate, 503 for the service, health while
 * overloaded, and that a shutdown with requests under way answers all of
 * them, records them all, and only then closes the ledger.
 */
import { describe, expect, it } from '@jest/globals';
import { readTrustFile, trustFilePath } from '../../src/io/keys.js';
import { openLedger } from '../../src/io/ledger/open-ledger.js';
import type { GateLedger } from '../../src/server/gate-ledger.js';
import { createGateService, DEFAULT_LIMITS, type GateService } from '../../src/server/gate-service.js';
import { gateLedgerOf } from '../../src/server/port-gate-ledger.js';
import { bufferedLog, type LogLine } from '../../src/server/request-log.js';
import { addGate, aGateWorld, entriesOf, post, type GateWorld } from './gate-helpers.js';

interface Held {
  readonly ledger: GateLedger;
  /** Redemptions waiting at the gate. */
  waiting(): number;
  release(): void;
  closed(): boolean;
}

/** The world's ledger, with recordEntry held until release(). */
async function heldLedger(world: GateWorld): Promise<Held> {
  const port = await openLedger(world.target);
  const inner = gateLedgerOf(port);
  const queue: (() => void)[] = [];
  let open = false;
  let closed = false;
  return {
    ledger: {
      ...inner,
      recordEntry: async (req) => {
        if (!open) await new Promise<void>((resolve) => queue.push(resolve));
        return inner.recordEntry(req);
      },
      close: async () => {
        closed = true;
        await inner.close();
      },
    },
    waiting: () => queue.length,
    release() {
      open = true;
      for (const go of queue.splice(0)) go();
    },
    closed: () => closed,
  };
}

async function serve(world: GateWorld, held: Held, limits: Partial<typeof DEFAULT_LIMITS>): Promise<{ service: GateService; url: string; lines: LogLine[] }> {
  const lines: LogLine[] = [];
  const service = createGateService(
    {
      ledger: held.ledger,
      ledgerKind: 'sqlite',
      trust: readTrustFile(trustFilePath(world.home)),
      nowMs: Date.now,
      monotonicMs: () => performance.now(),
      log: { write: (l) => void lines.push(l), flush: () => undefined },
      version: 'test',
    },
    { ...DEFAULT_LIMITS, ...limits },
  );
  const { url } = await service.listen(0, '127.0.0.1');
  return { service, url, lines };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

describe('gate service limits and shutdown', () => {
  it('answers 429 to a gate with too many requests under way and 503 when the service is full; health still answers', async () => {
    const world = await aGateWorld(6);
    const a = await addGate(world, 'gate-a', ['east-lake']);
    const b = await addGate(world, 'gate-b', ['east-lake']);
    const held = await heldLedger(world);
    const { service, url } = await serve(world, held, { maxInFlight: 4, maxInFlightPerGate: 2 });
    const redeem = (i: number, credential: string) => post(url, '/v1/redeem', { token: world.passes[i]!.token, attraction: 'east-lake' }, { credential });
    const underWay = [redeem(0, a), redeem(1, a)];
    await until(() => held.waiting() === 2);
    const third = await redeem(2, a);
    expect([third.status, third.body.error.code, third.headers.get('retry-after')]).toEqual([429, 'too-many-requests', '1']);
    underWay.push(redeem(3, b), redeem(4, b));
    await until(() => held.waiting() === 4);
    const full = await redeem(5, b);
    expect([full.status, full.body.error.code]).toEqual([503, 'overloaded']);
    expect((await fetch(`${url}/v1/health`)).status).toBe(200);
    held.release();
    expect((await Promise.all(underWay)).map((r) => r.body.admitted)).toEqual([true, true, true, true]);
    expect(await entriesOf(world, world.passes[2]!.id)).toEqual([]);
    expect(await entriesOf(world, world.passes[5]!.id)).toEqual([]);
    await service.shutdown('test');
  });

  it('on shutdown stops accepting, answers every request under way, records them, then closes the ledger', async () => {
    const world = await aGateWorld(8);
    const gate = await addGate(world, 'gate-a', ['east-lake']);
    const held = await heldLedger(world);
    const { service, url, lines } = await serve(world, held, { maxInFlightPerGate: 16 });
    const underWay = world.passes.slice(0, 6).map((p) => post(url, '/v1/redeem', { token: p.token, attraction: 'east-lake' }, { credential: gate }));
    await until(() => held.waiting() === 6);
    const stopping = service.shutdown('SIGTERM');
    // A new connection is refused; the ledger stays open while requests are under way.
    await expect(fetch(`${url}/v1/health`)).rejects.toThrow();
    expect(held.closed()).toBe(false);
    held.release();
    const answers = await Promise.all(underWay);
    await stopping;
    expect(answers.map((r) => [r.status, r.body.admitted])).toEqual(Array.from({ length: 6 }, () => [200, true]));
    expect(held.closed()).toBe(true);
    for (const p of world.passes.slice(0, 6)) expect(await entriesOf(world, p.id)).toHaveLength(1);
    expect(lines.map((l) => l.msg).slice(-2)).toEqual(['request', 'stopped']);
    expect(lines.find((l) => l.msg === 'shutdown')).toMatchObject({ reason: 'SIGTERM', inFlight: 6 });
  });
});

describe('a ledger that does not answer', () => {
  it('gets 503 ledger-unavailable with Retry-After; the retry with the same scanId, once it answers, admits once', async () => {
    const world = await aGateWorld(1);
    const gate = await addGate(world, 'gate-a', ['east-lake']);
    const port = await openLedger(world.target);
    const inner = gateLedgerOf(port);
    let down = true;
    const flaky: GateLedger = {
      ...inner,
      findGate: async (id) => {
        if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        return inner.findGate(id);
      },
    };
    const held: Held = { ledger: flaky, waiting: () => 0, release: () => undefined, closed: () => false };
    const { service, url, lines } = await serve(world, held, { gateCacheMs: 0 });
    const scan = { token: world.passes[0]!.token, attraction: 'east-lake', scanId: 'scan-1' };
    const refused = await post(url, '/v1/redeem', scan, { credential: gate });
    expect([refused.status, refused.body.error.code, refused.headers.get('retry-after')]).toEqual([503, 'ledger-unavailable', '1']);
    expect(lines.find((l) => l.error === 'ledger-unavailable')).toMatchObject({ level: 'error', cause: expect.stringContaining('ECONNREFUSED') });
    down = false;
    const retried = await post(url, '/v1/redeem', scan, { credential: gate });
    expect(retried.body).toMatchObject({ admitted: true, replayed: false });
    expect(await entriesOf(world, world.passes[0]!.id)).toHaveLength(1);
    await service.shutdown('test');
  });
});
