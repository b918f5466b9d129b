/**
 * Revocation lists on disk: `<home>/revocations/*.json` (written by the
 * ledger), or a file a gate was given with `--revoked`.
 *
 * API: revocationsDir(home), latestRevocationPath(home), readRevocationList(path, trust).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../cli/errors.js';
import { verifyRevocationList, type RevocationList } from '../domain/passes/revocation-list.js';
import type { TrustFile } from '../domain/passes/trust-file.js';
import { readTextFile } from './pass-files.js';

export function revocationsDir(home: string): string {
  return path.join(home, 'revocations');
}

/** The list with the newest `issuedAt` under the home directory, if any. */
export function latestRevocationPath(home: string): string | undefined {
  const dir = revocationsDir(home);
  if (!existsSync(dir)) return undefined;
  let best: { file: string; issuedAt: string } | undefined;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    let issuedAt = '';
    try {
      const value = JSON.parse(readFileSync(file, 'utf8')) as { issuedAt?: unknown };
      if (typeof value.issuedAt === 'string') issuedAt = value.issuedAt;
    } catch {
      // An unreadable file still counts, so that reading it reports the problem.
    }
    if (!best || issuedAt >= best.issuedAt) best = { file, issuedAt };
  }
  return best?.file;
}

/** Reads and verifies a list: exit 4 when missing, 3 when malformed or its signature fails. */
export function readRevocationList(file: string, trust: TrustFile): RevocationList {
  const text = readTextFile(file, { what: 'revocation list', flag: '--revoked', kind: 'a revocation list (JSON)' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${file}: not JSON (${(error as Error).message}); expected a revocation list from \`yangtze pass revocations export\``);
  }
  const verified = verifyRevocationList(json, trust);
  if (!verified.ok) throw new DataError(`${file}: revocation list rejected (${verified.reason}): ${verified.message}`);
  return verified.list;
}
