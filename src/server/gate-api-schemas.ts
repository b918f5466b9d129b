/**
 * The gate service's request and response bodies, defined once: the handlers
 * parse requests with these, the OpenAPI description (gate-openapi.ts) is
 * generated from them, and the tests check real responses against them.
 */
import * as z from 'zod';
import { ERROR_STATUS } from './http-error.js';

/** A pass token is a few hundred characters; 4 KiB leaves room without inviting abuse. */
const maxTokenChars = 4096;

const token = z.string().min(1).max(maxTokenChars).describe('The pass token as scanned from the QR code (YZ1:…).');
const attraction = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,99}$/)
  .describe('The attraction id this scan is at; must be one of the gate\'s attractions (else 403 wrong-scope).');

export const VerifyRequest = z
  .strictObject({ token, attraction })
  .describe('Checks a token (signature, validity window, blackout, attraction, revocation in the ledger) without recording anything.');

export const RedeemRequest = z
  .strictObject({
    token,
    attraction,
    scanId: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,128}$/)
      .optional()
      .describe(
        'The scanner\'s id for this scan (a UUID is ideal). A retry with the same scanId returns the first answer instead of refusing the pass as already used. Scoped to the gate.',
      ),
  })
  .describe('Records an entry of the pass at the attraction, under the pass\'s entry rules, exactly once.');

const passSummary = z
  .object({
    passId: z.string(),
    holder: z.string().describe('Compare with the ID card.'),
    category: z.string(),
    product: z.string(),
    validFrom: z.string(),
    validUntil: z.string(),
  })
  .describe('The pass, once its signature is known good (never for forged tokens).');

export const VerifyResponse = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('yangtze.verification'),
  valid: z.boolean(),
  reason: z.string().describe('ok, or why not: malformed, unknown-key, bad-signature, key-retired, revoked, refunded, not-yet-valid, expired, blackout, wrong-attraction, unknown-pass'),
  message: z.string(),
  attraction: z.string(),
  date: z.string().describe('The service\'s calendar date (Asia/Shanghai) the check was made for.'),
  pass: passSummary.nullable(),
});

export const RedeemResponse = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('yangtze.redemption'),
  admitted: z.boolean().describe('true: let the visitor in. A refusal is an answer (200), not an error.'),
  reason: z.string().describe('ok, or why not: the verify reasons, already-used, used-up, no-days-left, outside-window, unknown-pass, revoked, refunded, …'),
  message: z.string(),
  passId: z.string().nullable(),
  holder: z.string().nullable(),
  product: z.string().nullable(),
  attraction: z.string(),
  date: z.string(),
  gate: z.string(),
  note: z.string().nullable().describe('"entry 2 of 6", "day 1 of 3", … when admitted.'),
  mode: z.literal('online'),
  scanId: z.string().nullable(),
  replayed: z.boolean().describe('true when this answers a retry of a scan already admitted: nothing new was recorded.'),
});

export const HealthResponse = z.object({
  status: z.enum(['ok', 'draining']),
  ledger: z.enum(['sqlite', 'postgresql']),
  version: z.string(),
  uptimeS: z.number(),
});

export const ErrorResponse = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
    message: z.string(),
  }),
});

export type VerifyResponseBody = z.infer<typeof VerifyResponse>;
export type RedeemResponseBody = z.infer<typeof RedeemResponse>;
export type HealthResponseBody = z.infer<typeof HealthResponse>;

/** zod's issues as one sentence naming the fields: `token: Too small…; unknown field "x"`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      if (i.code === 'unrecognized_keys') return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
      const where = i.path.length > 0 ? i.path.join('.') : 'body';
      return `${where}: ${i.message}`;
    })
    .join('; ');
}
