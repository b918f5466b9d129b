/**
 * One dataset, three views: `tty` (colour, aligned tables, both languages'
 * names), `pipe` (no colour, tab-separated stable columns, no header) and
 * `json` (a versioned document). stdout carries the result only; progress,
 * warnings and hints go to stderr.
 */
import { statSync, type Stats } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { NotFoundError, UsageError } from './errors.js';
import type { Effects, Stream } from './effects.js';
import { writeFailure } from './file-errors.js';

export type View = 'tty' | 'pipe' | 'json';
export type Lang = 'en' | 'zh';

export interface Output {
  readonly view: View;
  readonly lang: Lang;
  /** Styles for stdout (level 0 when colour is off). */
  readonly style: ChalkInstance;
  /** Styles for stderr, detected separately from stdout. */
  readonly styleErr: ChalkInstance;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly quiet: boolean;
  /** Terminal width the tables fit into; 80 (the classic terminal) when unknown. */
  readonly columns: number;
  /** The result, to stdout. */
  result(text: string): void;
  /** Progress and notes, to stderr; silenced by -q. */
  info(text: string): void;
  /** Warnings, to stderr; never silenced. */
  warn(text: string): void;
  /**
   * A warning about the setup rather than this run (no holiday data for a
   * year), repeated on every run until it is mended: shown as a warning,
   * silenced by -q.
   */
  notice(text: string): void;
  readonly stderr: Stream;
}

export interface OutputOptions {
  readonly json?: boolean;
  /** commander's `--no-color` sets color: false. */
  readonly color?: boolean;
  readonly lang?: string;
  readonly quiet?: boolean;
}

/** Colour level for one stream (stdout and stderr are decided separately). */
export function colorLevel(
  isTTY: boolean,
  env: Readonly<Record<string, string | undefined>>,
  flag: boolean | undefined,
): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  // As in Node itself, FORCE_COLOR wins over NO_COLOR; an explicit --no-color wins over both.
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return 2;
}

/** `--lang`, else the environment's locale (LC_ALL, LC_MESSAGES, LANG), else English. */
export function detectLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function createOutput(effects: Effects, options: OutputOptions): Output {
  const stdoutIsTTY = Boolean(effects.stdout.isTTY);
  const stderrIsTTY = Boolean(effects.stderr.isTTY);
  const style = new Chalk({ level: colorLevel(stdoutIsTTY, effects.env, options.color) });
  const styleErr = new Chalk({ level: colorLevel(stderrIsTTY, effects.env, options.color) });
  const view: View = options.json ? 'json' : stdoutIsTTY ? 'tty' : 'pipe';
  const quiet = Boolean(options.quiet);
  const lang = detectLang(options.lang, effects.env);
  const warningPrefix = lang === 'zh' ? '警告：' : 'warning: ';
  return {
    view,
    lang,
    style,
    styleErr,
    stdoutIsTTY,
    stderrIsTTY,
    quiet,
    columns: effects.stdout.columns ?? 80,
    stderr: effects.stderr,
    result: (text) => void effects.stdout.write(text.endsWith('\n') || text === '' ? text : text + '\n'),
    info: (text) => {
      if (!quiet) effects.stderr.write(text.endsWith('\n') ? text : text + '\n');
    },
    warn: (text) => void effects.stderr.write(styleErr.yellow(warningPrefix) + text + (text.endsWith('\n') ? '' : '\n')),
    notice: (text) => {
      if (!quiet) effects.stderr.write(styleErr.yellow(warningPrefix) + text + (text.endsWith('\n') ? '' : '\n'));
    },
  };
}

/** JSON for stdout: two-space indent, trailing newline, key order as built (stable). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * Refuses an `-o` target that cannot be written before any work is done:
 * a directory, or a file in a directory that does not exist. `-` is stdout.
 */
export function checkOutputPath(flag: string, given: string, absolute: string): void {
  if (given === '-') return;
  const stat = statOrUndefined(absolute);
  if (stat?.isDirectory()) throw new UsageError(`${flag} ${given}: is a directory; give a file name`);
  const parent = statOrUndefined(path.dirname(absolute));
  if (parent === undefined) throw new NotFoundError(`${flag} ${given}: the folder ${path.dirname(absolute)} does not exist`);
  if (!parent.isDirectory()) throw new UsageError(`${flag} ${given}: ${path.dirname(absolute)} is not a directory`);
}

/** Writes an `-o` file; a failure is the user's path or device, not a bug: one line naming the flag (file-errors.ts). */
export async function writeOutputFile(flag: string, given: string, absolute: string, text: string): Promise<void> {
  try {
    await writeFile(absolute, text, 'utf8');
  } catch (error) {
    throw writeFailure(error, flag, given);
  }
}

function statOrUndefined(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}
