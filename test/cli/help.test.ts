/**
 * Every command's `--help`, walked from the program itself (so a command
 * added later is checked too): examples at the end, the global flags listed,
 * no commander default noise. And the frame's own promises: a misspelt
 * command is named before any option is looked at, `--json` gets its errors
 * as JSON, and one wording of "did you mean" everywhere.
 */
import { describe, expect, it } from '@jest/globals';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { fakeEffects, runCli } from './helpers/run-cli.js';

async function allCommandPaths(): Promise<string[][]> {
  const program = await buildProgram(fakeEffects().effects);
  const paths: string[][] = [];
  const walk = (c: Command, at: string[]) => {
    for (const sub of c.commands) {
      if (sub.name() === 'help') continue;
      paths.push([...at, sub.name()]);
      walk(sub, [...at, sub.name()]);
    }
  };
  walk(program, []);
  return paths;
}

const GLOBAL_FLAGS = ['--catalogue <file>', '--home <dir>', '--no-color', '--no-input', '-q, --quiet', '--lang <lang>'];

describe('--help of every command', () => {
  it('walks more than the handful of groups (the walk itself works)', async () => {
    const paths = await allCommandPaths();
    expect(paths.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['catalogue list', 'plan check', 'pass issue', 'pass revocations export', 'keys init']));
  });

  it('ends with examples of that command, lists the global flags, and shows no "(default: [])" noise', async () => {
    const problems: string[] = [];
    for (const words of await allCommandPaths()) {
      const run = await runCli([...words, '--help']);
      const name = words.join(' ');
      if (run.exitCode !== 0) problems.push(`${name}: exit ${run.exitCode}`);
      const examples = run.stdout.split('\nExamples:\n')[1];
      if (!examples) problems.push(`${name}: no Examples`);
      else if (!examples.includes(`$ yangtze ${name}`) && !examples.includes(`$ yangtze --`)) problems.push(`${name}: no example runs it`);
      const global = run.stdout.split('\nGlobal Options:\n')[1] ?? '';
      for (const flag of GLOBAL_FLAGS) if (!global.includes(flag)) problems.push(`${name}: global flag ${flag} not shown`);
      if (run.stdout.includes('(default: [])')) problems.push(`${name}: "(default: [])"`);
      // Two defaults on one option: the description's own and commander's.
      for (const option of run.stdout.split(/\n(?=  -)/)) if ((option.match(/\(default/g) ?? []).length > 1) problems.push(`${name}: ${option.trim()}`);
    }
    expect(problems).toEqual([]);
  });

  it('the top level too has examples', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toMatch(/\nExamples:\n(.*\n)*  \$ yangtze plan --from/);
  });
});

describe('a misspelt command', () => {
  it('is named as the unknown command even when options follow it (not "unknown option")', async () => {
    const run = await runCli(['pln', '--from', 'wuhan', '--start', '2026-05-12']);
    expect(run).toEqual({ exitCode: 2, stdout: '', stderr: "error: unknown command 'pln'\nDid you mean 'plan'?\n" });
  });

  it('is found below a group as well, after global options with values', async () => {
    const run = await runCli(['--home', '/tmp/x', 'pass', 'verfy', '--at', 'yellow-crane-tower', 'YZ1:x']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe("error: unknown command 'pass verfy'\nDid you mean 'pass verify'?\n");
  });

  it('leaves a real command with a real unknown option to commander, in the same "did you mean" wording', async () => {
    const run = await runCli(['plan', '--from', 'wuhan', '--jsn']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("unknown option '--jsn'");
    expect(run.stderr).toContain("Did you mean '--json'?");
  });
});

describe('--json on a failure', () => {
  it('prints a usage error as a JSON document on stdout, with the same exit code', async () => {
    const run = await runCli(['catalogue', 'list', '--city', 'wuhn', '--json']);
    expect(run.exitCode).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      schemaVersion: 1,
      kind: 'yangtze.error',
      exitCode: 2,
      error: 'usage',
      message: expect.stringContaining("--city: no city 'wuhn'"),
      hint: expect.stringContaining("Did you mean 'wuhan'?"),
      issues: [],
    });
    expect(run.stderr).toContain("--city: no city 'wuhn'");
  });

  it('prints invalid input data with every issue (exit 3)', async () => {
    const run = await runCli(['--catalogue', 'test/fixtures/cli/catalogue-invalid.yaml', 'catalogue', 'list', '--json']);
    expect(run.exitCode).toBe(3);
    const doc = JSON.parse(run.stdout) as { error: string; issues: { severity: string; line: number | null }[] };
    expect(doc.error).toBe('data');
    expect(doc.issues.length).toBeGreaterThan(0);
    expect(doc.issues.every((i) => typeof i.line === 'number')).toBe(true);
  });

  it('covers a commander error (unknown option) and a missing file (exit 4)', async () => {
    const unknown = await runCli(['catalogue', 'list', '--bogus', '--json']);
    expect([unknown.exitCode, JSON.parse(unknown.stdout).message]).toEqual([2, "unknown option '--bogus'"]);
    const missing = await runCli(['plan', 'check', '/nonexistent/plan.json', '--json']);
    expect([missing.exitCode, JSON.parse(missing.stdout).error]).toEqual([4, 'not-found']);
  });

  it('adds nothing after a command that already answered on stdout (catalogue validate --json)', async () => {
    const run = await runCli(['catalogue', 'validate', 'test/fixtures/cli/catalogue-invalid.yaml', '--json']);
    expect(run.exitCode).toBe(3);
    expect(JSON.parse(run.stdout).kind).toBe('yangtze.catalogue-validation');
  });

  it('leaves stdout empty on failure without --json', async () => {
    const run = await runCli(['catalogue', 'list', '--city', 'wuhn']);
    expect([run.exitCode, run.stdout]).toEqual([2, '']);
  });
});
