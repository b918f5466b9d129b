import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { csvCell } from '../../src/export/pass-csv.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { homeWithPasses } from './ledger-helpers.js';

const rows = ['BK1,"Li, Wei",,adult,wuhan-culture-pass,2026-05-12', 'BK2,Wang Fang,,child,wuhan-culture-pass,2026-05-20'];

describe('pass export', () => {
  it('writes NDJSON, one pass per line, keys in the documented order', async () => {
    const home = await homeWithPasses(rows);
    const run = await runCli(['--home', home, 'pass', 'export', '--format', 'ndjson']);
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((p) => p.holder)).toEqual(['Li, Wei', 'Wang Fang']);
    expect(Object.keys(lines[0])).toEqual(['id', 'product', 'holder', 'category', 'validFrom', 'validUntil', 'attractions', 'price', 'status', 'booking', 'token']);
  });

  it('writes CSV with a header and quotes cells that need it', async () => {
    const home = await homeWithPasses(rows);
    const out = path.join(home, 'passes.csv');
    expect((await runCli(['--home', home, 'pass', 'export', '--format', 'csv', '-o', out])).exitCode).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe('id,product,holder,category,validFrom,validUntil,attractions,price,status,booking,token');
    expect(lines[1]).toMatch(/^YZ-[0-9A-Z]{12},wuhan-culture-pass,"Li, Wei",adult,2026-05-12,2026-05-14,east-lake;guiyuan-temple;yellow-crane-tower,120,issued,BK1,YZ1:/);
  });

  it('writes the pass JSON document, empty when --since is after every issue', async () => {
    const home = await homeWithPasses(rows);
    const all = JSON.parse((await runCli(['--home', home, 'pass', 'export'])).stdout);
    expect(all).toMatchObject({ schemaVersion: 1, kind: 'yangtze.passes' });
    expect(all.passes).toHaveLength(2);
    const none = JSON.parse((await runCli(['--home', home, 'pass', 'export', '--since', '2026-05-12'])).stdout);
    expect(none.passes).toEqual([]);
  });

  it('defuses spreadsheet formulas in customer-supplied cells with a leading apostrophe', async () => {
    const home = await homeWithPasses(['"=HYPERLINK(""http://x.example"",""win"")",Li Wei,,adult,wuhan-culture-pass,2026-05-12', '+86-BK2,@SUM(A1),,adult,wuhan-culture-pass,2026-05-12']);
    const run = await runCli(['--home', home, 'pass', 'export', '--format', 'csv']);
    const [, first, second] = run.stdout.split('\r\n');
    expect(first).toContain(',"\'=HYPERLINK(""http://x.example"",""win"")",');
    expect(second).toContain(",'@SUM(A1),");
    expect(second).toContain(",'+86-BK2,");
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@A1', "'@A1"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['Li-Wei', 'Li-Wei'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('csvCell(%j) is %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});
