/**
 * `yangtze quote` as a user runs it: the terminal, pipe, JSON and CSV views
 * of one quote against golden files, the agency rate sheet overriding the
 * catalogue, and every bad input with its exit code and position.
 * Regenerate the goldens with UPDATE_GOLDEN=1 after an intended change.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli/helpers/run-cli.js';
import { CRUISE_PLAN } from './shipped.js';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const GOLDEN = path.join(path.dirname(new URL(import.meta.url).pathname), 'golden');
const QUOTE = ['quote', CRUISE_PLAN, '--party', 'adult=2,child=1', '--guide', 'en', '--markup', '15%', '--rounding', 'up-to-10'];

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('yangtze quote: one dataset, four views', () => {
  it('terminal: every cost line by section, per person by category, the pax-range table', async () => {
    const run = await runCli([...QUOTE, '--no-color'], { tty: true });
    expect(run.exitCode).toBe(0);
    golden('cruise-family.txt', run.stdout);
  });

  it('terminal in Chinese', async () => {
    const run = await runCli([...QUOTE, '--no-color', '--lang', 'zh'], { tty: true });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('每人价格');
    golden('cruise-family.zh.txt', run.stdout);
  });

  it('terminal in Chinese names the party, the options and the price rows in Chinese, not by their ids', async () => {
    const run = await runCli([...QUOTE, '--no-color', '--lang', 'zh'], { tty: true });
    const [title, options] = run.stdout.split('\n');
    expect(title).toContain('成人2人、儿童1人');
    expect(options).toBe('标准 四星 · 房型 双人间 · 儿童 同住不占床 · 交通 专车（含司机） · 导游 英文导游 · 舱位 标准舱 · 利润 加价15% · 取整 进位到10元 · 最后一晚 含住宿');
    expect(run.stdout).toMatch(/\n {2}成人，双人同住 +× 2 /);
    expect(run.stdout).not.toMatch(/adult|twin|4star/);
  });

  it('pipe: tab-separated records, kind first', async () => {
    const run = await runCli(QUOTE);
    expect(run.exitCode).toBe(0);
    const kinds = new Set(run.stdout.trim().split('\n').map((l) => l.split('\t')[0]));
    expect([...kinds]).toEqual(['line', 'person', 'total', 'pax']);
    golden('cruise-family.tsv', run.stdout);
  });

  it('JSON: a versioned yangtze.quote document whose numbers agree with the pipe view', async () => {
    const [json, tsv] = await Promise.all([runCli([...QUOTE, '--json']), runCli(QUOTE)]);
    const q = JSON.parse(json.stdout);
    expect(q).toMatchObject({ schemaVersion: 1, kind: 'yangtze.quote', currency: 'CNY' });
    const total = tsv.stdout.split('\n').find((l) => l.startsWith('total\t'))!.split('\t');
    expect(total[3]).toBe((q.totals.sellFen / 100).toFixed(2));
    golden('cruise-family.json', json.stdout);
  });

  it('CSV: a header and one row per record', async () => {
    const run = await runCli([...QUOTE, '--csv']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\r\n')[0]).toBe('record,day,date,section,label,unit,quantity,unit_price,total,estimate,basis,row,category,travellers,net,sell,margin,single_supplement,currency');
    golden('cruise-family.csv', run.stdout);
  });

  it('-o writes the file whole and prints nothing on stdout', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quote-'));
    const run = await runCli([...QUOTE, '--json', '-o', path.join(dir, 'q.json')]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'q.json'), 'utf8')).kind).toBe('yangtze.quote');
    expect(readdirSync(dir)).toEqual(['q.json']);
  });
});

describe('the README example: 7 days Chongqing → Nanchang, water and culture, 2 adults and a child', () => {
  const SEVEN = ['quote', path.join(FIXTURES, 'chongqing-nanchang-7d.itinerary.json'), '--guide', 'en', '--markup', '15%', '--rounding', 'up-to-10'];
  it.each([
    ['en', 'chongqing-nanchang-7d.txt'],
    ['zh', 'chongqing-nanchang-7d.zh.txt'],
  ])('terminal (%s)', async (lang, file) => {
    const run = await runCli([...SEVEN, '--no-color', '--lang', lang], { tty: true });
    expect(run.exitCode).toBe(0);
    golden(file, run.stdout);
  });
  it('pipe', async () => {
    golden('chongqing-nanchang-7d.tsv', (await runCli(SEVEN)).stdout);
  });
});

describe('yangtze quote --rates: an agency rate sheet', () => {
  it('a YAML sheet overrides the catalogue: the named hotel and the contracted guide', async () => {
    const run = await runCli([...QUOTE, '--json', '--rates', path.join(FIXTURES, 'rates-good.yaml')]);
    expect(run.exitCode).toBe(0);
    const q = JSON.parse(run.stdout);
    const wuhan = q.lines.find((l: { section: string; label: { en: string } }) => l.section === 'lodging' && l.label.en.includes('Wuhan'));
    expect(wuhan).toMatchObject({ unitFen: 52000, estimate: false, basis: 'agency rate sheet' });
    expect(wuhan.label.en).toContain('Jianghan Riverside Hotel');
    expect(q.lines.filter((l: { section: string }) => l.section === 'guide').every((l: { unitFen: number }) => l.unitFen === 65000)).toBe(true);
  });

  it('a CSV sheet does the same, with per-category meal prices in rider-category columns', async () => {
    const run = await runCli([...QUOTE, '--json', '--rates', path.join(FIXTURES, 'rates-good.csv')]);
    expect(run.exitCode).toBe(0);
    const q = JSON.parse(run.stdout);
    const lunches = q.lines.filter((l: { label: { en: string } }) => l.label.en.startsWith('Lunch'));
    expect(lunches.map((l: { unitFen: number }) => l.unitFen)).toEqual(expect.arrayContaining([5500, 3000]));
    expect(lunches.every((l: { unitFen: number }) => l.unitFen === 5500 || l.unitFen === 3000)).toBe(true);
  });

  it.each([
    ['bad-type.yaml', '2:40', 'wrong-type', 'Expected number, got "cheap"'],
    ['bad-key.yaml', '2:45', 'unknown-key', "Did you mean 'extra_bed'?"],
    ['bad-money.yaml', '2:30', 'bad-money', '650.555 has more than 2 decimals'],
    ['bad-grade.yaml', '2:27', 'bad-value', '"four" is not one of budget, 3star, 4star, 5star'],
    ['bad-syntax.yaml', '2:13', 'yaml-syntax', 'not allowed'],
    ['bad-number.csv', '2:21', 'wrong-type', 'Expected number, got "abc"'],
    ['bad-column.csv', '1:17', 'unknown-column', 'Unknown column "rooom"'],
    ['bad-kind.csv', '2:1', 'unknown-kind', 'Unknown rate kind "hotel"'],
    ['missing-grade.csv', '2:1', 'missing-key', 'Missing required key "grade"'],
  ])('%s: exit 3, the defect at file:line:col', async (name, at, code, words) => {
    const run = await runCli([...QUOTE, '--rates', path.join(FIXTURES, name)]);
    expect(run.exitCode).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${name}:${at} error ${code}`);
    expect(run.stderr).toContain(words);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('yangtze quote: bad flags and files', () => {
  it.each([
    [['--markup', '15%', '--commission', '10%'], 'cannot be combined'],
    [['--commission', '100%'], 'below 100%'],
    [['--rounding', 'up-to-ten'], 'up-to-N'],
    [['--pax', '2,zero'], '--pax'],
    [['--party', 'adults=2'], 'unknown rider category'],
    [['--format', 'docx'], '--format docx'],
    [['--json', '--csv'], 'disagree'],
  ])('%j: exit 2 naming the flag', async (flags, words) => {
    const run = await runCli(['quote', CRUISE_PLAN, ...flags]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(words);
  });

  it('a missing plan: exit 4; a missing rate sheet: exit 4', async () => {
    expect((await runCli(['quote', 'nowhere.json'])).exitCode).toBe(4);
    expect((await runCli(['quote', CRUISE_PLAN, '--rates', 'nowhere.yaml'])).exitCode).toBe(4);
  });

  it('a plan that is not JSON: exit 3', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quote-'));
    writeFileSync(path.join(dir, 'p.json'), '{ days: ');
    const run = await runCli(['quote', path.join(dir, 'p.json')]);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('not JSON');
  });
});

describe('the README shows the quote as it is', () => {
  // When a deliberate planner change moves this plan: save the new one (`node bin/yangtze.js plan --from chongqing --to nanchang
  // --start 2027-04-12 --days 7 --themes water,cultural --party adult=2,child=1 --json -q > test/quote/fixtures/chongqing-nanchang-7d.itinerary.json`),
  // regenerate the quote goldens (UPDATE_GOLDEN=1 on this file) and paste chongqing-nanchang-7d.txt into the README's quote example.
  it('quotes the plan the planner makes today for the README request (before, a plan saved before session 7, with a disclaimer)', async () => {
    const run = await runCli(['plan', '--from', 'chongqing', '--to', 'nanchang', '--start', '2027-04-12', '--days', '7', '--themes', 'water,cultural',
      '--party', 'adult=2,child=1', '--json', '-q'], { monotonicMs: () => 0 });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(path.join(FIXTURES, 'chongqing-nanchang-7d.itinerary.json'), 'utf8')));
  }, 60_000);

  it('has the 7-day example exactly as the golden terminal view', () => {
    const readme = readFileSync(path.join(FIXTURES, '..', '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(readFileSync(path.join(GOLDEN, 'chongqing-nanchang-7d.txt'), 'utf8').trimEnd());
  });
});
