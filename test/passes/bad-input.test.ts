/**
 * The bad-input sweep of the pass and keys commands: wrong paths, wrong kinds
 * of file, malformed CSV. Each gives a message naming the file (and flag or
 * line), the documented exit code, and never a stack trace.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type CliRun } from '../cli/helpers/run-cli.js';
import { aHome, BOOKINGS_HEADER, homeWithPasses, LEDGER_CATALOGUE, passesOf } from './ledger-helpers.js';
import { anItinerary } from './builders.js';

const GOOD_ROW = 'BK1,Li Wei,,adult,wuhan-culture-pass,2026-05-12';
const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x01, 0x02, 0x9c, 0x0a, 0x00]);

function expectClean(run: CliRun, exitCode: number, ...texts: string[]): void {
  expect({ exitCode: run.exitCode, stackFree: !/\n\s+at /.test(run.stderr) }).toEqual({ exitCode, stackFree: true });
  for (const t of texts) expect(run.stderr).toContain(t);
}

async function issueFrom(home: string, name: string, content: string | Buffer, ...extra: string[]): Promise<CliRun> {
  const file = path.join(home, name);
  writeFileSync(file, content);
  return runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--bookings', file, ...extra]);
}

describe('pass issue --bookings with a bad file', () => {
  it('names the flag when the path is a directory (exit 3, as a directory for the catalogue or plan check)', async () => {
    const home = aHome();
    expectClean(await runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--bookings', home]), 3, `--bookings: ${home} is a directory`);
  });

  it('refuses binary garbage and a GBK export as not UTF-8, with the line and how to save it (exit 3)', async () => {
    const home = aHome();
    expectClean(await issueFrom(home, 'photo.csv', binary), 3, 'photo.csv: not UTF-8 text (line 1');
    const gbk = Buffer.concat([Buffer.from(`${BOOKINGS_HEADER}\nBK1,`), Buffer.from([0xc0, 0xee, 0xce, 0xb0]), Buffer.from(',,adult,wuhan-culture-pass,2026-05-12\n')]);
    expectClean(await issueFrom(home, 'gbk.csv', gbk), 3, 'gbk.csv: not UTF-8 text (line 2', 'Save As "CSV UTF-8"');
  });

  it('reads a file with a BOM and CRLF line ends', async () => {
    const run = await issueFrom(aHome(), 'excel.csv', `\uFEFF${BOOKINGS_HEADER}\r\n${GOOD_ROW}\r\n`);
    expect([run.exitCode, run.stdout]).toEqual([0, 'issued\t1\nalready-issued\t0\nbad-rows\t0\n']);
  });

  it('says an empty file has no header (exit 3) and a header-only file has no rows (exit 0, warning)', async () => {
    const home = aHome();
    expectClean(await issueFrom(home, 'empty.csv', ''), 3, 'empty.csv:1:1 error empty-file');
    const headerOnly = await issueFrom(home, 'header.csv', `${BOOKINGS_HEADER}\n`);
    expectClean(headerOnly, 0, 'header.csv has a header but no booking rows: nothing was issued');
  });

  it('lists the expected columns for an extra column, and names a missing one (exit 3)', async () => {
    const home = aHome();
    expectClean(await issueFrom(home, 'extra.csv', `${BOOKINGS_HEADER},notes\n${GOOD_ROW},VIP\n`), 3, 'extra.csv:1:49 error unknown-column: unknown column "notes"; the columns are booking,holder,');
    expectClean(await issueFrom(home, 'missing.csv', 'booking,holder,product\nBK1,Li Wei,wuhan-culture-pass\n'), 3, 'missing.csv:1:1 error missing-column: missing column "start"');
  });

  it('reports rows whose cells do not line up with the header, at the first extra cell (exit 3)', async () => {
    const run = await issueFrom(aHome(), 'ragged.csv', `${BOOKINGS_HEADER}\nBK1,Li, Wei,,adult,wuhan-culture-pass,2026-05-12\nBK2,Li Na\n${GOOD_ROW.replace('BK1', 'BK3')}\n`);
    expectClean(
      run,
      3,
      'ragged.csv:2:39 error wrong-cell-count: the row has 7 cells but the header has 6; a value with a comma needs "double quotes"',
      'ragged.csv:3:1 error wrong-cell-count: the row has 2 cells but the header has 6',
    );
    expect(run.stdout).toContain('issued\t1\n');
  });
});

describe('other pass commands given the wrong kind of file', () => {
  it('pass issue --plan and pass quote: a directory (3) or binary (3)', async () => {
    const home = aHome();
    const args = ['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--holder', 'Li Wei', '--plan'];
    expectClean(await runCli([...args, home]), 3, `--plan: ${home} is a directory`);
    expectClean(await runCli(['--catalogue', LEDGER_CATALOGUE, 'pass', 'quote', home]), 3, `${home} is a directory; expected an itinerary JSON file`);
    writeFileSync(path.join(home, 'plan.json'), binary);
    expectClean(await runCli([...args, path.join(home, 'plan.json')]), 3, 'plan.json: not UTF-8 text');
  });

  it('pass issue --qr-dir that cannot hold images: exit 2 before anything is issued, so a retry cannot duplicate', async () => {
    const home = aHome();
    const plan = path.join(home, 'plan.json');
    writeFileSync(plan, JSON.stringify(anItinerary([{ attraction: 'yellow-crane-tower', date: '2026-05-12' }, { attraction: 'east-lake', date: '2026-05-12' }])));
    const issue = (qrDir: string) => runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--plan', plan, '--holder', 'Li Wei', '--booking', 'BK1', '--qr-dir', qrDir]);
    expectClean(await issue(plan), 2, `--qr-dir: ${plan} exists and is not a folder`, 'nothing was issued');
    expectClean(await issue(path.join(plan, 'qr')), 2, '--qr-dir', 'nothing was issued');
    expect(existsSync(path.join(home, 'ledger.sqlite')) ? passesOf(home) : []).toEqual([]);
    const good = await issue(path.join(home, 'qr'));
    expect(good.exitCode).toBe(0);
    expect(passesOf(home)).toHaveLength(1);
  });

  it('pass verify --trust / --revoked: a directory (3), binary (3), a CSV (3)', async () => {
    const home = await homeWithPasses([GOOD_ROW]);
    writeFileSync(path.join(home, 'bin.json'), binary);
    writeFileSync(path.join(home, 'b.csv'), `${BOOKINGS_HEADER}\n`);
    const verify = (...args: string[]) => runCli(['--home', home, 'pass', 'verify', 'YZ1:x.y', ...args]);
    expectClean(await verify('--trust', home), 3, `--trust: ${home} is a directory`);
    expectClean(await verify('--trust', path.join(home, 'bin.json')), 3, 'bin.json: not UTF-8 text');
    expectClean(await verify('--trust', path.join(home, 'b.csv')), 3, 'b.csv: not JSON', 'expected a trust file from `yangtze keys export`');
    expectClean(await verify('--revoked', home), 3, `--revoked: ${home} is a directory`);
    expectClean(await verify('--revoked', path.join(home, 'nope.json')), 4, 'revocation list not found');
  });

  it('pass verify - with nothing on stdin warns and exits 0', async () => {
    const home = await homeWithPasses([GOOD_ROW]);
    expectClean(await runCli(['--home', home, 'pass', 'verify', '-'], { stdin: '' }), 0, 'no tokens on stdin');
  });

  it('pass redeem --offline --log: a directory (3); a file that is not a gate log is left alone (3)', async () => {
    const home = await homeWithPasses([GOOD_ROW]);
    const token = JSON.parse((await runCli(['--home', home, 'pass', 'export', '--format', 'ndjson'])).stdout).token as string;
    const redeem = (log: string) => runCli(['--home', home, 'pass', 'redeem', token, '--at', 'east-lake', '--date', '2026-05-12', '--offline', '--log', log], { now: '2026-05-12T10:00:00+08:00' });
    expectClean(await redeem(home), 3, `--log: ${home} is a directory`);
    const notes = path.join(home, 'notes.txt');
    writeFileSync(notes, 'shopping list\nmilk\n');
    expectClean(await redeem(notes), 3, 'notes.txt: not a gate log (no line is a scan); nothing was appended');
    expect(readFileSync(notes, 'utf8')).toBe('shopping list\nmilk\n');
  });

  it('pass reconcile of a directory (3) names it as a gate log, not a flag', async () => {
    const home = await homeWithPasses([GOOD_ROW]);
    const run = await runCli(['--home', home, 'pass', 'reconcile', home]);
    expectClean(run, 3, `${home} is a directory; expected a gate log file`);
    expect(run.stderr).not.toContain('--log:');
  });

  it('pass export and pass revocations export -o: a directory (2), a missing folder (4)', async () => {
    const home = await homeWithPasses([GOOD_ROW]);
    mkdirSync(path.join(home, 'out'));
    expectClean(await runCli(['--home', home, 'pass', 'export', '-o', path.join(home, 'out')]), 2, '-o: ', 'is a directory');
    expectClean(await runCli(['--home', home, 'pass', 'export', '-o', path.join(home, 'no', 'such', 'x.csv')]), 4, `the folder ${path.join(home, 'no', 'such')} does not exist`);
    expectClean(await runCli(['--home', home, 'pass', 'revocations', 'export', '-o', path.join(home, 'out')]), 2, 'is a directory');
  });
});

describe('pass issue in a home without a signing key: what the user typed is checked first', () => {
  const keyless = () => mkdtempSync(path.join(tmpdir(), 'yangtze-keyless-'));
  const issue = (home: string, ...args: string[]) => runCli(['--home', home, '--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', ...args]);
  const expectNotAboutKeys = (run: CliRun) => expect(run.stderr).not.toContain('signing key');

  it('a missing --plan (4), a directory as --bookings (3), a bookings file without a header (3)', async () => {
    const home = keyless();
    const missing = await issue(home, '--plan', path.join(home, 'nope.json'), '--holder', 'Li Wei');
    expectClean(missing, 4, `plan not found: ${path.join(home, 'nope.json')}`);
    expectNotAboutKeys(missing);
    const dir = await issue(home, '--bookings', home);
    expectClean(dir, 3, `--bookings: ${home} is a directory`);
    expectNotAboutKeys(dir);
    writeFileSync(path.join(home, 'empty.csv'), '');
    const empty = await issue(home, '--bookings', path.join(home, 'empty.csv'));
    expectClean(empty, 3, 'empty.csv:1:1 error empty-file');
    expectNotAboutKeys(empty);
  });

  it('a bad --category (2), a plan that is not an itinerary (3), a bad row under --strict (3)', async () => {
    const home = keyless();
    const plan = path.join(home, 'plan.json');
    writeFileSync(plan, JSON.stringify(anItinerary([{ attraction: 'east-lake', date: '2026-05-12' }])));
    const category = await issue(home, '--plan', plan, '--holder', 'Li Wei', '--category', 'alien');
    expectClean(category, 2, '--category: unknown rider category "alien"');
    expectNotAboutKeys(category);
    writeFileSync(path.join(home, 'notes.json'), '{"shopping": ["milk"]}');
    const notPlan = await issue(home, '--plan', path.join(home, 'notes.json'), '--holder', 'Li Wei');
    expectClean(notPlan, 3, 'notes.json: not an itinerary');
    expectNotAboutKeys(notPlan);
    const csv = path.join(home, 'b.csv');
    writeFileSync(csv, `${BOOKINGS_HEADER}\nBK1,Li Wei,,adult,no-such-pass,2026-05-12\n`);
    const strict = await issue(home, '--bookings', csv, '--strict');
    expectClean(strict, 3, '--strict: nothing was issued');
    expectNotAboutKeys(strict);
  });

  it('good input still needs the key: exit 4, saying how to make one', async () => {
    const home = keyless();
    const plan = path.join(home, 'plan.json');
    writeFileSync(plan, JSON.stringify(anItinerary([{ attraction: 'yellow-crane-tower', date: '2026-05-12' }, { attraction: 'east-lake', date: '2026-05-12' }])));
    expectClean(await issue(home, '--plan', plan, '--holder', 'Li Wei'), 4, 'no signing key: run `yangtze keys init`');
  });
});

describe('pass quote shows paths as the user would type them', () => {
  it('relative inside the working directory, absolute outside it (never ../..)', async () => {
    const home = aHome();
    mkdirSync(path.join(home, 'plans'));
    const inside = await runCli(['--catalogue', LEDGER_CATALOGUE, 'pass', 'quote', 'plans'], { cwd: home });
    expectClean(inside, 3, 'plans is a directory; expected an itinerary JSON file');
    expect(inside.stderr).not.toContain(home);
    const missing = await runCli(['--catalogue', LEDGER_CATALOGUE, 'pass', 'quote', path.join(home, 'plans', 'nope.json')], { cwd: path.join(home, 'plans') });
    expectClean(missing, 4, 'plan file not found: nope.json');
    writeFileSync(path.join(home, 'odd.json'), '{');
    const absolute = await runCli(['--catalogue', LEDGER_CATALOGUE, 'pass', 'quote', path.join(home, 'odd.json')], { cwd: path.join(home, 'plans') });
    expectClean(absolute, 3, `${path.join(home, 'odd.json')}: not JSON`);
    expect(absolute.stderr).not.toContain('..');
  });
});

describe('a home whose ledger or lists are in the way', () => {
  it('names a ledger.sqlite that is a directory (exit 3) in export, issue and redeem, never a stack trace', async () => {
    const home = aHome();
    mkdirSync(path.join(home, 'ledger.sqlite'));
    const bookings = path.join(home, 'b.csv');
    writeFileSync(bookings, `${BOOKINGS_HEADER}\n${GOOD_ROW}\n`);
    const other = await homeWithPasses([GOOD_ROW]);
    const [pass] = passesOf(other);
    for (const args of [
      ['pass', 'export'],
      ['--catalogue', LEDGER_CATALOGUE, 'pass', 'issue', '--bookings', bookings],
      ['pass', 'redeem', pass!.token, '--at', 'east-lake', '--trust', path.join(other, 'trust.json')],
    ]) {
      expectClean(await runCli(['--home', home, ...args], { now: '2026-05-12T10:00:00+08:00' }), 3, `${path.join(home, 'ledger.sqlite')} is a directory`);
    }
  });
});
