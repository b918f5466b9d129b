/**
 * A cache of validated, normalized catalogues, so commands after the first
 * skip yaml, zod and the rules (hundreds of ms) and read one JSON file instead.
 * An entry is found by the file's path, size and mtime plus this build of
 * yangtze, and trusted only if it records the same sha256 as the bytes just
 * read, so an edit that keeps size and mtime still misses. The cache is an
 * optimisation only: every failure here is swallowed and the caller loads the
 * file in full.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../domain/catalogue/model.js';
import type { Issue } from '../domain/issues.js';

/** Bump when the entry layout changes. */
const CACHE_FORMAT = 1;
/**
 * Entries kept per cache directory. Each edit of a catalogue and each new build
 * of yangtze makes a new key, so old entries are dropped, newest kept.
 */
export const MAX_CACHE_ENTRIES = 20;
const ENTRY_NAME = /^catalogue-[0-9a-f]{64}\.json$/;

export interface CachedCatalogue {
  readonly catalogue: Catalogue;
  /** Without `file`: the caller names the file as it is shown this time. */
  readonly warnings: readonly Issue[];
}

interface CacheEntry extends CachedCatalogue {
  readonly format: number;
  readonly sha256: string;
}

/**
 * The one place the cache directory comes from the environment:
 * `$XDG_CACHE_HOME/yangtze`, else `~/.cache/yangtze`; null (no cache) when
 * `YANGTZE_NO_CACHE` is set (to anything but 0) or there is no home.
 */
export function catalogueCacheDir(env: Readonly<Record<string, string | undefined>>): string | null {
  if (env.YANGTZE_NO_CACHE && env.YANGTZE_NO_CACHE !== '0') return null;
  // The XDG spec says to ignore a relative XDG_CACHE_HOME.
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'yangtze');
  let home: string;
  try {
    home = env.HOME || homedir();
  } catch {
    return null; // No home directory at all: no cache, rather than one in the working directory.
  }
  return path.isAbsolute(home) ? path.join(home, '.cache', 'yangtze') : null;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The entry's file name: `catalogue-<sha256 of path, size, mtime and this build>.json`. */
export async function catalogueCacheFile(dir: string, absPath: string, size: number, mtimeMs: number): Promise<string> {
  return path.join(dir, `catalogue-${sha256([absPath, size, mtimeMs, await buildStamp()].join('\0'))}.json`);
}

/** The cached catalogue for these bytes, or undefined (absent, unreadable, corrupt, stale). */
export async function readCachedCatalogue(cacheFile: string, contentSha256: string): Promise<CachedCatalogue | undefined> {
  try {
    const entry = JSON.parse(await readFile(cacheFile, 'utf8')) as Partial<CacheEntry> | null;
    if (entry?.format !== CACHE_FORMAT || entry.sha256 !== contentSha256) return undefined;
    if (typeof entry.catalogue !== 'object' || entry.catalogue === null || !Array.isArray(entry.warnings)) return undefined;
    return { catalogue: entry.catalogue, warnings: entry.warnings };
  } catch {
    return undefined;
  }
}

/** Writes the entry atomically (temp file + rename), so a reader never sees half of it. Never throws. */
export async function writeCachedCatalogue(cacheFile: string, contentSha256: string, value: CachedCatalogue): Promise<void> {
  const entry: CacheEntry = {
    format: CACHE_FORMAT,
    sha256: contentSha256,
    catalogue: value.catalogue,
    warnings: value.warnings.map(({ file: _file, ...rest }) => rest),
  };
  const temp = `${cacheFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
    await writeFile(temp, JSON.stringify(entry), { mode: 0o600 });
    await rename(temp, cacheFile);
  } catch {
    await unlink(temp).catch(() => undefined);
    return;
  }
  await pruneCache(path.dirname(cacheFile)).catch(() => undefined);
}

/** Removes all but the MAX_CACHE_ENTRIES most recently written entries. */
async function pruneCache(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((n) => ENTRY_NAME.test(n));
  if (names.length <= MAX_CACHE_ENTRIES) return;
  const dated = await Promise.all(names.map(async (n) => ({ file: path.join(dir, n), mtimeMs: (await stat(path.join(dir, n)).catch(() => undefined))?.mtimeMs ?? 0 })));
  dated.sort((a, b) => b.mtimeMs - a.mtimeMs);
  await Promise.all(dated.slice(MAX_CACHE_ENTRIES).map((d) => unlink(d.file).catch(() => undefined)));
}

let stamp: Promise<string> | undefined;

/**
 * Identifies this build of yangtze: its version (an upgrade from npm keeps the
 * tarball's fixed mtimes) and this module's size and mtime (every rebuild
 * rewrites it), so a cache written by other code is never read.
 */
function buildStamp(): Promise<string> {
  stamp ??= (async () => {
    const self = fileURLToPath(import.meta.url);
    const info = await stat(self).catch(() => undefined);
    return [CACHE_FORMAT, await packageVersion(path.dirname(self)), info?.size, info?.mtimeMs].join(':');
  })();
  return stamp;
}

/** The version in the nearest package.json above `dir` (src/io or dist/src/io). */
async function packageVersion(dir: string): Promise<string> {
  for (let d = dir, i = 0; i < 4; d = path.dirname(d), i++) {
    try {
      const pkg = JSON.parse(await readFile(path.join(d, 'package.json'), 'utf8')) as { version?: unknown };
      return String(pkg.version);
    } catch {
      // Not here (or unreadable); look one level up.
    }
  }
  return 'unknown';
}
