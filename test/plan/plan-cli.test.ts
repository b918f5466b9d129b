/**
 * `yangtze plan` and `yangtze plan check` as a user sees them: terminal and
 * pipe views, every format, files, and every kind of bad input with its exit
 * code and a message that names the flag (never a stack trace).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, spawnCli, stripAnsi, type RunCliOptions } from '../cli/helpers/run-cli.js';
import { SHIPPED } from './shipped.js';

const WUHAN_DAY = ['--from', 'wuhan', '--to', 'wuhan', '--start', '2026-05-12', '--days', '1', '--themes', 'cultural', '--party', 'adult=2,child=1'];
const plan = (args: readonly string[], options: RunCliOptions = {}) =>
  runCli(['--catalogue', SHIPPED, 'plan', ...args], { monotonicMs: () => 0, ...options });

let dir: string;
beforeAll(() => void (dir = mkdtempSync(path.join(tmpdir(), 'yangtze-plan-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('yangtze plan', () => {
  it('prints a coloured day-by-day timeline with both names in a terminal', async () => {
    const run = await plan(WUHAN_DAY, { tty: true });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/\u001b\[/);
    const text = stripAnsi(run.stdout);
    expect(text).toContain('Day 1');
    expect(text).toContain('Yellow Crane Tower');
    expect(text).toContain('黄鹤楼');
    expect(text).toMatch(/By theme[\s\S]*Not scheduled[\s\S]*Totals/);
    expect(text).toMatch(/\d\d:\d\d–\d\d:\d\d/);
  });

  it('prints stable tab-separated rows without colour when piped', async () => {
    const run = await plan(WUHAN_DAY);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toMatch(/\u001b\[/);
    const rows = run.stdout.trimEnd().split('\n').map((r) => r.split('\t'));
    expect(rows[0]).toEqual(['day', '1', '2026-05-12', expect.any(String), 'wuhan', 'wuhan']);
    for (const row of rows.filter((r) => r[0] === 'visit')) expect(row).toHaveLength(10);
    for (const row of rows.filter((r) => r[0] === 'travel')) expect(row).toHaveLength(8);
    expect(rows.at(-1)![0]).toBe('total');
  });

  it('uses Chinese labels with --lang zh', async () => {
    const run = await plan([...WUHAN_DAY], { tty: true, env: { LANG: 'zh_CN.UTF-8' } });
    expect(stripAnsi(run.stdout)).toContain('第1天');
  });

  it('--json is --format json, and both repeat exactly', async () => {
    const a = await plan([...WUHAN_DAY, '--json']);
    const b = await plan([...WUHAN_DAY, '--format', 'json']);
    expect(a.exitCode).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const doc = JSON.parse(a.stdout);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'kind', 'request', 'days', 'byTheme', 'unscheduled', 'totals']);
    expect(Object.keys(doc.byTheme)).toEqual(['cultural', 'red', 'eco', 'water']);
    expect(Object.keys(doc.days[0])).toEqual(['day', 'date', 'theme', 'start', 'lodging', 'items']);
  });

  it('writes Markdown for an email', async () => {
    const run = await plan([...WUHAN_DAY, '--format', 'markdown']);
    expect(run.stdout).toMatch(/^# Wuhan → Wuhan/);
    expect(run.stdout).toContain('| Time | Stop | Cost |');
  });

  it('writes RFC 4180 CSV: a header, CRLF, quoted fields', async () => {
    const run = await plan([...WUHAN_DAY, '--format', 'csv']);
    const lines = run.stdout.split('\r\n');
    expect(lines[0]).toBe('day,date,kind,start,end,id,from,to,city,mode,themes,name,name_zh,cost,currency');
    expect(lines.at(-1)).toBe('');
    const json = JSON.parse((await plan([...WUHAN_DAY, '--json'])).stdout);
    const items = json.days.flatMap((d: { items: unknown[] }) => d.items).length;
    expect(lines.length - 2).toBe(items);
    for (const line of lines.slice(1, -1)) expect(line.startsWith('1,2026-05-12,')).toBe(true);
  });

  it('-o writes the file and says where on stderr', async () => {
    const file = path.join(dir, 'trip.json');
    const run = await plan([...WUHAN_DAY, '--json', '-o', file]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('trip.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).kind).toBe('yangtze.itinerary');
  });

  it.each([
    [['--from', 'wuhna', '--start', '2026-05-12'], 2, /--from wuhna.*Did you mean 'wuhan'/],
    [['--from', 'wuhan', '--start', '2026-05-12', '--must', 'yellow-crane-towr'], 4, /--must yellow-crane-towr.*Did you mean 'yellow-crane-tower'/],
    [['--from', 'wuhan', '--start', '2026-02-30'], 2, /--start 2026-02-30: not a real date/],
    [['--from', 'wuhan', '--start', '2026-05-12', '--days', '0'], 2, /--days 0/],
    [['--from', 'wuhan', '--start', '2026-05-12', '--must', 'east-lake', '--avoid', 'east-lake'], 2, /--must and --avoid both name east-lake/],
    [['--from', 'wuhan', '--start', '2026-05-12', '--party', 'adults=2'], 2, /--party: unknown rider category "adults".*Did you mean 'adult'/],
    [['--from', 'wuhan', '--start', '2026-05-12', '--party', 'adult=two'], 2, /--party: "adult=two"/],
    [['--start', '2026-05-12'], 2, /missing --from/],
    [['--from', 'chongqing', '--to', 'nanchang', '--start', '2026-05-12', '--days', '1'], 2, /--to nanchang cannot be reached from chongqing in 1 day/],
    [['--from', 'wuhan', '--start', '2026-05-12', '--format', 'pdf'], 2, /--format pdf/],
  ])('refuses %j with exit %i and a message naming the flag', async (args, code, message) => {
    const run = await plan(args);
    expect(run.exitCode).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs for real as a process, piped', async () => {
    const run = await spawnCli(['--catalogue', SHIPPED, 'plan', ...WUHAN_DAY, '--json']);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).request.from).toBe('wuhan');
  });
});

describe('yangtze plan in a year without public-holiday data', () => {
  const NO_DATA = 'warning: no public-holiday data for 2031: holidays are not taken into account; add them under `holidays:` in the catalogue\n';
  const PROVISIONAL =
    "warning: no official holiday schedule for 2027 yet: the plan uses the statutory public holidays of the law, marked provisional (no make-up workdays or bridging days); add the State Council's notice under `holidays:` in the catalogue\n";
  const trip = (start: string, days: string) => ['--from', 'wuhan', '--to', 'wuhan', '--start', start, '--days', days, '--json', '--time-limit', '250'];

  it('warns on stderr, naming the year, and still plans', async () => {
    const run = await plan(trip('2031-05-12', '2'));
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).request.start).toBe('2031-05-12');
    expect(run.stderr).toBe(NO_DATA);
  });

  it('names only the years the trip reaches without data: a trip over New Year', async () => {
    const run = await plan(trip('2030-12-30', '4'));
    expect(run.exitCode).toBe(0);
    // 2030 still has the provisional statutory holidays; 2031 is beyond the table.
    expect(run.stderr).toBe(NO_DATA + PROVISIONAL.replace('2027', '2030'));
  });

  it('in a year with no official schedule, says the statutory holidays are provisional', async () => {
    const run = await plan(trip('2027-05-12', '2'));
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe(PROVISIONAL);
  });

  it('says nothing for a year with built-in data, or one the catalogue lists holidays for', async () => {
    expect((await plan(trip('2026-05-12', '2'))).stderr).toBe('');
    const catalogue = path.join(dir, 'routes-2027.yaml');
    writeFileSync(catalogue, readFileSync(SHIPPED, 'utf8').replace(/^holidays:\n/m, 'holidays:\n  - { date: 2027-05-01..2027-05-05, name: Labour Day, kind: holiday }\n'));
    const run = await runCli(['--catalogue', catalogue, 'plan', ...trip('2027-05-12', '2')], { monotonicMs: () => 0 });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
  }, 180_000); // two in-process plans
});

describe('yangtze plan in Golden Week 2027 (provisional statutory holidays)', () => {
  // These specs read the holiday notes, not the plan's quality: a smaller search effort keeps the
  // in-process runs (one per view) quick on a loaded CI machine.
  const QUICK = ['--time-limit', '250'];
  const GOLDEN = ['--from', 'wuhan', '--start', '2027-10-01', '--days', '2', ...QUICK];

  it('marks each holiday day in the terminal, and -q silences only the stderr notice', async () => {
    const run = await plan([...GOLDEN, '-q'], { tty: true });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    const text = stripAnsi(run.stdout);
    const marks = text.split('\n').filter((l) => l.includes('Golden Week · National Day 国庆节'));
    expect(marks).toHaveLength(2);
    expect(marks[0]).toContain('book tickets, trains and hotels well ahead');
    expect(marks[0]).toContain('Provisional');
  });

  it('gives a holiday row after each day row when piped', async () => {
    const run = await plan(GOLDEN);
    expect(run.exitCode).toBe(0);
    const rows = run.stdout.trimEnd().split('\n').map((r) => r.split('\t'));
    expect(rows.filter((r) => r[0] === 'holiday')).toEqual([
      ['holiday', '1', '2027-10-01', 'National Day', '国庆节', 'golden-week', 'provisional'],
      ['holiday', '2', '2027-10-02', 'National Day', '国庆节', 'golden-week', 'provisional'],
    ]);
    expect(rows[rows.findIndex((r) => r[0] === 'holiday') - 1]![0]).toBe('day');
  });

  it('carries the holiday in the JSON, and nothing on an ordinary day', async () => {
    const doc = JSON.parse((await plan(['--from', 'wuhan', '--start', '2027-10-03', '--days', '2', '--json', '-q', ...QUICK])).stdout);
    expect(doc.days[0].holiday).toEqual({
      name: 'National Day', nameZh: '国庆节', goldenWeek: true, provisional: true,
      note: expect.stringContaining('Golden Week'),
    });
    // Oct 4 2027 is an ordinary Monday until the official notice bridges it.
    expect(doc.days[1]).not.toHaveProperty('holiday');
  });

  it('marks a one-day public holiday (Qingming 2027) as a public holiday, not Golden Week', async () => {
    const run = await plan(['--from', 'wuhan', '--start', '2027-04-05', '--days', '1', '-q', ...QUICK]);
    expect(run.stdout).toContain('holiday\t1\t2027-04-05\tTomb-sweeping Day\t清明\tpublic-holiday\tprovisional\n');
  });

  it('uses the official schedule, not provisional, for 2026 (built-in)', async () => {
    const doc = JSON.parse((await plan(['--from', 'wuhan', '--start', '2026-10-05', '--days', '1', '--json', ...QUICK])).stdout);
    expect(doc.days[0].holiday).toMatchObject({ name: 'National Day', goldenWeek: true, provisional: false });
  });

  it('writes the note into markdown, HTML, CSV and ICS', async () => {
    for (const [format, expected] of [
      ['markdown', '> **Golden Week · National Day 国庆节**: expect large crowds'],
      ['html', '<p class="holiday golden-week"><strong>Golden Week · National Day 国庆节</strong>'],
      ['csv', '1,2027-10-01,holiday,,,,,,,golden-week,,"Golden Week · National Day 国庆节: expect large crowds'],
      ['ics', 'Golden Week · National Day 国庆节: expect large crowds'],
    ] as const) {
      const run = await plan([...GOLDEN, '--format', format, '-q']);
      expect(run.exitCode).toBe(0);
      // ICS folds long lines at 75 octets: unfold before looking.
      expect(run.stdout.replace(/\r\n[ \t]/g, '')).toContain(expected);
    }
  }, 240_000); // four in-process plans, one per view: not a timing spec
});

describe('yangtze plan check', () => {
  const check = (file: string, options: RunCliOptions = {}) => runCli(['--catalogue', SHIPPED, 'plan', 'check', file], options);
  let good: string;
  beforeAll(async () => {
    good = path.join(dir, 'good.json');
    writeFileSync(good, (await plan([...WUHAN_DAY, '--json'])).stdout);
  });

  it('passes a plan the planner made: exit 0, a tick in a terminal', async () => {
    const run = await check(good, { tty: true });
    expect(run.exitCode).toBe(0);
    expect(stripAnsi(run.stdout)).toContain('no violations');
  });

  it('prints every violation of a hand-edited plan and exits 1', async () => {
    const doc = JSON.parse(readFileSync(good, 'utf8'));
    doc.request.budget = 1;
    doc.totals.visits += 1;
    const bad = path.join(dir, 'edited.json');
    writeFileSync(bad, JSON.stringify(doc, null, 2));
    const run = await check(bad);
    expect(run.exitCode).toBe(1);
    const rows = run.stdout.trimEnd().split('\n').map((r) => r.split('\t')[0]);
    expect(rows).toEqual(expect.arrayContaining(['over-budget', 'totals-mismatch']));
    const json = await runCli(['--catalogue', SHIPPED, 'plan', 'check', bad, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: false, violations: expect.arrayContaining([expect.objectContaining({ code: 'over-budget' })]) });
  });

  it('reports a file that is not JSON with file:line:col and exit 3', async () => {
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "schemaVersion": 1,\n  "kind": "yangtze.itinerary"\n  "days": []\n}\n');
    const run = await check(broken);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toMatch(/broken\.json:4:3/);
  });

  it('reports a JSON document that is not an itinerary with the JSON path and exit 3', async () => {
    const doc = JSON.parse(readFileSync(good, 'utf8'));
    doc.days[0].items[0].kind = 'teleport';
    const odd = path.join(dir, 'odd.json');
    writeFileSync(odd, JSON.stringify(doc));
    const run = await check(odd);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('days[0].items[0]');
  });

  it('reports a missing file with exit 4', async () => {
    const run = await check(path.join(dir, 'nope.json'));
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toContain('nope.json: no such file');
  });
});
