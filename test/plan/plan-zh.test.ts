/**
 * `yangtze plan --lang zh` is Chinese throughout: pace, every unscheduled
 * reason's sentence, and the warnings on stderr. Place names keep their
 * English half (the views are bilingual on purpose), ids and flags stay as
 * typed; every other Latin word of four letters or more is a leak.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { runCli, stripAnsi } from '../cli/helpers/run-cli.js';
import { SHIPPED, shippedCatalogue } from './shipped.js';
import type { Catalogue } from '../../src/domain/catalogue/model.js';

// A past start (a warning), red only (stops left out for their theme), packed pace.
const PAST_RED = ['--from', 'wuhan', '--start', '2020-01-01', '--days', '1', '--themes', 'red', '--pace', 'packed', '--party', 'adult=2'];
const plan = (args: readonly string[], tty = true) =>
  runCli(['--catalogue', SHIPPED, '--lang', 'zh', 'plan', ...args], { tty, monotonicMs: () => 0 });

/** A reason label, then its sentence in Chinese. */
const REASON_ZH = /\p{Script=Han}(：| — )\p{Script=Han}/u;

let catalogue: Catalogue;
beforeAll(async () => void ({ catalogue } = await shippedCatalogue()));

/** Latin words left once names, ids, flags, commands and markup are taken out. */
function englishLeft(text: string): string[] {
  let rest = stripAnsi(text);
  const names = [...catalogue.attractions, ...catalogue.cities].flatMap((p) => [p.name, p.id]).sort((a, b) => b.length - a.length);
  for (const n of names) rest = rest.split(n).join(' ');
  rest = rest.replace(/--[a-z-]+/g, ' ').replace(/yangtze catalogue audit/g, ' ').replace(/\d{4}-\d\d-\d\d(T[\d:+]+)?/g, ' ');
  return rest.match(/\b[A-Za-z]{4,}\b/g) ?? [];
}

describe('yangtze plan --lang zh', () => {
  it('writes the terminal view, its left-out reasons and its warnings in Chinese', async () => {
    const run = await plan(PAST_RED);
    expect(run.exitCode).toBe(0);
    const out = stripAnsi(run.stdout);
    expect(out).toMatch(/未安排\n[\s\S]*主题不符：其主题（文化）不在所选主题（红色）之内/);
    expect(out).toContain('紧凑');
    expect(stripAnsi(run.stderr)).toContain('警告：--start 2020-01-01 已是过去的日期');
    expect(englishLeft(out)).toEqual([]);
    expect(englishLeft(run.stderr)).toEqual([]);
  });

  it('writes the Markdown and HTML reasons in Chinese', async () => {
    const md = await plan([...PAST_RED, '--format', 'markdown']);
    expect(md.stdout).toMatch(REASON_ZH);
    const unscheduledMd = md.stdout.slice(md.stdout.indexOf('## 未安排'), md.stdout.indexOf('## 合计'));
    expect(englishLeft(unscheduledMd)).toEqual([]);
    const html = await plan([...PAST_RED, '--format', 'html']);
    const section = /<section class="unscheduled">([\s\S]*?)<\/section>/.exec(html.stdout)?.[1] ?? '';
    expect(section).toMatch(REASON_ZH);
    expect(englishLeft(section.replace(/<[^>]+>/g, ' '))).toEqual([]);
  });

  it('a cruise trip in Chinese: the days a leg takes in Chinese, the programme\'s approximate times said once', async () => {
    const run = await plan(['--from', 'chongqing', '--to', 'nanchang', '--start', '2027-04-12', '--days', '7', '--themes', 'water,cultural', '--party', 'adult=2,child=1', '--format', 'markdown', '-q'], false);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/\| 21:00–13:30 \+3天 \| 游轮: 重庆 → 宜昌/);
    expect(run.stdout).toContain('船过瞿塘峡（夔门），甲板观景（约11:00-11:30）');
    expect(run.stdout).not.toMatch(/约约|时间约为：约|\+\dd\b/);
  }, 120_000);

  it('says why an empty plan is refused in Chinese, and keeps the JSON the same in both languages', async () => {
    const empty = ['--from', 'jingzhou', '--start', '2026-05-12', '--days', '1', '--themes', 'water', '--day-start', '18:00', '--day-end', '21:00'];
    const zh = await plan(empty, false);
    expect(zh.exitCode).toBe(1);
    expect(zh.stderr).toContain('警告：没有任何景点符合此要求');
    expect(englishLeft(zh.stderr)).toEqual([]);
    const zhJson = await plan([...PAST_RED, '--json'], false);
    const enJson = await runCli(['--catalogue', SHIPPED, '--lang', 'en', 'plan', ...PAST_RED, '--json'], { monotonicMs: () => 0 });
    expect(zhJson.stdout).toBe(enJson.stdout);
    expect(JSON.parse(zhJson.stdout).unscheduled[0].detail).toMatch(/^[ -~–→]+$/); // English (with its dashes and arrows)
  });
});
