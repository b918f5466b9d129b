/**
 * Signing keys and the trust file on disk, under the home directory:
 *
 *   <home>/keys/            mode 0700
 *   <home>/keys/<keyId>.key PKCS#8 PEM Ed25519 private key, mode 0600, never printed
 *   <home>/keys/<keyId>.idkey the issuer's secret ID key of that signing key (32 random
 *                           bytes, base64url), mode 0600: the key of the keyed ID-number
 *                           hash (domain/passes/id-hash.ts); a gate that should check ID
 *                           numbers gets a copy of it, no other gate does
 *   <home>/trust.json       the public keys (TrustFile), what `keys export` prints
 *
 * The active key is the newest key in trust.json without `retiredAt`.
 *
 * API: initKeys(home, nowMs, { force, homeSource }), rotateKeys(home, nowMs, { homeSource }), loadSigner(home),
 *   readTrustFile(path), trustFilePath(home), keysDir(home), idKeyPath(home, keyId), readIdKeys(home).
 */
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign as edSign, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataError, NotFoundError, UsageError } from '../cli/errors.js';
import { decodeBase64Url, encodeBase64Url } from '../domain/passes/base64url.js';
import { shanghaiTimestamp } from '../domain/passes/shanghai-time.js';
import type { Signer } from '../domain/passes/token.js';
import { activeKey, parseTrustFile, type TrustedKey, type TrustFile } from '../domain/passes/trust-file.js';
import { readTextFile } from './pass-files.js';

export function trustFilePath(home: string): string {
  return path.join(home, 'trust.json');
}

export function keysDir(home: string): string {
  return path.join(home, 'keys');
}

export function idKeyPath(home: string, keyId: string): string {
  return path.join(keysDir(home), `${keyId}.idkey`);
}

const idKeyBytes = 32;

export interface KeysResult {
  readonly keyId: string;
  readonly trustPath: string;
  readonly keyPath: string;
  /** Key ids retired by this call (rotate). */
  readonly retired: readonly string[];
}

export interface WriteKeysOptions {
  /** Where the home came from, for messages (`--home DIR`, `YANGTZE_HOME=DIR`; context.ts homeSource); default: the path. */
  readonly homeSource?: string;
}

/** Creates the first signing key; refuses when keys exist unless `force` (then the trust file starts afresh). */
export function initKeys(home: string, nowMs: number, opts: WriteKeysOptions & { force?: boolean } = {}): KeysResult {
  const trustPath = trustFilePath(home);
  if (existsSync(trustPath) && !opts.force) {
    throw new UsageError(
      `signing keys already exist (${trustPath})`,
      'use `yangtze keys rotate` to add a new key, or `keys init --force` to start over (passes signed so far will then fail to verify)',
    );
  }
  return writingUnder(home, opts, () => {
    const fresh = newKey(home, nowMs);
    writeTrustFile(trustPath, { schemaVersion: 1, kind: 'yangtze.trust', keys: [fresh.key] });
    return { keyId: fresh.key.keyId, trustPath, keyPath: fresh.keyPath, retired: [] };
  });
}

/** Adds a new active key; the old ones stay in the trust file (retired) so their passes keep verifying. */
export function rotateKeys(home: string, nowMs: number, opts: WriteKeysOptions = {}): KeysResult {
  const trustPath = trustFilePath(home);
  if (!existsSync(trustPath)) throw new NotFoundError(`no signing key: run \`yangtze keys init\` (looked in ${home})`);
  const trust = readTrustFile(trustPath);
  return writingUnder(home, opts, () => {
    const fresh = newKey(home, nowMs);
    const stamp = shanghaiTimestamp(nowMs);
    const retired = trust.keys.filter((k) => k.retiredAt === undefined).map((k) => k.keyId);
    const keys: TrustedKey[] = trust.keys.map((k) => (k.retiredAt === undefined ? { ...k, retiredAt: stamp } : k));
    writeTrustFile(trustPath, { ...trust, keys: [...keys, fresh.key] });
    return { keyId: fresh.key.keyId, trustPath, keyPath: fresh.keyPath, retired };
  });
}

function writingUnder<T>(home: string, opts: WriteKeysOptions, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw unwritableHomeError(error, home, opts.homeSource);
  }
}

const UNWRITABLE: Readonly<Record<string, string>> = { EACCES: 'permission denied', EPERM: 'operation not permitted', EROFS: 'read-only file system' };

/**
 * A home the system will not let the keys be written to (it cannot be
 * created, or is read-only) as a usage error naming where the home came
 * from; any other error is given back as it was.
 */
export function unwritableHomeError(error: unknown, home: string, source = home): unknown {
  const { code, path: where } = error as NodeJS.ErrnoException;
  const reason = code === undefined ? undefined : UNWRITABLE[code];
  if (reason === undefined) return error;
  const detail = where && where !== home ? `${reason}: ${where}` : reason;
  return new UsageError(`${source}: cannot write the signing keys there (${detail})`, 'Give a directory you can write to (--home DIR or YANGTZE_HOME).');
}

/** The active private key as a signer, with its ID key (made here for homes set up before ID keys existed). */
export function loadSigner(home: string): Signer {
  const trustPath = trustFilePath(home);
  if (!existsSync(trustPath)) throw new NotFoundError(`no signing key: run \`yangtze keys init\` (looked in ${home})`);
  const key = activeKey(readTrustFile(trustPath));
  if (!key) throw new NotFoundError(`no active signing key in ${trustPath}: run \`yangtze keys rotate\``);
  const keyPath = path.join(keysDir(home), `${key.keyId}.key`);
  if (!existsSync(keyPath)) throw new NotFoundError(`no signing key: ${keyPath} is missing; run \`yangtze keys rotate\` on the machine that issues passes`);
  refuseOpenMode(keyPath, 'private key');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(keyPath, 'utf8'));
  } catch (error) {
    throw new DataError(`${keyPath}: not a PEM private key (${(error as Error).message}); restore it from a backup or run \`yangtze keys rotate\``);
  }
  const idPath = idKeyPath(home, key.keyId);
  if (!existsSync(idPath)) writeIdKey(idPath);
  return {
    keyId: key.keyId,
    sign: (data) => new Uint8Array(edSign(null, data, privateKey)),
    signAsync: (data) => new Promise((resolve, reject) => edSign(null, data, privateKey, (error, sig) => (error ? reject(error) : resolve(new Uint8Array(sig))))),
    idKey: readIdKey(idPath),
  };
}

/**
 * Every ID key under `<home>/keys/`, by signing key id: what `pass verify
 * --id-number` checks keyed ID hashes with. Empty on a gate that was not given any.
 */
export function readIdKeys(home: string): Map<string, Uint8Array> {
  const keys = new Map<string, Uint8Array>();
  const dir = keysDir(home);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return keys;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.idkey'))) {
    keys.set(name.slice(0, -'.idkey'.length), readIdKey(path.join(dir, name)));
  }
  return keys;
}

function readIdKey(file: string): Uint8Array {
  refuseOpenMode(file, 'ID key');
  const bytes = decodeBase64Url(readFileSync(file, 'utf8').trim());
  if (!bytes || bytes.length !== idKeyBytes) throw new DataError(`${file}: not an ID key (expected ${idKeyBytes} bytes of base64url on one line)`);
  return bytes;
}

function writeIdKey(file: string): void {
  writeFileSync(file, encodeBase64Url(randomBytes(idKeyBytes)) + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
}

/** Secrets readable by other users are refused, as ssh does. */
function refuseOpenMode(file: string, what: string): void {
  const mode = statSync(file).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new DataError(`${what} ${file} is readable by others (mode ${mode.toString(8)}): run \`chmod 600 ${file}\``);
  }
}

/** Reads and checks a trust file: exit 4 when missing, 3 naming the file and field when wrong. */
export function readTrustFile(file: string): TrustFile {
  if (!existsSync(file)) throw new NotFoundError(`trust file not found: ${file}`, 'run `yangtze keys export > trust.json` on the issuing machine');
  const text = readTextFile(file, { what: 'trust file', flag: '--trust', kind: 'a trust file (JSON, from `yangtze keys export`)' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${file}: not JSON (${(error as Error).message}); expected a trust file from \`yangtze keys export\``);
  }
  const parsed = parseTrustFile(json);
  if (!parsed.ok) throw new DataError(`${file}: ${parsed.field}: ${parsed.message}`);
  return parsed.trust;
}

function newKey(home: string, nowMs: number): { key: TrustedKey; keyPath: string } {
  const dir = keysDir(home);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'jwk' }).x!;
  const fingerprint = createHash('sha256').update(Buffer.from(raw, 'base64url')).digest('hex').slice(0, 6);
  const createdAt = shanghaiTimestamp(nowMs);
  const keyId = `k${createdAt.slice(0, 10).replaceAll('-', '')}-${fingerprint}`;
  const keyPath = path.join(dir, `${keyId}.key`);
  writeFileSync(keyPath, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  chmodSync(keyPath, 0o600);
  writeIdKey(idKeyPath(home, keyId));
  return { key: { keyId, algorithm: 'Ed25519', publicKey: raw, createdAt }, keyPath };
}

function writeTrustFile(file: string, trust: TrustFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(trust, null, 2) + '\n', { mode: 0o644 });
  renameSync(temp, file);
}
