/**
 * An agency's rate sheet (`--rates FILE`): its contracted rates, which win
 * over the catalogue's reference rates without editing routes.yaml. YAML with
 * the keys of the catalogue's `rates:` section, or CSV with one rate per row
 * (columns: kind, then that kind's keys; a rider category's column holds
 * its meal or cruise price). Every problem is reported with file:line:col.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { issue, type Issue, type IssuePath, type Result } from '../domain/issues.js';
import { normalizeRates } from '../domain/quote/normalize-rates.js';
import type { RateTable } from '../domain/quote/rates.js';
import { rateSheetSchema } from './catalogue-rates-schema.js';
import { positionOf } from './yaml-positions.js';
import { yamlSyntaxIssues } from './yaml-syntax-issues.js';
import { zodIssues } from './zod-issues.js';

const LISTS = { lodging: 'lodging', meal: 'meals', taxi: 'taxi', vehicle: 'vehicles', guide: 'guides', cruise: 'cruise' } as const;
type Kind = keyof typeof LISTS;
const NUMERIC = new Set(['room', 'single', 'extra_bed', 'flag_fall', 'included_km', 'per_km', 'seats', 'per_day', 'single_supplement']);
const TEXT = new Set(['city', 'grade', 'hotel', 'meal', 'language', 'from', 'to', 'cabin', 'source', 'checked', 'estimate']);
const KEYS: Record<Kind, readonly string[]> = {
  lodging: ['city', 'grade', 'hotel', 'months', 'room', 'single', 'extra_bed', 'breakfast'],
  meal: ['grade', 'meal', 'city'],
  taxi: ['city', 'flag_fall', 'included_km', 'per_km'],
  vehicle: ['seats', 'city', 'per_day'],
  guide: ['language', 'city', 'per_day'],
  cruise: ['from', 'to', 'cabin', 'months', 'single_supplement'],
};
const ORIGIN = ['source', 'checked', 'estimate'];

/** `categories`: the catalogue's rider-category ids, the CSV columns that hold per-category prices. */
export function parseRateSheet(text: string, shownPath: string, categories: readonly string[]): Result<RateTable> {
  return /\.csv$/i.test(shownPath) ? parseCsvSheet(text, shownPath, categories) : parseYamlSheet(text, shownPath);
}

function parseYamlSheet(text: string, file: string): Result<RateTable> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return fail(yamlSyntaxIssues(doc.errors, lineCounter, file, text));
  }
  let data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  // A sheet may be the `rates:` map itself or a document with a `rates:` key (a catalogue excerpt).
  const prefix: IssuePath = isRecord(data) && 'rates' in data ? ['rates'] : [];
  if (prefix.length > 0) data = (data as Record<string, unknown>).rates;
  if (data === null || data === undefined) return fail([{ ...issue('empty-rate-sheet', [], `${file} has no rates.`), file }]);
  const parsed = rateSheetSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, value: normalizeRates(parsed.data, 'sheet'), warnings: [] };
  return fail(
    zodIssues(parsed.error, keysAt).map((i) => {
      const path = [...prefix, ...i.path];
      const pos = positionOf(doc as Document, lineCounter, path, i.code === 'unknown-key' ? 'key' : i.code === 'missing-key' ? 'parent' : 'value');
      return { ...i, path, file, ...(pos ?? {}) };
    }),
  );
}

function keysAt(path: readonly (string | number)[]): readonly string[] {
  if (path.length === 0) return Object.values(LISTS);
  const kind = (Object.keys(LISTS) as Kind[]).find((k) => LISTS[k] === path[0]);
  return kind ? [...KEYS[kind], ...ORIGIN, ...(kind === 'meal' || kind === 'cruise' ? ['price'] : [])] : [];
}

interface Cell {
  readonly text: string;
  readonly col: number;
}

function parseCsvSheet(text: string, file: string, categories: readonly string[]): Result<RateTable> {
  const rows = csvRows(text);
  const issues: Issue[] = [];
  const at = (line: number, col: number, code: string, message: string, hint?: string): Issue => ({ ...issue(code, [], message, hint ? { hint } : {}), file, line, col });
  const header = rows[0];
  if (!header) return fail([at(1, 1, 'empty-rate-sheet', `${file} has no header row.`)]);
  const names = header.cells.map((c) => c.text.trim());
  const known = new Set(['kind', ...NUMERIC, ...TEXT, 'months', 'breakfast', ...categories]);
  names.forEach((n, i) => {
    if (!known.has(n)) issues.push(at(header.line, header.cells[i]!.col, 'unknown-column', `Unknown column "${n}".`, `columns: kind, ${[...NUMERIC, ...TEXT, 'months', 'breakfast'].join(', ')}, or a rider category (${categories.join(', ')})`));
  });
  if (!names.includes('kind')) issues.push(at(header.line, 1, 'missing-column', 'The header has no "kind" column (lodging, meal, taxi, vehicle, guide or cruise).'));
  if (issues.length > 0) return fail(issues);

  const sheet: Record<string, Record<string, unknown>[]> = { lodging: [], meals: [], taxi: [], vehicles: [], guides: [], cruise: [] };
  // Where each value came from: "list/index/key" → line:col, to point issues at the cell.
  const where = new Map<string, { line: number; col: number }>();
  for (const row of rows.slice(1)) {
    if (row.cells.every((c) => c.text.trim() === '')) continue;
    const cell = (name: string) => row.cells[names.indexOf(name)];
    const kindCell = cell('kind');
    const kind = kindCell?.text.trim() as Kind;
    if (!(kind in LISTS)) {
      issues.push(at(row.line, kindCell?.col ?? 1, 'unknown-kind', `Unknown rate kind "${kindCell?.text ?? ''}".`, 'use lodging, meal, taxi, vehicle, guide or cruise'));
      continue;
    }
    const list = LISTS[kind];
    const index = sheet[list]!.length;
    const entry: Record<string, unknown> = {};
    const price: Record<string, unknown> = {};
    where.set(`${list}/${index}`, { line: row.line, col: kindCell!.col });
    names.forEach((name, i) => {
      const c = row.cells[i];
      const value = c?.text.trim() ?? '';
      if (value === '' || name === 'kind') return;
      const pos = { line: row.line, col: c!.col };
      if (categories.includes(name) && !NUMERIC.has(name) && !TEXT.has(name)) {
        price[name] = numberOr(value);
        where.set(`${list}/${index}/price/${name}`, pos);
        return;
      }
      where.set(`${list}/${index}/${name}`, pos);
      if (NUMERIC.has(name)) entry[name] = numberOr(value);
      else if (name === 'breakfast') entry[name] = /^(yes|true|1)$/i.test(value) ? true : /^(no|false|0)$/i.test(value) ? false : value;
      else if (name === 'months') entry[name] = /^[\d;\s]+$/.test(value) ? value.split(';').map((m) => numberOr(m.trim())) : value;
      else entry[name] = value;
    });
    if (Object.keys(price).length > 0) entry.price = price;
    sheet[list]!.push(entry);
  }
  if (issues.length > 0) return fail(issues);
  const parsed = rateSheetSchema.safeParse(sheet, { reportInput: true });
  if (parsed.success) return { ok: true, value: normalizeRates(parsed.data, 'sheet'), warnings: [] };
  return fail(
    zodIssues(parsed.error, keysAt).map((i) => {
      // The nearest cell on the issue's path: the value's own cell, else its row.
      for (let n = i.path.length; n >= 2; n--) {
        const pos = where.get(i.path.slice(0, n).join('/'));
        if (pos) return { ...i, file, ...pos };
      }
      return { ...i, file };
    }),
  );
}

function numberOr(text: string): number | string {
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : text;
}

/** RFC 4180 rows with the 1-based line and column where each cell starts. */
function csvRows(text: string): { line: number; cells: Cell[] }[] {
  const rows: { line: number; cells: Cell[] }[] = [];
  let line = 1;
  let col = 1;
  let cells: Cell[] = [];
  let rowLine = 1;
  let cur = '';
  let cellCol = 1;
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cur += '"';
        i++;
        col += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cur += ch;
      if (ch === '\n') {
        line++;
        col = 1;
      } else col++;
      continue;
    }
    if (ch === '"' && cur === '') {
      quoted = true;
      col++;
      continue;
    }
    if (ch === ',') {
      cells.push({ text: cur, col: cellCol });
      cur = '';
      col++;
      cellCol = col;
      continue;
    }
    if (ch === '\r') continue;
    if (ch === '\n') {
      cells.push({ text: cur, col: cellCol });
      rows.push({ line: rowLine, cells });
      cells = [];
      cur = '';
      line++;
      col = 1;
      cellCol = 1;
      rowLine = line;
      continue;
    }
    cur += ch;
    col++;
  }
  if (cur !== '' || cells.length > 0) {
    cells.push({ text: cur, col: cellCol });
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

function fail(issues: readonly Issue[]): Result<RateTable> {
  return { ok: false, issues, warnings: [] };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
