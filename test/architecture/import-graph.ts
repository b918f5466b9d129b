/**
 * The import graph of src/, read from the source text: every static
 * `import … from './x.js'`, `export … from`, and dynamic `import('./x.js')`
 * (a lazy import is still an arrow between modules). Relative specifiers are
 * resolved to the .ts file; packages and node: builtins are kept as named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ImportGraph {
  /** Module (path relative to the root, e.g. src/cli/program.ts) → what it imports (modules or package names). */
  readonly edges: ReadonlyMap<string, readonly string[]>;
}

const SPECIFIER = /(?:^|[;\s])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[;\s])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Each module's source (path relative to the root → text), comments removed. */
export function readSources(root: string, dir = 'src'): Map<string, string> {
  return new Map(tsFiles(path.join(root, dir)).map((file) => [path.relative(root, file).split(path.sep).join('/'), stripComments(readFileSync(file, 'utf8'))]));
}

export function readImportGraph(root: string, dir = 'src'): ImportGraph {
  const edges = new Map<string, string[]>();
  for (const [from, text] of readSources(root, dir)) {
    const targets: string[] = [];
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      targets.push(spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)).replace(/\.js$/, '.ts') : spec);
    }
    edges.set(from, [...new Set(targets)]);
  }
  return { edges };
}

/** Every cycle among the modules, one per strongly connected component (Tarjan), as the modules in it. */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.edges.get(v) ?? []) {
      if (!graph.edges.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (graph.edges.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) cycles.push(component.sort());
    }
  };
  for (const v of [...graph.edges.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** Comments removed, so an import named in a comment is not an arrow (strings are left alone). */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}
