/**
 * The command-line frame: global options, the command groups (each registered
 * from its own file and loading its implementation lazily), and the single
 * place where errors become messages and exit codes.
 */
import { Command, CommanderError, Option } from 'commander';
import { createContext, type CliContext, type GlobalOptions } from './context.js';
import type { Effects } from './effects.js';
import { DataError, ExitCode, UsageError, UserError } from './errors.js';
import { colorLevel } from './output.js';
import { formatIssues } from './render-issues.js';
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
  ];
  for (const group of await Promise.all(groups)) group.register(program, effects);
  // `yangtze` alone: the interactive planner in a terminal, else the usage text.
  program.action(
    action(async (ctx, _opts, args) => {
      if (args.length > 0) throw new UsageError(`unknown command '${args[0]}'`, 'Run `yangtze --help` for the commands.');
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

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], effects: Effects): Promise<number> {
  let program: Command | undefined;
  try {
    program = await buildProgram(effects);
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    return reportError(error, effects);
  }
}

export function reportError(error: unknown, effects: Effects): number {
  const style = new Chalk({ level: colorLevel(Boolean(effects.stderr.isTTY), effects.env, undefined) });
  if (error instanceof CommanderError) {
    // commander already printed its message (help and version exit 0).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return ExitCode.ok;
    }
    return ExitCode.usage;
  }
  if (error instanceof UserError) {
    if (error instanceof DataError && error.issues.length > 0) effects.stderr.write(formatIssues(error.issues, style));
    if (error.message) effects.stderr.write(`${style.red('error:')} ${error.message}\n`);
    if (error.hint) effects.stderr.write(`${error.hint}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  effects.stderr.write(
    `${style.red('internal error:')} this is a bug in yangtze ${VERSION}, not in your input.\n` +
      `Please report it with the command you ran and the text below.\n${detail}\n`,
  );
  return ExitCode.internal;
}
