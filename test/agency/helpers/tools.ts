/**
 * The optional system tools some tests need (Chromium, tmux, CBC, poppler):
 * one helper decides what a missing tool means. On a developer's machine the
 * tests are skipped and say so on stderr, visibly, even in a full run
 * ("[skipped] …: CBC is not installed (apt-get install -y coinor-cbc)"); on
 * CI (CI=true, as .ci/run sets) a missing tool is a failure, never a silent
 * skip.
 */
import { describe, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';

export function which(...names: string[]): string | undefined {
  for (const name of names) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

export interface ToolNeed {
  /** What the tests check, for the message: "HTML itinerary rendered in a browser". */
  readonly what: string;
  /** The tool as people know it: "Chromium". */
  readonly tool: string;
  /** Command names to look for, first found wins. */
  readonly commands: readonly string[];
  /** How to install it: "apt-get install -y chromium". */
  readonly install: string;
}

/** What a missing tool means here: run, skip (saying so), or fail (CI). Pure, so it is tested. */
export function toolVerdict(found: boolean, env: Readonly<Record<string, string | undefined>>): 'run' | 'skip' | 'fail' {
  if (found) return 'run';
  return env.CI === 'true' || env.CI === '1' ? 'fail' : 'skip';
}

export function missingToolMessage(need: ToolNeed): string {
  return `${need.what}: ${need.tool} is not installed (${need.install})`;
}

/** Written straight to stderr (not console.warn), so a full jest run shows it among the results. */
function sayMissing(need: ToolNeed, verdict: 'skip' | 'fail'): void {
  process.stderr.write(`\n${verdict === 'skip' ? '[skipped]' : '[failing: CI=true]'} ${missingToolMessage(need)}\n`);
}

/**
 * The tool's path and the `describe` to declare its tests with: the real one
 * when the tool is there; describe.skip (after saying so) when not; on CI a
 * describe whose one test fails naming the tool.
 */
export function needTool(need: ToolNeed): { readonly path: string | undefined; readonly describe: (name: string, fn: () => void) => void } {
  const path = which(...need.commands);
  const verdict = toolVerdict(path !== undefined, process.env);
  if (verdict === 'run') return { path, describe };
  sayMissing(need, verdict);
  if (verdict === 'skip') return { path, describe: describe.skip };
  return {
    path,
    describe: (name: string) =>
      describe(name, () => {
        it(`needs ${need.tool}`, () => {
          throw new Error(`${missingToolMessage(need)}; on CI every tool the tests use must be installed`);
        });
      }),
  };
}

/**
 * For a check inside a test that runs without the tool (a PDF read back with
 * poppler): the path, or undefined after saying the check is skipped; on CI
 * a missing tool throws, failing the test.
 */
export function optionalTool(need: ToolNeed): string | undefined {
  const path = which(...need.commands);
  const verdict = toolVerdict(path !== undefined, process.env);
  if (verdict === 'fail') throw new Error(`${missingToolMessage(need)}; on CI every tool the tests use must be installed`);
  if (verdict === 'skip') sayMissing(need, 'skip');
  return path;
}
