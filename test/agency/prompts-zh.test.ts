/**
 * The interactive planner's real prompts (the asker the CLI builds, src/cli/prompts/asker.ts) in
 * Chinese: the keys line under a list and a multiple choice's answer are inquirer's own words, and
 * they stayed English ("↑↓ navigate • ⏎ select", "生态, 红色") in an otherwise Chinese session, with
 * each city's province in English ("Hubei"). Driven on streams, keys as readline keypress events.
 */
import { describe, expect, it } from '@jest/globals';
import { PassThrough, Writable } from 'node:stream';
import { inquirerAsker } from '../../src/cli/prompts/asker.js';
import { cityQuestion, themesQuestion } from '../../src/cli/prompts/plan-questions.js';
import { catalogue } from '../fixtures/agency/wuhan-nanchang.js';

const zh = { catalogue, lang: 'zh' as const, today: '2026-05-11' };
// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

function terminal() {
  const input = new PassThrough();
  let screen = '';
  const output = new Writable({ write: (chunk, _enc, done) => void ((screen += String(chunk)), done()) });
  const press = (name: string) => input.emit('keypress', null, { name });
  return { input, output, press, screen: () => plain(screen) };
}
const turns = async (n = 20) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('the interactive prompts in Chinese', () => {
  it('the city list: keys line and provinces in Chinese', async () => {
    const t = terminal();
    const asker = await inquirerAsker({ input: t.input, output: t.output }, 'zh');
    const answer = asker.search(cityQuestion(zh, '从哪座城市出发？'));
    await turns();
    t.press('enter');
    await answer;
    expect(t.screen()).toContain('上下移动');
    expect(t.screen()).toContain('湖北');
    expect(t.screen()).not.toMatch(/navigate|Hubei/);
  });

  it('the themes: keys line in Chinese, the answer joined with 、', async () => {
    const t = terminal();
    const asker = await inquirerAsker({ input: t.input, output: t.output }, 'zh');
    const answer = asker.checkbox(themesQuestion(zh));
    await turns();
    t.press('space');
    t.press('down');
    t.press('down');
    t.press('space');
    t.press('enter');
    await expect(answer).resolves.toEqual(['eco', 'red']);
    expect(t.screen()).toContain('空格 选择');
    expect(t.screen()).toContain('生态、红色');
    expect(t.screen()).not.toMatch(/navigate|submit|生态, /);
  });
});
