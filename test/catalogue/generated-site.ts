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
  location: { lat: number; lon: number };
  price: Record<string, number>;
  hours?: unknown;
  provenance: Record<string, { status: string; source?: string | string[]; note?: string }>;
}

/** One research file's text (written as test.yaml), or several files by name. */
export type ResearchFiles = string | Record<string, string>;

function writeResearch(dir: string, research: ResearchFiles): void {
  mkdirSync(path.join(dir, 'research'), { recursive: true });
  const files = typeof research === 'string' ? { 'test.yaml': research } : research;
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'research', name), text);
}

export function generatedSite(research: ResearchFiles, id: string): GeneratedSite {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yangtze-generator-'));
  try {
    writeResearch(dir, research);
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
export function generatorLog(research: ResearchFiles): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yangtze-generator-'));
  try {
    writeResearch(dir, research);
    return execFileSync(process.execPath, ['scripts/facts-to-routes.mjs', '--verbose', '--research', path.join(dir, 'research'), '--out', path.join(dir, 'routes.yaml')], { cwd: ROOT, stdio: 'pipe' }).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
