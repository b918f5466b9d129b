/**
 * Each test/fixtures/catalogues/invalid-<defect>.yaml is valid-minimal.yaml
 * with exactly one defect; the loader must report exactly that one problem,
 * with its code, at the line:col of the offending key or value.
 */
import { describe, expect, it } from '@jest/globals';
import { Chalk } from 'chalk';
import { formatIssue } from '../../src/cli/render-issues.js';
import { loadCatalogueFile } from '../../src/io/load-catalogue.js';
import { fixturePath } from './fixture-path.js';

const ERRORS: readonly [fixture: string, code: string, line: number, col: number][] = [
    ['yaml-syntax', 'yaml-syntax', 33, 5],
    ['duplicate-key', 'duplicate-key', 15, 5],
    ['unknown-key', 'unknown-key', 16, 5],
    ['missing-key', 'missing-key', 25, 5],
    ['wrong-type', 'wrong-type', 32, 12],
    ['bad-duration', 'bad-duration', 66, 15],
    ['bad-time', 'bad-time', 35, 15],
    ['bad-date', 'bad-date', 56, 20],
    ['bad-months', 'bad-months', 34, 17],
    ['duplicate-id', 'duplicate-id', 78, 9],
    ['unknown-city', 'unknown-city', 28, 11],
    ['unknown-attraction', 'unknown-attraction', 75, 19],
    ['unknown-category', 'unknown-category', 41, 25],
    ['unknown-theme', 'unknown-theme', 48, 24],
    ['unknown-rating', 'unknown-rating', 31, 13],
    ['close-before-open', 'close-before-open', 53, 16],
    ['last-entry-outside', 'last-entry-outside', 37, 21],
    ['seasons-overlap', 'seasons-overlap', 38, 17],
    ['out-of-region', 'out-of-region', 47, 15],
    ['non-positive-duration', 'non-positive-duration', 66, 15],
    ['non-positive-fare', 'non-positive-fare', 67, 11],
    ['pass-covers-nothing', 'pass-covers-nothing', 82, 7],
    ['unsupported-version', 'unsupported-version', 2, 10],
    ['default-category', 'default-category', 7, 3],
    ['missing-start-date', 'missing-start-date', 87, 15],
    ['end-before-start', 'end-before-start', 90, 16],
    ['missing-default-price', 'missing-default-price', 89, 12],
    ['unknown-weekday', 'unknown-weekday', 54, 14],
    ['bad-id', 'bad-id', 72, 9],
    ['bad-money', 'bad-money', 57, 21],
    ['unknown-timezone', 'unknown-timezone', 4, 11],
    ['unknown-mode', 'unknown-mode', 65, 11],
    ['last-before-first', 'last-before-first', 69, 11],
    ['missing-validity-days', 'missing-key', 85, 7],
    ['too-few-themes', 'too-few', 30, 13],
    // valid-provenance.yaml with one defect each
    ['unknown-source', 'unknown-source', 49, 49],
    ['bad-status', 'bad-status', 52, 24],
    ['unsourced-fact', 'unsourced-fact', 49, 20],
    ['unknown-fact-field', 'unknown-fact-field', 52, 7],
    ['bad-nth', 'out-of-range', 45, 31],
    ['within-other-city', 'within-other-city', 58, 13],
    ['bad-daylight', 'bad-value', 31, 15],
    ['best-time-too-short', 'best-time-too-short', 31, 37],
    ['bad-departure', 'bad-departure', 31, 27],
    ['departures-reversed', 'last-before-first', 31, 18],
    ['pier-not-a-departure', 'pier-not-a-departure', 33, 23],
];

async function load(fixture: string) {
  const file = `invalid-${fixture}.yaml`;
  return loadCatalogueFile(fixturePath(file), file, { cacheDir: null });
}

describe('a catalogue with one defect', () => {
  it.each(ERRORS.filter(([, code]) => code !== 'out-of-region'))(
    'invalid-%s.yaml is rejected with exactly one %s at %i:%i',
    async (fixture, code, line, col) => {
      const result = await load(fixture);
      expect(result.ok).toBe(false);
      const issues = result.ok ? [] : result.issues;
      expect(issues.map((i) => ({ code: i.code, line: i.line, col: i.col, file: i.file }))).toEqual([
        { code, line, col, file: `invalid-${fixture}.yaml` },
      ]);
      expect(result.warnings).toEqual([]);
    },
  );

  it('a site outside the corridor loads, with one out-of-region warning at its location', async () => {
    const result = await load('out-of-region');
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.severity, w.code, w.line, w.col])).toEqual([['warning', 'out-of-region', 47, 15]]);
  });

  it('prints as file:line:col, severity, code, sentence and suggestion', async () => {
    const result = await load('unknown-key');
    const plain = new Chalk({ level: 0 });
    expect(result.ok ? [] : result.issues.map((i) => formatIssue(i, plain))).toEqual([
      "invalid-unknown-key.yaml:16:5 error unknown-key: Unknown key \"provnce\". Did you mean 'province'?",
    ]);
  });

  it('suggests the nearest id for a misspelt reference', async () => {
    const result = await load('unknown-attraction');
    expect(result.ok ? [] : result.issues.map((i) => i.hint)).toEqual(["Did you mean 'yellow-crane-tower'?"]);
  });

  it('names the supported version when the version is another', async () => {
    const result = await load('unsupported-version');
    expect(result.ok ? '' : result.issues[0]!.message).toBe('Catalogue version 2 is not supported; this yangtze reads version 1.');
  });
});
