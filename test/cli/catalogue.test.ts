/**
 * `yangtze catalogue …` as a user runs it: whole-CLI runs in-process (terminal
 * and pipe), the JSON contracts, exit codes, and a few real spawns of the bin.
 */
import { describe, it, expect } from '@jest/globals';
import { runCli, spawnCli, stripAnsi } from './helpers/run-cli.js';

const FIXTURE = 'test/fixtures/cli/catalogue.yaml';
const INVALID = 'test/fixtures/cli/catalogue-invalid.yaml';
const withFixture = (...args: string[]) => ['--catalogue', FIXTURE, 'catalogue', ...args];

describe('catalogue list', () => {
  it('prints a table with both names, city names, themes and prices in a terminal', async () => {
    // A terminal wide enough for the whole table (test/cli/table.test.ts cuts it to fit a narrower one).
    const run = await runCli(withFixture('list', '--city', 'wuhan'), { tty: true, columns: 120, env: { FORCE_COLOR: '0' } });
    expect(run).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: [
        'ID                       Name                                  City   Themes     Rating  Visit  Adult',
        'yellow-crane-tower       Yellow Crane Tower 黄鹤楼             Wuhan  cultural   5A         2h     70',
        'hubei-provincial-museum  Hubei Provincial Museum 湖北省博物馆  Wuhan  cultural   5A      2h30m   free',
        'east-lake                East Lake 东湖                        Wuhan  eco,water  5A         3h   free',
        '',
      ].join('\n'),
    });
  });

  it('colours each theme in a colour terminal', async () => {
    const run = await runCli(withFixture('list', '--theme', 'water,red'), { tty: true, env: { FORCE_COLOR: '1' } });
    expect(run.stdout).toContain('\u001b[32meco\u001b[39m,\u001b[34mwater\u001b[39m');
    expect(run.stdout).toContain('\u001b[31mred\u001b[39m');
  });

  it('puts the Chinese name first and labels in Chinese under --lang zh', async () => {
    const run = await runCli(['--lang', 'zh', ...withFixture('list', '--theme', 'red')], { tty: true, columns: 120, env: { FORCE_COLOR: '0' } });
    expect(run.stdout.split('\n')[0]).toMatch(/^编号\s+名称\s+城市\s+主题\s+等级\s+游览\s+成人票$/);
    expect(run.stdout).toContain('毛泽东长沙故居 Mao Zedong\'s Former Residence in Changsha  长沙');
  });

  it('prints stable tab-separated rows without a header in a pipe', async () => {
    const run = await runCli(withFixture('list', '--rating', '4A'));
    expect(run).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: "mao-former-residence-changsha\tMao Zedong's Former Residence in Changsha\t毛泽东长沙故居\tchangsha\tred\t4A\t60\t0\n",
    });
  });

  it('prints a versioned JSON document with exactly these fields, the same under every --lang', async () => {
    const en = await runCli(withFixture('list', '--theme', 'eco', '--json'), { tty: true });
    const zh = await runCli(['--lang', 'zh', ...withFixture('list', '--theme', 'eco', '--json')], { tty: true });
    expect(zh.stdout).toBe(en.stdout);
    const doc = JSON.parse(en.stdout) as Record<string, unknown> & { attractions: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'kind', 'currency', 'filters', 'attractions']);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'yangtze.attractions', currency: 'CNY', filters: { themes: ['eco'], city: null, rating: null } });
    expect(doc.attractions).toHaveLength(1);
    expect(Object.keys(doc.attractions[0]!)).toEqual([
      'id', 'name', 'nameZh', 'city', 'themes', 'rating', 'visitMin', 'price', 'reservation', 'mustSee', 'location',
    ]);
    expect(doc.attractions[0]).toEqual({
      id: 'east-lake', name: 'East Lake', nameZh: '东湖', city: 'wuhan', themes: ['eco', 'water'], rating: '5A',
      visitMin: 180, price: { adult: 0 }, reservation: 'none', mustSee: false, location: { lat: 30.5561, lon: 114.4017 },
    });
  });

  it('exits 2 naming the flag and suggesting a theme for a bad --theme', async () => {
    const run = await runCli(withFixture('list', '--theme', 'culturl'));
    expect(run).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "error: --theme: unknown theme 'culturl'\nDid you mean 'cultural'? Themes: eco, cultural, red, water.\n",
    });
  });

  it('exits 2 for an unknown --city and --rating', async () => {
    expect((await runCli(withFixture('list', '--city', 'wuhna'))).stderr).toContain("--city: no city 'wuhna' in the catalogue\nDid you mean 'wuhan'?");
    expect((await runCli(withFixture('list', '--rating', '7A'))).exitCode).toBe(2);
  });
});

describe('catalogue show', () => {
  it('shows the next seven days from the fixed clock (Monday 2026-05-11 in Wuhan)', async () => {
    const run = await runCli(withFixture('show', 'mao-former-residence-changsha'), { tty: true, env: { FORCE_COLOR: '0' } });
    expect(run.exitCode).toBe(0);
    const days = run.stdout.slice(run.stdout.indexOf('Next 7 days'), run.stdout.indexOf('\n\nFacts'));
    expect(days.split('\n')).toEqual([
      'Next 7 days',
      '  Mon 2026-05-11  closed on Mondays except public holidays',
      '  Tue 2026-05-12  09:00–17:00, last entry 16:30',
      '  Wed 2026-05-13  closed 2026-05-13 (one-off closure)',
      '  Thu 2026-05-14  09:00–17:00, last entry 16:30',
      '  Fri 2026-05-15  09:00–17:00, last entry 16:30',
      '  Sat 2026-05-16  09:00–17:00, last entry 16:30',
      '  Sun 2026-05-17  09:00–17:00, last entry 16:30',
    ]);
  });

  it('flags unconfirmed fields as estimates and lists the sources', async () => {
    const run = await runCli(withFixture('show', 'yellow-crane-tower'), { tty: true, env: { FORCE_COLOR: '0' } });
    expect(run.stdout).toContain('  Hours        Apr-Oct 08:00–18:30 (last entry 17:30); Nov-Mar 08:00–17:30 (estimate)\n');
    expect(run.stdout).toContain('Facts\n  Checked    2025-09\n  Estimates  hours\n  Sources    https://example.org/yellow-crane-tower\n');
  });

  it('uses the catalogue holidays for a Golden Week the built-in data lacks (2027)', async () => {
    const run = await runCli(withFixture('show', 'hubei-provincial-museum', '--json'), { now: '2027-10-04T10:00:00+08:00' });
    const doc = JSON.parse(run.stdout) as { days: { date: string; dayKind: string; open: boolean }[] };
    expect(doc.days[0]).toMatchObject({ date: '2027-10-04', dayKind: 'holiday', open: true });
    expect(run.stderr).toBe('');
  });

  it('warns on stderr when no holiday data covers the days shown', async () => {
    // 2031: after the built-in data and beyond the provisional statutory table.
    const run = await runCli(withFixture('show', 'east-lake'), { now: '2031-03-01T10:00:00+08:00' });
    expect(run.exitCode).toBe(0);
    expect(stripAnsi(run.stderr)).toMatch(/^warning: no public-holiday data for 2031/);
  });

  it('marks a provisional statutory holiday (a year with no official schedule) in text and JSON', async () => {
    const text = await runCli(withFixture('show', 'east-lake'), { now: '2028-10-01T10:00:00+08:00', tty: true, env: { FORCE_COLOR: '0' } });
    expect(text.stdout).toContain('holiday (National Day, provisional: statutory day, official schedule not yet published)');
    const run = await runCli(withFixture('show', 'east-lake', '--json'), { now: '2028-10-01T10:00:00+08:00' });
    const doc = JSON.parse(run.stdout) as { days: Record<string, unknown>[] };
    expect(doc.days[0]).toMatchObject({ date: '2028-10-01', dayKind: 'holiday', holiday: 'National Day', holidayProvisional: true });
    expect(doc.days[3]).not.toHaveProperty('holidayProvisional');
  });

  it('prints a versioned JSON document with these fields', async () => {
    const run = await runCli(withFixture('show', 'mao-former-residence-changsha', '--json'));
    const doc = JSON.parse(run.stdout) as Record<string, Record<string, unknown>[] & Record<string, unknown>>;
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'kind', 'currency', 'attraction', 'days', 'facts', 'provenance']);
    expect(doc.kind).toBe('yangtze.attraction');
    expect(Object.keys(doc.attraction!)).toEqual([
      'id', 'name', 'nameZh', 'city', 'location', 'themes', 'rating', 'visitMin', 'hours', 'closed', 'holidays',
      'closedDates', 'price', 'reservation', 'mustSee', 'description', 'note', 'closedNth', 'priceSeasons', 'access', 'birdSeason',
    ]);
    expect(doc.days![0]).toEqual({
      date: '2026-05-11', weekday: 'mon', dayKind: 'weekday', holiday: null, open: false, intervals: [],
      reason: 'weekly-closure', detail: 'closed on Mondays except public holidays',
    });
    expect(doc.days![1]).toEqual({
      date: '2026-05-12', weekday: 'tue', dayKind: 'weekday', holiday: null, open: true,
      intervals: [{ open: '09:00', close: '17:00', lastEntry: '16:30' }], reason: null, detail: null,
    });
    expect(doc.facts).toEqual({ checked: '2025-06', unconfirmed: [], sources: ['https://example.org/mao-residence'], note: null });
  });

  it('shows a city', async () => {
    const run = await runCli(withFixture('show', 'changsha'));
    expect(run.stdout).toContain('attraction\tmao-former-residence-changsha\n');
  });

  it('exits 4 with a suggestion for an unknown id', async () => {
    const run = await runCli(withFixture('show', 'yellow-crane'));
    expect(run).toEqual({
      exitCode: 4,
      stdout: '',
      stderr: "error: no attraction or city 'yellow-crane' in the catalogue\nDid you mean 'yellow-crane-tower'?\n",
    });
  });
});

describe('catalogue validate', () => {
  it('prints a one-line summary of a valid file', async () => {
    const run = await runCli(['catalogue', 'validate', FIXTURE]);
    expect(run).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: `${FIXTURE}: ok: 2 cities, 4 attractions, 1 link, 1 route, 1 pass, 1 holiday entry\n`,
    });
  });

  it('validates the --catalogue file when no FILE is given', async () => {
    const run = await runCli(withFixture('validate'));
    expect(run.stdout).toMatch(/^test\/fixtures\/cli\/catalogue\.yaml: ok: /);
  });

  it('exits 3 and names the file, line and column of each problem', async () => {
    const run = await runCli(['catalogue', 'validate', INVALID]);
    expect(run.exitCode).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${INVALID}:22:14 error unknown-theme:`);
    expect(run.stderr).toMatch(/error: test\/fixtures\/cli\/catalogue-invalid\.yaml: \d+ errors?\n$/);
  });

  it('refuses to list from a catalogue with errors (exit 3)', async () => {
    const run = await runCli(['--catalogue', INVALID, 'catalogue', 'list']);
    expect(run.exitCode).toBe(3);
    expect(run.stdout).toBe('');
  });

  it('gives the problems as JSON on stdout under --json, still exiting 3', async () => {
    const run = await runCli(['catalogue', 'validate', INVALID, '--json']);
    expect(run.exitCode).toBe(3);
    const doc = JSON.parse(run.stdout) as { schemaVersion: number; kind: string; valid: boolean; issues: { code: string; line: number }[] };
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'yangtze.catalogue-validation', valid: false });
    expect(doc.issues).toContainEqual(expect.objectContaining({ code: 'unknown-theme', line: 22 }));
  });

  it('exits 4 for a file that does not exist', async () => {
    const run = await runCli(['catalogue', 'validate', 'test/fixtures/cli/no-such.yaml']);
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toContain('no-such.yaml');
  });
});

describe('the real binary', () => {
  it('lists the catalogue commands in --help', async () => {
    const run = await spawnCli(['catalogue', '--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/validate \[options\] \[file\]/);
    expect(run.stdout).toMatch(/show \[options\] <id>/);
  });

  it('prints JSON to a pipe', async () => {
    const run = await spawnCli(withFixture('list', '--json'));
    expect(run.exitCode).toBe(0);
    expect((JSON.parse(run.stdout) as { attractions: unknown[] }).attractions).toHaveLength(4);
  });

  it('exits 4 for an unknown id without a stack trace', async () => {
    const run = await spawnCli(withFixture('show', 'nowhere'));
    expect(run.exitCode).toBe(4);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('catalogue schema', () => {
  it('prints a JSON Schema that describes the top-level keys of routes.yaml', async () => {
    const run = await runCli(['catalogue', 'schema']);
    expect(run.exitCode).toBe(0);
    const schema = JSON.parse(run.stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['version', 'timezone', 'cities', 'attractions', 'links', 'routes', 'passes', 'holidays']),
    );
  });
});
