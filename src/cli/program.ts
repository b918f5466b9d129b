/**
 * The command-line frame: global options, the command groups (each registered
 * from its own file and loading its implementation lazily), and the single
 * place where errors become messages and exit codes.
 */
import { neutraliseControls } from '../domain/control-characters.js';
import { Command, CommanderError, Help, Option } from 'commander';
import { Chalk } from 'chalk';
import { action, unknownCommand, type Register } from './action.js';
import type { Effects, Stream } from './effects.js';
import { DataError, ExitCode, UserError, UsageError, isPromptExit, type ExitCodeValue } from './errors.js';
import { fileFailureReason } from './file-errors.js';
import { examples } from './help.js';
import { colorLevel } from './output.js';
import { formatIssues } from './render-issues.js';
import { errorDocument } from '../export/error-json.js';
import { suggestionText } from '../domain/did-you-mean.js';

export const VERSION = '0.1.0';

/**
 * The command groups, one line each, in the order `--help` lists them. Each
 * file declares its commands and options only; the command code loads when
 * the command runs.
 */
const GROUPS: readonly (() => Promise<{ register: Register }>)[] = [
  () => import('./register-catalogue.js'),
  () => import('./register-plan.js'),
  () => import('./register-pass.js'),
  () => import('./register-keys.js'),
  () => import('./register-quote.js'),
  () => import('./register-gate.js'),
];

export async function buildProgram(effects: Effects): Promise<Command> {
  const program = new Command('yangtze')
    .description('Itineraries and one-ticket passes for the Yangtze River middle reaches')
    .version(VERSION, '-V, --version')
    .option('--catalogue <file>', 'catalogue to read (default: ./routes.yaml, else the shipped one)')
    .option('--home <dir>', 'where the ledger and keys live (default: $YANGTZE_HOME, else the XDG data dir)')
    .option('--ledger <url>', 'a PostgreSQL ledger (postgresql://…) instead of the SQLite file under --home (default: $YANGTZE_LEDGER_URL)')
    .option('--no-color', 'no colour (also NO_COLOR, TERM=dumb)')
    .option('--no-input', 'never prompt; a missing value is a usage error')
    .option('-q, --quiet', 'no progress or notes on stderr')
    .addOption(new Option('--lang <lang>', 'language of names and labels').choices(['en', 'zh']))
    .showSuggestionAfterError(true)
    // Subcommands inherit this: every `--help` lists the global flags too (but not --version, which only the root has).
    .configureHelp({
      showGlobalOptions: true,
      visibleGlobalOptions(cmd) {
        return Help.prototype.visibleGlobalOptions.call(this, cmd).filter((o) => o.long !== '--version');
      },
    })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void effects.stdout.write(s),
      writeErr: (s) => void effects.stderr.write(s),
      // commander's own suggestion, "(Did you mean --json?)", in the wording every other message uses.
      outputError: (s, write) => write(oneSuggestionWording(s)),
    })
    .addHelpText(
      'after',
      examples([
        ['yangtze plan --from wuhan --start 2026-05-12 --days 3 --themes red', 'plan a three-day trip'],
        ['yangtze', 'in a terminal: the interactive planner'],
        ['yangtze catalogue list --city 武汉', 'what there is to see in Wuhan'],
        ['yangtze help pass issue', 'help for one command'],
      ]),
    );
  for (const group of await Promise.all(GROUPS.map((load) => load()))) group.register(program, effects);
  // `yangtze` alone: the interactive planner in a terminal, else the usage text. A root with an
  // action gets no implicit `help` command and rejects a misspelt command as "too many arguments",
  // so both are restored here.
  program.helpCommand(true).allowExcessArguments(true);
  program.action(
    action(async (ctx, _opts, _args, command) => {
      if (command.args.length > 0) throw unknownCommand(command, command.args[0]!);
      if (!ctx.interactive) {
        effects.stderr.write(program.helpInformation());
        throw new UsageError('no command given (prompts need a terminal; --no-input turns them off)');
      }
      const { runInteractivePlan } = await import('../commands/plan-interactive.js');
      await runInteractivePlan(ctx, {});
    }, effects),
  );
  return program;
}

/**
 * The first word that should name a command but names none, as the
 * unknown-command error, before commander parses options: `yangtze pln --from
 * wuhan` is an unknown command, not an unknown option `--from`. Option values
 * (`--home DIR`) are skipped using the options of the commands on the way.
 */
export function misspeltCommand(program: Command, argv: readonly string[]): UsageError | undefined {
  let command = program;
  const valued = new Set<string>();
  const learn = (c: Command) => {
    for (const o of c.options) if (o.required || o.optional) for (const flag of [o.long, o.short]) if (flag) valued.add(flag);
  };
  learn(command);
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') return undefined;
    if (word.startsWith('-') && word !== '-') {
      if (!word.includes('=') && valued.has(word)) i++;
      continue;
    }
    if (command.commands.length === 0) return undefined;
    if (word === 'help') return undefined;
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) return unknownCommand(command, word);
    command = sub;
    learn(command);
  }
  return undefined;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], effects: Effects): Promise<number> {
  // What was typed before `--` decides how an error is shown, since it may come before commander has parsed anything.
  const end = argv.indexOf('--');
  const typed = end === -1 ? argv : argv.slice(0, end);
  const noColor = typed.includes('--no-color');
  const stdout = watched(effects.stdout);
  const watchedEffects: Effects = { ...effects, stdout };
  try {
    const program = await buildProgram(watchedEffects);
    const misspelt = misspeltCommand(program, argv);
    if (misspelt) throw misspelt;
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    const code = reportError(error, effects, noColor ? false : undefined);
    // --json: a script reads the error as data on stdout too, unless the command already wrote its answer there
    // (catalogue validate's report, verify's decision).
    if (code !== ExitCode.ok && wantsJson(typed) && !stdout.used) {
      effects.stdout.write(errorDocument(errorFacts(error, code)));
    }
    return code;
  }
}

/** `--json`, `--format json` or `--format=json` among the words typed. */
export function wantsJson(typed: readonly string[]): boolean {
  return typed.some((w, i) => w === '--json' || w === '--format=json' || (w === '--format' && typed[i + 1] === 'json'));
}

function watched(stream: Stream): Stream & { readonly used: boolean } {
  let used = false;
  return {
    write: (chunk: string) => {
      used = true;
      return stream.write(chunk);
    },
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    get used() {
      return used;
    },
  };
}

/** `color`: false under --no-color (commander's naming), else undefined. */
export function reportError(error: unknown, effects: Effects, color?: boolean): number {
  const style = new Chalk({ level: colorLevel(Boolean(effects.stderr.isTTY), effects.env, color) });
  if (error instanceof CommanderError) {
    // commander already printed its message (help and version exit 0).
    // A group without its subcommand (`yangtze keys`) prints the help with exitCode 1: that is a usage error.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    if (error.code === 'commander.help') return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    return ExitCode.usage;
  }
  if (isPromptExit(error)) {
    // Ctrl-C at a prompt: the person chose to leave. Nothing to explain; the shell's convention for an interrupt.
    if (effects.stderr.isTTY) effects.stderr.write('\n');
    return ExitCode.interrupted;
  }
  if (error instanceof UserError) {
    // Messages may quote what a file or token holds (a holder name): shown as text, never obeyed by the terminal.
    const safe = (text: string) => neutraliseControls(text, true);
    if (error instanceof DataError && error.issues.length > 0) {
      effects.stderr.write(formatIssues(error.issues.map((i) => ({ ...i, message: safe(i.message) })), style));
    }
    if (error.message) effects.stderr.write(`${style.red('error:')} ${safe(error.message)}\n`);
    if (error.hint) effects.stderr.write(`${safe(error.hint)}\n`);
    return error.exitCode;
  }
  const system = systemError(error);
  if (system) {
    // A file the system refused (a path the user gave, or one under --home): their setup, not a bug.
    effects.stderr.write(`${style.red('error:')} ${system.message}\n`);
    return system.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  effects.stderr.write(
    `${style.red('internal error:')} this is a bug in yangtze ${VERSION}, not in your input.\n` +
      `Please report it with the command you ran and the text below.\n${detail}\n`,
  );
  return ExitCode.internal;
}

/** A Node file-system error that names its path, as one line and an exit code (file-errors.ts); else undefined. */
export function systemError(error: unknown): { message: string; exitCode: ExitCodeValue } | undefined {
  // Not `instanceof Error`: an error made in another realm (a test's VM context, a worker) is one too.
  if (typeof error !== 'object' || error === null) return undefined;
  const { path: file, syscall } = error as NodeJS.ErrnoException;
  const known = fileFailureReason(error);
  if (file === undefined || !known) return undefined;
  return { message: `cannot ${syscall ?? 'use'} ${file}: ${known.reason}`, exitCode: known.exitCode };
}

/** The facts of an error for the JSON document: what kind, the words, the issues. */
function errorFacts(error: unknown, exitCode: number): Parameters<typeof errorDocument>[0] {
  if (error instanceof CommanderError) {
    return { exitCode, message: error.message.replace(/^error: /, '').split('\n')[0]!, issues: [] };
  }
  if (error instanceof UserError) {
    return {
      exitCode,
      message: error.message,
      ...(error.hint ? { hint: error.hint } : {}),
      issues: error instanceof DataError ? error.issues : [],
    };
  }
  const system = systemError(error);
  if (system) return { exitCode, message: system.message, issues: [] };
  return { exitCode, message: `internal error: ${error instanceof Error ? error.message : String(error)}`, issues: [] };
}

function oneSuggestionWording(text: string): string {
  return text.replace(/\(Did you mean (\S+)\?\)/g, (_m, candidate: string) => suggestionText(candidate));
}
