/**
 * The bad-input sweep of the whole CLI, as a table: each row is a command a
 * user might mistype, the exit code design/CLI.md gives it, and what the
 * message must name (the flag, the file, the field). No row may print a
 * stack trace or exit 70, and a failed command prints nothing on stdout.
 * A few rows run the real process (closed pipes, --home on a file).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BASE_ENV, BIN, REPO_ROOT, runCli, spawnCli, type CliRun, type RunCliOptions } from './helpers/run-cli.js';

const INVALID = 'test/fixtures/cli/catalogue-invalid.yaml';
const GOLDEN_PLAN = 'test/golden/eco-changsha-relaxed.itinerary.json';
const PLAN = ['plan', '--from', 'wuhan', '--start', '2026-05-12'];

let dir: string;
/**
 * Scratch files every row may name: `@empty`, `@binary`, `@dir`, `@file`, `@yaml-as-json`, `@dup-key` (a YAML key twice),
 * `@alien-plan` (a party category the catalogue lacks), `@bad-time-plan` (a visit at 25:99), `@bookings` (an unknown
 * product), `@home` (with keys).
 */
const files: Record<string, string> = {};
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'yangtze-bad-input-'));
  const put = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  files['@empty'] = put('empty.yaml', '');
  files['@binary'] = put('photo.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x7f, 0x0a]));
  files['@file'] = put('not-a-dir', 'a file');
  files['@yaml-as-json'] = put('plan.json', 'schemaVersion: 1\nkind: yangtze.itinerary\n');
  files['@dup-key'] = put('dup-key.yaml', 'version: 1\nname: One\nname: Two\n');
  const golden = JSON.parse(readFileSync(path.join(REPO_ROOT, GOLDEN_PLAN), 'utf8')) as { request: { party: Record<string, number> } };
  files['@alien-plan'] = put('alien-plan.json', JSON.stringify({ ...golden, request: { ...golden.request, party: { adult: 2, senoir: 1 } } }));
  const badTime = structuredClone(golden) as unknown as { days: { items: { kind: string; start?: string }[] }[] };
  badTime.days[0]!.items.find((i) => i.kind === 'visit')!.start = '2026-06-02T25:99:00+08:00';
  files['@bad-time-plan'] = put('bad-time-plan.json', JSON.stringify(badTime));
  files['@bookings'] = put('bookings.csv', 'booking,holder,id_number,category,product,start\nB1,Li Wei,,adult,no-such-product,2026-06-02\n');
  files['@dir'] = path.join(dir, 'a-directory');
  mkdirSync(files['@dir']);
  files['@home'] = path.join(dir, 'home');
  // A home with a signing key, so that only the bad input can fail (test/passes/bad-input.test.ts covers a home without one).
  expect((await runCli(['--home', files['@home'], 'keys', 'init'])).exitCode).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `@name` in an argument stands for a scratch file (also inside `--flag=@name`). */
const expand = (args: readonly string[]) => args.map((a) => a.replace(/@[a-z-]+/g, (m) => files[m] ?? m));

interface Row {
  readonly args: readonly string[];
  readonly exit: 1 | 2 | 3 | 4;
  /** Every pattern must match stderr. */
  readonly stderr: readonly RegExp[];
  readonly options?: RunCliOptions;
}

/**
 * The failure is the user's: a known exit code, stdout empty (with --json: the error as a JSON document),
 * no stack, never "internal error".
 */
function expectUserError(run: CliRun, row: Row): void {
  const stdout = row.args.includes('--json') ? { exitCode: row.exit, kind: 'yangtze.error' } : '';
  const shown = run.stdout && row.args.includes('--json') ? (({ exitCode, kind }) => ({ exitCode, kind }))(JSON.parse(run.stdout)) : run.stdout;
  expect({ exitCode: run.exitCode, stdout: shown }).toEqual({ exitCode: row.exit, stdout });
  expect(run.stderr).not.toMatch(/^ {4}at /m);
  expect(run.stderr).not.toMatch(/internal error/);
  for (const pattern of row.stderr) expect(run.stderr).toMatch(pattern);
}

const usage: Record<string, Row> = {
  'an unknown global flag': { args: ['--bogus'], exit: 2, stderr: [/unknown option '--bogus'/] },
  'an unknown flag on a subcommand': { args: ['catalogue', 'list', '--bogus'], exit: 2, stderr: [/unknown option '--bogus'/] },
  'a misspelt command, with a suggestion': { args: ['catalgue', 'list'], exit: 2, stderr: [/unknown command 'catalgue'/, /Did you mean 'catalogue'\?/] },
  'a misspelt subcommand of plan': { args: ['plan', 'chek', 'x.json'], exit: 2, stderr: [/unknown command 'plan chek'/, /Did you mean 'plan check'\?/] },
  'a misspelt pass subcommand': { args: ['pass', 'verfy', 'x'], exit: 2, stderr: [/unknown command 'pass verfy'/, /Did you mean 'pass verify'\?/] },
  'a command group without its subcommand': { args: ['keys'], exit: 2, stderr: [/Usage: yangtze keys/] },
  'a flag without its value': { args: ['plan', '--from'], exit: 2, stderr: [/'--from <city>' argument missing/] },
  'a missing argument': { args: ['catalogue', 'show'], exit: 2, stderr: [/missing required argument 'id'/] },
  'an extra argument': { args: ['catalogue', 'schema', 'extra'], exit: 2, stderr: [/too many arguments/] },
  '--lang fr': { args: ['--lang', 'fr', 'catalogue', 'list'], exit: 2, stderr: [/--lang <lang>' argument 'fr' is invalid.*en, zh/] },
  'catalogue list --theme foo': { args: ['catalogue', 'list', '--theme', 'foo'], exit: 2, stderr: [/--theme: unknown theme 'foo'/] },
  // A suggestion that rewrites half the word is no suggestion ('foo' was "Did you mean 'eco'?").
  'catalogue list --theme foo, no far-fetched suggestion': { args: ['catalogue', 'list', '--theme', 'foo'], exit: 2, stderr: [/--theme: unknown theme 'foo'\nThemes: eco, cultural, red, water\./] },
  // Chinese names are suggested from too ('长沙x' had no suggestion).
  'plan --to 长沙x, suggested from the Chinese name': { args: [...PLAN, '--to', '长沙x'], exit: 2, stderr: [/--to 长沙x: no such city in the catalogue \(Did you mean 'changsha'\?/] },
  'catalogue list --rating 9A': { args: ['catalogue', 'list', '--rating', '9A'], exit: 2, stderr: [/--rating: unknown rating '9A'/, /5A/] },
  'catalogue list --city wuhn': { args: ['catalogue', 'list', '--city', 'wuhn'], exit: 2, stderr: [/--city: no city 'wuhn'/, /Did you mean 'wuhan'/] },
  // An unknown city is a usage error in every command (one resolver, domain/catalogue/find-city.ts).
  'plan --to lushan': { args: [...PLAN, '--to', 'lushan'], exit: 2, stderr: [/--to lushan: no such city/] },
  'plan --from wuhn': { args: ['plan', '--from', 'wuhn', '--start', '2026-05-12'], exit: 2, stderr: [/--from wuhn: no such city/, /Did you mean 'wuhan'\?/] },
  'plan --start 2026-02-30': { args: [...PLAN.slice(0, 3), '--start', '2026-02-30'], exit: 2, stderr: [/--start 2026-02-30: not a real date; use YYYY-MM-DD/] },
  'plan --start 2026-13-01': { args: [...PLAN.slice(0, 3), '--start', '2026-13-01'], exit: 2, stderr: [/--start 2026-13-01: not a real date/] },
  'plan --start tomorrow': { args: [...PLAN.slice(0, 3), '--start', 'tomorrow'], exit: 2, stderr: [/--start tomorrow: not a real date/] },
  'plan --days 0': { args: [...PLAN, '--days', '0'], exit: 2, stderr: [/--days 0: give a whole number from 1 to 30/] },
  'plan --days 1000': { args: [...PLAN, '--days', '1000'], exit: 2, stderr: [/--days 1000: give a whole number from 1 to 30/] },
  'plan --days -1': { args: [...PLAN, '--days=-1'], exit: 2, stderr: [/--days -1: give a whole number/] },
  'plan --days x': { args: [...PLAN, '--days', 'x'], exit: 2, stderr: [/--days x: give a whole number/] },
  'plan --days 2.5': { args: [...PLAN, '--days', '2.5'], exit: 2, stderr: [/--days 2\.5: give a whole number/] },
  'plan --party adult=-1': { args: [...PLAN, '--party', 'adult=-1'], exit: 2, stderr: [/--party: "adult=-1" is not CATEGORY=COUNT/] },
  'plan --party adult=x': { args: [...PLAN, '--party', 'adult=x'], exit: 2, stderr: [/--party: "adult=x" is not CATEGORY=COUNT/] },
  'plan --party alien=2': { args: [...PLAN, '--party', 'alien=2'], exit: 2, stderr: [/--party: unknown rider category "alien"/, /adult/] },
  'plan --party (empty)': { args: [...PLAN, '--party', ''], exit: 2, stderr: [/--party is empty/] },
  'plan --party adult=0': { args: [...PLAN, '--party', 'adult=0'], exit: 2, stderr: [/--party: the party has nobody in it/] },
  'plan --themes foo': { args: [...PLAN, '--themes', 'foo'], exit: 2, stderr: [/--themes: unknown theme "foo"/] },
  'plan --pace fast': { args: [...PLAN, '--pace', 'fast'], exit: 2, stderr: [/--pace <pace>' argument 'fast' is invalid/] },
  'plan --format pdf': { args: [...PLAN, '--format', 'pdf'], exit: 2, stderr: [/--format pdf: use one of text, json/] },
  'plan --json --format csv': { args: [...PLAN, '--json', '--format', 'csv'], exit: 2, stderr: [/--json and --format csv disagree/] },
  'plan --time-limit -5': { args: [...PLAN, '--time-limit=-5'], exit: 2, stderr: [/--time-limit -5: give milliseconds/] },
  'plan --time-limit abc': { args: [...PLAN, '--time-limit', 'abc'], exit: 2, stderr: [/--time-limit abc: give milliseconds/] },
  'plan --seed abc': { args: [...PLAN, '--seed', 'abc'], exit: 2, stderr: [/--seed abc: give a whole number/] },
  'plan --seed -1': { args: [...PLAN, '--seed=-1'], exit: 2, stderr: [/--seed -1: give a whole number/] },
  'plan --budget -1': { args: [...PLAN, '--budget=-1'], exit: 2, stderr: [/--budget -1: give an amount in CNY/] },
  'plan --budget abc': { args: [...PLAN, '--budget', 'abc'], exit: 2, stderr: [/--budget abc: give an amount/] },
  'plan --day-start 25:00': { args: [...PLAN, '--day-start', '25:00'], exit: 2, stderr: [/--day-start 25:00: use HH:MM/] },
  'plan --day-end one hour after --day-start': { args: [...PLAN, '--day-start', '08:00', '--day-end', '09:00'], exit: 2, stderr: [/--day-end 09:00 leaves less than two hours/] },
  'plan --must and --avoid naming the same stop': {
    args: [...PLAN, '--must', 'yellow-crane-tower', '--avoid', 'yellow-crane-tower'],
    exit: 2,
    stderr: [/--must and --avoid both name yellow-crane-tower/],
  },
  'plan, several bad flags at once, each named': { args: [...PLAN.slice(0, 3), '--start', 'x', '--days', '0'], exit: 2, stderr: [/--start x/, /--days 0/] },
  'pass export --format pdf': { args: ['pass', 'export', '--format', 'pdf'], exit: 2, stderr: [/--format <format>' argument 'pdf' is invalid/] },
  'pass export --since 2026-02-30': { args: ['pass', 'export', '--since', '2026-02-30'], exit: 2, stderr: [/--since: "2026-02-30" is not a date/] },
  'pass redeem without --at': { args: ['pass', 'redeem', 'YZ1:x'], exit: 2, stderr: [/'--at <attraction>' not specified/] },
  'pass revoke without --reason': { args: ['pass', 'revoke', 'YZ-1'], exit: 2, stderr: [/'--reason <text>' not specified/] },
  'pass issue with neither --plan nor --bookings': { args: ['pass', 'issue'], exit: 2, stderr: [/missing --plan PLAN\.json .* or --bookings/] },
  // The last day must be a date the calendar can name (it was an internal error, exit 70).
  'plan --start 9999-12-31 --days 2': { args: [...PLAN.slice(0, 3), '--start', '9999-12-31', '--days', '2'], exit: 2, stderr: [/--start 9999-12-31 with --days 2 runs past 9999-12-31/] },
  // A category twice is a typo or a sum: asked, not guessed (it was summed silently).
  'plan --party adult=2,adult=3': { args: [...PLAN, '--party', 'adult=2,adult=3'], exit: 2, stderr: [/--party: adult is given twice \(adult=2 and adult=3\)/] },
  'quote --party adult=2,adult=3': { args: ['quote', GOLDEN_PLAN, '--party', 'adult=2,adult=3'], exit: 2, stderr: [/--party: adult is given twice/] },
  // An unknown cabin grade was priced at the example fare under its own name ("suit cabin").
  'quote --cabin suit': {
    args: ['quote', 'test/golden/cruise-chongqing-wuhan.itinerary.json', '--cabin', 'suit'],
    exit: 2,
    stderr: [/--cabin suit: no cruise in the catalogue has that cabin grade/, /Did you mean 'suite'\? Grades: inside, standard/],
  },
  // A flag of the other way of issuing was ignored silently.
  'pass issue --plan with --strict': { args: ['--home', '@home', 'pass', 'issue', '--plan', GOLDEN_PLAN, '--holder', 'Li Wei', '--strict'], exit: 2, stderr: [/--strict is for --bookings/] },
  'pass issue --bookings with --qr-dir and --holder': {
    args: ['--home', '@home', 'pass', 'issue', '--bookings', '@bookings', '--qr-dir', '@dir', '--holder', 'Li Wei'],
    exit: 2,
    stderr: [/--holder, --qr-dir are for --plan; with --bookings each row names/],
  },
  'pass list --status isued, in the one wording of a suggestion': { args: ['--home', '@home', 'pass', 'list', '--status', 'isued'], exit: 2, stderr: [/--status: unknown status "isued"\nDid you mean 'issued'\?/] },
};

const noInput: Record<string, Row> = {
  'plan in a terminal without --from under --no-input': {
    args: ['--no-input', 'plan', '--start', '2026-05-12'],
    exit: 2,
    stderr: [/missing --from/],
    options: { tty: true, stdinTTY: true },
  },
  'plan in a terminal without --start under --no-input': {
    args: ['--no-input', 'plan', '--from', 'wuhan'],
    exit: 2,
    stderr: [/missing --start/],
    options: { tty: true, stdinTTY: true },
  },
  'plan piped without --from (no prompt without a terminal)': { args: ['plan', '--start', '2026-05-12'], exit: 2, stderr: [/missing --from/] },
  'plan --interactive under --no-input': {
    args: ['--no-input', 'plan', '--interactive'],
    exit: 2,
    stderr: [/--interactive needs a terminal/],
    options: { tty: true, stdinTTY: true },
  },
  // Flags answer the session's questions in advance: a bad one is refused before the first question.
  'plan --interactive --days 0 --party alien=2 in a terminal': {
    args: ['plan', '--interactive', '--days', '0', '--party', 'alien=2'],
    exit: 2,
    stderr: [/--days 0: give a whole number from 1 to 30/, /--party: unknown rider category "alien"/],
    options: { tty: true, stdinTTY: true },
  },
  'plan in a terminal without --from, with --time-limit 0': {
    args: ['plan', '--start', '2026-05-12', '--time-limit', '0'],
    exit: 2,
    stderr: [/--time-limit 0: give milliseconds/],
    options: { tty: true, stdinTTY: true },
  },
  'yangtze alone under --no-input': { args: ['--no-input'], exit: 2, stderr: [/no command given/], options: { tty: true, stdinTTY: true } },
};

const notFound: Record<string, Row> = {
  'plan --must with a misspelt attraction': { args: [...PLAN, '--must', 'yellow-crane-towr'], exit: 4, stderr: [/--must yellow-crane-towr: no such attraction/, /yellow-crane-tower/] },
  'plan --avoid with an unknown attraction': { args: [...PLAN, '--avoid', 'nowhere-at-all'], exit: 4, stderr: [/--avoid nowhere-at-all: no such attraction/] },
  'plan --route nosuch': { args: [...PLAN, '--route', 'nosuch'], exit: 4, stderr: [/--route nosuch: no such curated route/, /red-heritage-trail/] },
  'catalogue show with a misspelt id': { args: ['catalogue', 'show', 'yellow-crane-towr'], exit: 4, stderr: [/no attraction or city 'yellow-crane-towr'/, /Did you mean 'yellow-crane-tower'/] },
  '--catalogue naming a missing file': { args: ['--catalogue', '/nonexistent/routes.yaml', 'catalogue', 'list'], exit: 4, stderr: [/^error: --catalogue \/nonexistent\/routes\.yaml: no such file$/m] },
  '--catalogue naming a missing file, relative': { args: ['--catalogue', 'no-such/routes.yaml', ...PLAN], exit: 4, stderr: [/^error: --catalogue no-such\/routes\.yaml: no such file$/m] },
  'catalogue validate naming a missing file': { args: ['catalogue', 'validate', '/nonexistent/routes.yaml'], exit: 4, stderr: [/\/nonexistent\/routes\.yaml does not exist/] },
  'plan check naming a missing file': { args: ['plan', 'check', '/nonexistent/plan.json'], exit: 4, stderr: [/\/nonexistent\/plan\.json: no such file/] },
  'pass quote naming a missing file': { args: ['pass', 'quote', '/nonexistent/plan.json'], exit: 4, stderr: [/not found: .*nonexistent\/plan\.json/] },
  'pass issue --plan naming a missing file': { args: ['--home', '@home', 'pass', 'issue', '--plan', '/nonexistent/plan.json', '--holder', 'Li Wei'], exit: 4, stderr: [/\/nonexistent\/plan\.json/] },
  'pass issue --bookings naming a missing file': { args: ['--home', '@home', 'pass', 'issue', '--bookings', '/nonexistent/b.csv'], exit: 4, stderr: [/\/nonexistent\/b\.csv/] },
  'pass reconcile naming a missing log': { args: ['pass', 'reconcile', '/nonexistent/gate.log'], exit: 4, stderr: [/gate log not found: \/nonexistent\/gate\.log/] },
};

const badFiles: Record<string, Row> = {
  'an empty catalogue': { args: ['--catalogue', '@empty', 'catalogue', 'list'], exit: 3, stderr: [/empty\.yaml error empty-catalogue/, /nothing was planned/] },
  'a binary catalogue': { args: ['catalogue', 'validate', '@binary'], exit: 3, stderr: [/photo\.json error binary-file/] },
  'a directory as the catalogue': { args: ['--catalogue', '@dir', 'plan', '--from', 'wuhan', '--start', '2026-05-12'], exit: 3, stderr: [/a-directory is a directory, not a catalogue file/] },
  'an empty plan file': { args: ['plan', 'check', '@empty'], exit: 3, stderr: [/empty\.yaml:1:1 error json-syntax/, /is not valid JSON/] },
  'a binary plan file (no control bytes echoed back)': { args: ['plan', 'check', '@binary'], exit: 3, stderr: [/photo\.json is not a text file/] },
  'YAML where plan JSON is expected, quoted on one line': { args: ['plan', 'check', '@yaml-as-json'], exit: 3, stderr: [/plan\.json error json-syntax: Unexpected token 's', "schemaVers[^\n]*is not valid JSON\n/] },
  'a directory as the plan file': { args: ['plan', 'check', '@dir'], exit: 3, stderr: [/a-directory: is a directory, not a plan file/] },
  'a plan from stdin that is not JSON': { args: ['plan', 'check', '-'], exit: 3, stderr: [/^<stdin>:2:1 error json-syntax/m], options: { stdin: '{\n' } },
  'a directory for pass issue --bookings': { args: ['--home', '@home', 'pass', 'issue', '--bookings', '@dir'], exit: 3, stderr: [/--bookings: .*a-directory is a directory/] },
  'a directory for pass issue --plan': { args: ['--home', '@home', 'pass', 'issue', '--plan', '@dir', '--holder', 'Li Wei'], exit: 3, stderr: [/--plan: .*a-directory is a directory/] },
  'a catalogue with a duplicated key, the key named': { args: ['catalogue', 'validate', '@dup-key'], exit: 3, stderr: [/dup-key\.yaml:3:1 error duplicate-key: The key "name" appears twice in the same mapping/] },
  'quote: a plan whose party has a category the catalogue lacks': {
    args: ['quote', '@alien-plan'],
    exit: 3,
    stderr: [/alien-plan\.json: request\.party\.senoir: unknown rider category "senoir" \(Did you mean 'senior'\? categories: adult, child/],
  },
  // Only the date part was read: the visit was priced on its day although its time is no time.
  'quote: a plan whose visit starts at 25:99': { args: ['quote', '@bad-time-plan'], exit: 3, stderr: [/bad-time-plan\.json: days\[0\]\.items\[\d+\]\.start: expected a local time/] },
  'pass quote: a plan whose party has a category the catalogue lacks': { args: ['pass', 'quote', '@alien-plan'], exit: 3, stderr: [/request\.party\.senoir: unknown rider category "senoir"/] },
  'pass issue --bookings: an unknown product with no near name lists the products': {
    args: ['--home', '@home', 'pass', 'issue', '--bookings', '@bookings', '--strict'],
    exit: 3,
    stderr: [/bookings\.csv:2:\d+ error unknown-product: unknown product "no-such-product"; the products are [a-z-]+, /],
  },
  'a directory as the plan file of pass quote': { args: ['pass', 'quote', '@dir'], exit: 3, stderr: [/^error: \/.*\/a-directory is a directory; expected an itinerary JSON file/m] },
};

/** Every command that reads the catalogue refuses one with errors: exit 3, every problem listed, nothing done. */
const invalidCatalogue: Record<string, Row> = Object.fromEntries(
  (
    [
      ['catalogue', 'list'],
      ['catalogue', 'show', 'wuhan'],
      ['catalogue', 'validate'],
      ['plan', '--from', 'wuhan', '--start', '2026-05-12'],
      ['plan', 'check', GOLDEN_PLAN],
      ['pass', 'products'],
      ['pass', 'quote', GOLDEN_PLAN],
      ['pass', 'issue', '--plan', GOLDEN_PLAN, '--holder', 'Li Wei'],
    ] as const
  ).map((args): [string, Row] => [
    `--catalogue with errors: ${args.slice(0, 2).join(' ')}`,
    {
      args: ['--catalogue', INVALID, ...args],
      exit: 3,
      stderr: [
        /^test\/fixtures\/cli\/catalogue-invalid\.yaml:22:14 error unknown-theme: /m,
        /^test\/fixtures\/cli\/catalogue-invalid\.yaml:36:11 error unknown-city: /m,
        /catalogue-invalid\.yaml: 2 errors/,
      ],
    },
  ]),
);

const badPaths: Record<string, Row> = {
  '--home on a file': { args: ['--home', '@file', 'keys', 'init'], exit: 2, stderr: [/--home .*not-a-dir: is a file, not a directory/] },
  '--home under a file': { args: ['--home', '@file/sub', 'pass', 'export'], exit: 2, stderr: [/--home .*not-a-dir\/sub: lies under .*not-a-dir, which is a file/] },
  // A bad busy timeout was ignored silently (the default used instead of what the operator set).
  'YANGTZE_LEDGER_BUSY_MS=abc': { args: ['--home', '@home', 'pass', 'list'], exit: 2, stderr: [/YANGTZE_LEDGER_BUSY_MS: "abc" is not whole milliseconds/], options: { env: { YANGTZE_LEDGER_BUSY_MS: 'abc' } } },
  'YANGTZE_HOME on a file': { args: ['keys', 'export'], exit: 2, stderr: [/YANGTZE_HOME=.*not-a-dir: is a file/], options: { env: { YANGTZE_HOME: '@file' } } },
  'plan -o a directory (refused before planning)': { args: [...PLAN, '-o', '@dir'], exit: 2, stderr: [/^error: -o .*a-directory: is a directory; give a file name$/m] },
  'plan -o in a missing folder': { args: [...PLAN, '-o', '/nonexistent/dir/plan.txt'], exit: 4, stderr: [/-o \/nonexistent\/dir\/plan\.txt: the folder \/nonexistent\/dir does not exist/] },
  'plan -o under a file': { args: [...PLAN, '-o', '@file/plan.txt'], exit: 2, stderr: [/-o .*not-a-dir\/plan\.txt: .*not-a-dir is not a directory/] },
};

const tables = { usage, noInput, notFound, badFiles, invalidCatalogue, badPaths };

for (const [tableName, table] of Object.entries(tables)) {
  describe(`bad input: ${tableName}`, () => {
    it.each(Object.entries(table))('%s', async (_name, row) => {
      const env = row.options?.env
        ? Object.fromEntries(Object.entries(row.options.env).map(([k, v]) => [k, v === undefined ? v : expand([v])[0]]))
        : undefined;
      const run = await runCli(expand(row.args), { ...row.options, ...(env ? { env } : {}), monotonicMs: () => 0 });
      expectUserError(run, row);
    });
  });
}

describe('bad input: checked before anything is planned', () => {
  /** A search would read the monotonic clock (its wall-clock cap); one that throws proves nothing was planned. */
  const noPlanning = () => {
    throw new Error('the plan was searched before the bad input was reported');
  };

  it.each([
    ['a missing --agency profile', ['--agency', '/nonexistent/agency.yaml'], 4, /--agency: agency profile not found: \/nonexistent\/agency\.yaml/],
    ['an empty --agency profile', ['--agency', '@empty'], 3, /empty\.yaml error missing-key: Missing required key "name"/],
  ] as const)('plan --quote --format html with %s', async (_name, flags, exit, stderr) => {
    const run = await runCli(expand([...PLAN, '--quote', '--format', 'html', ...flags]), { monotonicMs: noPlanning });
    expectUserError(run, { args: [], exit, stderr: [stderr] });
  });
});

describe('bad input: the real process', () => {
  it('exits 0 and quietly when stdout is closed before it writes (`catalogue list | head -0`)', async () => {
    const run = await closedStdout(['catalogue', 'schema']);
    expect(run).toEqual({ exitCode: 0, stderr: '' });
  });

  it('plan check on a file the device cannot read (EIO, no path in the error): exit 74, named, not a bug', async () => {
    if (!existsSync('/proc/self/mem')) return; // not Linux: nothing to check
    const run = await runCli(['plan', 'check', '/proc/self/mem']);
    expect({ exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr }).toEqual({ exitCode: 74, stdout: '', stderr: 'error: /proc/self/mem: cannot read it (input/output error)\n' });
  });

  it('refuses an unwritable -o with one line and the documented exit code, not a stack', async () => {
    const run = await spawnCli([...PLAN, '--json', '-o', '/proc/yangtze-test/plan.json']);
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toMatch(/^error: -o \/proc\/yangtze-test\/plan\.json: the folder \/proc\/yangtze-test does not exist\n$/);
  });

  it('refuses --home on a file in a real run, naming the flag', async () => {
    const run = await spawnCli(['--home', path.join(REPO_ROOT, 'package.json'), 'keys', 'init']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^error: --home .*package\.json: is a file, not a directory\n/);
    expect(run.stderr).not.toMatch(/^ {4}at /m);
  });

  it('gives usage errors on stderr only, with nothing on stdout', async () => {
    const run = await spawnCli(['plan', '--from', 'wuhan', '--start', '2026-02-30', '--no-input']);
    expect(run).toEqual({ exitCode: 2, stdout: '', stderr: 'error: --start 2026-02-30: not a real date; use YYYY-MM-DD, e.g. 2026-05-12\n' });
  });
});

/** Runs the bin with the read end of its stdout closed before it starts writing. */
function closedStdout(args: readonly string[]): Promise<{ exitCode: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...BASE_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    const err: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : -1), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
