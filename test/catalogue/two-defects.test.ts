/**
 * Each test/fixtures/catalogues/two-defects/*.yaml is valid-minimal.yaml with
 * two defects that different stages find: one in the shape (a misspelt key, a
 * bad value) and one cross-reference (an unknown city). One run of `catalogue
 * validate` reports both — the README promises every problem in one run.
 */
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { loadCatalogueFile } from '../../src/io/load-catalogue.js';
import { REPO_ROOT, runCli } from '../cli/helpers/run-cli.js';

const DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'catalogues', 'two-defects');

const CASES: readonly [fixture: string, first: string, second: string][] = [
  // The misspelt key and the unknown city in the same attraction: the item is mended, not set aside.
  ['key-typo-and-city-typo.yaml', '28:11 unknown-city', '31:5 unknown-key'],
  // A bad duration beside the unknown city in one attraction.
  ['bad-value-and-city-typo.yaml', '28:11 unknown-city', '32:12 bad-duration'],
  // The whole list under a misspelt key: read as the key meant, so its items are checked.
  ['list-key-typo-and-city-typo.yaml', '24:1 unknown-key', '28:11 unknown-city'],
  // The misspelt key in a city, the unknown city in an attraction.
  ['city-key-typo-and-city-typo.yaml', '16:5 unknown-key', '28:11 unknown-city'],
];

describe('a catalogue with two defects found by different stages', () => {
  it.each(CASES)('%s: both are reported, each at its line', async (fixture, first, second) => {
    const result = await loadCatalogueFile(path.join(DIR, fixture), fixture, { cacheDir: null });
    expect(result.ok).toBe(false);
    const found = result.ok ? [] : result.issues.map((i) => `${i.line}:${i.col} ${i.code}`).sort();
    expect(found).toEqual([first, second].sort());
  });

  it('catalogue validate --json lists both, exit 3', async () => {
    const run = await runCli(['catalogue', 'validate', path.join(DIR, 'key-typo-and-city-typo.yaml'), '--json']);
    expect(run.exitCode).toBe(3);
    const doc = JSON.parse(run.stdout) as { issues: { code: string; hint: string | null }[] };
    expect(doc.issues.map((i) => [i.code, i.hint])).toEqual([
      ['unknown-key', "Did you mean 'rating'?"],
      ['unknown-city', "Did you mean 'wuhan'?"],
    ]);
  });
});
