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
import { createPrivateKey, generateKeyPairSync, randomBytes, sign as edSign, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataError, NotFoundError, UsageError } from '../cli/errors.js';
import { decodeBase64Url, encodeBase64Url } from '../domain/passes/base64url.js';
import { shanghaiTimestamp } from '../domain/passes/shanghai-time.js';
import type { Signer } from '../domain/passes/token.js';
import { activeKey, keyIdFor, parseTrustFile, type TrustedKey, type TrustFile } from '../domain/passes/trust-file.js';
import { didYouMean, suggestionText } from '../domain/did-you-mean.js';
import { coverageRef, usesCoverageRef } from '../domain/passes/coverage.js';
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
  // --force drops the old keys from the trust file: their private halves go too.
  const dropped = existsSync(trustPath) ? privateKeyIds(home) : [];
  return writingUnder(home, opts, () => {
    const fresh = newKey(home, nowMs);
    writeTrustFile(trustPath, { schemaVersion: 1, kind: 'yangtze.trust', keys: [fresh.key] });
    destroyPrivateKeys(home, dropped);
    return { keyId: fresh.key.keyId, trustPath, keyPath: fresh.keyPath, retired: [] };
  });
}

/**
 * Adds a new active key and retires the old ones: each keeps its public key
 * and, as `passIds`, the passes the ledger recorded for it — the only tokens
 * of it that stay valid — and its private key is deleted (destroyed), so it
 * cannot sign again even from a backup of this home. Its ID key stays: gates
 * still check the ID hashes of its passes with it.
 */
export function rotateKeys(home: string, nowMs: number, opts: WriteKeysOptions & { signed: PassIdsByKey }): KeysResult {
  const trustPath = trustFilePath(home);
  if (!existsSync(trustPath)) throw new NotFoundError(`no signing key: run \`yangtze keys init\` (looked in ${home})`);
  const trust = readTrustFile(trustPath);
  const retiring = trust.keys.filter((k) => k.retiredAt === undefined && k.compromisedAt === undefined).map((k) => k.keyId);
  const { signed } = opts;
  return writingUnder(home, opts, () => {
    const fresh = newKey(home, nowMs);
    const stamp = shanghaiTimestamp(nowMs);
    const keys: TrustedKey[] = trust.keys.map((k) =>
      retiring.includes(k.keyId) || needsList(trust, k.keyId) ? { ...k, retiredAt: k.retiredAt ?? stamp, passIds: (signed.get(k.keyId) ?? []).map((p) => p.id) } : k,
    );
    writeTrustFile(trustPath, { ...trust, keys: [...keys, fresh.key] });
    destroyPrivateKeys(home, retiring);
    return { keyId: fresh.key.keyId, trustPath, keyPath: fresh.keyPath, retired: retiring };
  });
}

export interface CompromiseResult extends KeysResult {
  readonly compromised: string;
  /** Passes of the key that stay valid: the ledger's, issued before `since` when given. */
  readonly grandfathered: number;
}

/**
 * Declares a key leaked: gates refuse every token it signs except the
 * passes the ledger recorded for it (before `since`, when given — for a leak
 * of the issuing machine itself), and every revocation list it signs. Its
 * private key is deleted; if it was the active key, a new one is made.
 */
export function compromiseKey(home: string, keyId: string, nowMs: number, opts: WriteKeysOptions & { since?: string; signed: PassIdsByKey }): CompromiseResult {
  const trustPath = trustFilePath(home);
  if (!existsSync(trustPath)) throw new NotFoundError(`no signing key: run \`yangtze keys init\` (looked in ${home})`);
  const trust = readTrustFile(trustPath);
  const key = trust.keys.find((k) => k.keyId === keyId);
  if (!key) {
    const near = didYouMean(keyId, trust.keys.map((k) => k.keyId));
    throw new NotFoundError(`no key ${keyId} in ${trustPath}`, near ? suggestionText(near) : `the keys are ${trust.keys.map((k) => k.keyId).join(', ')}`);
  }
  const since = opts.since;
  const stamp = shanghaiTimestamp(nowMs);
  const genuine = [...(opts.signed.get(keyId) ?? [])].filter((p) => since === undefined || Date.parse(p.issuedAt) < Date.parse(since)).map((p) => p.id);
  const wasActive = activeKey(trust)?.keyId === keyId;
  return writingUnder(home, opts, () => {
    const fresh = wasActive ? newKey(home, nowMs) : undefined;
    const keys: TrustedKey[] = trust.keys.map((k) =>
      k.keyId === keyId ? { ...k, retiredAt: k.retiredAt ?? stamp, compromisedAt: since ?? stamp, passIds: genuine } : k,
    );
    writeTrustFile(trustPath, { ...trust, keys: [...keys, ...(fresh ? [fresh.key] : [])] });
    destroyPrivateKeys(home, [keyId]);
    const active = fresh?.key.keyId ?? activeKey(trust)?.keyId ?? '';
    return { keyId: active, trustPath, keyPath: fresh?.keyPath ?? path.join(keysDir(home), `${active}.key`), retired: [keyId], compromised: keyId, grandfathered: genuine.length };
  });
}

/** Retired keys from before `passIds` get their list at the next rotation. */
function needsList(trust: TrustFile, keyId: string): boolean {
  const k = trust.keys.find((t) => t.keyId === keyId);
  return k !== undefined && k.retiredAt !== undefined && k.passIds === undefined;
}

/**
 * The passes of each signing key as the issuer's ledger records them (the
 * caller reads the ledger, SQLite or PostgreSQL): what stays valid of a key
 * that is retired or compromised. Sorted by pass id.
 */
export type PassIdsByKey = ReadonlyMap<string, readonly { readonly id: string; readonly issuedAt: string }[]>;

/**
 * The coverage references for products that cover many attractions
 * (coverage.ts), by product id, after adding to the trust file any list it
 * lacks. `added` names the new ones: gates need the new trust file before
 * they can admit those passes, so the caller says so.
 */
export function ensureCoverage(home: string, products: readonly { readonly id: string; readonly attractionIds: readonly string[] }[]): { refs: Map<string, string>; added: string[] } {
  const refs = new Map<string, string>();
  const lists: Record<string, readonly string[]> = {};
  for (const p of products) {
    if (!usesCoverageRef(p.attractionIds)) continue;
    const ref = coverageRef(p.id, p.attractionIds);
    refs.set(p.id, ref);
    lists[ref] = [...p.attractionIds].sort();
  }
  if (refs.size === 0) return { refs, added: [] };
  const trustPath = trustFilePath(home);
  const trust = readTrustFile(trustPath);
  const added = Object.keys(lists).filter((ref) => trust.coverage?.[ref] === undefined);
  if (added.length > 0) writeTrustFile(trustPath, { ...trust, coverage: { ...trust.coverage, ...Object.fromEntries(added.map((r) => [r, lists[r]!])) } });
  return { refs, added };
}

function privateKeyIds(home: string): string[] {
  const dir = keysDir(home);
  return existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir).filter((n) => n.endsWith('.key')).map((n) => n.slice(0, -'.key'.length)) : [];
}

/** A retired key's private half must not linger: whoever copies the home later could sign with it. */
function destroyPrivateKeys(home: string, keyIds: readonly string[]): void {
  for (const keyId of keyIds) rmSync(path.join(keysDir(home), `${keyId}.key`), { force: true });
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
  const createdAt = shanghaiTimestamp(nowMs);
  const keyId = keyIdFor(raw, createdAt);
  const keyPath = path.join(dir, `${keyId}.key`);
  writeFileSync(keyPath, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  chmodSync(keyPath, 0o600);
  writeIdKey(idKeyPath(home, keyId));
  return { key: { keyId, algorithm: 'Ed25519', publicKey: raw, createdAt }, keyPath };
}

function writeTrustFile(file: string, trust: TrustFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, trustFileText(trust), { mode: 0o644 });
  renameSync(temp, file);
}

/** Indented JSON, with each key's `passIds` on one line: a retired key may list 100,000 passes. */
export function trustFileText(trust: TrustFile): string {
  const lists: string[] = [];
  const text = JSON.stringify(trust, (k, v: unknown) => (k === 'passIds' ? `\u0000${lists.push(JSON.stringify(v)) - 1}` : v), 2);
  return text.replace(/"\\u0000(\d+)"/g, (_, i: string) => lists[Number(i)]!) + '\n';
}
