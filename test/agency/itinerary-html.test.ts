import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderItineraryHtml } from '../../src/export/itinerary-html.js';
import { catalogue, itinerary, passes } from '../fixtures/agency/wuhan-nanchang.js';
import { pngStats } from './helpers/png-stats.js';
import { needTool, optionalTool, which } from './helpers/tools.js';

const STOPS_EN = [
  'Yellow Crane Tower Park',
  'Hubei Provincial Museum',
  'East Lake Scenic Area',
  'Wuhan Revolutionary Museum',
  'August 7th Meeting Site Memorial Hall',
  'Tengwang Pavilion',
  'Nanchang August 1st Uprising Memorial Hall',
  'Former Headquarters of the New Fourth Army',
];
const STOPS_ZH = ['黄鹤楼公园', '湖北省博物馆', '东湖风景区', '武汉革命博物馆', '八七会议会址纪念馆', '滕王阁', '南昌八一起义纪念馆', '南昌新四军军部旧址陈列馆'];

/** The visible text of the document, roughly: tags and the stylesheet removed. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&');
}

describe('plan --format html (the document)', () => {
  let en: string;
  let zh: string;
  beforeAll(async () => {
    en = await renderItineraryHtml(itinerary, catalogue, { lang: 'en', passes });
    zh = await renderItineraryHtml(itinerary, catalogue, { lang: 'zh', passes });
  });

  it('is self-contained: no scripts, stylesheets, images or fonts fetched from anywhere', () => {
    for (const doc of [en, zh]) {
      expect(doc).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
      expect(doc).not.toMatch(/(src|href)\s*=\s*"(https?:)?\/\//i);
      expect(doc).toContain('<style>');
    }
  });

  it('lists every stop in trip order, numbered, with times', () => {
    const text = visibleText(en);
    const positions = STOPS_EN.map((name) => text.indexOf(`${name}`, text.indexOf('Day by day')));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toMatch(/08:30–11:00\s+1\s+Yellow Crane Tower Park/);
    expect(text).toMatch(/09:00–11:00\s+7\s+Nanchang August 1st Uprising Memorial Hall/);
    expect(text).toContain('Train: Wuhan → Nanchang (2 h 10 min)');
  });

  it('draws the route map inline, with a numbered marker for each stop', () => {
    const markers = [...en.matchAll(/<g class="stop"><title>(\d+)\. /g)].map((m) => Number(m[1]));
    expect(markers.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(en).toMatch(/<svg [^>]*class="map"/);
  });

  it('colours each day by its theme', () => {
    expect(en).toMatch(/<section class="day theme-cultural" style="--theme:#8e5b00" data-day="1">/);
    expect(en).toMatch(/<section class="day theme-red" style="--theme:#c62828" data-day="2">/);
  });

  it('shows costs in yuan: ¥1,234.50 in English, 1,234.50 元 in Chinese', () => {
    expect(visibleText(en)).toMatch(/Total \(for the whole party\)\s+¥990\.00/);
    expect(visibleText(en)).toContain('¥665.00');
    expect(visibleText(zh)).toContain('合计（全体出行人）');
    expect(visibleText(zh)).toContain('990.00 元');
    expect(visibleText(zh)).not.toContain('¥');
  });

  it('is entirely in Chinese with --lang zh: names, labels and dates', () => {
    const text = visibleText(zh);
    for (const name of STOPS_ZH) expect(text).toContain(name);
    for (const name of STOPS_EN) expect(text).not.toContain(name);
    expect(text).toContain('武汉 → 南昌 · 3日行程');
    expect(text).toContain('第1天');
    expect(text).toContain('2026年5月12日 星期二');
    expect(text).toContain('需提前实名预约');
    expect(text).toContain('火车：武汉 → 南昌（2小时10分钟）');
    for (const word of ['Day ', 'Train', 'Free', 'Total', 'Overnight', 'Passes', 'May']) expect(text).not.toContain(word);
    expect(zh).toContain('<html lang="zh-CN">');
  });

  it('prints the pass bundle with a QR code per pass when passes are given', () => {
    const cards = en.match(/<article class="pass"/g) ?? [];
    expect(cards).toHaveLength(2);
    expect(en.match(/<div class="qr"><svg /g)).toHaveLength(2);
    expect(visibleText(en)).toContain('Holder: Li Wei');
    expect(visibleText(zh)).toContain('持票人：王芳');
    expect(visibleText(zh)).toContain('红色文化通票');
  });

  it('has no pass section without passes', async () => {
    const plain = await renderItineraryHtml(itinerary, catalogue, { lang: 'en' });
    expect(plain).not.toContain('class="pass"');
    expect(plain).not.toContain('<h2>Passes</h2>');
  });

  it('escapes names that look like markup', async () => {
    const odd = {
      ...catalogue,
      attractions: catalogue.attractions.map((a) => (a.id === 'wh-east-lake' ? { ...a, name: 'East Lake <b>&</b> "Moshan"' } : a)),
    };
    const html = await renderItineraryHtml(itinerary, odd, { lang: 'en' });
    expect(html).toContain('East Lake &lt;b&gt;&amp;&lt;/b&gt; &quot;Moshan&quot;');
    expect(html).not.toContain('<b>&</b>');
  });

  it('sets up A4 printing', () => {
    expect(en).toContain('@page{size:A4');
    expect(en).toContain('@media print');
  });
});

const { path: chromium, describe: describeBrowser } = needTool({
  what: 'HTML itinerary rendered in a browser',
  tool: 'Chromium',
  commands: ['chromium', 'chromium-browser', 'google-chrome'],
  install: 'apt-get install -y chromium',
});

describeBrowser('plan --format html (rendered in headless Chromium)', () => {
  let dir: string;
  const run = (args: string[]) =>
    spawnSync(chromium!, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${path.join(dir, 'profile')}`, ...args], {
      encoding: 'utf8',
      timeout: 90_000,
      maxBuffer: 64 * 1024 * 1024,
    });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'yangtze-html-'));
    writeFileSync(path.join(dir, 'en.html'), await renderItineraryHtml(itinerary, catalogue, { lang: 'en', passes }));
    writeFileSync(path.join(dir, 'zh.html'), await renderItineraryHtml(itinerary, catalogue, { lang: 'zh', passes }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders to a PNG that is not blank', () => {
    const png = path.join(dir, 'en.png');
    run(['--hide-scrollbars', '--window-size=900,2400', `--screenshot=${png}`, `file://${path.join(dir, 'en.html')}`]);
    expect(existsSync(png)).toBe(true);
    const stats = pngStats(readFileSync(png));
    expect(stats).toMatchObject({ width: 900, height: 2400 });
    expect(stats.distinctColours).toBeGreaterThan(20); // text, theme colours, map, QR codes
    expect(stats.inkShare).toBeGreaterThan(0.05);
  });

  it('prints to an A4 PDF that shows every stop', () => {
    const pdf = path.join(dir, 'en.pdf');
    run(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${path.join(dir, 'en.html')}`]);
    expect(existsSync(pdf)).toBe(true);
    expect(statSync(pdf).size).toBeGreaterThan(20_000);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Without pdftotext the DOM check below still covers the stop names.
    const pdftotext = optionalTool({ what: 'PDF text check of the HTML itinerary', tool: 'poppler-utils (pdftotext)', commands: ['pdftotext'], install: 'apt-get install -y poppler-utils' });
    if (!pdftotext) return;
    const text = spawnSync(pdftotext, ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    for (const name of STOPS_EN) expect(text).toContain(name);
    expect(text).toContain('¥990.00');
    const pdfinfo = which('pdfinfo');
    if (pdfinfo) expect(spawnSync(pdfinfo, [pdf], { encoding: 'utf8' }).stdout).toMatch(/Page size:.*\(A4\)/);
  });

  it('lays out the Chinese document with every stop (checked in the rendered DOM)', () => {
    const dom = run(['--dump-dom', `file://${path.join(dir, 'zh.html')}`]).stdout;
    expect(dom).toContain('<html lang="zh-CN">');
    for (const name of STOPS_ZH) expect(dom).toContain(name);
    expect(dom.match(/<article class="pass"/g)).toHaveLength(2);
  });
});
