/**
 * Terminal tables fit the terminal: the widest text columns are cut (by
 * display width, CJK counting two) and end in `…`; ids, numbers, headers and
 * the pipe view are never cut.
 */
import { describe, expect, it } from '@jest/globals';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { cutDisplayName } from '../../src/export/names.js';
import { displayWidth, MIN_CUT_WIDTH, renderTable, truncate, type Column } from '../../src/cli/table.js';
import { fakeEffects, runCli, stripAnsi } from './helpers/run-cli.js';
import { runCli as runProgram } from '../../src/cli/program.js';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly note: string;
  readonly price: number;
}

const rows: readonly Row[] = [
  { id: 'yangtze-grand-pass', name: 'Yangtze Middle Reaches Grand Pass 长江中游畅游通票', note: 'twelve consecutive days from first use', price: 598 },
  { id: 'east-lake', name: 'East Lake 东湖', note: 'free', price: 0 },
];

const plain = new Chalk({ level: 0 });
const columns: readonly Column<Row>[] = [
  { header: 'ID', value: (r) => r.id, whole: true },
  { header: 'NAME', value: (r) => r.name },
  { header: 'NOTE', value: (r) => r.note },
  { header: 'PRICE', value: (r) => String(r.price), align: 'right' },
];
const tty = (width?: number) => ({ view: 'tty' as const, style: plain, ...(width === undefined ? {} : { columns: width }) });
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

describe('renderTable in a terminal', () => {
  it('leaves a table that fits as it was', () => {
    expect(renderTable(tty(200), rows, columns)).toBe(renderTable(tty(), rows, columns));
    expect(renderTable(tty(200), rows, columns)).not.toContain('…');
  });

  it('cuts the widest text columns to the terminal width, ending cut cells with …', () => {
    const text = renderTable(tty(70), rows, columns);
    for (const line of lines(text)) expect(displayWidth(line)).toBeLessThanOrEqual(70);
    const [header, grand, lake] = lines(text);
    expect(header).toMatch(/^ID {18}NAME {2,}NOTE {2,}PRICE$/);
    expect(grand).toBe('yangtze-grand-pass  Yangtze Middle Reac…  twelve consecutive d…    598');
    expect(lake).toMatch(/^east-lake {11}East Lake 东湖 +free +0$/);
  });

  it('keeps ids, numbers and headers whole, and no text column narrower than MIN_CUT_WIDTH', () => {
    const text = renderTable(tty(20), rows, columns);
    const [header, grand] = lines(text);
    expect(header).toBe(`ID                  ${'NAME'.padEnd(MIN_CUT_WIDTH)}  ${'NOTE'.padEnd(MIN_CUT_WIDTH)}  PRICE`);
    expect(grand).toBe('yangtze-grand-pass  Yangtze Mi…  twelve con…    598');
  });

  it('cuts by display width: a CJK character takes two cells and is never split', () => {
    expect(truncate('长江中游畅游通票', 12)).toBe('长江中游畅…');
    expect(displayWidth(truncate('长江中游畅游通票', 12))).toBe(11);
    expect(truncate('ab长江中游畅游', 12)).toBe('ab长江中游…');
    expect(truncate('short', 12)).toBe('short');
    const zh: Column<Row>[] = [{ header: '名称', value: (r) => r.name.split(' ').pop()! }, { header: 'NOTE', value: (r) => r.note }];
    const table = renderTable(tty(30), rows, zh);
    for (const line of lines(table)) expect(displayWidth(line)).toBeLessThanOrEqual(30);
    // 14 cells each: six CJK characters and the … take 13, a seventh would not fit.
    expect(lines(table)[1]).toBe('长江中游畅游…   twelve consec…');
  });

  it('keeps a colour made from the cell text, and drops one made from the row that would bring back what was cut', () => {
    const red = new Chalk({ level: 1 });
    const coloured: Column<Row>[] = [
      { header: 'ID', value: (r) => r.id, whole: true },
      { header: 'NAME', value: (r) => r.name, color: (t) => red.red(t) },
      { header: 'NOTE', value: (r) => r.note, color: (_t, r) => red.blue(r.note) },
    ];
    const text = renderTable({ view: 'tty', style: red, columns: 50 }, rows, coloured);
    expect(text).toContain(red.red('Yangtze Middl…'));
    expect(stripAnsi(text)).not.toContain('first use');
    expect(text).toContain(red.blue('free'));
  });
});

describe('renderTable in a pipe', () => {
  it('prints full values whatever the terminal width', () => {
    const text = renderTable({ view: 'pipe', style: plain, columns: 20 }, rows, columns);
    expect(text).toBe('yangtze-grand-pass\tYangtze Middle Reaches Grand Pass 长江中游畅游通票\ttwelve consecutive days from first use\t598\neast-lake\tEast Lake 东湖\tfree\t0\n');
  });
});

describe('the CLI tables fit the terminal', () => {
  it.each([
    [['catalogue', 'list'], 100],
    [['--lang', 'zh', 'catalogue', 'list'], 100],
    [['pass', 'products'], 100],
  ] as const)('%j in a %i-column terminal', async (args, width) => {
    const run = await runCli(args, { tty: true, columns: width, env: { FORCE_COLOR: '1' } });
    expect(run.exitCode).toBe(0);
    const out = lines(stripAnsi(run.stdout));
    expect(out.length).toBeGreaterThan(2);
    for (const line of out) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    expect(run.stdout).toContain('…');
  });

  it('cuts nothing in a pipe', async () => {
    const run = await runCli(['catalogue', 'list'], { columns: 40 });
    expect(run.stdout).not.toContain('…');
    expect(run.stdout).toMatch(/^three-gorges-museum\tChina Three Gorges Museum\t/m);
  });
});

describe('catalogue list in a terminal (issue 14 item 22)', () => {
  // The real catalogue: ids up to 33 cells and names far wider than any terminal.
  const widest = (text: string) => Math.max(...lines(stripAnsi(text)).map(displayWidth));

  it.each([80, 120])('fits a %i-column terminal and shows both names of every attraction, cut with …', async (width) => {
    for (const lang of ['en', 'zh']) {
      const run = await runCli(['--lang', lang, 'catalogue', 'list'], { tty: true, columns: width, env: { FORCE_COLOR: '1' } });
      expect(run.exitCode).toBe(0);
      expect(widest(run.stdout)).toBeLessThanOrEqual(width);
      const body = lines(stripAnsi(run.stdout)).slice(1);
      expect(body.length).toBeGreaterThan(50);
      // The other language's name is the one at risk: in English the only Chinese text is the name, in
      // Chinese the only capitalised Latin text is the name (themes are lower case, cities Chinese).
      const json = JSON.parse((await runCli(['catalogue', 'list', '--json'])).stdout) as { attractions: { id: string; name: string; nameZh: string }[] };
      expect(body).toHaveLength(json.attractions.length);
      for (const a of json.attractions) {
        const row = body.find((r) => r.startsWith(a.id + ' '))!;
        expect(row).toContain(lang === 'en' ? a.nameZh.slice(0, 2) : a.name.slice(0, 4));
        expect(row).toContain(lang === 'en' ? a.name.slice(0, 4) : a.nameZh.slice(0, 2));
      }
      expect(run.stdout).toContain('…');
    }
  });

  it('shows a short name whole, English first, then Chinese, at 80 columns', async () => {
    const run = await runCli(['catalogue', 'list', '--city', 'jiujiang'], { tty: true, columns: 80, env: { FORCE_COLOR: '0' } });
    expect(run.stdout).toMatch(/^meilu-villa +Meilu Villa 美庐别墅 /m);
    expect(run.stdout).toMatch(/^lushan-national-park +Lushan \(Mount… 庐山风景名胜区 /m);
    expect(widest(run.stdout)).toBeLessThanOrEqual(80);
  });

  it('fits 80 columns when the terminal does not say its width', async () => {
    const { effects, stdout } = fakeEffects({ tty: true, env: { FORCE_COLOR: '0' } });
    const exitCode = await runProgram(['catalogue', 'list'], { ...effects, stdout: { ...stdout, columns: undefined } });
    expect(exitCode).toBe(0);
    expect(widest(stdout.text())).toBeLessThanOrEqual(80);
    expect(widest(stdout.text())).toBeGreaterThan(70);
  });

  it('keeps the pipe rows whole: both names in their own columns, nothing cut', async () => {
    const run = await runCli(['catalogue', 'list'], { columns: 80 });
    expect(run.stdout).not.toContain('…');
    expect(run.stdout).toMatch(/^three-gorges-dam\tThree Gorges Dam Tourist Area \(Tanziling, 185 Platform, Closure Memorial Park\)\t三峡大坝旅游区（坛子岭、185平台、截流纪念园）\tyichang\t/m);
  });
});

describe('cutDisplayName', () => {
  it('fits any width from 9 cells and keeps the start of both names, in either order', () => {
    const name = fc.string({ minLength: 1, maxLength: 60 }).map((s) => s.replace(/[\s…]/g, 'x'));
    const han = fc.array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { minLength: 1, maxLength: 30 }).map((cs) => String.fromCodePoint(...cs));
    fc.assert(
      fc.property(name, han, fc.constantFrom('en' as const, 'zh' as const), fc.integer({ min: 9, max: 120 }), (en, zh, lang, width) => {
        const cut = cutDisplayName({ name: en, nameZh: zh }, lang, width);
        expect(displayWidth(cut)).toBeLessThanOrEqual(width);
        const [first, second] = cut.split(' ');
        expect(lang === 'en' ? en : zh).toContain(first!.replace(/…$/, ''));
        expect(lang === 'en' ? zh : en).toContain(second!.replace(/…$/, ''));
        expect(second!.replace(/…$/, '').length).toBeGreaterThan(0);
      }),
    );
  });
});
