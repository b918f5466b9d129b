/**
 * The OpenAPI 3.1 description of the gate service, generated from the route
 * table and the zod schemas (JSON Schema 2020-12 is OpenAPI 3.1's own schema
 * dialect, so the schemas go in unchanged). Served at /v1/openapi.json,
 * printed by `yangtze gate openapi`, committed as docs/gate-openapi.json.
 */
import * as z from 'zod';
import { ErrorResponse } from './gate-api-schemas.js';
import { COMMON_ERRORS, GATE_ROUTES, type GateRoute } from './gate-routes.js';
import { ERROR_STATUS, type ErrorCode } from './http-error.js';

/** The API's version (the `/v1` in the paths), not the package's. */
export const GATE_API_VERSION = '1.0.0';

type Json = Record<string, unknown>;

export function gateOpenApi(): Json {
  const schemas: Json = { Error: schemaOf(ErrorResponse) };
  const paths: Record<string, Json> = {};
  for (const route of GATE_ROUTES) {
    const name = route.operationId[0]!.toUpperCase() + route.operationId.slice(1);
    if (route.request) schemas[`${name}Request`] = schemaOf(route.request);
    if (route.response) schemas[`${name}Response`] = schemaOf(route.response);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, name);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'yangtze gate service',
      version: GATE_API_VERSION,
      description:
        'Online gates verify and redeem one-ticket passes against the shared ledger. Each gate authenticates with its own credential ' +
        '(`yangtze gate add`), scoped to its attractions. A refused pass is an answer (200, admitted: false); errors are ' +
        '`{"error": {"code", "message"}}` with the status given per code. See docs/GATE-SERVICE.md.',
    },
    servers: [{ url: 'http://127.0.0.1:8080', description: 'yangtze gate serve (default port)' }],
    paths,
    components: {
      securitySchemes: {
        gateCredential: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: '<gate-id>.<secret>',
          description: 'The credential printed once by `yangtze gate add`; the ledger keeps only a SHA-256 of the secret.',
        },
      },
      schemas,
    },
  };
}

function operation(route: GateRoute, name: string): Json {
  const responses: Json = {
    '200': {
      description: 'OK',
      content: { 'application/json': { schema: route.response ? { $ref: `#/components/schemas/${name}Response` } : { type: 'object' } } },
    },
  };
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of [...route.errors, ...COMMON_ERRORS]) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    responses[String(status)] = {
      description: `error.code: ${codes.join(', ')}`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    security: route.auth ? [{ gateCredential: [] }] : [],
    ...(route.request
      ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}Request` } } } } }
      : {}),
    responses,
  };
}

function schemaOf(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Json;
  return rest;
}
