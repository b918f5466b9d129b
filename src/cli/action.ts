/**
 * What the command groups (register-*.ts) share with the program frame: the
 * action wrapper and the unknown-command error. It lives apart from
 * program.ts so that the groups import it and program.ts imports the groups,
 * never the other way round (no import cycle).
 */
import type { Command } from 'commander';
import { createContext, type CliContext, type GlobalOptions } from './context.js';
import type { Effects } from './effects.js';
import { UsageError } from './errors.js';
import { didYouMeanHint } from '../domain/did-you-mean.js';

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

/** A command group: declares its commands and options on the program (one file per group). */
export type Register = (program: Command, effects: Effects) => void;

/** `yangtze catalgue` → a usage error with the nearest command name. */
export function unknownCommand(parent: Command, name: string): UsageError {
  const names = parent.commands.map((c) => c.name()).filter((n) => n !== 'help');
  const where = parent.parent ? `${commandPath(parent).split(' ').slice(1).join(' ')} ` : '';
  const close = didYouMeanHint(name, names, (n) => `${where}${n}`);
  return new UsageError(`unknown command '${where}${name}'`, close ?? `Run \`${commandPath(parent)} --help\` for the commands.`);
}

/** `yangtze pass issue`: the names from the root down. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
