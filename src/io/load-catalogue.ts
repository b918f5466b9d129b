/**
 * Reads a catalogue: file → text → YAML (with positions) → shape (zod schema)
 * → normalized model → cross-reference rules. Every problem is returned, each
 * with file:line:col; nothing stops at the first one.
 */
import { readFile, stat } from 'node:fs/promises';
import { Composer, LineCounter, Parser, YAMLParseError, type CST, type Document } from 'yaml';
import type { Catalogue } from '../domain/catalogue/model.js';
import { normalizeCatalogue } from '../domain/catalogue/normalize.js';
import { checkCatalogueRules } from '../domain/catalogue/rules.js';
import { issue, type Issue, type IssuePath, type Result } from '../domain/issues.js';
import { checkCatalogueShape } from './catalogue-schema.js';
import { positionOf, type PositionTarget } from './yaml-positions.js';

/**
 * Twenty times the shipped routes.yaml, room for ~1,500 attractions. yaml parses
 * about a million tokens in ~6 s, so this also bounds how long a hostile file can stall a run.
 */
export const MAX_CATALOGUE_BYTES = 2 * 1024 * 1024;
/** Aliases expanded while converting to JS; yaml throws beyond this (billion-laughs files). */
const MAX_ALIAS_COUNT = 1000;
/**
 * A catalogue nests about 6 collections deep. yaml composes nodes recursively
 * and relies on catching stack overflows, but a few thousand levels can abort
 * the whole process inside V8's RegExp compiler instead; so depth is checked
 * on the (iteratively built) CST first.
 */
const MAX_NESTING = 64;
/**
 * yaml's CST parser itself slows down quadratically and can exhaust the heap on
 * millions of nested brackets or `- - - …` indicators, so a linear byte scan
 * rejects those first. It over-counts (brackets inside strings count too), so
 * its limit is generous; the exact check on the CST enforces MAX_NESTING.
 */
const MAX_ROUGH_NESTING = 1000;

/** Reads, parses and validates a catalogue file. `shownPath` names the file in issues. */
export async function loadCatalogueFile(file: string, shownPath: string): Promise<Result<Catalogue>> {
  const fail = (code: string, message: string): Result<Catalogue> => ({
    ok: false,
    issues: [{ ...issue(code, [], message), file: shownPath }],
    warnings: [],
  });
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail('not-a-file', `${shownPath} is ${info.isDirectory() ? 'a directory' : 'not a regular file'}, not a catalogue file.`);
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail('file-not-found', `Catalogue file ${shownPath} does not exist.`);
    return fail('unreadable-file', `Cannot read ${shownPath} (${code ?? String(error)}).`);
  }
  if (size > MAX_CATALOGUE_BYTES) return fail('file-too-large', tooLarge(shownPath, size));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return fail('unreadable-file', `Cannot read ${shownPath} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  if (bytes.includes(0)) return fail('binary-file', `${shownPath} contains NUL bytes; it is not a YAML text file.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail('not-utf8', `${shownPath} is not valid UTF-8 text; save it as UTF-8.`);
  }
  return validateCatalogueDocument(text, shownPath);
}

/**
 * Validates catalogue YAML text (no file access): every issue carries
 * `file: shownPath` and the line:col it points at.
 */
export function validateCatalogueDocument(text: string, shownPath: string): Result<Catalogue> {
  const fail = (issues: readonly Issue[], warnings: readonly Issue[] = []): Result<Catalogue> => ({ ok: false, issues, warnings });
  const atFile = (i: Issue): Issue => ({ ...i, file: shownPath });
  if (text.length > MAX_CATALOGUE_BYTES) return fail([atFile(issue('file-too-large', [], tooLarge(shownPath, text.length)))]);
  if (text.includes('\0')) return fail([atFile(issue('binary-file', [], `${shownPath} contains NUL bytes; it is not a YAML text file.`))]);

  const roughlyTooDeepAt = findRoughlyTooDeepNesting(text);
  if (roughlyTooDeepAt !== undefined) return fail([tooDeep(text, roughlyTooDeepAt, shownPath)]);
  // Parse to a CST once; check its depth before composing nodes from it recursively.
  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const tooDeepAt = findTooDeepNesting(tokens);
  if (tooDeepAt !== undefined) return fail([tooDeep(text, tooDeepAt, shownPath)]);

  const [doc, ...more] = new Composer({ uniqueKeys: true, merge: true }).compose(tokens, true, text.length);
  if (!doc) return fail([atFile(issue('empty-catalogue', [], `${shownPath} is an empty catalogue; it has no keys at all.`))]);
  const yamlErrors = [...doc.errors, ...more.map((d) => new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'A catalogue is one YAML document; this is a second one'))];
  if (yamlErrors.length > 0) {
    return fail(
      yamlErrors.map((e) => ({
        ...issue(e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax', [], sentence(e.message)),
        file: shownPath,
        ...lineCounter.linePos(e.pos[0]),
      })),
    );
  }
  if (doc.contents === null) return fail([atFile(issue('empty-catalogue', [], `${shownPath} is an empty catalogue; it has no keys at all.`))]);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml refuses documents whose aliases expand without bound ("billion laughs").
    return fail([atFile(issue('yaml-aliases', [], `${shownPath} expands too many YAML aliases (${String((error as Error).message)}).`))]);
  }

  const locate = (i: Issue): Issue => {
    const pos = positionOf(doc as Document, lineCounter, i.path, targetFor(i));
    return { ...i, file: shownPath, ...(pos ? { line: pos.line, col: pos.col } : {}) };
  };
  const shape = checkCatalogueShape(data);
  if (!shape.ok) {
    const more = rulesOnSoundItems(data, shape.issues);
    return fail([...shape.issues, ...more.filter((i) => i.severity === 'error')].map(locate), more.filter((i) => i.severity === 'warning').map(locate));
  }
  const catalogue = normalizeCatalogue(shape.value);
  const found = checkCatalogueRules(catalogue).map(locate);
  const errors = found.filter((i) => i.severity === 'error');
  const warnings = found.filter((i) => i.severity === 'warning');
  return errors.length > 0 ? fail(errors, warnings) : { ok: true, value: catalogue, warnings };
}

/** Lists whose items each carry an id that others may reference. */
const ID_LISTS = new Set(['rider_categories', 'cities', 'attractions', 'links', 'routes', 'passes', 'holidays']);
const REFERENCE_CODES = new Set(['unknown-city', 'unknown-attraction', 'unknown-category']);
/** Rules whose verdict depends on items that may have been set aside. */
const WHOLE_LIST_CODES = new Set(['pass-covers-nothing', 'default-category', 'missing-default-price']);

/**
 * So that one run reports everything, cross-reference rules also run when some
 * list items are malformed: those items are set aside, the rest are checked,
 * and issues the set-aside items could explain (a reference to their id, a
 * pass that might have covered them) are dropped. Problems at the top level
 * leave nothing sound to check.
 */
function rulesOnSoundItems(data: unknown, shapeIssues: readonly Issue[]): Issue[] {
  if (!isRecord(data)) return [];
  const broken = new Map<string, Set<number>>();
  for (const i of shapeIssues) {
    const [list, index] = i.path;
    if (typeof list !== 'string' || !ID_LISTS.has(list) || typeof index !== 'number') return [];
    broken.set(list, (broken.get(list) ?? new Set()).add(index));
  }
  const kept: Record<string, unknown> = { ...data };
  const originalIndex = new Map<string, number[]>();
  const setAsideIds = new Set<string>();
  for (const [list, indices] of broken) {
    const items = data[list] as unknown[];
    const keep = items.map((_, i) => i).filter((i) => !indices.has(i));
    kept[list] = keep.map((i) => items[i]);
    originalIndex.set(list, keep);
    for (const i of indices) {
      const id = (items[i] as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') setAsideIds.add(id);
    }
  }
  const shape = checkCatalogueShape(kept);
  if (!shape.ok) return [];
  return checkCatalogueRules(normalizeCatalogue(shape.value))
    .map((i) => {
      const [list, index, ...rest] = i.path;
      const original = typeof list === 'string' && typeof index === 'number' ? originalIndex.get(list)?.[index] : undefined;
      return original === undefined ? i : { ...i, path: [list!, original, ...rest] };
    })
    .filter((i) => {
      if (WHOLE_LIST_CODES.has(i.code)) return false;
      if (!REFERENCE_CODES.has(i.code)) return true;
      const named = i.code === 'unknown-category' ? i.path.at(-1) : valueAt(data, i.path);
      return !(typeof named === 'string' && setAsideIds.has(named));
    });
}

function valueAt(data: unknown, path: IssuePath): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], data);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Unknown keys point at the key, missing keys at the map that lacks them, the rest at the value. */
function targetFor(i: Issue): PositionTarget {
  if (i.code === 'unknown-key' || i.code === 'unknown-category') return 'key';
  if (i.code === 'missing-key') return 'parent';
  return 'value';
}

function tooLarge(shownPath: string, size: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `${shownPath} is ${mb(size)} MB; a catalogue may be at most ${mb(MAX_CATALOGUE_BYTES)} MB.`;
}

function sentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return /[.!?]$/.test(line) ? line : `${line}.`;
}

function tooDeep(text: string, offset: number, shownPath: string): Issue {
  const message = `Collections nest more than ${MAX_NESTING} levels deep here; a catalogue needs far fewer.`;
  return { ...issue('too-deep', [], message), file: shownPath, ...lineOf(text, offset) };
}

/** Offset where brackets, or block indicators on one line, pile up beyond MAX_ROUGH_NESTING. */
function findRoughlyTooDeepNesting(text: string): number | undefined {
  const indicators = ROUGH_INDICATOR_RUN.exec(text);
  if (indicators) return indicators.index;
  // Most files have few brackets; only count depth when there are enough to matter.
  if (occurrences(text, '[') + occurrences(text, '{') <= MAX_ROUGH_NESTING) return undefined;
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5b || ch === 0x7b) brackets++; // [ {
    else if ((ch === 0x5d || ch === 0x7d) && brackets > 0) brackets--; // ] }
    if (brackets > MAX_ROUGH_NESTING) return i;
  }
  return undefined;
}

/** A line starting with more than MAX_ROUGH_NESTING `-`, `?` or `:` indicators (`- - - … x`). */
const ROUGH_INDICATOR_RUN = new RegExp(`^(?:[ \\t]*[-?:]){${MAX_ROUGH_NESTING + 1}}`, 'm');

function occurrences(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** Offset of the first collection nested deeper than MAX_NESTING, walking the CST without recursion. */
function findTooDeepNesting(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_NESTING) return token.offset;
      for (const item of token.items) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

function lineOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}
