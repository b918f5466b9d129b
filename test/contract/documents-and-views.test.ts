/**
 * The other halves of the output contract (design/CLI.md "Output"): every
 * `--json` document is versioned and says what it is; piped output carries no
 * colour and no header; a terminal gets colour unless NO_COLOR, --no-color or
 * TERM=dumb says otherwise (FORCE_COLOR wins over NO_COLOR, --no-color over both);
 * stderr's colour is decided apart from stdout's.
 */
import { describe, expect, it } from '@jest/globals';
import { runCli, type RunCliOptions } from '../cli/helpers/run-cli.js';

const ANSI = /\u001b\[/;
const GOLDEN_PLAN = 'test/golden/eco-changsha-relaxed.itinerary.json';
const PLAN_TEXT = ['plan', '--from', 'wuhan', '--to', 'wuhan', '--start', '2026-05-12', '--days', '1', '--themes', 'cultural'];

describe('--json documents: schemaVersion 1 and a kind', () => {
  it.each([
    [['catalogue', 'list', '--json'], 'yangtze.attractions'],
    [['catalogue', 'show', 'yellow-crane-tower', '--json'], 'yangtze.attraction'],
    [['catalogue', 'show', 'wuhan', '--json'], 'yangtze.city'],
    [['catalogue', 'validate', '--json'], 'yangtze.catalogue-validation'],
    [['pass', 'products', '--json'], 'yangtze.pass-products'],
    [['plan', 'check', GOLDEN_PLAN, '--json'], 'yangtze.plan-check'],
  ])('%j → %s, with no colour even in a colour terminal', async (args, kind) => {
    const run = await runCli(args, { tty: true, env: { FORCE_COLOR: '3' } });
    expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(run.stdout).not.toMatch(ANSI);
    const doc = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(doc).slice(0, 2)).toEqual(['schemaVersion', 'kind']);
    expect(doc).toMatchObject({ schemaVersion: 1, kind });
  });

  it.each([
    [['catalogue', 'list', '--json']],
    [['catalogue', 'show', 'yellow-crane-tower', '--json']],
    [['pass', 'products', '--json']],
  ])('%j is the same document under --lang zh and --lang en', async (args) => {
    const en = await runCli(['--lang', 'en', ...args]);
    const zh = await runCli(['--lang', 'zh', ...args]);
    expect(zh.stdout).toBe(en.stdout);
  });
});

describe('piped output: no colour, no header', () => {
  it('catalogue list gives bare tab-separated rows, even with FORCE_COLOR unset and a colour TERM', async () => {
    const run = await runCli(['catalogue', 'list'], { env: { TERM: 'xterm-256color', COLORTERM: 'truecolor' } });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toMatch(ANSI);
    const first = run.stdout.split('\n')[0]!.split('\t');
    // The first column is an id, not a heading.
    expect(first[0]).toMatch(/^[a-z0-9-]+$/);
    expect(first[0]).not.toMatch(/^id$/i);
    expect(run.stdout).not.toMatch(/^ID\b/m);
  });

  it('pass products gives bare rows', async () => {
    const run = await runCli(['pass', 'products']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toMatch(ANSI);
    expect(run.stdout.split('\n')[0]).toMatch(/^[a-z0-9-]+\t/);
  });

  it('the plan gives record rows whose first column is the record type', async () => {
    const run = await runCli(PLAN_TEXT, { monotonicMs: () => 0 });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toMatch(ANSI);
    for (const row of run.stdout.trimEnd().split('\n')) expect(row.split('\t')[0]).toMatch(/^(day|visit|travel|meal|theme|unscheduled|total)$/);
  });

  it('a usage error on a piped stderr has no colour, even when stdout is a terminal', async () => {
    const run = await runCli(['catalogue', 'list', '--theme', 'foo'], { tty: true, stderrTTY: false });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^error: --theme/);
    expect(run.stderr).not.toMatch(ANSI);
  });
});

describe('terminal output: colour, and the ways to turn it off', () => {
  const list = (options: RunCliOptions, ...flags: string[]) => runCli([...flags, 'catalogue', 'list', '--city', 'wuhan'], { tty: true, ...options });

  it('has colour with FORCE_COLOR=1, and a header row', async () => {
    const run = await list({ env: { FORCE_COLOR: '1' } });
    expect(run.stdout).toMatch(ANSI);
    expect(run.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/^ID\s+Name/);
  });

  it('has colour in a plain terminal', async () => {
    expect((await list({})).stdout).toMatch(ANSI);
  });

  it('has none under NO_COLOR', async () => {
    const run = await list({ env: { NO_COLOR: '1' } });
    expect(run.stdout).not.toMatch(ANSI);
    expect(run.stdout).toMatch(/^ID\s+Name/);
  });

  it('has none under TERM=dumb', async () => {
    expect((await list({ env: { TERM: 'dumb' } })).stdout).not.toMatch(ANSI);
  });

  it('has none with --no-color, even when FORCE_COLOR asks for it', async () => {
    expect((await list({}, '--no-color')).stdout).not.toMatch(ANSI);
    expect((await list({ env: { FORCE_COLOR: '1' } }, '--no-color')).stdout).not.toMatch(ANSI);
  });

  it('lets FORCE_COLOR win over NO_COLOR, as Node does', async () => {
    expect((await list({ env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
  });

  it('colours the plan timeline, and --no-color removes it', async () => {
    const coloured = await runCli(PLAN_TEXT, { tty: true, env: { FORCE_COLOR: '1' }, monotonicMs: () => 0 });
    const plain = await runCli(['--no-color', ...PLAN_TEXT], { tty: true, monotonicMs: () => 0 });
    expect(coloured.stdout).toMatch(ANSI);
    expect(plain.stdout).not.toMatch(ANSI);
    expect(plain.stdout).toBe(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, ''));
  });

  it('colours "error:" on a terminal stderr, and not under --no-color', async () => {
    const coloured = await runCli(['catalogue', 'show', 'nosuch'], { tty: true, env: { FORCE_COLOR: '1' } });
    const plain = await runCli(['--no-color', 'catalogue', 'show', 'nosuch'], { tty: true });
    expect(coloured.exitCode).toBe(4);
    expect(coloured.stderr).toMatch(/\u001b\[31merror:/);
    expect(plain.stderr).toMatch(/^error: no attraction or city 'nosuch'/);
  });
});
