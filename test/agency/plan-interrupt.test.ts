/**
 * Ctrl-C at any prompt of the interactive planner: the real @inquirer/prompts
 * (the asker the CLI uses) on streams the test drives, interrupted at each
 * question of a whole session in turn. Every time: exit 130, nothing but a
 * line break on the terminal, never "internal error" or a stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { createContext } from '../../src/cli/context.js';
import { ExitCode } from '../../src/cli/errors.js';
import { reportError } from '../../src/cli/program.js';
import { inquirerAsker, type Asker } from '../../src/cli/prompts/asker.js';
import { runInteractivePlan } from '../../src/commands/plan-interactive.js';
import { fakeEffects, REPO_ROOT } from '../cli/helpers/run-cli.js';
import { scriptedAsker, type Scripted } from './helpers/scripted-asker.js';

const ROUTES = path.join(REPO_ROOT, 'routes.yaml');

/** Answers from the script until question `at`, which the real prompt asks and Ctrl-C ends. */
async function interruptedAt(at: number, script: readonly Scripted[]): Promise<Asker & { asked: () => number }> {
  // Keys arrive as readline's keypress events, as a terminal's would (the way @inquirer/testing drives prompts).
  const input = new PassThrough();
  const output = new Writable({ write: (_chunk, _enc, done) => done() });
  const real = await inquirerAsker({ input, output });
  const scripted = scriptedAsker(script);
  let n = 0;
  const ask = <K extends keyof Asker>(kind: K) =>
    ((q: never) => {
      if (n++ < at) return (scripted[kind] as (q: never) => unknown)(q);
      const answer = (real[kind] as (q: never) => Promise<unknown>)(q);
      setImmediate(() => input.emit('keypress', null, { name: 'c', ctrl: true }));
      return answer;
    }) as Asker[K];
  return { search: ask('search'), input: ask('input'), checkbox: ask('checkbox'), select: ask('select'), confirm: ask('confirm'), asked: () => n };
}

/** A session that meets every kind of prompt: the questions, the menu, a stop to add, a traveller, a file to save. */
const SESSION: readonly Scripted[] = [
  ['search', 'wuhan'],
  ['search', 'nanchang'],
  ['input', '2026-05-12'],
  ['input', '2'],
  ['checkbox', ['red']],
  ['input', '1'], ['input', '0'], ['input', '0'], ['input', '0'],
  ['select', 'standard'],
  ['checkbox', []],
  ['input', ''],
  ['select', 'issue'],
  ['input', 'Li Wei'], ['select', 'adult'], ['input', ''], ['confirm', false],
  ['select', 'save'], ['input', 'trip'], ['checkbox', ['json']],
  ['select', 'done'],
];

(existsSync(ROUTES) ? describe : describe.skip)('Ctrl-C in the interactive planner', () => {
  it('the script walks a whole session (so every position below is a real prompt)', async () => {
    const { ctx } = terminal();
    const script = scriptedAsker(SESSION);
    await runInteractivePlan(ctx, {}, { asker: script, plan: fixedPlan });
    expect(script.remaining()).toBe(0);
  });

  it.each(SESSION.map((step, i) => [i, step[0]] as const))('at question %i (%s): exit 130, quietly', async (at) => {
    const { ctx, effects, stdout, stderr } = terminal();
    const asker = await interruptedAt(at, SESSION);
    const error = await runInteractivePlan(ctx, {}, { asker, plan: fixedPlan }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(asker.asked()).toBe(at + 1);
    expect((error as Error).name).toBe('ExitPromptError');
    const before = stderr.text();
    expect(reportError(error, effects)).toBe(ExitCode.interrupted);
    expect(stderr.text().slice(before.length)).toBe('\n');
    expect(stderr.text() + stdout.text()).not.toMatch(/internal error|^ {4}at /m);
  });
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yangtze-interrupt-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A terminal in a scratch folder (the session saves there) with a home that has no keys (issuing says so, and goes on). */
function terminal() {
  const fake = fakeEffects({ tty: true, stdinTTY: true, cwd: dir, env: { NO_COLOR: '1' } });
  return { ctx: createContext(fake.effects, { catalogue: ROUTES, home: path.join(dir, 'home') }), ...fake };
}

/** The session's plans come from the real catalogue but a fixed, quick plan keeps 20 runs fast. */
async function fixedPlan(ctx: Parameters<typeof runInteractivePlan>[0], options: Record<string, unknown>) {
  const { planFromOptions } = await import('../../src/commands/plan.js');
  return planFromOptions(ctx, { ...options, timeLimit: '50' });
}
