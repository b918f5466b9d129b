/**
 * End to end in a real terminal: tmux runs `node bin/yangtze.js plan
 * --interactive`, the test types into it (send-keys) and reads the screen
 * (capture-pane). Needs tmux and a build (`npm run build`) that includes the
 * plan command; otherwise skipped, saying which is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, REPO_ROOT } from '../cli/helpers/run-cli.js';
import { needTool } from './helpers/tools.js';

const { path: tmux, describe: describeWithTmux } = needTool({
  what: 'interactive plan in a real terminal',
  tool: 'tmux',
  commands: ['tmux'],
  install: 'apt-get install -y tmux',
});
const built = existsSync(path.join(REPO_ROOT, 'dist', 'src', 'commands', 'plan.js'));
const planHelp = built ? spawnSync(process.execPath, [BIN, 'plan', '--help'], { encoding: 'utf8', cwd: REPO_ROOT }).stdout : '';
// `npm test` builds first; a missing build is a mistake in how the tests were run, so it fails rather than skips.
if (tmux && !planHelp.includes('--interactive')) throw new Error('the built CLI has no `plan --interactive`: run npm run build first');

const SOCKET = `yangtze-test-${process.pid}`;
const SESSION = 'plan';

function tm(...args: string[]) {
  return spawnSync(tmux!, ['-u', '-L', SOCKET, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
}

function screen(): string {
  return tm('capture-pane', '-p', '-t', SESSION, '-S', '-200').stdout;
}

/** Waits (an end-to-end test: real time) until the screen shows `text`. */
async function waitFor(text: string | RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = screen();
    if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describeWithTmux('yangtze plan --interactive in tmux', () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(path.join(tmpdir(), 'yangtze-tmux-'));
  });
  afterAll(() => {
    tm('kill-server'); // our own socket only
    rmSync(home, { recursive: true, force: true });
  });

  it('asks only what the flags left out, shows the plan, and exits on Done', async () => {
    // The real clock decides which start dates the prompt accepts: take one a month ahead.
    const start = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const command = [
      `cd ${JSON.stringify(REPO_ROOT)} &&`,
      `env LANG=en_US.UTF-8 YANGTZE_HOME=${JSON.stringify(home)} NO_COLOR=1`,
      `node ${JSON.stringify(BIN)} plan --interactive --from wuhan --to nanchang --start ${start} --days 3`,
      `--themes red,cultural --party adult=2 --pace standard --budget 3000;`,
      `echo "exit=$?"; sleep 30`,
    ].join(' ');
    expect(tm('new-session', '-d', '-s', SESSION, '-x', '140', '-y', '50', command).status).toBe(0);
    await waitFor('Must-see stops?');
    tm('send-keys', '-t', SESSION, 'Enter'); // no extra must-see stops
    const planned = await waitFor('What next?', 60_000);
    expect(planned).toContain('Wuhan → Nanchang · 3 days');
    for (const flagged of ['Start in which city?', 'First day', 'How many days?', 'Which themes?', 'How many travellers', 'Pace?', 'Budget']) {
      expect(planned).not.toContain(flagged);
    }
    expect(planned).toMatch(/Day 1 +\w{3} \d{1,2} \w{3} \d{4}/);
    tm('send-keys', '-t', SESSION, 'Down'); // from the default "Save the files" to "Done"
    tm('send-keys', '-t', SESSION, 'Enter');
    const end = await waitFor(/exit=\d+/);
    expect(end).toContain('exit=0');
    tm('kill-session', '-t', SESSION);
  });

  it('searches a city typed in Chinese and talks Chinese throughout with --lang zh', async () => {
    const start = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const command = [
      `cd ${JSON.stringify(REPO_ROOT)} &&`,
      `env LANG=zh_CN.UTF-8 YANGTZE_HOME=${JSON.stringify(home)} NO_COLOR=1`,
      `node ${JSON.stringify(BIN)} --lang zh plan --interactive --start ${start} --days 2 --themes red --party adult=1 --pace standard --budget 2000;`,
      `echo "exit=$?"; sleep 30`,
    ].join(' ');
    expect(tm('new-session', '-d', '-s', SESSION, '-x', '140', '-y', '50', command).status).toBe(0);
    await waitFor('从哪座城市出发？');
    tm('send-keys', '-t', SESSION, '-l', '南昌');
    await waitFor(/❯ 南昌 Nanchang/);
    tm('send-keys', '-t', SESSION, 'Enter');
    await waitFor('在哪座城市结束？');
    tm('send-keys', '-t', SESSION, 'Enter'); // the first choice: a round trip
    await waitFor('必游景点？');
    tm('send-keys', '-t', SESSION, 'Enter');
    const planned = await waitFor('下一步？', 60_000);
    expect(planned).toContain('南昌 · 2日行程');
    expect(planned).toContain('第1天');
    tm('send-keys', '-t', SESSION, 'Down');
    tm('send-keys', '-t', SESSION, 'Enter');
    expect(await waitFor(/exit=\d+/)).toContain('exit=0');
    tm('kill-session', '-t', SESSION);
  });

  it('prices the trip, then "Save the files" writes the quote document beside the itinerary (and its PDF when Chromium is installed)', async () => {
    const start = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const out = path.join(home, 'saved');
    mkdirSync(out, { recursive: true });
    const command = [
      `cd ${JSON.stringify(out)} &&`,
      `env LANG=en_US.UTF-8 YANGTZE_HOME=${JSON.stringify(home)} NO_COLOR=1`,
      `node ${JSON.stringify(BIN)} --catalogue ${JSON.stringify(path.join(REPO_ROOT, 'routes.yaml'))} plan --interactive --from wuhan --to nanchang --start ${start} --days 2`,
      `--themes red,cultural --party adult=2 --pace standard --budget 3000;`,
      `echo "exit=$?"; sleep 30`,
    ].join(' ');
    expect(tm('new-session', '-d', '-s', SESSION, '-x', '160', '-y', '50', command).status).toBe(0);
    await waitFor('Must-see stops?', 60_000);
    tm('send-keys', '-t', SESSION, 'Enter');
    await waitFor('What next?', 60_000);
    tm('send-keys', '-t', SESSION, 'Up', 'Up', 'Enter'); // from "Save the files" up to "Price the trip"
    await waitFor('Hotel and restaurant grade?');
    tm('send-keys', '-t', SESSION, 'Enter'); // 4★
    await waitFor('A local guide on sightseeing days?');
    tm('send-keys', '-t', SESSION, 'Down', 'Enter'); // English-speaking guide
    await waitFor('Your markup on the net cost?');
    tm('send-keys', '-t', SESSION, 'C-u');
    tm('send-keys', '-t', SESSION, '-l', '15%');
    tm('send-keys', '-t', SESSION, 'Enter');
    await waitFor(/Price per person[\s\S]*What next\?/, 60_000);
    tm('send-keys', '-t', SESSION, 'Enter'); // "Save the files"
    await waitFor('Save as (file name without extension)?');
    tm('send-keys', '-t', SESSION, 'C-u');
    tm('send-keys', '-t', SESSION, '-l', 'trip');
    tm('send-keys', '-t', SESSION, 'Enter');
    const offered = await waitFor('Which files?');
    // Priced, so the quote document is ticked beside the JSON and HTML itinerary.
    expect(offered).toMatch(/◉ trip-quote\.html \(the quote document/);
    const pdf = offered.includes('trip-quote.pdf');
    // The PDF is offered only when Chromium is installed: tick it (the 6th choice).
    if (pdf) tm('send-keys', '-t', SESSION, 'Down', 'Down', 'Down', 'Down', 'Down', 'Space');
    tm('send-keys', '-t', SESSION, 'Enter');
    const saved = await waitFor(/Saved trip-quote\.html[\s\S]*What next\?/, 120_000);
    if (pdf) expect(saved).toContain('Saved trip-quote.pdf');
    tm('send-keys', '-t', SESSION, 'Down', 'Enter'); // Done
    const end = await waitFor(/exit=\d+/);
    expect(end).toContain('exit=0');
    const html = readFileSync(path.join(out, 'trip-quote.html'), 'utf8');
    expect(html).toContain('<section class="price">');
    expect(html).toMatch(/English-speaking guide \(licensed, local\) on (the sightseeing day|each of the \d+ sightseeing days)/); // priced with the answers: a guide
    if (pdf) expect(readFileSync(path.join(out, 'trip-quote.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(existsSync(path.join(out, 'trip.json'))).toBe(true);
    tm('kill-session', '-t', SESSION);
  }, 240_000);

  it.each([
    ['the first question', [] as string[], 'Start in which city?'],
    ['the menu after the plan', ['Enter'], 'What next?'],
  ])('exits 130 quietly on Ctrl-C at %s', async (_where, before, prompt) => {
    const start = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const flags = before.length > 0 ? `--from wuhan --start ${start} --days 2 --themes red --party adult=1 --pace standard --budget 2000` : '';
    const command = [
      `cd ${JSON.stringify(REPO_ROOT)} &&`,
      `env LANG=en_US.UTF-8 YANGTZE_HOME=${JSON.stringify(home)} NO_COLOR=1`,
      `node ${JSON.stringify(BIN)} plan --interactive ${flags};`,
      `echo "exit=$?"; sleep 30`,
    ].join(' ');
    expect(tm('new-session', '-d', '-s', SESSION, '-x', '140', '-y', '50', command).status).toBe(0);
    if (before.length > 0) {
      // Generous waits: on a machine loaded by a full test run, start-up and planning take seconds.
      await waitFor('Must-see stops?', 60_000);
      for (const key of before) tm('send-keys', '-t', SESSION, key);
    }
    await waitFor(prompt, 60_000);
    tm('send-keys', '-t', SESSION, 'C-c');
    const end = await waitFor(/exit=\d+/, 60_000);
    expect(end).toContain('exit=130');
    expect(end).not.toMatch(/internal error|ExitPromptError|^ {4}at /m);
    tm('kill-session', '-t', SESSION);
  });
});
