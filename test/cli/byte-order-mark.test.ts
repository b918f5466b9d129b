/**
 * Notepad and Excel save UTF-8 with a byte-order mark. A plan file saved that
 * way is the same plan: `plan check`, `quote` and `pass quote` read it as they
 * read the file without the mark (JSON.parse alone refuses it, exit 3).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, runCli } from './helpers/run-cli.js';

const GOLDEN_PLAN = path.join(REPO_ROOT, 'test/golden/eco-changsha-relaxed.itinerary.json');

let dir: string;
let withMark: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yangtze-bom-'));
  withMark = path.join(dir, 'plan.json');
  writeFileSync(withMark, '\uFEFF' + readFileSync(GOLDEN_PLAN, 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a plan file that starts with a byte-order mark', () => {
  it.each(['plan check', 'quote', 'pass quote'])('%s reads it as the same plan', async (command) => {
    const words = command.split(' ');
    const [marked, plain] = await Promise.all([runCli([...words, withMark]), runCli([...words, GOLDEN_PLAN])]);
    expect({ exitCode: marked.exitCode, stdout: marked.stdout.replaceAll(withMark, 'PLAN') }).toEqual({ exitCode: plain.exitCode, stdout: plain.stdout.replaceAll(GOLDEN_PLAN, 'PLAN') });
    expect(marked.stderr).not.toMatch(/not (valid )?JSON/);
  });
});
