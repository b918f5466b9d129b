/**
 * Signing keys and the trust file on disk, under the home directory:
 *
 *   <home>/keys/            mode 0700
 *   <home>/keys/<keyId>.key PKCS#8 PEM Ed25519 private key, mode 0600, never printed
 *   <home>/trust.json       the public keys (TrustFile), what `keys export` prints
 *
 * The active key is the newest key in trust.json without `retiredAt`.
 *
 * API used by the ledger (H5b) — names are stable:
 *   initKeys(home, nowMs, { force }), rotateKeys(home, nowMs), loadSigner(home),
 *   readTrustFile(path), trustFilePath(home), keysDir(home).
 */
import { createHash, createPrivateKey, generateKeyPairSync, sign as edSign } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataError, NotFoundError, UsageError } from '../cli/errors.js';
import { shanghaiTimestamp } from '../domain/passes/shanghai-time.js';
import type { Signer } from '../domain/passes/token.js';
import { activeKey, parseTrustFile, type TrustedKey, type TrustFile } from '../domain/passes/trust-file.js';

export function trustFilePath(home: string): string {
  return path.join(home, 'trust.json');
}

export function keysDir(home: string): string {
  return path.join(home, 'keys');
}

export interface KeysResult {
  readonly keyId: string;
  readonly trustPath: string;
  readonly keyPath: string;
  /** Key ids retired by this call (rotate). */
  readonly retired: readonly string[];
}

/** Creates the first signing key; refuses when keys exist unless `force` (then the trust file starts afresh). */
export function initKeys(home: string, nowMs: number, opts: { force?: boolean } = {}): KeysResult {
  const trustPath = trustFilePath(home);
  if (existsSync(trustPath) && !opts.force) {
    throw new UsageError(
      `signing keys already exist (${trustPath})`,
      'use `yangtze keys rotate` to add a new key, or `keys init --force` to start over (passes signed so far will then fail to verify)',
    );
  }
  const fresh = newKey(home, nowMs);
  writeTrustFile(trustPath, { schemaVersion: 1, kind: 'yangtze.trust', keys: [fresh.key] });
  return { keyId: fresh.key.keyId, trustPath, keyPath: fresh.keyPath, retired: [] };
}

/** Adds a new active key; the old ones stay in the trust file (retired) so their passes keep verifying. */
export function rotateKeys(home: string, nowMs: number): KeysResult {
  const trustPath = trustFilePath(home);
  if (!existsSync(trustPath)) throw new NotFoundError(`no signing key: run \`yangtze keys init\` (looked in ${home})`);
  const trust = readTrustFile(trustPath);
  const fresh = newKey(home, nowMs);
  const stamp = shanghaiTimestamp(nowMs);
  const retired = trust.keys.filter((k) => k.retiredAt === undefined).map((k) => k.keyId);
  const keys: TrustedKey[] = trust.keys.map((k) => (k.retiredAt === undefined ? { ...k, retiredAt: stamp } : k));
  writeTrustFile(trustPath, { ...trust, keys: [...keys, fresh.key] });
  return { keyId: fresh.key.keyId, trustPath, keyPath: fresh.keyPath, retired };
}

/** The active private key as a signer. */
export function loadSigner(home: string): Signer {
  const trustPath = trustFilePath(home);
  if (!existsSync(trustPath)) throw new NotFoundError(`no signing key: run \`yangtze keys init\` (looked in ${home})`);
  const key = activeKey(readTrustFile(trustPath));
  if (!key) throw new NotFoundError(`no active signing key in ${trustPath}: run \`yangtze keys rotate\``);
  const keyPath = path.join(keysDir(home), `${key.keyId}.key`);
  if (!existsSync(keyPath)) throw new NotFoundError(`no signing key: ${keyPath} is missing; run \`yangtze keys rotate\` on the machine that issues passes`);
  const mode = statSync(keyPath).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new DataError(`private key ${keyPath} is readable by others (mode ${mode.toString(8)}): run \`chmod 600 ${keyPath}\``);
  }
  const privateKey = createPrivateKey(readFileSync(keyPath, 'utf8'));
  return { keyId: key.keyId, sign: (data) => new Uint8Array(edSign(null, data, privateKey)) };
}

/** Reads and checks a trust file: exit 4 when missing, 3 naming the file and field when wrong. */
export function readTrustFile(file: string): TrustFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new NotFoundError(`trust file not found: ${file}`, 'run `yangtze keys export > trust.json` on the issuing machine');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${file}: not JSON (${(error as Error).message})`);
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
  return { key: { keyId, algorithm: 'Ed25519', publicKey: raw, createdAt }, keyPath };
}

function writeTrustFile(file: string, trust: TrustFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(trust, null, 2) + '\n', { mode: 0o644 });
  renameSync(temp, file);
}
