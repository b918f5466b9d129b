/**
 * The OpenAPI description is the contract gates are built against: the
 * committed docs/gate-openapi.json must be what the service serves, and the
 * live service must answer every documented operation and refuse every other
 * method with 405 and every other path with 404.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_STATUS } from '../../src/server/http-error.js';
import { gateOpenApi } from '../../src/server/gate-openapi.js';
import { REPO_ROOT, runCli } from '../cli/helpers/run-cli.js';
import { aGateWorld, startService, type RunningService } from './gate-helpers.js';

const committed = JSON.parse(readFileSync(path.join(REPO_ROOT, 'docs', 'gate-openapi.json'), 'utf8'));
let service: RunningService;

beforeAll(async () => {
  service = await startService(await aGateWorld(1));
});
afterAll(async () => {
  await service?.stop();
});

type Operation = { operationId: string; security: unknown[]; responses: Record<string, { description: string }> };
const operations = (doc: { paths: Record<string, Record<string, Operation>> }) =>
  Object.entries(doc.paths).flatMap(([route, methods]) => Object.entries(methods).map(([method, op]) => ({ route, method: method.toUpperCase(), op })));

describe('OpenAPI description', () => {
  it('is committed as docs/gate-openapi.json, served at /v1/openapi.json and printed by `gate openapi`, identically', async () => {
    expect(committed).toEqual(gateOpenApi());
    expect(await (await fetch(`${service.url}/v1/openapi.json`)).json()).toEqual(committed);
    const printed = await runCli(['gate', 'openapi']);
    expect(JSON.parse(printed.stdout)).toEqual(committed);
    expect(committed.openapi).toBe('3.1.0');
  });

  it('documents exactly the operations the service answers', async () => {
    const documented = operations(committed);
    expect(documented.map((o) => `${o.method} ${o.route}`).sort()).toEqual(['GET /v1/health', 'GET /v1/openapi.json', 'POST /v1/redeem', 'POST /v1/verify']);
    for (const { route, method, op } of documented) {
      const r = await fetch(service.url + route, { method, ...(method === 'POST' ? { body: '{}', headers: { 'content-type': 'application/json' } } : {}) });
      expect([route, r.status]).not.toEqual([route, 404]);
      expect([route, r.status]).not.toEqual([route, 405]);
      // Operations that need a credential say so, and answer 401 without one.
      if (op.security.length > 0) expect([route, r.status]).toEqual([route, 401]);
      else expect([route, r.status]).toEqual([route, 200]);
    }
    for (const route of Object.keys(committed.paths)) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
        if (documented.some((o) => o.route === route && o.method === method)) continue;
        expect([route, method, (await fetch(service.url + route, { method })).status]).toEqual([route, method, 405]);
      }
    }
    expect((await fetch(`${service.url}/v2/redeem`, { method: 'POST' })).status).toBe(404);
  });

  it('names every error code an operation answers with, under its status', () => {
    for (const { op } of operations(committed)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (status === '200') continue;
        const codes = response.description.replace('error.code: ', '').split(', ');
        for (const code of codes) expect([code, ERROR_STATUS[code as keyof typeof ERROR_STATUS]]).toEqual([code, Number(status)]);
      }
    }
    const redeem = operations(committed).find((o) => o.op.operationId === 'redeem')!.op;
    expect(Object.keys(redeem.responses)).toEqual(['200', '400', '401', '403', '404', '405', '408', '409', '413', '415', '429', '431', '500', '503']);
  });
});
