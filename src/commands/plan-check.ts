/**
 * `yangtze plan check PLAN.json`: re-checks a saved or hand-edited itinerary
 * against the catalogue, without the solver. Every violation is printed;
 * exit 1 if there is any. A file that is not JSON, or not shaped like an
 * itinerary, is invalid input (exit 3, with line:col or the JSON path); a
 * missing file is exit 4.
 */
import { readFile } from 'node:fs/promises';
import { displayPath, type CliContext } from '../cli/context.js';
import { DataError, NoAnswer, NotFoundError } from '../cli/errors.js';
import { fileFailureError, fileFailureReason } from '../cli/file-errors.js';
import { toJson } from '../cli/output.js';
import { pathToString } from '../cli/render-issues.js';
import { checkItinerary, type Violation } from '../domain/itinerary/check-itinerary.js';
import { parseItinerary } from '../domain/itinerary/itinerary-schema.js';
import type { Issue } from '../domain/issues.js';

export async function planCheck(ctx: CliContext, file: string): Promise<void> {
  const full = ctx.resolve(file);
  const shown = file === '-' ? '<stdin>' : displayPath(ctx.effects.cwd, full);
  let text: string;
  try {
    // A byte-order mark (Notepad writes one) is no part of the JSON.
    text = (file === '-' ? await ctx.effects.readStdin() : await readFile(full, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new NotFoundError(`${shown}: no such file`);
    if (code === 'EISDIR') throw new DataError(`${shown}: is a directory, not a plan file`);
    // A device error while reading (EIO) carries no path: named here, with the table's exit code (74).
    const known = fileFailureReason(error);
    if (known) throw fileFailureError(`${shown}: cannot read it (${known.reason})`, known.exitCode);
    throw error;
  }
  if (text.includes('\u0000')) {
    throw new DataError(`${shown} is not a text file (it holds NUL bytes); expected an itinerary JSON file from \`yangtze plan --json\``);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const issue = jsonSyntaxIssue(text, (error as Error).message, shown);
    throw new DataError(`${shown} is not valid JSON`, [issue]);
  }
  const parsed = parseItinerary(value);
  if (!parsed.ok) {
    const n = parsed.issues.length;
    throw new DataError(`${shown} is not a yangtze itinerary: ${n} problem${n === 1 ? '' : 's'}`, parsed.issues.map((i) => ({ ...i, file: shown })));
  }
  const catalogue = await ctx.catalogue();
  const { chinaHolidayCalendar } = await import('../io/china-holidays.js');
  const violations = checkItinerary(parsed.itinerary, catalogue, chinaHolidayCalendar(catalogue.holidays));
  ctx.out.result(renderViolations(ctx, shown, violations));
  if (violations.length > 0) throw new NoAnswer();
}

function renderViolations(ctx: CliContext, shown: string, violations: readonly Violation[]): string {
  const { view, style } = ctx.out;
  if (view === 'json') {
    return toJson({
      schemaVersion: 1,
      kind: 'yangtze.plan-check',
      file: shown,
      valid: violations.length === 0,
      violations: violations.map((v) => ({ code: v.code, path: pathToString(v.path), message: v.message })),
    });
  }
  if (view === 'pipe') return violations.map((v) => `${v.code}\t${pathToString(v.path)}\t${v.message}\n`).join('');
  if (violations.length === 0) return `${style.green('✔')} ${shown}: no violations\n`;
  const n = violations.length;
  return (
    violations.map((v) => `${style.red('✖')} ${v.message} ${style.dim(`[${v.code}] at ${pathToString(v.path)}`)}\n`).join('') +
    `${style.bold(`${shown}: ${n} violation${n === 1 ? '' : 's'}`)}\n`
  );
}

/** V8 says "… at position 123" (and newer versions "(line 4 column 7)"): turn that into line:col. */
export function jsonSyntaxIssue(text: string, message: string, file: string): Issue {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  const position = /position (\d+)/.exec(message);
  let line: number | undefined;
  let col: number | undefined;
  if (lineCol) {
    line = Number(lineCol[1]);
    col = Number(lineCol[2]);
  } else if (position) {
    const before = text.slice(0, Number(position[1]));
    line = before.split('\n').length;
    col = before.length - before.lastIndexOf('\n');
  } else if (/end of (JSON|data) input/i.test(message)) {
    const lines = text.split('\n');
    line = lines.length;
    col = (lines.at(-1)?.length ?? 0) + 1;
  }
  const clean = printable(
    message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, ''),
  );
  return {
    severity: 'error',
    code: 'json-syntax',
    path: [],
    message: clean,
    file,
    ...(line !== undefined ? { line, col: col ?? 1 } : {}),
  };
}

/** V8 quotes the text around a syntax error; control bytes from a binary file must not reach the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/g, '?').replace(/\n/g, '\\n');
}
