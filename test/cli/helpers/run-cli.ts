/**
 * Whole-CLI runs for tests. `runCli` runs the program in-process with fake
 * effects (captured streams, a terminal or a pipe, a fixed clock, a clean
 * environment); `spawnCli` runs `node bin/yangtze.js` for real (build first).
 * Both give back what a user would see: stdout, stderr and the exit code.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Effects, Stream } from '../../../src/cli/effects.js';
import { runCli as runProgram } from '../../../src/cli/program.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BIN = path.join(REPO_ROOT, 'bin', 'yangtze.js');

/** Monday 2026-05-11, 09:00 in Wuhan: the default "now" of every test run. */
export const FIXED_NOW_MS = Date.parse('2026-05-11T09:00:00+08:00');

/**
 * A home for the ledger and keys that is never the user's real one; tests that
 * write there should pass their own (`--home` or `YANGTZE_HOME`).
 */
export const TEST_HOME = path.join(REPO_ROOT, '.test-home', 'default');

export interface CliRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export interface RunCliOptions {
  /** stdout (and, unless `stderrTTY` says otherwise, stderr) is a terminal. Default false: a pipe. */
  readonly tty?: boolean;
  readonly stderrTTY?: boolean;
  /** stdin is a terminal (prompts may appear). Default false. */
  readonly stdinTTY?: boolean;
  /** What `-` reads from stdin. */
  readonly stdin?: string;
  /** The whole environment (nothing leaks in from the real one), merged over {HOME, YANGTZE_HOME, LANG}. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** Wall clock: epoch ms or an ISO timestamp. Default FIXED_NOW_MS. */
  readonly now?: number | string;
  /**
   * Monotonic clock; default one that stands still, so a plan's search stops on its effort alone
   * and a loaded machine cannot cut it short and change it (the wall-clock cap is the only reader;
   * test/plan/deterministic-under-load.test.ts injects clocks that move).
   */
  readonly monotonicMs?: () => number;
  /** Terminal width; default 100. */
  readonly columns?: number;
}

/** The environment every run starts from: English, no colour settings, a throwaway home. */
export const BASE_ENV: Readonly<Record<string, string>> = {
  HOME: TEST_HOME,
  YANGTZE_HOME: TEST_HOME,
  LANG: 'en_US.UTF-8',
};

/** Runs the CLI in-process, as `yangtze ...args` would. */
export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  const { effects, stdout, stderr } = fakeEffects(options);
  const exitCode = await runProgram(args, effects);
  return { stdout: stdout.text(), stderr: stderr.text(), exitCode };
}

export interface FakeEffects {
  readonly effects: Effects;
  readonly stdout: CapturedStream;
  readonly stderr: CapturedStream;
}

export interface CapturedStream extends Stream {
  text(): string;
}

/** The effects object behind `runCli`, for tests that call a command function directly. */
export function fakeEffects(options: RunCliOptions = {}): FakeEffects {
  const tty = options.tty ?? false;
  const stdout = capture(tty, options.columns ?? 100);
  const stderr = capture(options.stderrTTY ?? tty, options.columns ?? 100);
  const nowMs = typeof options.now === 'string' ? Date.parse(options.now) : (options.now ?? FIXED_NOW_MS);
  if (Number.isNaN(nowMs)) throw new Error(`runCli: bad "now": ${String(options.now)}`);
  const effects: Effects = {
    stdout,
    stderr,
    stdinIsTTY: options.stdinTTY ?? false,
    env: { ...BASE_ENV, ...options.env },
    cwd: options.cwd ?? REPO_ROOT,
    now: () => nowMs,
    monotonicMs: options.monotonicMs ?? (() => 0),
    readStdin: async () => options.stdin ?? '',
  };
  return { effects, stdout, stderr };
}

function capture(isTTY: boolean, columns: number): CapturedStream {
  const chunks: string[] = [];
  return {
    isTTY,
    columns,
    write: (chunk: string) => {
      chunks.push(chunk);
      return true;
    },
    text: () => chunks.join(''),
  };
}

export interface SpawnCliOptions {
  readonly cwd?: string;
  /** Merged over BASE_ENV and PATH; nothing else leaks in from the real environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Written to the child's stdin, which is then closed. */
  readonly input?: string;
  /** Kill the child after this long; default 20 s. */
  readonly timeoutMs?: number;
}

/** Runs `node bin/yangtze.js ...args` for real (stdout and stderr are pipes). Needs `npm run build`. */
export function spawnCli(args: readonly string[], options: SpawnCliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ PATH: process.env.PATH, ...BASE_ENV, ...options.env })) {
      if (v !== undefined) env[k] = v;
    }
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env, stdio: 'pipe' });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') + (signal ? `\n[killed by ${signal}]` : ''),
        exitCode: code ?? 128,
      });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Removes ANSI colour codes, for comparing terminal output as text. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
