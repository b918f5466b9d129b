/**
 * Runs the catalogue generator (scripts/facts-to-routes.mjs) on the shipped facts with one given
 * research file in place of catalogue/research/, and returns one generated attraction.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface GeneratedSite {
  price: Record<string, number>;
  hours?: unknown;
  provenance: Record<string, { status: string; source?: string | string[]; note?: string }>;
}

export function generatedSite(research: string, id: string): GeneratedSite {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yangtze-generator-'));
  try {
    mkdirSync(path.join(dir, 'research'), { recursive: true });
    writeFileSync(path.join(dir, 'research', 'test.yaml'), research);
    execFileSync(process.execPath, ['scripts/facts-to-routes.mjs', '--research', path.join(dir, 'research'), '--out', path.join(dir, 'routes.yaml')], { cwd: ROOT, stdio: 'pipe' });
    const doc = YAML.parse(readFileSync(path.join(dir, 'routes.yaml'), 'utf8')) as { attractions: ({ id: string } & GeneratedSite)[] };
    const site = doc.attractions.find((a) => a.id === id);
    if (!site) throw new Error(`${id} not generated`);
    return site;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the generator with --verbose and returns its log (the records it did not apply, and why). */
export function generatorLog(research: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yangtze-generator-'));
  try {
    mkdirSync(path.join(dir, 'research'), { recursive: true });
    writeFileSync(path.join(dir, 'research', 'test.yaml'), research);
    return execFileSync(process.execPath, ['scripts/facts-to-routes.mjs', '--verbose', '--research', path.join(dir, 'research'), '--out', path.join(dir, 'routes.yaml')], { cwd: ROOT, stdio: 'pipe' }).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
