/**
 * An Asker that answers from a script and records what was asked, so a test
 * reads as the conversation: `answers: [['search', 'wuhan'], ['input', '2026-05-12'], …]`.
 * It runs each question's `validate` on its answer and fails the test if the
 * answer would have been refused, as the real prompt would not let it through.
 */
import type { Asker, CheckboxQuestion, ConfirmQuestion, InputQuestion, SearchQuestion, SelectQuestion } from '../../../src/cli/prompts/asker.js';

export type Scripted = readonly ['search' | 'input' | 'checkbox' | 'select' | 'confirm', unknown];

export interface Asked {
  readonly kind: string;
  readonly message: string;
  /** The choices offered (search: for an empty term). */
  readonly choices?: readonly { value: unknown; name: string }[];
  readonly default?: unknown;
}

export function scriptedAsker(script: readonly Scripted[]): Asker & { readonly asked: Asked[]; remaining(): number } {
  const queue = [...script];
  const asked: Asked[] = [];
  const next = (kind: Scripted[0], message: string): unknown => {
    const step = queue.shift();
    if (!step) throw new Error(`unexpected question (script finished): ${kind} "${message}"`);
    if (step[0] !== kind) throw new Error(`expected a ${step[0]} question, got ${kind} "${message}"`);
    return step[1];
  };
  return {
    asked,
    remaining: () => queue.length,
    search: async <V>(q: SearchQuestion<V>) => {
      asked.push({ kind: 'search', message: q.message, choices: q.source(undefined) });
      const term = next('search', q.message) as string;
      // The answer is a search term: the first choice it finds is taken (as Enter would).
      const found = q.source(term);
      const exact = found.find((c) => c.value === (term as unknown));
      if (!exact && found.length === 0) throw new Error(`search "${term}" finds nothing for "${q.message}"`);
      return (exact ?? found[0]!).value;
    },
    input: async (q: InputQuestion) => {
      asked.push({ kind: 'input', message: q.message, default: q.default });
      const raw = next('input', q.message) as string | undefined;
      const answer = raw === undefined ? (q.default ?? '') : raw;
      const ok = q.validate ? q.validate(answer) : true;
      if (ok !== true) throw new Error(`answer "${answer}" refused by "${q.message}": ${ok}`);
      return answer;
    },
    checkbox: async <V>(q: CheckboxQuestion<V>) => {
      asked.push({ kind: 'checkbox', message: q.message, choices: q.choices });
      const values = next('checkbox', q.message) as V[];
      for (const v of values) if (!q.choices.some((c) => c.value === v)) throw new Error(`"${String(v)}" is not offered by "${q.message}"`);
      const ok = q.validate ? q.validate(values) : true;
      if (ok !== true) throw new Error(`selection refused by "${q.message}": ${ok}`);
      return values;
    },
    select: async <V>(q: SelectQuestion<V>) => {
      asked.push({ kind: 'select', message: q.message, choices: q.choices, default: q.default });
      const v = next('select', q.message) as V;
      if (!q.choices.some((c) => c.value === v)) throw new Error(`"${String(v)}" is not offered by "${q.message}"`);
      return v;
    },
    confirm: async (q: ConfirmQuestion) => {
      asked.push({ kind: 'confirm', message: q.message, default: q.default });
      return next('confirm', q.message) as boolean;
    },
  };
}
