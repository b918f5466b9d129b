/**
 * The questions the interactive planner can ask, as an interface, so the flow
 * is tested with a scripted fake and runs with @inquirer/prompts for real.
 * The real one is loaded lazily: importing this file costs nothing.
 */
import type { Lang } from '../../export/locale.js';
import { checkboxTheme, listTheme } from './prompt-theme.js';

export interface Choice<V> {
  readonly value: V;
  readonly name: string;
  readonly description?: string;
  readonly checked?: boolean;
}

export interface SearchQuestion<V> {
  readonly message: string;
  readonly source: (term: string | undefined) => Choice<V>[];
}

export interface InputQuestion {
  readonly message: string;
  readonly default?: string;
  /** true when acceptable, else the message shown under the prompt. */
  readonly validate?: (value: string) => true | string;
}

export interface CheckboxQuestion<V> {
  readonly message: string;
  readonly choices: readonly Choice<V>[];
  readonly validate?: (selected: readonly V[]) => true | string;
}

export interface SelectQuestion<V> {
  readonly message: string;
  readonly choices: readonly Choice<V>[];
  readonly default?: V;
}

export interface ConfirmQuestion {
  readonly message: string;
  readonly default?: boolean;
}

export interface Asker {
  search<V>(q: SearchQuestion<V>): Promise<V>;
  input(q: InputQuestion): Promise<string>;
  checkbox<V>(q: CheckboxQuestion<V>): Promise<V[]>;
  select<V>(q: SelectQuestion<V>): Promise<V>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
}

/** How many rows a list shows before it scrolls. */
const PAGE_SIZE = 12;

/** Where the real prompts read keys and draw; default the process's terminal. Tests pass streams they drive. */
export interface PromptStreams {
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
}

/**
 * The real prompts, from @inquirer/prompts (imported here, on first use only).
 * Ctrl-C at any of them rejects with inquirer's ExitPromptError, which the
 * CLI frame turns into a quiet exit 130 (errors.ts isPromptExit).
 */
export async function inquirerAsker(streams: PromptStreams = {}, lang: Lang = 'en'): Promise<Asker> {
  const prompts = await import('@inquirer/prompts');
  const list = listTheme(lang);
  const context = { ...(streams.input ? { input: streams.input } : {}), ...(streams.output ? { output: streams.output } : {}) };
  return {
    search: <V>(q: SearchQuestion<V>) =>
      prompts.search<V>({ message: q.message, pageSize: PAGE_SIZE, theme: list, source: async (term) => q.source(term).map(toInquirerChoice) }, context),
    input: (q) =>
      prompts.input(
        {
          message: q.message,
          ...(q.default !== undefined ? { default: q.default } : {}),
          ...(q.validate ? { validate: q.validate } : {}),
        },
        context,
      ),
    checkbox: <V>(q: CheckboxQuestion<V>) =>
      prompts.checkbox<V>(
        {
          message: q.message,
          pageSize: PAGE_SIZE,
          theme: checkboxTheme(lang),
          choices: q.choices.map((c) => ({ ...toInquirerChoice(c), ...(c.checked ? { checked: true } : {}) })),
          ...(q.validate ? { validate: (items: readonly { value: V }[]) => q.validate!(items.map((i) => i.value)) } : {}),
        },
        context,
      ),
    select: <V>(q: SelectQuestion<V>) =>
      prompts.select<V>(
        {
          message: q.message,
          pageSize: PAGE_SIZE,
          theme: list,
          choices: q.choices.map(toInquirerChoice),
          ...(q.default !== undefined ? { default: q.default } : {}),
        },
        context,
      ),
    confirm: (q) => prompts.confirm({ message: q.message, ...(q.default !== undefined ? { default: q.default } : {}) }, context),
  };
}

function toInquirerChoice<V>(c: Choice<V>): { value: V; name: string; description?: string } {
  return { value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}) };
}
