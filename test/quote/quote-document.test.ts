/**
 * `quote --format html|pdf --agency`: the agency's document, rendered in a
 * real browser. Checks that the letterhead, the services day by day, the
 * price block and the pax-range table are there in both languages, that the
 * PDF is A4 with the prices in its text, and that a missing Chromium is
 * said plainly with exit 4. Bad profiles: exit 3 with file:line:col.
 * UPDATE_SCREENSHOTS=1 also writes docs/screenshots/quote-document-{en,zh}.png.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pngStats } from '../agency/helpers/png-stats.js';
import { needTool, optionalTool } from '../agency/helpers/tools.js';
import { REPO_ROOT, runCli } from '../cli/helpers/run-cli.js';

const AGENCY = path.join(REPO_ROOT, 'test', 'quote', 'fixtures', 'agency');
/** A saved 7-day plan, Chongqing → Nanchang (the Three Gorges cruise, Yichang, Wuhan), 2 adults and a child: the README request as planned before session 7, kept for its shapes (an evening arrival, a day in two cities). */
const PLAN = path.join(REPO_ROOT, 'test', 'quote', 'fixtures', 'plans', 'chongqing-nanchang-7d-evening-arrival.itinerary.json');
const QUOTE = ['quote', PLAN, '--guide', 'en', '--markup', '15%', '--rounding', 'up-to-10', '--agency', path.join(AGENCY, 'agency.yaml')];

describe('the agency document (HTML)', () => {
  it('carries the letterhead with the embedded logo, the services, the price block and the terms', async () => {
    const run = await runCli([...QUOTE, '--format', 'html']);
    expect(run.exitCode).toBe(0);
    const html = run.stdout;
    expect(html).toContain('Three Rivers Travel (sample agency)');
    expect(html).toMatch(/<img class="logo" src="data:image\/png;base64,[A-Za-z0-9+/=]{100,}"/);
    expect(html).toContain('Hotels, meals and transfers');
    expect(html).toContain('¥8,000.00*'); // adult sharing a twin room, after 15 % markup and rounding up to 10 (the night of the 20:00 arrival in Nanchang included)
    expect(html).toContain('¥20,750.00'); // the group (the child's cruise fare at 50 %)
    expect(html).toContain('This quote holds for 14 days.');
    expect(html).toContain('2 × Adult, 1 × Child');
    expect(html).not.toContain('Not in this plan'); // the planner's notes are for the agent, not the customer
  });

  it('marks a day spent on the cruise "Cruise", not "Free day" (day 2 is all aboard)', async () => {
    const html = (await runCli([...QUOTE, '--format', 'html'])).stdout;
    const day2 = html.slice(html.indexOf('data-day="2"'), html.indexOf('data-day="3"'));
    expect(day2).toContain('<span class="chip">Cruise</span>');
    expect(day2).not.toContain('Free day');
  });

  it('is in Chinese with --lang zh', async () => {
    const run = await runCli([...QUOTE, '--format', 'html', '--lang', 'zh']);
    expect(run.stdout).toContain('三江旅行社（示例）');
    expect(run.stdout).toContain('每人价格');
    expect(run.stdout).toContain('预付30%定金确认预订');
  });

  it('zh: the region and the agency\'s address are in Chinese (the catalogue\'s name_zh, the profile\'s address_zh), en keeps the English', async () => {
    const zh = (await runCli([...QUOTE, '--format', 'html', '--lang', 'zh'])).stdout;
    expect(zh).toContain('· 长江中游</p>');
    expect(zh).not.toContain('Yangtze River Middle Reaches');
    expect(zh).toContain('湖北省武汉市');
    expect(zh).not.toContain('Wuhan, Hubei');
    const en = (await runCli([...QUOTE, '--format', 'html'])).stdout;
    expect(en).toContain('· Yangtze River Middle Reaches</p>');
    expect(en).toContain('Wuhan, Hubei');
    expect(en).not.toContain('湖北省武汉市');
  });

  it('zh: a guide is named by language in Chinese (英文导游), not by its code', async () => {
    const zh = (await runCli([...QUOTE, '--format', 'html', '--lang', 'zh'])).stdout;
    expect(zh).toContain('4个游览日持证地陪英文导游');
    expect(zh).not.toMatch(/导游（en）/);
  });

  it('the cruise line\'s service charge is excluded at the figure two operators publish, naming them — no unsourced number', async () => {
    const en = (await runCli([...QUOTE, '--format', 'html'])).stdout;
    expect(en).toContain('USD 25 per person for a sailing of up to 4 nights on Century and Victoria ships');
    expect(en).not.toContain('about 150 yuan');
    const zh = (await runCli([...QUOTE, '--format', 'html', '--lang', 'zh'])).stdout;
    expect(zh).toContain('世纪游轮、美维游轮公布：4晚及以下航程每人25美元');
  });

  it.each([
    ['bad-key.yaml', '2:1', 'unknown-key', "Did you mean 'email'?"],
    ['missing-logo.yaml', '2:7', 'logo-not-found', 'missing.png'],
    ['bad-days.yaml', '2:13', 'wrong-type', 'Expected number, got "fourteen"'],
    ['no-name.yaml', '1:1', 'missing-key', 'Missing required key "name"'],
  ])('profile %s: exit 3 at file:line:col, nothing written', async (name, at, code, words) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quote-doc-'));
    const run = await runCli([...QUOTE.slice(0, -1), path.join(AGENCY, name), '--format', 'html', '-o', path.join(dir, 'q.html')]);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain(`${name}:${at} error ${code}`);
    expect(run.stderr).toContain(words);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--format pdf without Chromium: exit 4, saying what to install, nothing written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quote-doc-'));
    const run = await runCli([...QUOTE, '--format', 'pdf', '-o', path.join(dir, 'q.pdf')], { env: { PATH: dir } });
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toContain('PDF needs Chromium, which is not installed');
    expect(run.stderr).toContain('apt-get install chromium');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--format pdf needs -o', async () => {
    const run = await runCli([...QUOTE, '--format', 'pdf']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('needs -o');
  });
});

const { describe: describeBrowser } = needTool({
  what: 'quote document rendered in a browser',
  tool: 'Chromium',
  commands: ['chromium', 'chromium-browser', 'google-chrome'],
  install: 'apt-get install -y chromium',
});

describeBrowser('the agency document in headless Chromium', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'quote-browser-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['en', 'zh'])('%s: prints to an A4 PDF whose text has the prices and the pax-range table', async (lang) => {
    const pdf = path.join(dir, `${lang}.pdf`);
    const run = await runCli([...QUOTE, '--format', 'pdf', '-o', pdf, '--lang', lang], { env: { PATH: process.env.PATH } });
    expect(run.exitCode).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfinfo = optionalTool({ what: 'PDF checks of the quote document', tool: 'poppler-utils (pdfinfo)', commands: ['pdfinfo'], install: 'apt-get install -y poppler-utils' });
    const pdftotext = optionalTool({ what: 'PDF checks of the quote document', tool: 'poppler-utils (pdftotext)', commands: ['pdftotext'], install: 'apt-get install -y poppler-utils' });
    if (!pdfinfo || !pdftotext) return;
    expect(spawnSync(pdfinfo, [pdf], { encoding: 'utf8' }).stdout).toMatch(/Page size:.*\(A4\)/);
    const text = spawnSync(pdftotext, ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/[ \t]+/g, ' ');
    for (const price of ['¥8,000.00', '¥4,750.00', '¥20,750.00', '¥9,080.00', '¥6,600.00']) expect(text).toContain(price);
    expect(text).toContain(lang === 'zh' ? '三江旅行社' : 'Three Rivers Travel');
  });

  it('en: Latin text is set in a Latin font — the ’ of "adults’" is not a full-width CJK glyph (it left a gap of a whole letter-box)', async () => {
    const pdf = path.join(dir, 'en-font.pdf');
    await runCli([...QUOTE, '--format', 'pdf', '-o', pdf], { env: { PATH: process.env.PATH } });
    const pdftotext = optionalTool({ what: 'PDF word boxes of the quote document', tool: 'poppler-utils (pdftotext)', commands: ['pdftotext'], install: 'apt-get install -y poppler-utils' });
    if (!pdftotext) return;
    const boxes = spawnSync(pdftotext, ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
    const width = (word: string) => {
      const m = new RegExp(`xMin="([\\d.]+)"[^>]*xMax="([\\d.]+)"[^>]*>${word}<`).exec(boxes);
      if (!m) throw new Error(`"${word}" not in the PDF's text`);
      return Number(m[2]) - Number(m[1]);
    };
    // "adults’" is "adult" + "s’": in a Latin font that is about 1.5 average letters of "adult";
    // with the CJK font's full-width ’ it was about 3 (measured 2.97 before the fix).
    const letter = width('adult') / 5;
    expect((width('adults’') - width('adult')) / letter).toBeLessThan(2.2);
  });

  it.each(['en', 'zh'])('%s: the price page renders (a screenshot with text and colour)', async (lang) => {
    const pdf = path.join(dir, `${lang}-shot.pdf`);
    await runCli([...QUOTE, '--format', 'pdf', '-o', pdf, '--lang', lang], { env: { PATH: process.env.PATH } });
    const pdftoppm = optionalTool({ what: 'screenshot of the quote document', tool: 'poppler-utils (pdftoppm)', commands: ['pdftoppm'], install: 'apt-get install -y poppler-utils' });
    if (!pdftoppm) return;
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
    const prefix = path.join(dir, `${lang}-page`);
    // The first page (letterhead) and the one the price block starts (it starts a page in print;
    // the notes after it may run on — the last page was shot before, and showed only footnotes).
    const heading = lang === 'zh' ? '报价' : 'Your price';
    const pageText = (n: number) => spawnSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' }).stdout;
    const pricePage = Array.from({ length: pages }, (_, i) => i + 1).find((n) => pageText(n).split('\n').some((l) => l.trim() === heading));
    expect(pricePage).toBeDefined();
    expect(pageText(pricePage!)).toContain(lang === 'zh' ? '每人价格' : 'Price per person');
    spawnSync(pdftoppm, ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, `${prefix}-first`]);
    spawnSync(pdftoppm, ['-png', '-r', '60', '-f', String(pricePage), '-l', String(pricePage), pdf, `${prefix}-last`]);
    const shots = readdirSync(dir).filter((f) => f.startsWith(`${lang}-page`)).sort();
    expect(shots).toHaveLength(2);
    for (const shot of shots) {
      const stats = pngStats(readFileSync(path.join(dir, shot)));
      expect(stats.inkShare).toBeGreaterThan(0.01);
      expect(stats.distinctColours).toBeGreaterThan(5);
    }
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      copyFileSync(path.join(dir, shots[0]!), path.join(REPO_ROOT, 'docs', 'screenshots', `quote-document-${lang}-first.png`));
      copyFileSync(path.join(dir, shots[1]!), path.join(REPO_ROOT, 'docs', 'screenshots', `quote-document-${lang}-price.png`));
    }
    expect(existsSync(pdf)).toBe(true);
  });
});
