/**
 * Issue 12 item 8: the views a customer is sent (HTML, Markdown) carry no
 * scores and none of the agent's notes ("Off theme — its themes (red) are not
 * among those asked for"); the agent's terminal view keeps them.
 */
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../cli/helpers/run-cli.js';
import { SHIPPED } from './shipped.js';

// An eco trip from Changsha: the red and cultural highlights nearby are left out "by theme".
const ECO = ['--catalogue', SHIPPED, 'plan', '--from', 'changsha', '--start', '2026-06-02', '--days', '2', '--themes', 'eco', '--party', 'adult=2'];
const view = async (...extra: string[]) => {
  const run = await runCli([...ECO, ...extra], { monotonicMs: () => 0, tty: extra.length === 0 });
  expect(run.exitCode).toBe(0);
  return run.stdout;
};

describe('customer views', () => {
  it('the agent\'s terminal view shows the score and why other-theme highlights were left out', async () => {
    const text = await view();
    expect(text).toMatch(/score \d+/);
    expect(text).toMatch(/other theme/);
  });

  it.each([['html'], ['markdown']])('%s shows neither the score nor the agent\'s by-theme notes', async (format) => {
    const doc = await view('--format', format);
    expect(doc).not.toMatch(/\bscore\b/i);
    expect(doc).not.toMatch(/other theme|not among those asked for/);
  });

  it.each([['html'], ['markdown']])('%s of a cruise trip names the ship\'s optional excursion left out, without the agent\'s "--must" instruction', async (format) => {
    const cruise = ['--catalogue', SHIPPED, 'plan', '--from', 'chongqing', '--to', 'nanchang', '--start', '2027-04-12', '--days', '7',
      '--themes', 'water,cultural', '--party', 'adult=2,child=1', '-q'];
    const doc = (await runCli([...cruise, '--format', format], { monotonicMs: () => 0 })).stdout;
    expect(doc).toMatch(/optional excursion of the Three Gorges cruise[^\n]*not chosen/);
    expect(doc).not.toContain('--must');
    // The agent's views keep it: the JSON's detail says how to add it.
    expect((await runCli([...cruise, '--json'], { monotonicMs: () => 0 })).stdout).toContain('add it with --must baidicheng-qutang');
  }, 60_000);
});
