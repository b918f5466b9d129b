/**
 * The command-line frame: global options, the command groups (each registered
 * from its own file and loading its implementation lazily), and the single
 * place where errors become messages and exit codes.
 */
import { Command, CommanderError, Option } from 'commander';
import { createContext, type CliContext, type GlobalOptions } from './context.js';
import type { Effects } from './effects.js';
import { DataError, ExitCode, UsageError, UserError, type ExitCodeValue } from './errors.js';
import { colorLevel } from './output.js';
import { formatIssues } from './render-issues.js';
import { didYouMean } from '../domain/did-you-mean.js';
import { Chalk } from 'chalk';

export const VERSION = '0.1.0';

/** Wraps a command body: builds the context from the merged options. */
export type Action = (ctx: CliContext, opts: Record<string, unknown>, args: string[], command: Command) => Promise<void>;
export function action(fn: Action, effects: Effects) {
  return async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const args = params.slice(0, -2).flat().filter((a): a is string => typeof a === 'string');
    const merged = command.optsWithGlobals() as GlobalOptions & Record<string, unknown>;
    await fn(createContext(effects, merged), command.opts(), args, command);
  };
}

export type Register = (program: Command, effects: Effects) => void;

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
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void effects.stdout.write(s),
      writeErr: (s) => void effects.stderr.write(s),
    });
  const groups: Promise<{ register: Register }>[] = [
    import('./register-catalogue.js'),
    import('./register-plan.js'),
    import('./register-pass.js'),
    import('./register-keys.js'),
    import('./register-gate.js'),
  ];
  for (const group of await Promise.all(groups)) group.register(program, effects);
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

/** `yangtze catalgue` → a usage error with the nearest command name. */
export function unknownCommand(parent: Command, name: string): UsageError {
  const names = parent.commands.map((c) => c.name()).filter((n) => n !== 'help');
  const close = didYouMean(name, names);
  const where = parent.parent ? `${commandPath(parent).split(' ').slice(1).join(' ')} ` : '';
  return new UsageError(
    `unknown command '${where}${name}'`,
    close ? `Did you mean '${where}${close}'?` : `Run \`${commandPath(parent)} --help\` for the commands.`,
  );
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], effects: Effects): Promise<number> {
  let program: Command | undefined;
  try {
    program = await buildProgram(effects);
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    // The error may come before commander has parsed --no-color, so it is looked for in the words typed.
    const end = argv.indexOf('--');
    const noColor = (end === -1 ? argv : argv.slice(0, end)).includes('--no-color');
    return reportError(error, effects, noColor ? false : undefined);
  }
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
  if (error instanceof UserError) {
    if (error instanceof DataError && error.issues.length > 0) effects.stderr.write(formatIssues(error.issues, style));
    if (error.message) effects.stderr.write(`${style.red('error:')} ${error.message}\n`);
    if (error.hint) effects.stderr.write(`${error.hint}\n`);
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

/** What the system said about a file, in words; the exit code by the documented table. */
const SYSTEM_ERRORS: Readonly<Record<string, { readonly reason: string; readonly exitCode: ExitCodeValue }>> = {
  ENOENT: { reason: 'no such file or directory', exitCode: ExitCode.notFound },
  ENOTDIR: { reason: 'a part of the path is not a directory', exitCode: ExitCode.notFound },
  EISDIR: { reason: 'it is a directory', exitCode: ExitCode.usage },
  EACCES: { reason: 'permission denied', exitCode: ExitCode.usage },
  EPERM: { reason: 'operation not permitted', exitCode: ExitCode.usage },
  EROFS: { reason: 'read-only file system', exitCode: ExitCode.usage },
  ENOSPC: { reason: 'no space left on the device', exitCode: ExitCode.usage },
  EDQUOT: { reason: 'disk quota exceeded', exitCode: ExitCode.usage },
};

/** A Node file-system error that names its path, as one line and an exit code; else undefined. */
export function systemError(error: unknown): { message: string; exitCode: ExitCodeValue } | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path: file, syscall } = error as NodeJS.ErrnoException;
  if (code === undefined || file === undefined) return undefined;
  const known = SYSTEM_ERRORS[code];
  if (!known) return undefined;
  return { message: `cannot ${syscall ?? 'use'} ${file}: ${known.reason}`, exitCode: known.exitCode };
}
