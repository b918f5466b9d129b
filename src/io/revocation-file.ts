/**
 * Revocation lists on disk: `<home>/revocations/*.json` (written by the
 * ledger), or a file a gate was given with `--revoked`.
 *
 * API: revocationsDir(home), latestRevocationPath(home), prepareRevocationsDir(home),
 * readRevocationList(path, trust).
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DataError, ExitCode, UserError } from '../cli/errors.js';
import { verifyRevocationList, type RevocationList } from '../domain/passes/revocation-list.js';
import type { TrustFile } from '../domain/passes/trust-file.js';
import { fileError, readTextFile } from './pass-files.js';

export function revocationsDir(home: string): string {
  return path.join(home, 'revocations');
}

/**
 * The list with the newest `issuedAt` under the home directory, if any.
 *
 * A file there that cannot be read (empty, truncated, not JSON, no `issuedAt`)
 * stops the gate (exit 3, naming it): its date is unknown, so it may be the
 * newest list, and deciding with an older one would admit passes revoked since.
 * A `revocations` that is not a folder is refused the same way.
 */
export function latestRevocationPath(home: string): string | undefined {
  const dir = revocationsDir(home);
  if (!existsSync(dir)) return undefined;
  if (!statSync(dir).isDirectory()) {
    throw new DataError(`${dir} is not a folder: revocation lists are kept in ${dir}/*.json; move the file aside`);
  }
  let best: { file: string; issuedAt: string } | undefined;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const issuedAt = issuedAtOf(file);
    if (issuedAt === undefined) {
      throw new UserError(
        `${file}: damaged revocation list (empty, truncated or not a list); the gate cannot tell whether it is the newest, so nothing was checked`,
        ExitCode.data,
        'Copy a fresh list from the issuing machine (`yangtze pass revocations export`) and move the damaged file aside.',
      );
    }
    if (!best || issuedAt >= best.issuedAt) best = { file, issuedAt };
  }
  return best?.file;
}

function issuedAtOf(file: string): string | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as { issuedAt?: unknown } | null;
    return typeof value?.issuedAt === 'string' && value.issuedAt !== '' ? value.issuedAt : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes sure `<home>/revocations/` is a folder lists can be saved in, before
 * anything is committed that needs a list saved: exit 3 naming the path when
 * it is a file, 2 when it cannot be written.
 */
export function prepareRevocationsDir(home: string): string {
  const dir = revocationsDir(home);
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'EEXIST' });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new DataError(`${dir} is not a folder: revocation lists are kept in ${dir}/*.json; move the file aside (nothing was changed)`);
    }
    const failure = fileError(error, dir, { what: 'revocation lists folder', kind: 'a folder' }, 'write');
    throw failure instanceof UserError ? new UserError(`${failure.message} (nothing was changed)`, failure.exitCode) : failure;
  }
  return dir;
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
