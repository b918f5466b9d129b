/**
 * The catalogue generator (scripts/facts-to-routes.mjs) adds a site's mandatory extra (a bus or
 * ferry every visitor pays, with no concessions) to every rider category. A category the research
 * record leaves out is priced by the discount rule on the admission alone, then the extra is
 * added: a child at the Three Gorges Tribe pays half of 150 + 60 = 135, not half of 210 = 105.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the generator on the shipped facts with only `research` as research file; returns the attraction. */
function generated(research: string, id: string): { price: Record<string, number>; provenance: Record<string, { status: string }> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yangtze-generator-'));
  try {
    mkdirResearch(dir, research);
    execFileSync(process.execPath, ['scripts/facts-to-routes.mjs', '--research', path.join(dir, 'research'), '--out', path.join(dir, 'routes.yaml')], { cwd: ROOT, stdio: 'pipe' });
    const doc = YAML.parse(readFileSync(path.join(dir, 'routes.yaml'), 'utf8')) as { attractions: { id: string; price: Record<string, number>; provenance: Record<string, { status: string }> }[] };
    const site = doc.attractions.find((a) => a.id === id);
    if (!site) throw new Error(`${id} not generated`);
    return site;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function mkdirResearch(dir: string, text: string): void {
  mkdirSync(path.join(dir, 'research'), { recursive: true });
  writeFileSync(path.join(dir, 'research', 'test.yaml'), text);
}

const TRIBE = `facts:
  - id: three-gorges-tribe
    field: price
    value: { adult: 150 }
    status: confirmed
    source: { title: "test page", url: "https://example.org/tribe" }
    checked: 2026-12-06
  - id: three-gorges-tribe
    field: mandatory_extras
    value: { what: "bus and ferry", adult_cny: 60 }
    status: confirmed
    source: { title: "test page", url: "https://example.org/tribe" }
    checked: 2026-12-06
`;

describe('catalogue generator: mandatory extras', () => {
  it('prices a category the record leaves out by the discount rule on the admission, then adds the extra', () => {
    const site = generated(TRIBE, 'three-gorges-tribe');
    // curated.yaml: children and students pay half at attractions; seniors have no rule (the loader charges them the full 210)
    expect(site.price).toEqual({ adult: 210, child: 135, student: 135 });
    expect(site.provenance['price.adult']!.status).toBe('confirmed');
    expect(site.provenance['price.child']!.status).toBe('assumed');
    expect(site.provenance['price.student']!.status).toBe('assumed');
  });

  it('keeps a category the record states and adds the extra to it', () => {
    const site = generated(TRIBE.replace('value: { adult: 150 }', 'value: { adult: 150, child: 0 }'), 'three-gorges-tribe');
    expect(site.price).toEqual({ adult: 210, child: 60, student: 135 });
    expect(site.provenance['price.child']!.status).toBe('confirmed');
  });
});
