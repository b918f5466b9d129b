/**
 * What every command action gets: the effects, the output views, the global
 * options, and lazy access to the catalogue (loaded once, errors rendered as
 * a DataError with every problem).
 */
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../domain/catalogue/model.js';
import type { Effects } from './effects.js';
import { DataError, NotFoundError, UsageError } from './errors.js';
import { createOutput, type Output } from './output.js';
import { formatIssues } from './render-issues.js';

export interface GlobalOptions {
  readonly catalogue?: string;
  readonly home?: string;
  /** --ledger postgresql://…: the PostgreSQL ledger instead of the SQLite file under home. */
  readonly ledger?: string;
  readonly color?: boolean;
  /** commander's `--no-input` sets input: false. */
  readonly input?: boolean;
  readonly quiet?: boolean;
  readonly lang?: string;
  readonly json?: boolean;
}

export interface CliContext {
  readonly effects: Effects;
  readonly out: Output;
  readonly globals: GlobalOptions;
  /** Prompts may appear: stdin and stdout are terminals and --no-input was not given. */
  readonly interactive: boolean;
  /** Where the ledger and keys live: --home, YANGTZE_HOME, XDG data dir. */
  readonly home: string;
  /** Loads and validates the catalogue once; throws DataError listing every problem. */
  catalogue(): Promise<Catalogue>;
  /** The path the catalogue is (or would be) read from. */
  cataloguePath(): string;
  /** Resolves a user-given path against the working directory. */
  resolve(p: string): string;
}

/** The routes.yaml shipped in the package (dist/src/cli → package root). */
export const SHIPPED_CATALOGUE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../routes.yaml');

export function createContext(effects: Effects, globals: GlobalOptions): CliContext {
  const out = createOutput(effects, globals);
  const resolve = (p: string) => path.resolve(effects.cwd, p);
  let cached: Promise<Catalogue> | undefined;
  const cataloguePath = () => {
    if (globals.catalogue) return resolve(globals.catalogue);
    const local = resolve('routes.yaml');
    return existsSync(local) && statSync(local).isFile() ? local : SHIPPED_CATALOGUE;
  };
  let home: string | undefined;
  return {
    effects,
    out,
    globals,
    interactive: globals.input !== false && effects.stdinIsTTY && Boolean(effects.stdout.isTTY),
    // Checked on first use, so a bad --home only stops the commands that need it.
    get home() {
      return (home ??= checkedHome(globals.home, effects));
    },
    cataloguePath,
    resolve,
    catalogue: () => (cached ??= loadOrThrow(cataloguePath(), effects, out, globals.catalogue)),
  };
}

/** `flag`: the --catalogue value, when the path came from it; a missing file then names the flag. */
async function loadOrThrow(file: string, effects: Effects, out: Output, flag?: string): Promise<Catalogue> {
  const { loadCatalogueFile, catalogueCacheDir } = await import('../io/load-catalogue.js');
  const shown = displayPath(effects.cwd, file);
  // The cache location comes from the CLI's environment, so tests with a fake HOME never touch the user's.
  const result = await loadCatalogueFile(file, shown, { cacheDir: catalogueCacheDir(effects.env) });
  if (result.ok) {
    if (result.warnings.length > 0 && !out.quiet) out.stderr.write(formatIssues(result.warnings, out.styleErr));
    return result.value;
  }
  if (result.issues.length === 1 && result.issues[0]!.code === 'file-not-found') {
    throw new NotFoundError(flag === undefined ? result.issues[0]!.message : `--catalogue ${flag}: no such file`);
  }
  const n = result.issues.filter((i) => i.severity === 'error').length;
  throw new DataError(`${shown}: ${n} error${n === 1 ? '' : 's'}; nothing was planned or issued`, [...result.issues, ...result.warnings]);
}

/**
 * A path as messages show it: relative to the working directory when it lies
 * inside it, else absolute (never a chain of `../..`).
 */
export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '') return absolute;
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? absolute : relative;
}

/**
 * resolveHome, refusing a home that is a file, or lies under one: the ledger
 * and keys could never be written there (a usage error naming where it came from).
 */
function checkedHome(flag: string | undefined, effects: Effects): string {
  const home = resolveHome(flag, effects);
  const source = homeSource(flag, effects);
  for (let dir = home; ; dir = path.dirname(dir)) {
    if (existsSync(dir)) {
      if (!statSync(dir).isDirectory()) {
        const what = dir === home ? 'is a file, not a directory' : `lies under ${dir}, which is a file`;
        throw new UsageError(`${source}: ${what}`, 'Give a directory for the ledger and keys (--home DIR or YANGTZE_HOME).');
      }
      return home;
    }
    if (path.dirname(dir) === dir) return home;
  }
}

/** Where the home came from, for messages: `--home DIR`, `YANGTZE_HOME=DIR`, or the default path itself. */
export function homeSource(flag: string | undefined, effects: Effects): string {
  return flag ? `--home ${flag}` : effects.env.YANGTZE_HOME ? `YANGTZE_HOME=${effects.env.YANGTZE_HOME}` : resolveHome(flag, effects);
}

export function resolveHome(flag: string | undefined, effects: Effects): string {
  if (flag) return path.resolve(effects.cwd, flag);
  if (effects.env.YANGTZE_HOME) return path.resolve(effects.cwd, effects.env.YANGTZE_HOME);
  const data = effects.env.XDG_DATA_HOME || path.join(effects.env.HOME || homedir(), '.local', 'share');
  return path.join(data, 'yangtze');
}
