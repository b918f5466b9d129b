/**
 * Reads a request body as JSON, within bounds: the media type must be JSON
 * (415), the body at most `limitBytes` (413, by Content-Length before a byte
 * is read, else while streaming), and complete within `timeoutMs` of the
 * headers (408: a client trickling its body holds nothing for long).
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

export interface BodyLimits {
  readonly limitBytes: number;
  readonly timeoutMs: number;
}

export function checkJsonMediaType(req: IncomingMessage): void {
  const type = req.headers['content-type'];
  if (type === undefined) throw new HttpError('unsupported-media-type', 'send the body as JSON with Content-Type: application/json');
  const [essence, ...params] = type.split(';').map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (essence !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
    throw new HttpError('unsupported-media-type', `Content-Type ${JSON.stringify(type)} is not accepted; send application/json (UTF-8)`);
  }
}

export function readJsonBody(req: IncomingMessage, limits: BodyLimits): Promise<unknown> {
  checkJsonMediaType(req);
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limits.limitBytes) {
    return Promise.reject(tooLarge(limits.limitBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const finish = (error: HttpError | undefined, value?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
      // Nothing more is read from a refused body: the response closes the connection instead.
      if (error) {
        req.pause();
        reject(error);
      } else resolve(value);
    };
    const timer = setTimeout(
      () => finish(new HttpError('request-timeout', `the request body did not arrive within ${limits.timeoutMs} ms`)),
      limits.timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.limitBytes) finish(tooLarge(limits.limitBytes));
      else chunks.push(chunk);
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks, received).toString('utf8');
      try {
        finish(undefined, JSON.parse(text));
      } catch (error) {
        finish(new HttpError('malformed-json', `the body is not JSON: ${(error as Error).message}`));
      }
    };
    const onError = () => finish(new HttpError('invalid-request', 'the request body could not be read'));
    const onAborted = onError;
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
  });
}

function tooLarge(limitBytes: number): HttpError {
  return new HttpError('payload-too-large', `the body is larger than ${limitBytes} bytes`);
}
