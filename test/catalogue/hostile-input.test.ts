/** Files that are not catalogues at all get one clear issue, quickly, and never crash the process. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Issue, Result } from '../../src/domain/issues.js';
import { validateCatalogueDocument } from '../../src/io/catalogue-document.js';
import { loadCatalogueFile, MAX_CATALOGUE_BYTES } from '../../src/io/load-catalogue.js';
import { fixturePath } from './fixture-path.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'yangtze-catalogue-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function loadBytes(name: string, content: string | Uint8Array) {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return loadCatalogueFile(file, name, { cacheDir: null });
}

function problems(result: Result<unknown>): Pick<Issue, 'code' | 'line' | 'col'>[] {
  return (result.ok ? [] : result.issues).map(({ code, line, col }) => ({ code, line, col }));
}

const codes = (result: Result<unknown>) => problems(result).map((p) => p.code);

describe('files that cannot be read as a catalogue', () => {
  it('a missing file gives exactly one file-not-found issue', async () => {
    const result = await loadCatalogueFile(path.join(dir, 'nope.yaml'), 'nope.yaml', { cacheDir: null });
    expect(result).toEqual({
      ok: false,
      issues: [{ severity: 'error', code: 'file-not-found', path: [], message: 'Catalogue file nope.yaml does not exist.', file: 'nope.yaml' }],
      warnings: [],
    });
  });

  it('a directory is named as a directory', async () => {
    const result = await loadCatalogueFile(dir, 'some-dir', { cacheDir: null });
    expect(codes(result)).toEqual(['not-a-file']);
    expect(result.ok ? '' : result.issues[0]!.message).toBe('some-dir is a directory, not a catalogue file.');
  });

  it('a file over the size cap is refused before it is parsed', async () => {
    const result = await loadBytes('huge.yaml', '#'.repeat(MAX_CATALOGUE_BYTES + 1));
    expect(codes(result)).toEqual(['file-too-large']);
    expect(result.ok ? '' : result.issues[0]!.message).toBe('huge.yaml is 2.0 MB; a catalogue may be at most 2.0 MB.');
  });

  it('binary garbage with NUL bytes is refused', async () => {
    expect(codes(await loadBytes('binary.yaml', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01])))).toEqual(['binary-file']);
  });

  it('text that is not UTF-8 is refused', async () => {
    // "武汉" in GBK, a common encoding for Chinese text files.
    expect(codes(await loadBytes('gbk.yaml', new Uint8Array([0x6e, 0x3a, 0x20, 0xce, 0xe4, 0xba, 0xba, 0x0a])))).toEqual(['not-utf8']);
  });

  it('an empty file is an empty catalogue', async () => {
    expect(codes(await loadBytes('empty.yaml', ''))).toEqual(['empty-catalogue']);
  });

  it('a file of only comments is an empty catalogue', async () => {
    expect(codes(await loadBytes('comments.yaml', '# nothing here yet\n\n# still nothing\n'))).toEqual(['empty-catalogue']);
  });

  it('a UTF-8 byte-order mark is allowed', async () => {
    const text = await readFile(fixturePath('valid-minimal.yaml'));
    const result = await loadBytes('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]));
    expect(result.ok).toBe(true);
  });
});

describe('YAML built to exhaust the loader', () => {
  it('aliases that expand exponentially ("billion laughs") are refused', () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    expect(codes(validateCatalogueDocument(lines.join('\n'), 'laughs.yaml'))).toEqual(['yaml-aliases']);
  });

  it('a million nested brackets are refused without parsing them', () => {
    expect(problems(validateCatalogueDocument('['.repeat(1_000_000), 'deep.yaml'))).toEqual([{ code: 'too-deep', line: 1, col: 1001 }]);
  });

  it('a hundred nested flow collections are refused at the 65th level', () => {
    const text = 'version: ' + '['.repeat(100) + ']'.repeat(100);
    // The top-level map is level 1, so the 64th bracket (column 10 + 63) opens level 65.
    expect(problems(validateCatalogueDocument(text, 'deep.yaml'))).toEqual([{ code: 'too-deep', line: 1, col: 10 + 63 }]);
  });

  it('a line of compact sequence indicators is refused', () => {
    expect(codes(validateCatalogueDocument('- '.repeat(100_000) + 'x', 'deep.yaml'))).toEqual(['too-deep']);
  });

  it('deeply indented block maps are refused', () => {
    const text = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' end\n';
    expect(problems(validateCatalogueDocument(text, 'deep.yaml'))).toEqual([{ code: 'too-deep', line: 65, col: 65 }]);
  });

  it('a second YAML document in the file is a syntax error', () => {
    const result = validateCatalogueDocument('version: 1\n---\nversion: 2\n', 'two.yaml');
    expect(problems(result)).toEqual([{ code: 'yaml-syntax', line: 2, col: 1 }]);
  });

  it('a document that is a plain string is the wrong type', () => {
    expect(problems(validateCatalogueDocument('hello\n', 'hello.yaml'))).toEqual([{ code: 'wrong-type', line: 1, col: 1 }]);
  });
});
