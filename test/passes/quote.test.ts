/**
 * `pass quote`: the bundle for a whole party, the walk-up comparison, the
 * "drop one stop" check, and the command's views and exit codes.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { quoteBundle } from '../../src/domain/passes/quote.js';
import { aCatalogue } from '../builders/catalogue-builder.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { anItinerary } from './builders.js';

const catalogue = aCatalogue()
  .withAttraction({ id: 'yellow-crane-tower', price: { adult: 70, child: 35 } })
  .withAttraction({ id: 'guiyuan-temple', price: { adult: 60 } })
  .withAttraction({ id: 'east-lake', price: { adult: 80 } })
  .withAttraction({ id: 'hubei-provincial-museum', price: { adult: 0 } })
  .withPass({
    id: 'wuhan-culture-pass',
    covers: { attractions: ['yellow-crane-tower', 'guiyuan-temple', 'east-lake'] },
    validity: { kind: 'consecutive-days', days: 2, starts: 'first-use' },
    entries: 'once',
    price: { adult: 150, child: 60 },
    blackout: [{ from: '2026-10-01', to: '2026-10-07' }],
  })
  .build();

const trip = [
  { attraction: 'yellow-crane-tower', date: '2026-05-12' },
  { attraction: 'guiyuan-temple', date: '2026-05-12' },
  { attraction: 'hubei-provincial-museum', date: '2026-05-13' },
  { attraction: 'east-lake', date: '2026-05-13' },
  { attraction: 'yellow-crane-tower', date: '2026-05-15' },
];

describe('quoteBundle', () => {
  const quote = quoteBundle(anItinerary(trip), catalogue, { adult: 2, child: 1 });
  const adult = quote.categories.find((c) => c.category === 'adult')!;
  const child = quote.categories.find((c) => c.category === 'child')!;

  it('buys the pass for the two days it pays and single tickets for the rest', () => {
    expect(adult.passes).toEqual([
      expect.objectContaining({ product: 'wuhan-culture-pass', price: 150, validFrom: '2026-05-12', validUntil: '2026-05-13', walkUpValue: 210 }),
    ]);
    expect(adult.singles.map((s) => [s.attraction, s.date, s.price])).toEqual([
      ['hubei-provincial-museum', '2026-05-13', 0],
      ['yellow-crane-tower', '2026-05-15', 70],
    ]);
    expect(adult).toMatchObject({ walkUp: 280, bundle: 220, savings: 60, travellers: 2 });
  });

  it('prices a category missing from a price map at the adult price', () => {
    // child: tower 35, temple 60 (no child price), lake 80 (no child price), tower again 35.
    expect(child).toMatchObject({ walkUp: 210, bundle: 95, savings: 115 });
  });

  it('totals the party: head counts times per-traveller prices', () => {
    expect(quote).toMatchObject({ walkUpTotal: 770, bundleTotal: 535, savings: 235, currency: 'CNY', optimal: true });
  });

  it('says whether each pass still pays when its dearest stop is dropped', () => {
    expect(adult.passes[0]!.worstDrop).toEqual({ attraction: 'east-lake', date: '2026-05-13', walkUpValueAfter: 130, stillPays: false });
    expect(child.passes[0]!.worstDrop).toMatchObject({ attraction: 'east-lake', walkUpValueAfter: 95, stillPays: true });
  });

  it('does not use the pass on a blackout date', () => {
    const golden = quoteBundle(
      anItinerary([
        { attraction: 'yellow-crane-tower', date: '2026-10-02' },
        { attraction: 'guiyuan-temple', date: '2026-10-02' },
        { attraction: 'east-lake', date: '2026-10-03' },
      ]),
      catalogue,
      { adult: 1 },
    );
    expect(golden.categories[0]).toMatchObject({ passes: [], bundle: 210 });
  });

  it('quotes nothing for a category with nobody in it', () => {
    expect(quoteBundle(anItinerary(trip), catalogue, { adult: 1, child: 0 }).categories.map((c) => c.category)).toEqual(['adult']);
  });
});

describe('yangtze pass quote', () => {
  const FIXTURE = 'test/passes/quote-catalogue.yaml';
  const dir = mkdtempSync(path.join(tmpdir(), 'yangtze-quote-'));
  const write = (name: string, content: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  const plan = write('plan.json', JSON.stringify(anItinerary(trip, { adult: 2 })));
  const quote = (...args: string[]) => runCli(['--catalogue', FIXTURE, 'pass', 'quote', ...args]);

  it('prints the versioned JSON document with --json', async () => {
    const run = await quote(plan, '--json');
    expect(run.exitCode).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'yangtze.pass-quote', walkUpTotal: 560, bundleTotal: 440, savings: 120 });
  });

  it('prints stable TSV rows in a pipe, the party total last', async () => {
    const run = await quote(plan, '--party', 'adult=1,child=2');
    expect(run.exitCode).toBe(0);
    const rows = run.stdout.trimEnd().split('\n').map((r) => r.split('\t'));
    expect(rows[0]).toEqual(['pass', 'adult', '1', 'wuhan-culture-pass', '2026-05-12', '2026-05-13', '150', '3', '210']);
    expect(rows.at(-1)).toEqual(['total', '', '3', '', '', '', String(220 + 2 * 95), '5', String(280 + 2 * 210)]);
  });

  it('shows names in both languages and the drop-one-stop verdict in a terminal', async () => {
    const run = await runCli(['--catalogue', FIXTURE, 'pass', 'quote', plan], { tty: true, env: { FORCE_COLOR: '0' } });
    expect(run.stdout).toContain('Wuhan Culture Pass (sample product) 武汉文化一票通');
    expect(run.stdout).toContain('if East Lake 东湖 (2026-05-13) is dropped: no longer pays (130 ≤ 150)');
    expect(run.stdout).toContain('Party: walk-up 560, bundle 440, saves 120 CNY');
  });

  it('exits 4 when the plan file is missing', async () => {
    const run = await quote(path.join(dir, 'nope.json'));
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toContain('plan file not found');
  });

  it('exits 3 naming the file when it is not JSON', async () => {
    const run = await quote(write('broken.json', '{ "kind": '));
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('broken.json: not JSON');
  });

  it('exits 3 naming the field when the kind or schema version is wrong', async () => {
    const wrongKind = await quote(write('kind.json', JSON.stringify({ ...anItinerary(trip), kind: 'yangtze.passes' })));
    expect(wrongKind.exitCode).toBe(3);
    expect(wrongKind.stderr).toContain('kind.json: kind: expected "yangtze.itinerary"');
    const wrongVersion = await quote(write('version.json', JSON.stringify({ ...anItinerary(trip), schemaVersion: 2 })));
    expect(wrongVersion.exitCode).toBe(3);
    expect(wrongVersion.stderr).toContain('version.json: schemaVersion: expected 1, got 2');
  });

  it('exits 3 on an attraction the catalogue does not know, with a suggestion', async () => {
    const run = await quote(write('unknown.json', JSON.stringify(anItinerary([{ attraction: 'yellow-crane-towr', date: '2026-05-12' }]))));
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain("days[0].items[0].attraction: unknown attraction \"yellow-crane-towr\" (Did you mean 'yellow-crane-tower'?)");
  });

  it('exits 2 on an unknown rider category in --party', async () => {
    const run = await quote(plan, '--party', 'adlt=2');
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("Did you mean 'adult'?");
  });
});

describe('yangtze pass products', () => {
  it('lists the products with validity, entries, coverage, prices and blackout', async () => {
    const run = await runCli(['--catalogue', 'test/passes/quote-catalogue.yaml', 'pass', 'products']);
    expect(run).toEqual({
      exitCode: 0,
      stderr: '',
      stdout:
        'wuhan-culture-pass\tWuhan Culture Pass (sample product)\t武汉文化一票通\t2 consecutive days from first use\tonce\t3\tadult 150, child 60\t2026-10-01..2026-10-07\n',
    });
  });

  it('prints a versioned JSON document with --json', async () => {
    const run = await runCli(['--catalogue', 'test/passes/quote-catalogue.yaml', 'pass', 'products', '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({
      schemaVersion: 1,
      kind: 'yangtze.pass-products',
      products: [{ id: 'wuhan-culture-pass', attractions: ['east-lake', 'guiyuan-temple', 'yellow-crane-tower'] }],
    });
  });
});
