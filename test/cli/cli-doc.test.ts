/**
 * docs/CLI.md is the contract scripts rely on, so it must stay current: every
 * command the program registers is listed there (`yangtze pass revocations
 * export`, or `yangtze keys init | rotate | export`), and every long flag of
 * every command is named somewhere in it. A command or flag added without its
 * line in the contract fails here.
 */
import { describe, expect, it } from '@jest/globals';
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildProgram } from '../../src/cli/program.js';
import { fakeEffects, REPO_ROOT } from './helpers/run-cli.js';

const DOC = readFileSync(path.join(REPO_ROOT, 'docs', 'CLI.md'), 'utf8');

async function commands(): Promise<{ words: string[]; flags: string[] }[]> {
  const program = await buildProgram(fakeEffects().effects);
  const found: { words: string[]; flags: string[] }[] = [{ words: [], flags: program.options.map((o) => o.long ?? '') }];
  const walk = (c: Command, at: string[]) => {
    for (const sub of c.commands) {
      if (sub.name() === 'help') continue;
      const words = [...at, sub.name()];
      found.push({ words, flags: sub.options.map((o) => o.long ?? '').filter(Boolean) });
      walk(sub, words);
    }
  };
  walk(program, []);
  return found;
}

/** `yangtze pass export`, or the name among its siblings on one line: `yangtze keys init | rotate | export`. */
function listed(words: readonly string[]): boolean {
  if (DOC.includes(`yangtze ${words.join(' ')}`)) return true;
  const parent = words.slice(0, -1).join(' ');
  const name = words.at(-1)!;
  return new RegExp(`yangtze ${parent} [^\\n]*\\| *${name}\\b`).test(DOC);
}

describe('docs/CLI.md', () => {
  it('lists every command the program registers', async () => {
    const missing = (await commands()).filter((c) => c.words.length > 0 && !listed(c.words)).map((c) => c.words.join(' '));
    expect(missing).toEqual([]);
  });

  it('names every long flag of every command', async () => {
    const missing = (await commands()).flatMap((c) => c.flags.filter((f) => f !== '--help' && f !== '--version' && !DOC.includes(f)).map((f) => `${c.words.join(' ') || '(global)'} ${f}`));
    expect(missing).toEqual([]);
  });
});
