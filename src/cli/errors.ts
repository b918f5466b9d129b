/**
 * The one place that maps failures to exit codes (design/CLI.md) and words them.
 * Commands throw these; nothing else decides an exit code.
 */
import type { Issue } from '../domain/issues.js';

export const ExitCode = {
  ok: 0,
  /** The answer is no: invalid token, plan violations. */
  no: 1,
  usage: 2,
  data: 3,
  notFound: 4,
  internal: 70,
  /** The device failed under a good path: an I/O error, a full disk (sysexits EX_IOERR). */
  io: 74,
  /** Ctrl-C at a prompt (128 + SIGINT, as a shell reports a killed command). */
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the user can fix; never printed with a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Bad flag or argument; names the flag. */
export class UsageError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.usage, hint);
    this.name = 'UsageError';
  }
}

/** Unknown id or missing file. */
export class NotFoundError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.notFound, hint);
    this.name = 'NotFoundError';
  }
}

/** Invalid input data: every problem, each with file:line:col where known. */
export class DataError extends UserError {
  constructor(
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message, ExitCode.data);
    this.name = 'DataError';
  }
}

/**
 * The command ran and its answer is "no" (exit 1). The result was already
 * written; `message` (optional) goes to stderr.
 */
export class NoAnswer extends UserError {
  constructor(message = '') {
    super(message, ExitCode.no);
    this.name = 'NoAnswer';
  }
}

/**
 * The person pressed Ctrl-C (or Ctrl-D) at a prompt: @inquirer/prompts rejects
 * with an ExitPromptError (AbortPromptError when cancelled by a signal). Told
 * by name, so this file does not load the prompt library.
 */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && ['ExitPromptError', 'AbortPromptError', 'CancelPromptError'].includes(error.name);
}
