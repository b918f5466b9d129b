/**
 * The arrows point one way: no import cycle anywhere in src/ (a lazy
 * `import()` counts), and the domain core imports nothing with effects —
 * no I/O layer, no views, no commands or CLI, no file system, no process.
 * Nor does it reach them without an import: no clock, no process, no console,
 * no randomness, no timers (the clock, seeds and effort are passed in).
 * Each rule is also checked to catch a seeded violation, so it cannot pass
 * by reading nothing.
 */
import { describe, expect, it } from '@jest/globals';
import { importCycles, readImportGraph, readSources, type ImportGraph } from './import-graph.js';
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

/** Globals that reach the machine without an import: the clock, the process, the terminal, chance, timers. */
const AMBIENT_EFFECTS = /\b(?:random(?:Bytes|UUID|Int|FillSync)\(|Date\.now\(|new Date\(\s*\)|performance\.now\(|process\.|console\.|Math\.random\(|setTimeout\(|setInterval\(|setImmediate\(|globalThis\b|fetch\()/g;

/** Packages the domain may import: deterministic functions only (a terminal library such as chalk is not one). */
const PURE_PACKAGES = ['node:crypto', 'node:zlib', 'zod', 'date-fns'];

function ambientEffects(sources: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of sources) {
    if (!file.startsWith('src/domain/')) continue;
    // Quoted text is not code: a message may say "process." or "console.".
    const code = text.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
    for (const m of code.matchAll(AMBIENT_EFFECTS)) found.push(`${file}: ${m[0]}`);
  }
  return found;
}

describe('the source of src/domain', () => {
  const sources = readSources(REPO_ROOT);

  it('is read (every module)', () => {
    expect([...sources.keys()].filter((f) => f.startsWith('src/domain/')).length).toBeGreaterThan(50);
  });

  it('uses no clock, process, console, randomness or timer of its own', () => {
    expect(ambientEffects(sources)).toEqual([]);
  });

  it('imports no package but pure ones: hashing and signatures, deflate, the schema library, dates', () => {
    const packages = [...graph.edges].filter(([from]) => from.startsWith('src/domain/')).flatMap(([, targets]) => targets.filter((t) => !t.startsWith('src/')));
    expect([...new Set(packages)].filter((p) => !PURE_PACKAGES.includes(p))).toEqual([]);
  });

  it('would catch each of them (seeded)', () => {
    const seeded = new Map([
      ['src/domain/seeded.ts', 'const t = Date.now(); const d = new Date(); process.exit(1); console.log(t); Math.random(); setTimeout(f, 1); randomBytes(32);'],
      ['src/domain/quoted.ts', "const m = 'see process.env'; const d = new Date(ms);"],
    ]);
    expect(ambientEffects(seeded)).toEqual(['Date.now(', 'new Date()', 'process.', 'console.', 'Math.random(', 'setTimeout(', 'randomBytes('].map((e) => `src/domain/seeded.ts: ${e}`));
  });
});

/** Exported names of src/ that nothing reads: not another module, not a test or bench, not even their own file. */
function deadExports(sources: ReadonlyMap<string, string>, readers: readonly string[]): string[] {
  const EXPORTED = /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;
  const dead: string[] = [];
  for (const [file, text] of sources) {
    for (const [, name] of text.matchAll(EXPORTED)) {
      const word = `(?<![\\w$])${name!.replace(/\$/g, '\\$')}(?![\\w$])`;
      const usedInOwnFile = (text.match(new RegExp(word, 'g')) ?? []).length > 1;
      const readElsewhere = readers.some((t) => t !== text && new RegExp(word).test(t));
      if (!usedInOwnFile && !readElsewhere) dead.push(`${file}: ${name}`);
    }
  }
  return dead;
}

describe('exports', () => {
  const sources = readSources(REPO_ROOT);
  const readers = [...sources.values(), ...['test', 'bench'].flatMap((d) => [...readSources(REPO_ROOT, d).values()])];

  it('are all read somewhere (a dead export is code nobody runs)', () => {
    expect(deadExports(sources, readers)).toEqual([]);
  });

  it('would catch one (seeded)', () => {
    const seeded = new Map([['src/domain/seeded.ts', 'export function neverCalled(): number {\n  return 1;\n}\nexport const used = 2;\n']]);
    expect(deadExports(seeded, ['import { used } from "./seeded.js";'])).toEqual(['src/domain/seeded.ts: neverCalled']);
  });
});
