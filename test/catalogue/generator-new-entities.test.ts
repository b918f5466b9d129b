/**
 * The catalogue generator (scripts/facts-to-routes.mjs) adds a research file's new entities only
 * when everything they need is there, and leaves the rest out with a reason — never a broken
 * catalogue. Runs the real script on the shipped fact sheet plus a research directory of its own.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function generate(researchYaml: string): { status: number | null; stdout: string; stderr: string; routes: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'yangtze-gen-'));
  try {
    writeFileSync(path.join(dir, 'new.yaml'), researchYaml);
    const out = path.join(dir, 'routes.yaml');
    const run = spawnSync(process.execPath, ['scripts/facts-to-routes.mjs', '--research', dir, '--out', out, '--verbose'], { cwd: ROOT, encoding: 'utf8' });
    let routes = '';
    try {
      routes = readFileSync(out, 'utf8');
    } catch {
      routes = '';
    }
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, routes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('new entities of the research files', () => {
  it('leaves out a real pass whose only site is left out with its city (the city has no point yet)', () => {
    const run = generate(`
new:
  cities:
    - { id: far-town, name: Far Town, name_zh: 远镇, province: Hunan }
  attractions:
    - { id: far-peak, city: far-town, name: Far Peak, name_zh: 远峰, themes: [eco], location: { lat: 27.25, lon: 112.73 }, visit: 4h }
  passes:
    - { id: far-year-card, real: true, name: Far Town year card, validity: "1 year, unlimited entries", coverage: { attractions: [far-peak] } }
facts:
  - { id: far-peak, field: hours, value: { open: "08:00", close: "17:00" }, status: estimate, source: { title: "a page", url: "https://example.org/a" }, checked: 2026-12-06 }
  - { id: far-peak, field: price, value: { adult: 100 }, status: estimate, source: { title: "a page", url: "https://example.org/a" }, checked: 2026-12-06 }
  - { id: far-year-card, field: price, value: { adult: 100 }, status: estimate, source: { title: "a page", url: "https://example.org/a" }, checked: 2026-12-06 }
`);
    expect(run.stderr).not.toMatch(/ERROR/);
    expect(run.stdout).not.toMatch(/ERROR/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('new attraction far-peak: left out, city far-town is not in the catalogue');
    expect(run.stdout).toContain('new pass far-year-card: left out, it covers no attraction of the catalogue');
    expect(run.routes).not.toContain('far-year-card');
    expect(run.routes).not.toContain('far-peak');
  });
  it('ships a real multi-day scenic-area ticket: structured validity, its entries rule and a sourced validity record', () => {
    const run = generate(`
new:
  passes:
    - { id: pavilion-week-ticket, real: true, name: Pavilion week ticket, validity: { days: 7, starts: issue-date, text: "7 days from purchase" }, entries: once-per-day, eligibility: "open to every visitor", coverage: { attractions: [tengwang-pavilion] } }
facts:
  - { id: pavilion-week-ticket, field: price, value: { adult: 45 }, status: confirmed, source: { title: "a ticket page", url: "https://example.org/t" }, checked: 2026-12-07 }
  - { id: pavilion-week-ticket, field: validity, value: { days: 5, starts: first-use }, status: confirmed, source: { title: "the rules page", url: "https://example.org/r" }, checked: 2026-12-07 }
`);
    expect(run.status).toBe(0);
    const block = run.routes.slice(run.routes.indexOf('- id: pavilion-week-ticket'));
    const pass = block.slice(0, block.indexOf('\n  - id:', 1) > 0 ? block.indexOf('\n  - id:', 1) : undefined);
    // the record wins over the entity's own validity: 5 days from first use, with its own provenance
    expect(pass).toMatch(/validity:\s*\{?\s*kind: consecutive-days,?\s*days: 5,?\s*starts: first-use/);
    expect(pass).toContain('entries: once-per-day');
    expect(pass).toMatch(/validity:\s*\{\s*status: confirmed/);
    expect(pass).not.toContain('residents_only');
  });

  it('leaves out a real pass whose validity is neither a year nor whole days', () => {
    const run = generate(`
new:
  passes:
    - { id: vague-ticket, real: true, name: Vague ticket, validity: "several days", coverage: { attractions: [tengwang-pavilion] } }
facts:
  - { id: vague-ticket, field: price, value: { adult: 45 }, status: confirmed, source: { title: "a ticket page", url: "https://example.org/t" }, checked: 2026-12-07 }
  - { id: vague-ticket, field: validity, value: { days: 2.5 }, status: confirmed, source: { title: "the rules page", url: "https://example.org/r" }, checked: 2026-12-07 }
`);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('vague-ticket.validity): validity without whole days');
    expect(run.stdout).toContain('new passes vague-ticket: left out, no validity yet');
    expect(run.routes).not.toContain('vague-ticket');
  });
});
