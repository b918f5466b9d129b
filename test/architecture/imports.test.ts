/**
 * The arrows point one way: no import cycle anywhere in src/ (a lazy
 * `import()` counts), and the domain core imports nothing with effects —
 * no I/O layer, no views, no commands or CLI, no file system, no process.
 * Each rule is also checked to catch a seeded violation, so it cannot pass
 * by reading nothing.
 */
import { describe, expect, it } from '@jest/globals';
import { importCycles, readImportGraph, type ImportGraph } from './import-graph.js';
import { REPO_ROOT } from '../cli/helpers/run-cli.js';

const graph = readImportGraph(REPO_ROOT);

/** What src/domain may not import: the layers outside it, and the modules that reach the machine. */
const FORBIDDEN_IN_DOMAIN = [/^src\/(io|export|commands|cli|server)\//, /^(node:)?(fs|fs\/promises|child_process|process|os|net|http|https|worker_threads)$/];

function domainViolations(g: ImportGraph): string[] {
  const found: string[] = [];
  for (const [from, targets] of g.edges) {
    if (!from.startsWith('src/domain/')) continue;
    for (const t of targets) if (FORBIDDEN_IN_DOMAIN.some((re) => re.test(t))) found.push(`${from} → ${t}`);
  }
  return found;
}

describe('the import graph of src/', () => {
  it('is read (every module, with its arrows)', () => {
    expect(graph.edges.size).toBeGreaterThan(100);
    expect(graph.edges.get('src/cli/program.ts')).toEqual(expect.arrayContaining(['commander', 'src/cli/action.ts', 'src/cli/register-plan.ts']));
  });

  it('has no import cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('keeps the domain free of I/O, views, commands, the CLI, the file system and the process', () => {
    expect(domainViolations(graph)).toEqual([]);
  });

  it('would catch a cycle and a domain import of the file system (seeded)', () => {
    const seeded = new Map(graph.edges);
    seeded.set('src/cli/action.ts', [...(seeded.get('src/cli/action.ts') ?? []), 'src/cli/program.ts']);
    seeded.set('src/domain/issues.ts', [...(seeded.get('src/domain/issues.ts') ?? []), 'node:fs']);
    const g = { edges: seeded };
    expect(importCycles(g)).toEqual([expect.arrayContaining(['src/cli/action.ts', 'src/cli/program.ts', 'src/cli/register-plan.ts'])]);
    expect(domainViolations(g)).toEqual(['src/domain/issues.ts → node:fs']);
  });
});
