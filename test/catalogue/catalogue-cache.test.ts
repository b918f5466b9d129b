/**
 * The cache of validated catalogues: a second load of an unchanged file comes
 * from it, anything doubtful falls back to a full load, and a cache that cannot
 * be read or written never fails a load. Every test uses its own temporary
 * cache directory, never the user's.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { catalogueCacheDir, MAX_CACHE_ENTRIES } from '../../src/io/catalogue-cache.js';
import { loadCatalogueFile } from '../../src/io/load-catalogue.js';
import { fixturePath } from './fixture-path.js';

let dir: string;
let cacheDir: string;
let file: string;
let valid: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'yangtze-catalogue-cache-'));
  cacheDir = path.join(dir, 'cache');
  file = path.join(dir, 'routes.yaml');
  valid = await readFile(fixturePath('valid-minimal.yaml'), 'utf8');
  await writeFile(file, valid);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const load = (shown = 'routes.yaml') => loadCatalogueFile(file, shown, { cacheDir });
const entries = async () => (await readdir(cacheDir)).sort();

describe('the catalogue cache', () => {
  it('serves a second load of an unchanged file, with the same catalogue', async () => {
    const first = await load();
    expect(first).toMatchObject({ ok: true });
    expect(first.fromCache).toBeUndefined();
    expect(await entries()).toEqual([expect.stringMatching(/^catalogue-[0-9a-f]{64}\.json$/)]);

    const second = await load();
    expect(second.fromCache).toBe(true);
    expect(second.ok && second.value).toStrictEqual(first.ok && first.value);
  });

  it('keeps warnings, naming the file as it is shown this time', async () => {
    // A site outside the corridor: a warning, not an error, so the catalogue still loads and is cached.
    await writeFile(file, valid.replace('{ lat: 28.2121, lon: 112.9923 }', '{ lat: 39.9042, lon: 116.4074 }'));
    const first = await load('routes.yaml');
    expect(first.warnings.map((w) => `${w.file}:${w.line} ${w.code}`)).toEqual(['routes.yaml:48 out-of-region']);
    const second = await load('elsewhere/routes.yaml');
    expect(second.fromCache).toBe(true);
    expect(second.warnings.map((w) => `${w.file}:${w.line} ${w.code}`)).toEqual(['elsewhere/routes.yaml:48 out-of-region']);
  });

  it('misses when the file was edited, even keeping its size and mtime', async () => {
    // Whole seconds, so setting the mtime again restores it exactly.
    const mtime = 1_700_000_000;
    await utimes(file, mtime, mtime);
    await load();
    const edited = valid.replace('name: Minimal test catalogue', 'name: Minimal test catalogxe');
    expect(edited.length).toBe(valid.length);
    await writeFile(file, edited);
    await utimes(file, mtime, mtime);
    expect((await stat(file)).mtimeMs).toBe(mtime * 1000);

    const after = await load();
    expect(after.fromCache).toBeUndefined();
    expect(after.ok && after.value.name).toBe('Minimal test catalogxe');
  });

  it('ignores a corrupt entry, and replaces it', async () => {
    await load();
    const [entry] = await entries();
    await writeFile(path.join(cacheDir, entry!), '{"format":1,"sha256":"trunc');
    const again = await load();
    expect(again).toMatchObject({ ok: true });
    expect(again.fromCache).toBeUndefined();
    expect((await load()).fromCache).toBe(true);
  });

  it('ignores an entry recorded for other bytes', async () => {
    await load();
    const [entry] = await entries();
    const stored = JSON.parse(await readFile(path.join(cacheDir, entry!), 'utf8')) as { sha256: string; catalogue: { name: string } };
    await writeFile(path.join(cacheDir, entry!), JSON.stringify({ ...stored, sha256: '0'.repeat(64), catalogue: { ...stored.catalogue, name: 'Stale' } }));
    const again = await load();
    expect(again.fromCache).toBeUndefined();
    expect(again.ok && again.value.name).toBe('Minimal test catalogue');
  });

  it('loads normally when the cache directory cannot be created', async () => {
    await writeFile(path.join(dir, 'not-a-dir'), '');
    cacheDir = path.join(dir, 'not-a-dir', 'cache');
    for (let i = 0; i < 2; i++) {
      const result = await load();
      expect(result).toMatchObject({ ok: true });
      expect(result.fromCache).toBeUndefined();
    }
  });

  it('caches nothing for a catalogue with errors, and leaves no temporary files', async () => {
    await writeFile(file, valid.replace('    city: wuhan', '    city: hankou'));
    expect(await load()).toMatchObject({ ok: false });
    await expect(readdir(cacheDir)).rejects.toThrow();
    await writeFile(file, valid);
    await load();
    expect((await entries()).filter((f) => !/^catalogue-[0-9a-f]{64}\.json$/.test(f))).toEqual([]);
  });

  it('keeps only the newest entries', async () => {
    await mkdir(cacheDir, { recursive: true });
    const old = Array.from({ length: MAX_CACHE_ENTRIES + 5 }, (_, i) => `catalogue-${String(i).padStart(64, '0')}.json`);
    for (const [i, name] of old.entries()) {
      await writeFile(path.join(cacheDir, name), '{}');
      await utimes(path.join(cacheDir, name), 1_600_000_000 + i, 1_600_000_000 + i);
    }
    await load();
    const kept = await entries();
    expect(kept).toHaveLength(MAX_CACHE_ENTRIES);
    // The new entry and the newest old ones stay; the oldest go.
    expect(kept).toEqual(expect.arrayContaining(old.slice(-(MAX_CACHE_ENTRIES - 1))));
    expect((await load()).fromCache).toBe(true);
  });

  it('is not used at all with cacheDir null', async () => {
    await loadCatalogueFile(file, 'routes.yaml', { cacheDir: null });
    await expect(readdir(cacheDir)).rejects.toThrow();
  });
});

describe('catalogueCacheDir', () => {
  it('follows XDG_CACHE_HOME, else ~/.cache', () => {
    expect(catalogueCacheDir({ XDG_CACHE_HOME: '/var/cache/me', HOME: '/home/me' })).toBe(path.join('/var/cache/me', 'yangtze'));
    expect(catalogueCacheDir({ HOME: '/home/me' })).toBe(path.join('/home/me', '.cache', 'yangtze'));
    // The XDG spec says a relative path is to be ignored.
    expect(catalogueCacheDir({ XDG_CACHE_HOME: 'cache', HOME: '/home/me' })).toBe(path.join('/home/me', '.cache', 'yangtze'));
  });

  it('is off rather than relative to the working directory when HOME is relative', () => {
    expect(catalogueCacheDir({ HOME: 'me' })).toBeNull();
  });

  it('is off with YANGTZE_NO_CACHE=1', () => {
    expect(catalogueCacheDir({ YANGTZE_NO_CACHE: '1', HOME: '/home/me' })).toBeNull();
    expect(catalogueCacheDir({ YANGTZE_NO_CACHE: '0', HOME: '/home/me' })).toBe(path.join('/home/me', '.cache', 'yangtze'));
  });
});
