/**
 * The real @inquirer/prompts, driven on a virtual screen by @inquirer/testing
 * render(), with the questions the planner builds.
 */
import { describe, expect, it } from '@jest/globals';
import { render } from '@inquirer/testing';
import { checkbox, input, search } from '@inquirer/prompts';
import { cityQuestion, startQuestion, themesQuestion } from '../../src/cli/prompts/plan-questions.js';
import { catalogue } from '../fixtures/agency/wuhan-nanchang.js';

/** Lets the prompt's promises settle (no clock): yields to the event loop until `ready()` or 200 turns. */
async function settle(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ready(); i++) await new Promise((r) => setImmediate(r));
}

const en = { catalogue, lang: 'en' as const, today: '2026-05-11' };
const zh = { ...en, lang: 'zh' as const };

describe('real prompts on a virtual terminal', () => {
  it('finds Nanchang by typing its Chinese name in the city search', async () => {
    const q = cityQuestion(zh, '从哪座城市出发？');
    const { answer, events, getScreen } = await render(search<string>, { message: q.message, source: async (term: string | undefined) => q.source(term) });
    events.type('南昌');
    await settle(() => !getScreen().includes('武汉 Wuhan')); // the search source resolves asynchronously
    expect(getScreen()).toContain('南昌 Nanchang');
    expect(getScreen()).not.toContain('武汉 Wuhan');
    events.keypress('enter');
    await expect(answer).resolves.toBe('nanchang');
  });

  it('refuses a past start date with the reason, then accepts a good one', async () => {
    const q = startQuestion(en, '2026-05-12');
    const { answer, events, getScreen } = await render(input, { message: q.message, validate: q.validate! });
    events.type('2026-05-01');
    events.keypress('enter');
    await settle(() => getScreen().includes('passed'));
    expect(getScreen()).toContain('That day has passed; give 2026-05-11 or later');
    for (let i = 0; i < 10; i++) events.keypress('backspace');
    events.type('2026-05-20');
    events.keypress('enter');
    await expect(answer).resolves.toBe('2026-05-20');
  });

  it('lists the themes in Chinese and returns the chosen ids', async () => {
    const q = themesQuestion(zh);
    const { answer, events, getScreen } = await render(checkbox<string>, {
      message: q.message,
      choices: q.choices.map((c) => ({ value: c.value as string, name: c.name })),
    });
    expect(getScreen()).toContain('生态');
    expect(getScreen()).toContain('红色');
    events.keypress('space'); // eco
    events.keypress('down');
    events.keypress('down');
    events.keypress('space'); // red
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['eco', 'red']);
  });
});
