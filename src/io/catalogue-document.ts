/**
 * Validates catalogue YAML text: YAML (with positions) → shape (zod schema) →
 * normalized model → cross-reference rules. Every problem is returned, each
 * with file:line:col; nothing stops at the first one. This is the slow part of
 * loading (yaml and zod), so the file loader imports it only on a cache miss.
 */
import { Composer, LineCounter, Parser, YAMLParseError, type Document } from 'yaml';
import type { Catalogue } from '../domain/catalogue/model.js';
import { normalizeCatalogue } from '../domain/catalogue/normalize.js';
import { checkCatalogueRules } from '../domain/catalogue/rules.js';
import { issue, type Issue, type Result } from '../domain/issues.js';
import { MAX_CATALOGUE_BYTES, tooLargeMessage } from './catalogue-limits.js';
import { findRoughlyTooDeepNesting, findTooDeepNesting, MAX_NESTING } from './catalogue-nesting.js';
import { checkCatalogueShape } from './catalogue-schema.js';
import { rulesOnSoundItems } from './catalogue-sound-items.js';
import { positionOf, type PositionTarget } from './yaml-positions.js';
import { yamlSyntaxIssues } from './yaml-syntax-issues.js';

/** Aliases expanded while converting to JS; yaml throws beyond this (billion-laughs files). */
const MAX_ALIAS_COUNT = 1000;

/**
 * Validates catalogue YAML text (no file access): every issue carries
 * `file: shownPath` and the line:col it points at.
 */
export function validateCatalogueDocument(text: string, shownPath: string): Result<Catalogue> {
  const fail = (issues: readonly Issue[], warnings: readonly Issue[] = []): Result<Catalogue> => ({ ok: false, issues, warnings });
  const atFile = (i: Issue): Issue => ({ ...i, file: shownPath });
  if (text.length > MAX_CATALOGUE_BYTES) return fail([atFile(issue('file-too-large', [], tooLargeMessage(shownPath, text.length)))]);
  if (text.includes('\0')) return fail([atFile(issue('binary-file', [], `${shownPath} contains NUL bytes; it is not a YAML text file.`))]);

  const roughlyTooDeepAt = findRoughlyTooDeepNesting(text);
  if (roughlyTooDeepAt !== undefined) return fail([tooDeep(text, roughlyTooDeepAt, shownPath)]);
  // Lex and parse to a CST once; check its depth, then compose nodes from the same tokens.
  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const tooDeepAt = findTooDeepNesting(tokens);
  if (tooDeepAt !== undefined) return fail([tooDeep(text, tooDeepAt, shownPath)]);

  const [doc, ...more] = new Composer({ uniqueKeys: true, merge: true }).compose(tokens, true, text.length);
  if (!doc) return fail([atFile(issue('empty-catalogue', [], `${shownPath} is an empty catalogue; it has no keys at all.`))]);
  const yamlErrors = [...doc.errors, ...more.map((d) => new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'A catalogue is one YAML document; this is a second one'))];
  if (yamlErrors.length > 0) {
    return fail(yamlSyntaxIssues(yamlErrors, lineCounter, shownPath, text));
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

/** Unknown keys point at the key, missing keys at the map that lacks them, the rest at the value. */
function targetFor(i: Issue): PositionTarget {
  if (i.code === 'unknown-key' || i.code === 'unknown-category' || i.code === 'unknown-fact-field') return 'key';
  if (i.code === 'missing-key') return 'parent';
  return 'value';
}

function tooDeep(text: string, offset: number, shownPath: string): Issue {
  const message = `Collections nest more than ${MAX_NESTING} levels deep here; a catalogue needs far fewer.`;
  return { ...issue('too-deep', [], message), file: shownPath, ...lineOf(text, offset) };
}

function lineOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}
