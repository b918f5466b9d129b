/**
 * Reads a catalogue file: checks it is a readable, bounded UTF-8 text file,
 * then either takes the validated catalogue from the cache (catalogue-cache.ts)
 * or validates the text in full (catalogue-document.ts) and caches the result.
 * The full validator (yaml, zod) is imported only on a cache miss, which keeps
 * it off the start-up path of every command after the first.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Catalogue } from '../domain/catalogue/model.js';
import { issue, type Result } from '../domain/issues.js';
import { catalogueCacheDir, catalogueCacheFile, readCachedCatalogue, sha256, writeCachedCatalogue } from './catalogue-cache.js';
import { MAX_CATALOGUE_BYTES, tooLargeMessage } from './catalogue-limits.js';

export { MAX_CATALOGUE_BYTES } from './catalogue-limits.js';
// For callers with their own environment (the CLI's effects): `{ cacheDir: catalogueCacheDir(env) }`.
export { catalogueCacheDir } from './catalogue-cache.js';

export interface LoadCatalogueOptions {
  /**
   * Where validated catalogues are cached; null turns the cache off. Absent:
   * from the process environment (catalogueCacheDir), so callers with their
   * own environment (the CLI's effects) should pass it.
   */
  readonly cacheDir?: string | null;
}

/** A load result; `fromCache` says the catalogue came from the cache, not from validating the file. */
export type CatalogueLoad = Result<Catalogue> & { readonly fromCache?: boolean };

/** Reads, parses and validates a catalogue file. `shownPath` names the file in issues. */
export async function loadCatalogueFile(file: string, shownPath: string, options: LoadCatalogueOptions = {}): Promise<CatalogueLoad> {
  const fail = (code: string, message: string): Result<Catalogue> => ({
    ok: false,
    issues: [{ ...issue(code, [], message), file: shownPath }],
    warnings: [],
  });
  let size: number;
  let mtimeMs: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail('not-a-file', `${shownPath} is ${info.isDirectory() ? 'a directory' : 'not a regular file'}, not a catalogue file.`);
    size = info.size;
    mtimeMs = info.mtimeMs;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail('file-not-found', `Catalogue file ${shownPath} does not exist.`);
    return fail('unreadable-file', `Cannot read ${shownPath} (${code ?? String(error)}).`);
  }
  if (size > MAX_CATALOGUE_BYTES) return fail('file-too-large', tooLargeMessage(shownPath, size));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return fail('unreadable-file', `Cannot read ${shownPath} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }

  const cacheDir = options.cacheDir === undefined ? catalogueCacheDir(process.env) : options.cacheDir;
  // The key uses the size and mtime from before the read; the content hash guards against the file changing in between.
  const cache = cacheDir === null ? undefined : { file: await catalogueCacheFile(cacheDir, path.resolve(file), size, mtimeMs), sha256: sha256(bytes) };
  if (cache) {
    const hit = await readCachedCatalogue(cache.file, cache.sha256);
    if (hit) return { ok: true, value: hit.catalogue, warnings: hit.warnings.map((w) => ({ ...w, file: shownPath })), fromCache: true };
  }

  if (bytes.includes(0)) return fail('binary-file', `${shownPath} contains NUL bytes; it is not a YAML text file.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail('not-utf8', `${shownPath} is not valid UTF-8 text; save it as UTF-8.`);
  }
  const { validateCatalogueDocument } = await import('./catalogue-document.js');
  const result = validateCatalogueDocument(text, shownPath);
  if (result.ok && cache) await writeCachedCatalogue(cache.file, cache.sha256, { catalogue: result.value, warnings: result.warnings });
  return result;
}
