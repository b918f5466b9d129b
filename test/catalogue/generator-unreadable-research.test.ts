/**
 * A research file that is not valid YAML stops the generator. Before, it was skipped with a
 * one-line warning and `catalogue:generate` still said "check ok" — so one unclosed quote in a
 * note silently reverted every fact of that file (all of hubei.yaml once: the dam's point, the
 * Tribe's price, the museums' hours) to the base sheet's values in routes.yaml.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the generator on one research file; returns its exit status, stderr and whether it wrote routes.yaml. */
function generate(research: string): { status: number; stderr: string; wrote: boolean } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yangtze-generator-'));
  try {
    mkdirSync(path.join(dir, 'research'), { recursive: true });
    writeFileSync(path.join(dir, 'research', 'broken.yaml'), research);
    const out = path.join(dir, 'routes.yaml');
    try {
      execFileSync(process.execPath, ['scripts/facts-to-routes.mjs', '--research', path.join(dir, 'research'), '--out', out], { cwd: ROOT, stdio: 'pipe' });
      return { status: 0, stderr: '', wrote: existsSync(out) };
    } catch (e) {
      const err = e as { status: number; stderr: Buffer };
      return { status: err.status, stderr: err.stderr.toString(), wrote: existsSync(out) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One hours record of Sanyou Cave whose note is written as given (quotes included). */
const withNote = (note: string): string => `facts:
  - id: sanyou-cave
    field: hours
    value: { open: "09:00", close: "17:00" }
    status: confirmed
    source: { title: "test page", url: "https://example.org/a" }
    checked: 2026-12-07
    note: ${note}
`;

describe('catalogue generator: a research file that does not parse', () => {
  it('fails naming the file and writes no routes.yaml', () => {
    const result = generate(withNote('"a note whose closing quote is missing'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('research file broken.yaml is not valid YAML');
    expect(result.wrote).toBe(false);
  });

  it('still generates from a research file that parses', () => {
    expect(generate(withNote('"a note with its closing quote"'))).toEqual({ status: 0, stderr: '', wrote: true });
  });
});
